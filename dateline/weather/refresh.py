"""Refreshing each edition's weather: ask the provider, store an observation, remember the answer.

Run by the task `dateline.weather.tasks.refresh_weather` and by `manage.py weather_refresh`;
pages never call it. A failure is reported and logged (once per kind), never raised.
"""

import logging
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dateline.lib.httpclient import http_date
from dateline.newsroom import style
from dateline.newsroom.models import Edition

from .labels import weather_label
from .models import FetchState, Observation, current_observation
from .providers import Answer, Provider, Reading, WeatherError, provider_configured, provider_title

logger = logging.getLogger(__name__)

# History kept per edition; the header shows only the last MAX_AGE of it.
KEEP = timedelta(days=2)
# The part of MET Norway's forecast kept for a later 304 Not Modified.
FORECAST_BEHIND, FORECAST_AHEAD = timedelta(hours=1), timedelta(hours=24)
# A forecast period further than this from now does not describe "now".
NEAREST_WITHIN = timedelta(minutes=90)
# Expires is honoured, but one far off must not outlast the observation it would keep fresh.
LONGEST_EXPIRES = timedelta(hours=2)


@dataclass(frozen=True)
class RefreshReport:
    edition: str  # "[en] Minsk"
    outcome: str  # fetched | not_modified | not_due | busy | failed
    message: str
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"

    def __str__(self) -> str:
        return f"{self.edition}: {self.message}"


def weather_refresh_all(*, now: datetime | None = None) -> list[RefreshReport]:
    """Refresh every edition's city; one report per edition, whatever happens."""
    reports = []
    for edition in Edition.objects.select_related("locale"):
        try:
            reports.append(weather_refresh(edition, now=now))
        except ImproperlyConfigured as error:
            reports.append(RefreshReport(_name(edition), "failed", f"not configured: {error}"))
        except Exception:  # a bug for one edition must neither stop the others nor the task
            logger.exception("Weather refresh for %s crashed", _name(edition))
            reports.append(RefreshReport(_name(edition), "failed", "internal error, see the log"))
    return reports


def weather_refresh(edition: Edition, *, now: datetime | None = None) -> RefreshReport:
    """Ask the configured provider for the edition's city, unless it is not yet time to ask."""
    now = now or timezone.now()
    provider = provider_configured()
    state = _state_for(edition, provider.name)
    if not _claim(state, now):
        return _waiting_report(edition, state, now)
    state.refresh_from_db()
    started = time.monotonic()
    try:
        answer = provider.fetch(
            latitude=edition.home_latitude,
            longitude=edition.home_longitude,
            last_modified=state.last_modified,
        )
        report = _answer_record(edition, state, provider, answer, now)
    except WeatherError as error:
        report = _failure_record(edition, state, provider, error, now)
    return replace(report, seconds=time.monotonic() - started)


def _state_for(edition: Edition, provider_name: str) -> FetchState:
    state, _ = FetchState.objects.get_or_create(
        edition=edition, defaults={"provider": provider_name}
    )
    if state.provider != provider_name:
        # Another provider's validators and waits mean nothing to this one.
        FetchState.objects.filter(pk=state.pk).update(
            provider=provider_name,
            last_modified="",
            next_request_at=None,
            forecast=[],
            failure="",
            failure_message="",
        )
        state.refresh_from_db()
    return state


def _claim(state: FetchState, now: datetime) -> bool:
    """Take this edition's turn to ask, if it is due and no other worker is asking."""
    due = Q(next_request_at__isnull=True) | Q(next_request_at__lte=now)
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lte=now)
    hold = timedelta(seconds=settings.WEATHER_TIMEOUT * 2 + 60)
    return FetchState.objects.filter(due, free, pk=state.pk).update(claimed_until=now + hold) == 1


def _waiting_report(edition: Edition, state: FetchState, now: datetime) -> RefreshReport:
    state.refresh_from_db()
    if state.next_request_at is None or state.next_request_at <= now:
        return RefreshReport(_name(edition), "busy", "another refresh is asking right now")
    until = style.clock_time(state.next_request_at, edition)
    if state.failure:
        message = f"{state.failure_message}; no request before {until}"
    else:
        message = f"up to date until {until} (Expires); showing {_showing(edition, now)}"
    return RefreshReport(_name(edition), "not_due", message)


