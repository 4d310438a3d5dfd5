"""HTTP GET for the providers (dateline.lib.httpclient): 2xx and 304 are answers, everything
else a WeatherError, and a throttled provider is left alone for as long as it asks."""

from datetime import timedelta

from django.utils import timezone

from dateline.lib.httpclient import HttpError, HttpResponse, http_request

from .base import WeatherError

# A throttled answer without Retry-After still means "not now".
DEFAULT_RETRY = timedelta(minutes=10)
# …and a Retry-After of days is a misconfigured server, not a reason to go dark for days.
LONGEST_RETRY = timedelta(hours=6)
# Providers move their services now and then; urllib, used before, followed up to 10.
REDIRECTS = 5
# The provider's kind of failure ("timeout", "malformed"…) is ours, but for these two.
KINDS = {"url": "config", "protocol": "connection"}


def http_get(url: str, *, headers: dict[str, str], timeout: float) -> HttpResponse:
    """GET `url`; `timeout` bounds connecting and the whole read."""
    try:
        return http_request(
            url, headers=headers, timeout=timeout, ok=(*range(200, 300), 304), redirects=REDIRECTS
        )
    except HttpError as error:
        raise _weather_error(error) from None


def _weather_error(error: HttpError) -> WeatherError:
    if error.kind == "url":
        return WeatherError("config", f"{error.message} (see check weather.E002)")
    if error.status is None:
        return WeatherError(KINDS.get(error.kind, error.kind), error.message)
    if error.status in (429, 503):
        now = timezone.now()
        wait = error.retry_after()
        wait = DEFAULT_RETRY if wait is None else min(max(wait, timedelta(0)), LONGEST_RETRY)
        return WeatherError(
            f"http_{error.status}",
            f"HTTP {error.status}, retry after {round(wait.total_seconds())} s",
            retry_at=now + wait,
        )
    return WeatherError(f"http_{error.status}", f"HTTP {error.status}")
