"""Requests per API key per window (settings.WIRE_RATE_LIMIT / WIRE_RATE_WINDOW)."""

from django.conf import settings

from dateline.lib.ratelimit import Allowance, rate_hit


def rate_check(key_id: int, *, now: float | None = None) -> Allowance:
    """Count one request of this key; whether it may go on."""
    return rate_hit(
        f"wire:{key_id}",
        limit=settings.WIRE_RATE_LIMIT,
        window=settings.WIRE_RATE_WINDOW,
        now=now,
    )
