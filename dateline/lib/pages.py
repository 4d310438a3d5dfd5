from django.http import Http404


class EditionPageMixin:
    """For Wagtail pages of an edition: adds the header and footer (page_chrome) to the context."""

    def get_context(self, request, *args, **kwargs):
        # Imported here: the chrome reads the page models that use this mixin.
        from dateline.public.chrome import page_chrome

        context = super().get_context(request, *args, **kwargs)
        chrome = page_chrome(locale_id=self.locale_id)
        if chrome is None:
            raise Http404("This page belongs to no edition")
        context.update(chrome)
        return context
