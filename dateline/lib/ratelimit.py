"""Fixed-window rate limits counted in Django's cache (Redis in production).

Counted with the cache's atomic `incr`, so two workers answering the same client at once
cannot both slip under the limit (which a read-modify-write list of timestamps allows).
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from . import cachekeys


@dataclass(frozen=True)
class Allowance:
    allowed: bool
    limit: int
    remaining: int
    reset_after: int  # seconds until the window ends


def _window(scope: str, window: int, now: float | None) -> tuple[str, int]:
    """The cache key of the window `now` falls in, and the seconds left in it."""
    now = time.time() if now is None else now
    started = int(now // window) * window
    return cachekeys.rate_limit(scope, started), max(1, math.ceil(started + window - now))


def rate_hit(scope: str, *, limit: int, window: int, now: float | None = None) -> Allowance:
    """Count one request in `scope` (e.g. "wire:12"); whether it may go on."""
    key, reset_after = _window(scope, window, now)
    # add() is a no-op when the key exists, so concurrent first requests don't reset it.
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window + 1)
        count = 1
    return Allowance(count <= limit, limit, max(0, limit - count), reset_after)


def rate_peek(scope: str, *, limit: int, window: int, now: float | None = None) -> Allowance:
    """Whether one more request in `scope` would be allowed, without counting it."""
    key, reset_after = _window(scope, window, now)
    count = cache.get(key, 0)
    return Allowance(count < limit, limit, max(0, limit - count), reset_after)


def client_address(request) -> str:
    """The client's address: settings.CLIENT_IP_HEADER behind a proxy, else REMOTE_ADDR."""
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        # A proxy may list several hops: the first is the client as the proxy saw it.
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")
