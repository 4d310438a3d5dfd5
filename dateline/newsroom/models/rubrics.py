from django.db import models
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from dateline.lib.pages import SiteRootPathsPerRequest


class Rubric(SiteRootPathsPerRequest, RoutablePageMixin, Page):
    """A section of one edition (Politics, Economy…): lists its stories and routes to them.

    Articles are not pages (an edition publishes 50,000 a year): their URLs,
    /<lang>/<rubric>/<slug>-<id>/, are answered by dateline.public.views.article_detail
    without walking the page tree.
    """

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

    @path("")
    def listing(self, request):
        from dateline.public.views import rubric_listing

        return rubric_listing(request, self)
