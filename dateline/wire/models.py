"""Partners of the wire: what they subscribe to, how they authenticate, where we push."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from .formats import FORMAT_CHOICES, NINJS_31
from .push.destinations import DestinationError, destination_vet


class Partner(ClusterableModel):
    """A medium that republishes the agency's articles: a regional site, a broadcaster, a client."""

    name = models.CharField(max_length=150, unique=True)
    embargo_allowed = models.BooleanField(
        "may see embargoed stories",
        default=False,
        help_text="Embargoed stories reach this partner at once, marked with the embargo time. "
        "Other partners see nothing of them until the embargo ends.",
    )
    is_active = models.BooleanField(
        default=True, help_text="Inactive partners' keys are refused and nothing is pushed."
    )
    contact = models.CharField(max_length=255, blank=True, help_text="Who to call when it breaks.")
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("embargo_allowed"),
        FieldPanel("is_active"),
        FieldPanel("contact"),
        InlinePanel("products", heading="Products", label="Product"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    """One edition the partner receives: all of its rubrics, or one."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="products")
    edition = models.ForeignKey("newsroom.Edition", on_delete=models.CASCADE, related_name="+")
    rubric = models.ForeignKey(
        "newsroom.Rubric",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Empty: every rubric of the edition.",
    )

    panels = [FieldPanel("edition"), FieldPanel("rubric")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "edition", "rubric"], name="unique_wire_product"
            ),
            models.UniqueConstraint(
                fields=["partner", "edition"],
                condition=models.Q(rubric__isnull=True),
                name="unique_wire_whole_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition} / {self.rubric or 'all rubrics'}"

    def clean(self):
        super().clean()
        if self.rubric_id and self.edition_id and self.rubric.locale_id != self.edition.locale_id:
            raise ValidationError({"rubric": "Choose a rubric of the same edition."})


class ApiKey(models.Model):
    """A partner's key for the pull API. Only a SHA-256 digest of the secret is stored."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="api_keys")
    label = models.CharField(max_length=100, blank=True, help_text="e.g. “production poller”.")
    # The first characters of the key, shown so that operators can tell keys apart.
    prefix = models.CharField(max_length=16, unique=True, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["partner__name", "-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.partner})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


def webhook_url_validate(url: str) -> None:
    """Refuse, when it is saved, a URL that pushes could not go to (resolves its host now)."""
    try:
        destination_vet(url)
    except DestinationError as error:
        raise ValidationError(str(error), code="forbidden_destination") from error


def webhook_secret_make() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


class Webhook(models.Model):
    """An HTTPS endpoint of a partner that receives every change of the articles it may see."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(
        max_length=500,
        validators=[webhook_url_validate],
        help_text="Receives a signed POST per story version; a public http(s) address.",
    )
    format = models.CharField(max_length=20, choices=FORMAT_CHOICES, default=NINJS_31)
    # Shared with the partner so that it can check our signature; HMAC needs the secret itself.
    secret = models.CharField(max_length=80, default=webhook_secret_make, editable=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("partner"),
        FieldPanel("url"),
        FieldPanel("format"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["partner__name", "url"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.url}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"  # waiting for its (next) attempt
    SENDING = "sending", "Sending"  # an attempt is under way
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"  # gave up after the last attempt; can be redelivered
    SUPERSEDED = "superseded", "Superseded"  # a newer version went out instead


class Delivery(models.Model):
    """One article version pushed to one webhook, through as many attempts as it takes."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    article = models.ForeignKey(
        "newsroom.Article", on_delete=models.CASCADE, related_name="wire_deliveries"
    )
    version = models.PositiveIntegerField()
    event = models.CharField(max_length=20, help_text="The kind of the version (first, update…).")
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    # `attempts` when an operator last asked for a redelivery: each redelivery gets its own
    # WIRE_PUSH_MAX_ATTEMPTS.
    series_start = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # The outcome of the last attempt.
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["webhook", "article", "version"], name="unique_wire_delivery"
            )
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="wire_delivery_by_status")]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.version} → {self.webhook.url}"


class DeliveryAttempt(models.Model):
    """One POST of a delivery: what the partner's server answered, and how fast."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField()

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"attempt {self.number}: {self.status_code or self.error}"
