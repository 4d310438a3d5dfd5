"""Fixed-window rate limits counted in Django's cache (Redis in production).

Counted with the cache's atomic `incr`, so two workers answering the same client at once
cannot both slip under the limit (which a read-modify-write list of timestamps allows).
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Allowance:
    allowed: bool
    limit: int
    remaining: int
    reset_after: int  # seconds until the window ends


def rate_hit(scope: str, *, limit: int, window: int, now: float | None = None) -> Allowance:
    """Count one request in `scope` (e.g. "wire:12"); whether it may go on."""
    now = time.time() if now is None else now
    started = int(now // window) * window
    key = f"rate:{scope}:{started}"
    # add() is a no-op when the key exists, so concurrent first requests don't reset it.
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window + 1)
        count = 1
    reset_after = max(1, math.ceil(started + window - now))
    return Allowance(count <= limit, limit, max(0, limit - count), reset_after)
