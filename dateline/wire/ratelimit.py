"""Requests per API key per window (settings.WIRE_RATE_LIMIT / WIRE_RATE_WINDOW), and refused
keys per client address (WIRE_KEY_REFUSAL_LIMIT / WIRE_KEY_REFUSAL_WINDOW)."""

from django.conf import settings

from dateline.lib.ratelimit import Allowance, rate_hit, rate_peek


def rate_check(key_id: int, *, now: float | None = None) -> Allowance:
    """Count one request of this key; whether it may go on."""
    return rate_hit(
        f"wire:{key_id}",
        limit=settings.WIRE_RATE_LIMIT,
        window=settings.WIRE_RATE_WINDOW,
        now=now,
    )


def refusals_check(address: str, *, now: float | None = None) -> Allowance:
    """Whether this address may still try a key: not if too many of its keys were refused.

    Checked before the key itself, so that an address guessing keys learns nothing more once
    it is over the limit, not even that a guess was right.
    """
    return rate_peek(
        f"wire-refused:{address}",
        limit=settings.WIRE_KEY_REFUSAL_LIMIT,
        window=settings.WIRE_KEY_REFUSAL_WINDOW,
        now=now,
    )


def refusal_count(address: str, *, now: float | None = None) -> Allowance:
    """Count one refused key from this address; whether it may try again."""
    return rate_hit(
        f"wire-refused:{address}",
        limit=settings.WIRE_KEY_REFUSAL_LIMIT,
        window=settings.WIRE_KEY_REFUSAL_WINDOW,
        now=now,
    )