def _answer_record(
    edition: Edition, state: FetchState, provider: Provider, answer: Answer, now: datetime
) -> RefreshReport:
    readings = _forecast_load(state.forecast) if answer.not_modified else answer.readings
    reading = _nearest(readings, now)
    if reading is None:
        raise WeatherError("no_current", "no forecast period near now")
    if answer.deprecated and not state.deprecation_logged:
        logger.warning(
            "%s answers 203: this version of its product is deprecated and will go away; "
            "update dateline/weather/providers.",
            provider.title,
        )
    with transaction.atomic():
        _observation_store(edition, provider.name, reading, now)
        fields = {
            "last_modified": answer.last_modified,
            "next_request_at": _next_request(answer, now),
            "claimed_until": None,
            "checked_at": now,
            "succeeded_at": now,
            "failure": "",
            "failure_message": "",
        }
        if not answer.not_modified:
            fields["forecast"] = _forecast_dump(readings, now)
            fields["deprecation_logged"] = answer.deprecated
        FetchState.objects.filter(pk=state.pk).update(**fields)
    if state.failure:
        logger.info("Weather for %s from %s is back", _name(edition), provider.title)
    return _success_report(edition, state, provider, answer, reading)


def _success_report(
    edition: Edition, state: FetchState, provider: Provider, answer: Answer, reading: Reading
) -> RefreshReport:
    showing = _describe(
        edition, reading.weather_code, reading.temperature_c, reading.at, provider.name
    )
    if answer.not_modified:
        modified = http_date(state.last_modified)
        since = f" since {style.published_time(modified, edition)}" if modified else ""
        return RefreshReport(_name(edition), "not_modified", f"not modified{since}, kept {showing}")
    if answer.deprecated:
        showing += " — the provider says this product is deprecated (HTTP 203)"
    return RefreshReport(_name(edition), "fetched", showing)


def _failure_record(
    edition: Edition, state: FetchState, provider: Provider, error: WeatherError, now: datetime
) -> RefreshReport:
    if state.failure != error.kind:
        # Logged when a kind of failure begins, not on every refresh it lasts.
        logger.warning("Weather for %s from %s: %s", _name(edition), provider.title, error.message)
    FetchState.objects.filter(pk=state.pk).update(
        failure=error.kind,
        failure_message=error.message[:200],
        next_request_at=error.retry_at,
        claimed_until=None,
        checked_at=now,
    )
    return RefreshReport(
        _name(edition), "failed", f"{error.message}; showing {_showing(edition, now)}"
    )


def _next_request(answer: Answer, now: datetime) -> datetime | None:
    if answer.expires_at is None:
        return None
    return min(answer.expires_at, now + LONGEST_EXPIRES)


def _observation_store(edition: Edition, provider: str, reading: Reading, now: datetime) -> None:
    Observation.objects.filter(edition=edition, observed_at__lt=now - KEEP).delete()
    Observation.objects.update_or_create(
        edition=edition,
        provider=provider,
        observed_at=reading.at,
        defaults={
            "temperature_c": Decimal(f"{reading.temperature_c:.1f}"),
            "weather_code": reading.weather_code,
            "is_day": reading.is_day,
            "fetched_at": now,
        },
    )


def _nearest(readings: tuple[Reading, ...], now: datetime) -> Reading | None:
    """The reading that describes now: MET's hourly period nearest to it, Open-Meteo's one."""
    near = [reading for reading in readings if abs(reading.at - now) <= NEAREST_WITHIN]
    return min(near, key=lambda reading: abs(reading.at - now), default=None)


def _forecast_dump(readings: tuple[Reading, ...], now: datetime) -> list[dict]:
    return [
        {
            "at": reading.at.isoformat(),
            "temperature_c": reading.temperature_c,
            "weather_code": reading.weather_code,
            "is_day": reading.is_day,
        }
        for reading in readings
        if now - FORECAST_BEHIND <= reading.at <= now + FORECAST_AHEAD
    ]


def _forecast_load(forecast: list[dict]) -> tuple[Reading, ...]:
    return tuple(
        Reading(
            at=datetime.fromisoformat(item["at"]),
            temperature_c=item["temperature_c"],
            weather_code=item["weather_code"],
            is_day=item["is_day"],
        )
        for item in forecast
    )


def _describe(edition: Edition, code: int, celsius: float, at: datetime, provider: str) -> str:
    """The operator's "Mainly clear -23°C at 12:46 (MET Norway)", in the edition's words."""
    label = weather_label(code, edition.language)
    degrees = style.temperature(float(celsius), edition)
    return f"{label} {degrees} at {style.clock_time(at, edition)} ({provider_title(provider)})"


def _showing(edition: Edition, now: datetime) -> str:
    observation = current_observation(edition.pk, now=now)
    if observation is None:
        return "no observation (the slot is hidden)"
    return _describe(
        edition,
        observation.weather_code,
        observation.temperature_c,
        observation.observed_at,
        observation.provider,
    )


def _name(edition: Edition) -> str:
    return f"[{edition.language}] {edition.home_city}"
