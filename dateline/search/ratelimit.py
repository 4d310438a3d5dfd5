"""Searches per client (IP address) per window, counted in Django's cache (Redis in production).

A fixed window counted with the cache's atomic `incr`, so that two workers answering the same
client at once cannot both slip under the limit.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Allowance:
    allowed: bool
    retry_after: int  # seconds until the window ends


def client_address(request) -> str:
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        # A proxy may list several hops: the first is the client as the proxy saw it.
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def search_rate_check(address: str, *, now: float | None = None) -> Allowance:
    """Count one search from this address; whether it may go on."""
    limit, window = settings.SEARCH_RATE_LIMIT, settings.SEARCH_RATE_WINDOW
    now = time.time() if now is None else now
    started = int(now // window) * window
    key = f"search:rate:{address}:{started}"
    # add() is a no-op when the key exists, so concurrent first requests don't reset it.
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window + 1)
        count = 1
    return Allowance(count <= limit, max(1, math.ceil(started + window - now)))
