"""Structural pages of an edition: its home, All news and plain pages."""

from django.db import models
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from dateline.lib.pages import EditionPageMixin


class EditionHomePage(Page):
    """The front page of one edition (/en/, /ru/…): main article, latest news, rubric blocks."""

    main_article = models.ForeignKey(
        "newsroom.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="main story",
        help_text="Leave empty to lead with the newest story that has a photo.",
    )

    content_panels = [*Page.content_panels, "main_article"]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "newsroom.Rubric",
        "public.AllNewsPage",
        "public.StandardPage",
        "directory.ProjectsIndexPage",
        "directory.ServicesIndexPage",
        "directory.GovernmentBodiesPage",
    ]

    # Rendered by the tag in this template (templatetags/layout.py): models name templates,
    # views build their context; a model never imports a view.
    template = "public/edition_home_serve.html"

    class Meta:
        verbose_name = "edition home page"


class AllNewsPage(Page):
    """Every article of the edition, newest first, grouped by day (/<lang>/news/)."""

    parent_page_types = ["public.EditionHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    template = "public/all_news_serve.html"  # rendered by its tag, as the home page

    class Meta:
        verbose_name = "All news page"


class StandardPage(EditionPageMixin, Page):
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, "body"]
    parent_page_types = ["public.EditionHomePage", "public.StandardPage"]


@register_setting(icon="mail")
class SubscribeSettings(BaseGenericSetting):
    """Where “Subscribe to us” leads, beside each edition's own RSS feed."""

    telegram_url = models.URLField(blank=True, help_text="e.g. https://t.me/your_channel")
    x_url = models.URLField(blank=True, help_text="e.g. https://x.com/your_account")
    newsletter_email = models.EmailField(
        blank=True, help_text="Readers write here to subscribe by email."
    )

    class Meta:
        verbose_name = "subscribe links"
