"""Requests per API key per window, counted in Django's cache (Redis in production).

A fixed window counted with the cache's atomic `incr`: two workers answering the same key at
once cannot both slip under the limit, which a read-modify-write list of timestamps allows.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Allowance:
    allowed: bool
    limit: int
    remaining: int
    reset_after: int  # seconds until the window ends


def rate_check(key_id: int, *, now: float | None = None) -> Allowance:
    """Count one request of this key; whether it may go on."""
    limit, window = settings.WIRE_RATE_LIMIT, settings.WIRE_RATE_WINDOW
    now = time.time() if now is None else now
    started = int(now // window) * window
    cache_key = f"wire:rate:{key_id}:{started}"
    # add() is a no-op when the key exists, so concurrent first requests don't reset it.
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=window + 1)
        count = 1
    reset_after = max(1, math.ceil(started + window - now))
    return Allowance(count <= limit, limit, max(0, limit - count), reset_after)
