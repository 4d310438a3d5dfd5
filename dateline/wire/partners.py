"""Partners and their API keys: create, issue, revoke, rotate, authenticate.

A key is `dlw_` + 43 random URL-safe characters (32 bytes). Only its SHA-256 is stored; the
first 12 characters are kept in clear as a prefix so that operators can tell keys apart in
the admin and in `wire_partner list`. The key itself is shown once, when it is issued.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from dateline.newsroom.models import Edition, Rubric

from .models import ApiKey, Partner, Product

KEY_PREFIX = "dlw_"
VISIBLE_CHARS = 12
# Recording every request's time would write on every poll; a minute is precise enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class PartnerError(ValueError):
    """A partner operation that cannot be done, with a message for the operator."""


@dataclass(frozen=True)
class IssuedKey:
    api_key: ApiKey
    secret: str  # the whole key: shown once, never stored


def key_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def partner_create(
    *,
    name: str,
    editions: list[str],
    rubrics: list[str] | None = None,
    embargo_allowed: bool = False,
) -> tuple[Partner, IssuedKey]:
    """A partner subscribed to `editions` (language codes), all rubrics or only `rubrics`."""
    if Partner.objects.filter(name=name).exists():
        raise PartnerError(f"A partner named “{name}” exists already.")
    partner = Partner.objects.create(name=name, embargo_allowed=embargo_allowed)
    products_set(partner=partner, editions=editions, rubrics=rubrics)
    return partner, api_key_issue(partner=partner, label="first key")


def products_set(*, partner: Partner, editions: list[str], rubrics: list[str] | None) -> None:
    """Replace the partner's products with editions × rubrics."""
    found = {e.language: e for e in Edition.objects.select_related("locale")}
    unknown = [code for code in editions if code not in found]
    if unknown or not editions:
        raise PartnerError(
            f"Unknown edition(s): {', '.join(unknown) or '(none given)'}. "
            f"Editions: {', '.join(sorted(found))}."
        )
    partner.products.all().delete()
    for code in editions:
        edition = found[code]
        if not rubrics:
            Product.objects.create(partner=partner, edition=edition)
            continue
        for slug in rubrics:
            rubric = Rubric.objects.filter(locale_id=edition.locale_id, slug=slug).first()
            if rubric is None:
                raise PartnerError(f"The {code} edition has no rubric “{slug}”.")
            Product.objects.create(partner=partner, edition=edition, rubric=rubric)


def api_key_issue(*, partner: Partner, label: str = "") -> IssuedKey:
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey.objects.create(
        partner=partner,
        label=label,
        prefix=secret[:VISIBLE_CHARS],
        digest=key_digest(secret),
    )
    return IssuedKey(api_key, secret)


def api_key_revoke(*, api_key: ApiKey, now: datetime | None = None) -> ApiKey:
    if api_key.revoked_at is None:
        api_key.revoked_at = now or timezone.now()
        api_key.save(update_fields=["revoked_at"])
    return api_key


@transaction.atomic
def api_key_rotate(*, partner: Partner) -> IssuedKey:
    """A new key for the partner; every key it had stops working at once."""
    now = timezone.now()
    partner.api_keys.filter(revoked_at__isnull=True).update(revoked_at=now)
    return api_key_issue(partner=partner, label=f"rotated {now:%Y-%m-%d %H:%M}")


class KeyRefused(Exception):
    """Why a key was refused, in words a partner's developer can act on."""


def api_key_authenticate(secret: str, *, now: datetime | None = None) -> ApiKey:
    if not secret.startswith(KEY_PREFIX):
        raise KeyRefused("This is not a Dateline wire key (they start with dlw_).")
    api_key = ApiKey.objects.select_related("partner").filter(digest=key_digest(secret)).first()
    if api_key is None:
        raise KeyRefused("Unknown API key.")
    if api_key.revoked_at is not None:
        raise KeyRefused("This API key was revoked; ask the agency for a new one.")
    if not api_key.partner.is_active:
        raise KeyRefused("This partner's access is suspended; contact the agency.")
    now = now or timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
    return api_key
