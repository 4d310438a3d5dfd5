from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from dateline.lib.slugs import slug_from_text

from ..blocks import ArticleBodyBlock


class Urgency(models.IntegerChoices):
    """Agency urgency, stored as its IPTC urgency (1 most urgent … 9 least)."""

    FLASH = 1, "Flash"
    URGENT = 3, "Urgent"
    ROUTINE = 5, "Routine"


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.Article", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Article(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A story. A snippet with drafts, revisions, workflow and translations — not a page.

    The same story in other editions shares this article's translation_key.
    Publication times come from DraftStateMixin: first_published_at, last_published_at.
    """

    headline = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=120, blank=True, help_text="Part of the URL; made from the headline if empty."
    )
    lead = models.TextField(max_length=800, help_text="The standfirst: one or two sentences.")
    body = StreamField(ArticleBodyBlock(), blank=True)
    dateline_city = models.CharField(
        max_length=80, help_text="Where the story was filed, in the edition's language."
    )
    rubric = models.ForeignKey("newsroom.Rubric", on_delete=models.PROTECT, related_name="articles")
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(
        max_length=400, blank=True, help_text="Name the people shown."
    )
    lead_image_credit = models.CharField(max_length=150, blank=True)
    authors = ParentalManyToManyField("newsroom.Author", blank=True, related_name="articles")
    people = ParentalManyToManyField(
        "newsroom.Person", blank=True, related_name="articles", verbose_name="people mentioned"
    )
    projects = ParentalManyToManyField("directory.ProjectPage", blank=True, related_name="articles")
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    urgency = models.PositiveSmallIntegerField(choices=Urgency.choices, default=Urgency.ROUTINE)
    created_at = models.DateTimeField(auto_now_add=True)

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="article",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="article",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("headline"),
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("rubric"), FieldPanel("urgency"), FieldPanel("dateline_city")]),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead photo",
        ),
        FieldPanel("body"),
        FieldPanel("authors"),
        FieldPanel("people"),
        FieldPanel("tags"),
        FieldPanel("projects"),
        FieldPanel("slug"),
    ]

    search_fields = [
        index.SearchField("headline", boost=3),
        index.AutocompleteField("headline"),
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.SearchField("dateline_city"),
        index.FilterField("locale_id"),
        index.FilterField("rubric_id"),
        index.FilterField("live"),
        index.FilterField("urgency"),
        index.FilterField("first_published_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-first_published_at", "-id"]
        indexes = [
            # The public listings: newest first per edition and per rubric, keyset-paginated.
            models.Index(
                fields=["locale", "-first_published_at", "-id"],
                condition=models.Q(live=True),
                name="article_live_by_locale",
            ),
            models.Index(
                fields=["rubric", "-first_published_at", "-id"],
                condition=models.Q(live=True),
                name="article_live_by_rubric",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_from_text(self.headline)
        super().save(*args, **kwargs)

    @property
    def url(self) -> str:
        return f"{self.rubric.url}{self.slug}-{self.pk}/"

    def get_absolute_url(self) -> str:
        return self.url

    @property
    def iptc_urgency(self) -> int:
        return int(self.urgency)

    def get_preview_template(self, request, mode_name):
        return "newsroom/article.html"

    def get_preview_context(self, request, mode_name):
        from dateline.public.views import article_context

        return article_context(request, self)
