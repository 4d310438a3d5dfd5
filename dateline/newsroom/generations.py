"""Cache generations: read (cheaply, every request) and raise (on every public change)."""

import threading
import time

from django.conf import settings
from django.core.signals import request_started
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver

from .models import Generation

SITE = "site"  # pages outside the editions: the sitemaps, robots.txt
ALL = "all"  # raised by what every page shows (the editions, the subscribe links)


def articles_scope(language: str) -> str:
    """Raised by what an article's own text shows besides the article (its rubric's title, the
    people and authors it names), not by publishing: each article's rendered text is cached
    under its version and this scope (public/article_part.py), across the edition's publishes."""
    return f"articles-{language}"


_memo = threading.local()


def generations_current() -> dict[str, int]:
    """{scope: value}. Read from the database at most once a request and at most every
    PAGE_CACHE_GENERATION_SECONDS per thread: a raise in another process is seen within
    that time, and one request never mixes two generations."""
    values = getattr(_memo, "values", None)
    if values is None:
        values = dict(Generation.objects.values_list("scope", "value"))
        _memo.values, _memo.read_at = values, time.monotonic()
    return values


@receiver(request_started)
def _request_started(**kwargs):
    read_at = getattr(_memo, "read_at", 0.0)
    if time.monotonic() - read_at >= settings.PAGE_CACHE_GENERATION_SECONDS:
        _memo.values = None


def memo_fresh(seconds: float, now: float) -> bool:
    """Whether this thread's generations were read less than `seconds` ago."""
    return getattr(_memo, "values", None) is not None and now - _memo.read_at < seconds


def generation_key(scope: str) -> str:
    """ "all.3.en.17": changes whenever the scope (or "all") is raised."""
    values = generations_current()
    return f"{ALL}.{values.get(ALL, 0)}.{scope}.{values.get(scope, 0)}"


def generations_raise(*scopes: str) -> None:
    """Invalidate what is cached in `scopes`, and always in "site" (the sitemaps list every
    edition's articles). Runs in the caller's transaction."""
    scopes = {SITE, *scopes}
    updated = Generation.objects.filter(scope__in=scopes).update(value=F("value") + 1)
    if updated < len(scopes):
        existing = set(Generation.objects.filter(scope__in=scopes).values_list("scope", flat=True))
        Generation.objects.bulk_create(
            [Generation(scope=scope, value=1) for scope in scopes - existing],
            ignore_conflicts=True,
        )
    forget_generations()
    # This thread must not keep the old values once the change is visible to others.
    transaction.on_commit(forget_generations)


def forget_generations() -> None:
    _memo.values = None
