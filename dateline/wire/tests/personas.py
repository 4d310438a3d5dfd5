"""The wire's personas: partners with products, keys and webhooks, made through the services."""

from dateline.wire.partners import IssuedKey, partner_create


def partner_make(
    name: str = "Regional Daily",
    *,
    editions=("en",),
    rubrics=None,
    embargo_allowed: bool = False,
):
    """A partner and its first key; returns (partner, key secret)."""
    partner, issued = partner_create(
        name=name, editions=list(editions), rubrics=rubrics, embargo_allowed=embargo_allowed
    )
    return partner, issued.secret


def auth(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


__all__ = ["IssuedKey", "auth", "partner_make"]
