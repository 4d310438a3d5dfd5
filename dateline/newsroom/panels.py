from django.urls import reverse
from wagtail.admin.panels import Panel

from .translations import translations_status


class TranslationsPanel(Panel):
    """Which editions carry this article, and whether each lags behind it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/admin/translations_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            article = self.instance
            context["translations"] = translations_status(article)
            context["translate_url"] = (
                reverse(
                    "simple_translation:submit_snippet_translation",
                    args=["newsroom", "article", article.pk],
                )
                if article.pk
                else ""
            )
            return context
