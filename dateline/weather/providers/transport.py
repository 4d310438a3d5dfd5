"""HTTP GET for the providers, with the standard library: one timeout, errors as WeatherError."""

import gzip
import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.utils import parsedate_to_datetime

from django.utils import timezone

from .base import WeatherError

# A forecast for one place is tens of kilobytes; anything far bigger is not what we asked for.
MAX_BODY = 2 * 1024 * 1024
# A throttled answer without Retry-After still means "not now".
DEFAULT_RETRY = timedelta(minutes=10)
# …and a Retry-After of days is a misconfigured server, not a reason to go dark for days.
LONGEST_RETRY = timedelta(hours=6)


@dataclass(frozen=True)
class HttpAnswer:
    status: int
    headers: Message
    body: bytes


def http_get(url: str, *, headers: dict[str, str], timeout: float) -> HttpAnswer:
    """GET `url`; 2xx and 304 are answers, everything else raises WeatherError.

    `timeout` bounds connecting and the whole read, so a server trickling bytes cannot hold
    the refresh longer than that either.
    """
    if not url.startswith(("http://", "https://")):
        raise WeatherError("config", "only http(s) URLs are asked (see check weather.E002)")
    # urllib would open file: URLs too; the check above keeps it to http(s).
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **headers})  # noqa: S310
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = _read(response, deadline, timeout)
            return HttpAnswer(response.status, response.headers, _decoded(body, response.headers))
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 304:
            return HttpAnswer(304, error.headers, b"")
        raise _status_error(error.code, error.headers) from None
    except TimeoutError:
        raise _timeout(timeout) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _timeout(timeout) from None
        raise WeatherError("connection", f"cannot connect: {error.reason}") from None
    except (http.client.HTTPException, OSError) as error:
        raise WeatherError("connection", f"connection failed: {error}") from None


def _read(response, deadline: float, timeout: float) -> bytes:
    chunks, size = [], 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > MAX_BODY:
            raise WeatherError("too_large", f"answer larger than {MAX_BODY // 1024} KB")
        if time.monotonic() > deadline:
            raise _timeout(timeout)
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(body: bytes, headers: Message) -> bytes:
    if headers.get("Content-Encoding", "").lower() != "gzip":
        return body
    try:
        return gzip.decompress(body)
    except (OSError, EOFError):
        raise WeatherError("malformed", "malformed gzip body") from None


def _timeout(timeout: float) -> WeatherError:
    return WeatherError("timeout", f"timeout after {timeout:g} s")


def _status_error(status: int, headers: Message) -> WeatherError:
    if status in (429, 503):
        retry_at = retry_after(headers.get("Retry-After"))
        seconds = round((retry_at - timezone.now()).total_seconds())
        return WeatherError(
            f"http_{status}", f"HTTP {status}, retry after {seconds} s", retry_at=retry_at
        )
    return WeatherError(f"http_{status}", f"HTTP {status}")


def retry_after(value: str | None) -> datetime:
    """When Retry-After (seconds or an HTTP date) lets us ask again, within sane bounds."""
    now = timezone.now()
    wait = DEFAULT_RETRY
    if value and value.strip().isdigit():
        wait = timedelta(seconds=int(value))
    elif moment := http_date(value):
        wait = moment - now
    return now + min(max(wait, timedelta(0)), LONGEST_RETRY)


def http_date(value: str | None) -> datetime | None:
    """An HTTP date ("Thu, 26 Nov 2026 12:30:00 GMT") as an aware datetime, None if unreadable."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
