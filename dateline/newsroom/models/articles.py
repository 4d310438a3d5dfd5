from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
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

from dateline.lib.searchfields import EditionAutocomplete, EditionText
from dateline.lib.slugs import slug_from_text

from ..blocks import ArticleBodyBlock
from ..signals import article_publish_done, article_unpublish_asked, pipeline_send
from .translating import translation_prepare


class Urgency(models.IntegerChoices):
    """Agency urgency, stored as its IPTC urgency (1 most urgent … 9 least)."""

    FLASH = 1, "Flash"
    URGENT = 3, "Urgent"
    ROUTINE = 5, "Routine"


class ChangeKind(models.TextChoices):
    """How an editor labels a change to a published article when republishing it."""

    REVISION = "", "Minor change (not announced)"
    UPDATE = "update", "Update — shown as “Updated 13:05”"
    CORRECTION = "correction", "Correction — with a public note"


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
    """An article. A snippet with drafts, revisions, workflow and translations — not a page.

    The same article in other editions shares this article's translation_key.
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
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text=(
            "Wire partners receive the story at once, marked embargoed; readers, feeds, search "
            "and newsletters see nothing of it until this time."
        ),
    )
    change_kind = models.CharField(
        "kind of change",
        max_length=20,
        choices=ChangeKind.choices,
        blank=True,
        help_text="When republishing a published story: how readers and partners are told.",
    )
    change_note = models.TextField(
        blank=True, help_text="For a correction: what was wrong, shown under the story."
    )

    # Set by the publishing actions (dateline.publishing.pipeline), never by the form.
    public_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When readers could first see it."
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    killed_at = models.DateTimeField(null=True, blank=True, editable=False)
    kill_reason = models.TextField(blank=True, editable=False)
    killed_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    owner = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
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

    # The editor's form (panels) is the admin's: ArticleViewSet in wagtail_hooks.py.

    # EditionText: the text plus what each edition's search needs (dateline/lib/searchtext.py).
    search_fields = [
        EditionText("headline", boost=3),
        EditionAutocomplete("headline"),
        EditionText("lead", boost=2),
        EditionText("body"),
        EditionText("dateline_city"),
        index.FilterField("locale_id"),
        index.FilterField("rubric_id"),
        index.FilterField("live"),
        index.FilterField("urgency"),
        index.FilterField("first_published_at"),
        index.FilterField("public_at"),
        index.FilterField("killed_at"),
        # The admin's list shows a reporter their own drafts (desks.articles_visible).
        index.FilterField("owner_id"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        # A killed article leaves the search index (kills are often for legal reasons: its text
        # should not stay searchable anywhere); a restore puts it back.
        return super().get_indexed_objects().filter(killed_at__isnull=True)

    class Meta(TranslatableMixin.Meta):
        ordering = ["-public_at", "-id"]
        permissions = [("kill_article", "Can kill (withdraw) and restore articles")]
        indexes = [
            # The public listings: newest first per edition and per rubric, keyset-paginated.
            models.Index(
                fields=["locale", "-public_at", "-id"],
                condition=models.Q(live=True, killed_at__isnull=True),
                name="article_public_by_locale",
            ),
            # The admin's article list (all articles, drafts first), searched or not.
            models.Index(fields=["-public_at", "-id"], name="article_admin_order"),
            # The locale too, although a rubric belongs to one edition: every listing asks for
            # both, and with it in the index a rubric's articles are read from the index alone
            # (search filtered by rubric and year at 1M articles: 10 ms instead of 90 ms).
            models.Index(
                fields=["rubric", "locale", "-public_at", "-id"],
                condition=models.Q(live=True, killed_at__isnull=True),
                name="article_public_by_rubric",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def clean(self):
        super().clean()
        self._clean_embargo(timezone.now())

    def _clean_embargo(self, now) -> None:
        if self.embargo_until is None:
            return
        stored = (
            Article.objects.filter(pk=self.pk).values_list("embargo_until", flat=True).first()
            if self.pk
            else None
        )
        if self.embargo_until <= now and self.embargo_until != stored:
            raise ValidationError(
                {"embargo_until": "The embargo time has already passed: choose a future time."}
            )
        if self.go_live_at and self.embargo_until > self.go_live_at:
            raise ValidationError(
                {
                    "embargo_until": "The embargo ends after the scheduled publication, when the "
                    "story goes out on every channel: end it before, or drop the schedule."
                }
            )

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

    @property
    def is_killed(self) -> bool:
        return self.killed_at is not None

    def is_embargoed(self, now) -> bool:
        return self.embargo_until is not None and self.embargo_until > now

    # Set by the publishing actions; a translation starts with none of them.
    exclude_fields_in_copy = [
        "public_at",
        "version",
        "killed_at",
        "kill_reason",
        "killed_by",
        "owner",
        "change_kind",
        "change_note",
        "created_at",
    ]

    def copy_for_translation(self, locale, exclude_fields=None):
        return translation_prepare(self, super().copy_for_translation(locale, exclude_fields))

    def publish(self, revision, *args, **kwargs):
        """Wagtail's publish (admin, workflow, schedule), then the agency's pipeline."""
        # One transaction: a crash can never leave an article live without its public version
        # (and the wire fan-out it queues); the release task simply runs it again.
        with transaction.atomic():
            result = super().publish(revision, *args, **kwargs)
            pipeline_send(
                article_publish_done,
                type(self),
                article_id=self.pk,
                revision=revision,
                user=kwargs.get("user"),
            )
        return result

    def unpublish(self, set_expired=False, commit=True, user=None, log_action=True):
        """Wagtail's unpublish (admin, expiry), through the agency's withdrawal: readers and
        partners are told (dateline.publishing.pipeline.article_unpublish)."""
        if not commit:
            return super().unpublish(set_expired, commit, user, log_action)
        pipeline_send(
            article_unpublish_asked,
            type(self),
            article=self,
            user=user,
            set_expired=set_expired,
            log_action=log_action,
        )
        self.refresh_from_db()

    def get_preview_template(self, request, mode_name):
        # The reader's page, built by public (above the newsroom) from the template's tag;
        # the context is Wagtail's default: {"object": self, "request": request}.
        return "public/article_preview.html"


class VersionKind(models.TextChoices):
    FIRST = "first", "First published"
    REVISION = "revision", "Minor change"
    UPDATE = "update", "Update"
    CORRECTION = "correction", "Correction"
    KILL = "kill", "Killed"
    WITHHOLD = "withhold", "Withheld (unpublished)"
    RESTORE = "restore", "Restored"


class ArticleVersion(models.Model):
    """One public version of an article: what readers and wire partners were given, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=VersionKind.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField()
    # When partners without embargo access got this version: its creation, or the end of the
    # article's embargo if that came later. Stored (not computed) so that the wire's "newest
    # change first" list walks an index instead of sorting every version (1.1 s at 10,000).
    released_at = models.DateTimeField()
    user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_article_version")
        ]
        indexes = [
            models.Index(fields=["kind", "-created_at"], name="article_version_by_kind"),
            models.Index(fields=["-released_at", "-id"], name="article_version_released"),
            models.Index(fields=["-created_at", "-id"], name="article_version_created"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.number} {self.kind}"

    def save(self, *args, **kwargs):
        if self.released_at is None:
            self.released_at = version_released_at(self.created_at, self.article.public_at)
        super().save(*args, **kwargs)


def version_released_at(created_at, public_at):
    """A version reaches partners without embargo access when made, or when the embargo ends."""
    return max(created_at, public_at) if public_at else created_at
