from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page


class Rubric(RoutablePageMixin, Page):
    """A section of one edition (Politics, Economy…): lists its stories and routes to them.

    Articles are not pages (an edition publishes 50,000 a year); the rubric page answers
    /<lang>/<rubric>/<slug>-<id>/ for each of its articles.
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

    @re_path(r"^(?P<slug>[-\w]*)-(?P<article_id>\d+)/$")
    def article(self, request, slug, article_id):
        from dateline.newsroom.selectors import killed_article, published_article
        from dateline.public.views import article_page, withdrawn_article

        article = published_article(article_id=int(article_id), locale_id=self.locale_id)
        if article is None:
            killed = killed_article(article_id=int(article_id), locale_id=self.locale_id)
            if killed is not None:
                return withdrawn_article(request, killed)
            raise Http404("No such article in this edition")
        if article.rubric_id != self.pk or article.slug != slug:
            # Old slug or moved rubric: one canonical URL per story.
            return redirect(article.url, permanent=True)
        return article_page(request, article)
