from datetime import timedelta

from django.db import models
from django.utils import timezone

# An observation older than this is not shown: stale weather is worse than none.
MAX_AGE = timedelta(hours=3)


class Observation(models.Model):
    """The weather in an edition's home city at one moment, as a provider reported it."""

    edition = models.ForeignKey(
        "newsroom.Edition", on_delete=models.CASCADE, related_name="observations"
    )
    observed_at = models.DateTimeField()
    fetched_at = models.DateTimeField(default=timezone.now)
    temperature_c = models.DecimalField(max_digits=4, decimal_places=1)
    # WMO weather interpretation code (0 clear sky … 99 thunderstorm with heavy hail).
    weather_code = models.PositiveSmallIntegerField()
    is_day = models.BooleanField(default=True)
    provider = models.CharField(max_length=40)

    class Meta:
        get_latest_by = "observed_at"
        indexes = [models.Index(fields=["edition", "-observed_at"], name="observation_latest")]

    def __str__(self) -> str:
        return f"{self.edition} {self.observed_at:%Y-%m-%d %H:%M} {self.temperature_c}°C"


def current_observation(edition_id: int, *, now=None) -> Observation | None:
    """The newest observation for the edition's city, or None when there is none fresh enough."""
    now = now or timezone.now()
    return (
        Observation.objects.filter(edition_id=edition_id, observed_at__gte=now - MAX_AGE)
        .order_by("-observed_at")
        .first()
    )


class FetchState(models.Model):
    """What the refresh remembers between requests for an edition's city.

    The provider's conditional-request validators, when we may ask again (Expires, Retry-After),
    the failure already logged, and, for MET Norway, the hourly forecast of the last answer so
    that a 304 Not Modified can still move the observation on to the current hour.
    """

    edition = models.OneToOneField(
        "newsroom.Edition", on_delete=models.CASCADE, related_name="weather_fetch_state"
    )
    # Validators and waits belong to one provider; switching providers starts afresh.
    provider = models.CharField(max_length=40)
    last_modified = models.CharField(max_length=64, blank=True)
    next_request_at = models.DateTimeField(null=True, blank=True)
    # Set by the refresh that is asking right now, so that two workers do not both ask.
    claimed_until = models.DateTimeField(null=True, blank=True)
    forecast = models.JSONField(default=list, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    # The kind of the ongoing failure ("timeout", "http_429"…), logged when it began.
    failure = models.CharField(max_length=40, blank=True)
    failure_message = models.CharField(max_length=200, blank=True)
    deprecation_logged = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.edition} via {self.provider}"
