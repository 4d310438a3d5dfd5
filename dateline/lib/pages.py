import threading

from django.core.signals import request_finished, request_started
from django.dispatch import receiver
from django.http import Http404


class EditionPageMixin:
    """For Wagtail pages of an edition: adds the header and footer (page_chrome), the canonical
    address and the hreflang links to the context."""

    def get_context(self, request, *args, **kwargs):
        # Imported here: the chrome reads the page models that use this mixin.
        from dateline.public.chrome import page_chrome, page_translations
        from dateline.public.seo import page_links

        context = super().get_context(request, *args, **kwargs)
        translations = page_translations(self)
        chrome = page_chrome(locale_id=self.locale_id, translations=translations)
        if chrome is None:
            raise Http404("This page belongs to no edition")
        context.update(chrome)
        # Its address and translations for search engines, as the pages sitemap lists them.
        language = chrome["edition"].language
        context.update(page_links(request, self.url, {**translations, language: self.url}))
        return context


class SiteRootPathsPerRequest:
    """For pages whose URL is asked many times a request (a rubric, for each story linked):
    Wagtail keeps the site root paths on each page object, so a list of 40 stories (each
    with its own rubric object) asks the cache 40 times. Inside a request, ask it once; a
    page object that was given them (the menu's, kept with the page chrome) asks nobody."""

    def _get_site_root_paths(self, request=None):
        given = "_wagtail_cached_site_root_paths" in self.__dict__
        if request is None and not given and getattr(_request_memo, "active", False):
            paths = getattr(_request_memo, "site_root_paths", None)
            if paths is None:
                paths = _request_memo.site_root_paths = super()._get_site_root_paths()
            return paths
        return super()._get_site_root_paths(request)


_request_memo = threading.local()


@receiver(request_started)
def _request_started(**kwargs):
    _request_memo.active = True
    _request_memo.site_root_paths = None


@receiver(request_finished)
def _request_finished(**kwargs):
    _request_memo.active = False
    _request_memo.site_root_paths = None
