"""Reads for search and the date archive: only what a reader of one edition may see.

Every read starts from `published_articles` (newsroom.selectors.public_filter): drafts,
stories under embargo and killed stories are filtered out at query time, against the
article rows themselves, so a kill or an embargo takes effect at once whatever the index
holds. The index keeps every article (editors search drafts in the admin).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from wagtail.search.backends import get_search_backend

from dateline.newsroom.models import Article, ArticleTag
from dateline.newsroom.selectors import PAGE_SIZE, published_articles

from .text import config_for

# Relevance has no stable order to continue from, so its pages are numbered and bounded;
# sorted by date, a search pages with the listings' cursors as far back as it goes.
MAX_RELEVANCE_PAGES = 10
# Ranking every match of a common word costs time in proportion to the archive (at a million
# stories a word can match 100,000): best match ranks the newest this many matches, after
# filters (bench/search.py: 500 is about 50 ms cheaper than 1,000 at p95). Sorting by date,
# or a date range, reaches the rest of the archive.
RELEVANCE_WINDOW = 500


@dataclass(frozen=True)
class Filters:
    rubric_id: int | None = None
    person_id: int | None = None
    tag_id: int | None = None
    since: datetime | None = None  # from this moment on
    until: datetime | None = None  # up to, not including, this moment

    def __bool__(self) -> bool:
        return any(value is not None for value in vars(self).values())


def articles_filter(articles: QuerySet[Article], filters: Filters) -> QuerySet[Article]:
    if filters.rubric_id:
        articles = articles.filter(rubric_id=filters.rubric_id)
    if filters.person_id:
        people = Article.people.through.objects.filter(person_id=filters.person_id)
        articles = articles.filter(pk__in=people.values("article_id"))
    if filters.tag_id:
        tagged = ArticleTag.objects.filter(tag_id=filters.tag_id)
        articles = articles.filter(pk__in=tagged.values("content_object_id"))
    if filters.since:
        articles = articles.filter(public_at__gte=filters.since)
    if filters.until:
        articles = articles.filter(public_at__lt=filters.until)
    return articles


def search_articles(
    *,
    locale_id: int,
    language: str,
    query: str,
    filters: Filters,
    by_relevance: bool,
    now: datetime | None = None,
) -> QuerySet[Article]:
    """The edition's public stories that match `query` and `filters`, to page through.

    By relevance (best first, among the newest RELEVANCE_WINDOW matches) or in no particular
    order, for `listing_page` to sort by date. Filters are applied to the matches, outside
    Wagtail's filter-field checks: they are plain conditions on the article rows.
    """
    # Results quote the body around the words found: it is read with the list.
    articles = published_articles(locale_id=locale_id, now=now).defer(None)
    if not query:
        return articles_filter(articles, filters)
    backend = get_search_backend("default", SEARCH_CONFIG=config_for(language))
    # Wagtail checks the queryset's own filters against FilterFields: these are all there.
    candidates = articles.order_by()
    matches = articles_filter(backend.matches(query, candidates, order_by_relevance=False), filters)
    if not by_relevance:
        return matches
    # The window is read first, as a list: asked as a subquery, PostgreSQL joins it against
    # every public story of the edition (a third of a second at a million) instead of looking
    # up these few hundred by key.
    newest = list(
        matches.order_by("-public_at", "-id").values_list("pk", flat=True)[:RELEVANCE_WINDOW]
    )
    ranked = backend.matches(query, candidates, order_by_relevance=True)
    return ranked.filter(pk__in=newest)


def relevance_page(
    articles: QuerySet[Article], *, number: int, size: int = PAGE_SIZE
) -> tuple[list[Article], bool]:
    """Page `number` (from 1) and whether another follows."""
    start = (number - 1) * size
    rows = list(articles[start : start + size + 1])
    return rows[:size], len(rows) > size


# --- The date archive --------------------------------------------------------------------------


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)


def day_counts(
    *, locale_id: int, tz: ZoneInfo, first: date, last: date, now: datetime | None = None
) -> dict[date, int]:
    """Stories per local day from `first` to `last` (inclusive), days without any left out."""
    rows = (
        published_articles(locale_id=locale_id, now=now)
        .filter(
            public_at__gte=local_midnight(first, tz),
            public_at__lt=local_midnight(last + timedelta(days=1), tz),
        )
        .order_by()
        .annotate(day=TruncDate("public_at", tzinfo=tz))
        .values("day")
        .annotate(stories=Count("id"))
        .values_list("day", "stories")
    )
    return dict(rows)


def edition_span(*, locale_id: int, tz: ZoneInfo, now: datetime | None = None):
    """(first, last) local day with a public story in the edition, or None."""
    articles = published_articles(locale_id=locale_id, now=now).values_list("public_at", flat=True)
    last = articles.first()
    if last is None:
        return None
    first = articles.order_by("public_at", "id").first()
    return first.astimezone(tz).date(), last.astimezone(tz).date()


def neighbour_days(
    *, locale_id: int, tz: ZoneInfo, day: date, now: datetime | None = None
) -> tuple[date | None, date | None]:
    """The nearest local days before and after `day` that have stories."""
    articles = published_articles(locale_id=locale_id, now=now).values_list("public_at", flat=True)
    before = articles.filter(public_at__lt=local_midnight(day, tz)).first()
    after = (
        articles.filter(public_at__gte=local_midnight(day + timedelta(days=1), tz))
        .order_by("public_at", "id")
        .first()
    )
    return (
        before.astimezone(tz).date() if before else None,
        after.astimezone(tz).date() if after else None,
    )
