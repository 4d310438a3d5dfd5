"""How fast the sitemaps answer over a large archive.

    .venv/bin/python bench/sitemaps.py                      # 200,000 articles, throwaway SQLite
    .venv/bin/python bench/sitemaps.py --sqlite var/bench.sqlite3   # kept, and reused if full
    .venv/bin/python bench/sitemaps.py --articles 1000000 \\
        --postgres postgres://postgres@127.0.0.1:5432/postgres

With --postgres, a scratch database `dateline_bench_sitemaps` is created on that server and
dropped at the end; the URL's own database is only used to create and drop it. Articles are
spread evenly over four editions and the last four years; one in three has a translation,
1% are killed and 1% are drafts. Prints the time of the sitemap index, one month's sitemap and
a news sitemap (best and median of several runs), their query counts and the month's plan.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_DATABASE = "dateline_bench_sitemaps"
LANGUAGES = ("en", "ru", "be", "zh")
YEARS = 4
BATCH = 5000
RUNS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--postgres", help="a PostgreSQL server URL (its database is not used)")
    parser.add_argument("--sqlite", help="an SQLite file to keep (and reuse when it has stories)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the PostgreSQL scratch database, and reuse it"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        sqlite = args.sqlite or f"{scratch}/bench.sqlite3"
        database_url = _database(args.postgres, sqlite, keep=args.keep)
        os.environ["DATABASE_URL"] = database_url
        os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
        os.environ["MEDIA_ROOT"] = scratch
        sys.path.insert(0, str(ROOT))
        try:
            _run(args.articles)
        finally:
            if args.postgres and not args.keep:
                _drop_scratch(args.postgres)


def _database(postgres: str | None, sqlite: str, *, keep: bool) -> str:
    if not postgres:
        return f"sqlite:///{Path(sqlite).resolve()}"
    import psycopg

    with psycopg.connect(postgres, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [SCRATCH_DATABASE]
        ).fetchone()
        if exists and not keep:
            connection.execute(f"DROP DATABASE {SCRATCH_DATABASE}")
        if not exists or not keep:
            connection.execute(f"CREATE DATABASE {SCRATCH_DATABASE}")
    parts = urlsplit(postgres)
    return urlunsplit(parts._replace(path=f"/{SCRATCH_DATABASE}"))


def _drop_scratch(postgres: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(postgres, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE}")


def _run(count: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from dateline.newsroom.models import Article

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    editions = _editions()
    now = datetime.now(UTC)
    if Article.objects.exists():
        count = Article.objects.count()
        made = "already there"
    else:
        _articles(editions, count, now)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        made = f"made in {time.perf_counter() - started:.0f} s"
    print(
        f"{connection.vendor}: {count:,} stories ({count // len(LANGUAGES):,} per edition over "
        f"{YEARS} years), {made}"
    )
    month = (now - timedelta(days=200)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    urls = {
        "index /sitemap.xml": "/sitemap.xml",
        "one month": f"/sitemaps/articles-en-{month:%Y-%m}.xml",
        "news (2 days)": "/sitemaps/news-en.xml",
    }
    for label, url in urls.items():
        _measure(label, url)
    _explain(editions["en"], month)


def _editions() -> dict:
    from dateline.test import edition_make

    return {language: edition_make(language) for language in LANGUAGES}


def _articles(editions: dict, count: int, now: datetime) -> None:
    """`count` articles, oldest first, the same moment in every edition (translations)."""
    from django.db import transaction

    from dateline.newsroom.models import Article

    per_edition = count // len(editions)
    span = timedelta(days=365 * YEARS)
    step = span / per_edition
    body = [{"type": "paragraph", "value": "<p>" + "The session lasted four hours. " * 20 + "</p>"}]
    rows = []
    for i in range(per_edition):
        moment = now - span + step * i
        key = uuid.uuid4()
        for language, (edition, _home, rubrics) in editions.items():
            translated = i % 3 == 0
            rows.append(
                Article(
                    headline=f"Story {i} {language}",
                    slug=f"story-{i}",
                    lead="Deputies approved the budget in the second reading.",
                    body=body,
                    dateline_city="Minsk",
                    rubric=list(rubrics.values())[i % 3],
                    locale_id=edition.locale_id,
                    translation_key=key if translated else uuid.uuid4(),
                    live=i % 100 != 1,
                    killed_at=moment if i % 100 == 2 else None,
                    first_published_at=moment,
                    last_published_at=moment + timedelta(hours=i % 5),
                    public_at=moment if i % 100 != 1 else None,
                    version=1,
                )
            )
        if len(rows) >= BATCH:
            with transaction.atomic():
                Article.objects.bulk_create(rows)
            rows = []
    with transaction.atomic():
        Article.objects.bulk_create(rows)


def _measure(label: str, url: str) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    entries = response.content.count(b"<loc>")
    print(
        f"  {label:<20} {url:<40} best {min(timings):7.1f} ms, median "
        f"{statistics.median(timings):7.1f} ms, {len(queries.captured_queries)} queries, "
        f"{entries:,} entries, {len(response.content) / 1024:,.0f} KiB"
    )


def _explain(edition_tuple, month: datetime) -> None:
    """The plans of the two reads that matter, captured as the sitemap code runs them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from dateline.public.sitemaps import (
        ArticlePaths,
        ArticleSitemap,
        _first_public_at,
    )

    edition, _home, rubrics = edition_tuple
    now = timezone.now()
    paths = ArticlePaths({rubric.pk: "/" for rubric in rubrics.values()})
    sitemap = ArticleSitemap(edition=edition, start=month, paths=paths, now=now)
    for label, read in (
        ("one month's rows", sitemap.items),
        ("their translations (hreflang)", lambda: sitemap._translations("")),
        ("the edition's first story", lambda: _first_public_at(edition, now)),
    ):
        with CaptureQueriesContext(connection) as queries:
            read()
        sql = queries.captured_queries[0]["sql"]
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            plan = [" ".join(str(column) for column in row) for row in cursor.fetchall()]
        print(f"  plan of {label}:")
        for line in plan:
            print(f"    {line}")


if __name__ == "__main__":
    main()
