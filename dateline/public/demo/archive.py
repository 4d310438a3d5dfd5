"""`manage.py generate_archive`: years of generated articles, for scale tests and benchmarks.

Articles are drawn from a pool rendered by the demo's own article templates (so headlines, leads
and bodies read like the demo's), spread evenly over the years asked for, and bulk-inserted
in batches. Each batch is one transaction and its articles have deterministic keys, so an
interrupted run picks up at the first batch that is not there yet.
"""

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from dateline.lib.slugs import slug_from_text
from dateline.newsroom.models import Article, ArticleVersion, Edition, Rubric, VersionKind

from .articles import _urgency
from .text import article_text_render, plan_make

ARCHIVE_NAMESPACE = uuid.UUID("6f1d8a52-7a49-4f5e-9a8e-3d2a1f0c9b11")
POOL_SIZE = 400


@dataclass
class Progress:
    done: int = 0
    skipped: int = 0
    started: float = 0.0

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0


def archive_key(seed: int, number: int) -> uuid.UUID:
    return uuid.uuid5(ARCHIVE_NAMESPACE, f"{seed}:{number}")


def archive_generate(
    *,
    articles: int,
    languages: list[str],
    years: float = 20,
    batch_size: int = 5000,
    seed: int = 1,
    index: bool = False,
    report: Callable[[Progress, int], None] = lambda progress, total: None,
) -> Progress:
    """Insert `articles` articles; with `index`, put each batch in the search index too (as
    publishing does), in the batch's transaction — about three times the time."""
    editions = list(
        Edition.objects.select_related("locale").filter(locale__language_code__in=languages)
    )
    if not editions:
        raise ValueError("No such editions: run `manage.py demo_content` first.")
    rubrics = {
        edition.locale_id: list(Rubric.objects.filter(locale_id=edition.locale_id))
        for edition in editions
    }
    pools = {edition.locale_id: _article_pool(edition.language, seed) for edition in editions}
    now = timezone.now()
    span = timedelta(days=365 * years)
    progress = Progress(started=time.monotonic())
    for start in range(0, articles, batch_size):
        if Article.objects.filter(translation_key=archive_key(seed, start)).exists():
            progress.skipped += min(batch_size, articles - start)
        else:
            numbers = range(start, min(start + batch_size, articles))
            _batch_insert(
                numbers, articles, editions, rubrics, pools, now - span, span, seed, index=index
            )
            progress.done += len(numbers)
        report(progress, articles)
    _statistics_refresh()
    return progress


def _statistics_refresh() -> None:
    # After a bulk load PostgreSQL's planner still believes the tables small and scans
    # instead of using the listing indexes (All news took 1.1 s at 1,000,000 articles), and
    # until a VACUUM marks the new rows visible to all, every index-only scan reads the table
    # too (the 6,000th newest article: 28 ms instead of 1) — until autovacuum gets round to it.
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # VACUUM cannot run inside a transaction (a caller's, or a test's): ANALYZE can.
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def _article_pool(language: str, seed: int) -> list:
    rng = random.Random(seed)
    return [article_text_render(plan_make(rng), language) for _ in range(POOL_SIZE)]


@transaction.atomic
def _batch_insert(numbers, total, editions, rubrics, pools, start, span, seed, *, index) -> None:
    rng = random.Random(f"{seed}:{numbers.start}")
    rows = []
    for number in numbers:
        edition = editions[number % len(editions)]
        written = pools[edition.locale_id][rng.randrange(POOL_SIZE)]
        # Evenly spread and in order, so the archive has the shape of real years.
        moment = start + span * (number / total) + timedelta(seconds=rng.randint(0, 59))
        rows.append(
            Article(
                translation_key=archive_key(seed, number),
                locale_id=edition.locale_id,
                headline=written.headline,
                slug=slug_from_text(written.headline),
                lead=written.lead,
                body=written.body,
                dateline_city=written.dateline_city,
                rubric=rng.choice(rubrics[edition.locale_id]),
                urgency=_urgency(rng),
                live=True,
                has_unpublished_changes=False,
                first_published_at=moment,
                last_published_at=moment,
                public_at=moment,
                version=1,
            )
        )
    created = Article.objects.bulk_create(rows, batch_size=1000)
    ArticleVersion.objects.bulk_create(
        [
            ArticleVersion(
                article=article,
                number=1,
                kind=VersionKind.FIRST,
                created_at=article.public_at,
                released_at=article.public_at,
            )
            for article in created
        ],
        batch_size=2000,
    )
    if index:
        get_search_backend().add_bulk(Article, created)
