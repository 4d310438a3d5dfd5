"""Searches per client (IP address) per window (settings.SEARCH_RATE_LIMIT / _WINDOW)."""

from django.conf import settings

from dateline.lib.ratelimit import Allowance, rate_hit


def search_rate_check(address: str, *, now: float | None = None) -> Allowance:
    """Count one search from this address; whether it may go on."""
    return rate_hit(
        f"search:{address}",
        limit=settings.SEARCH_RATE_LIMIT,
        window=settings.SEARCH_RATE_WINDOW,
        now=now,
    )
