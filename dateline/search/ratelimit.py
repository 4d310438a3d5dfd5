"""Searches per client (IP address) per window (settings.SEARCH_RATE_LIMIT / _WINDOW)."""

from django.conf import settings

from dateline.lib.ratelimit import Allowance, rate_hit


def client_address(request) -> str:
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        # A proxy may list several hops: the first is the client as the proxy saw it.
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def search_rate_check(address: str, *, now: float | None = None) -> Allowance:
    """Count one search from this address; whether it may go on."""
    return rate_hit(
        f"search:{address}",
        limit=settings.SEARCH_RATE_LIMIT,
        window=settings.SEARCH_RATE_WINDOW,
        now=now,
    )
