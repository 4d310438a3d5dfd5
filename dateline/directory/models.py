"""The portal's sections beside the news: Government Bodies, Projects, Services."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from dateline.lib.pages import EditionPageMixin
from dateline.newsroom.selectors import as_cards, published_articles


class GovernmentBodyCategory(TranslatableMixin, Orderable):
    name = models.CharField(max_length=150)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name_plural = "government body categories"

    def __str__(self) -> str:
        return self.name


class GovernmentBody(TranslatableMixin, index.Indexed, models.Model):
    category = models.ForeignKey(
        GovernmentBodyCategory, on_delete=models.PROTECT, related_name="bodies"
    )
    name = models.CharField(max_length=255)
    website = models.URLField(blank=True)
    address = models.CharField(max_length=255, blank=True)
    phone = models.CharField(max_length=50, blank=True)

    panels = ["category", "name", "website", "address", "phone"]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name_plural = "government bodies"

    def __str__(self) -> str:
        return self.name


class GovernmentBodiesPage(EditionPageMixin, Page):
    """The directory of government bodies, grouped by category, for one edition."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["public.EditionHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = GovernmentBodyCategory.objects.filter(locale_id=self.locale_id)
        bodies = GovernmentBody.objects.filter(locale_id=self.locale_id).order_by("name")
        by_category: dict[int, list[GovernmentBody]] = {}
        for body in bodies:
            by_category.setdefault(body.category_id, []).append(body)
        context["categories"] = [(c, by_category.get(c.pk, [])) for c in categories]
        return context


class ProjectsIndexPage(EditionPageMixin, Page):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["public.EditionHomePage"]
    subpage_types = ["directory.ProjectPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = ProjectPage.objects.child_of(self).live().select_related("image")
        return context


class ProjectPage(EditionPageMixin, Page):
    """A special project: its own page and its own set of articles (chosen on each article)."""

    summary = models.TextField(blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, "summary", "image", "body"]
    parent_page_types = ["directory.ProjectsIndexPage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        articles = as_cards(published_articles(locale_id=self.locale_id))
        context["articles"] = articles.filter(projects=self)[:30]
        return context


class ServicesIndexPage(EditionPageMixin, Page):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["public.EditionHomePage"]
    subpage_types = ["directory.ServicePage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = ServicePage.objects.child_of(self).live()
        return context


class ServicePage(EditionPageMixin, Page):
    summary = models.TextField(blank=True)
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, "summary", "body"]
    parent_page_types = ["directory.ServicesIndexPage"]
    subpage_types: list[str] = []
