from django.db import models
from wagtail.models import Page

from dateline.lib.pages import SiteRootPathsPerRequest


class Rubric(SiteRootPathsPerRequest, Page):
    """A section of one edition (Politics, Economy…): lists its articles and routes to them.

    Articles are not pages (an edition publishes 50,000 a year): their URLs,
    /<lang>/<rubric>/<slug>-<id>/, are answered by dateline.public.views.article_detail
    without walking the page tree. Its own page is public's "newsroom/rubric.html", rendered
    by the tag in "public/rubric_page.html" (the listing is built in public, above us).
    """

    template = "public/rubric_page.html"

    intro = models.TextField(blank=True)
    iptc_media_topic = models.CharField(
        max_length=20,
        blank=True,
        help_text="IPTC Media Topic code for the wire, e.g. medtop:11000000 (politics).",
    )

    content_panels = [*Page.content_panels, "intro", "iptc_media_topic"]
    parent_page_types = ["public.EditionHomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "rubric"
