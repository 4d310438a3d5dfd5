"""Reads for search and the date archive: only what a reader of one edition may see.

Every read starts from `published_articles` (newsroom.selectors.public_filter): drafts,
articles under embargo and killed articles are filtered out at query time, against the
article rows themselves, so a kill or an embargo takes effect at once whatever the index
holds. The index keeps every article but killed ones (editors search drafts in the admin).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from wagtail.search.backends import get_search_backend

from dateline.lib.searchtext import config_for
from dateline.newsroom.models import Article, ArticleTag
from dateline.newsroom.selectors import PAGE_SIZE, ListingPage, listing_page, published_articles

# Relevance has no stable order to continue from, so its pages are numbered and bounded;
# sorted by date, a search pages with the listings' cursors as far back as it goes.
MAX_RELEVANCE_PAGES = 10
# Ranking every match of a common word costs time in proportion to the archive (at a million
# articles a word can match 100,000): best match ranks the newest this many matches, after
# filters — as many as its pages show. bench/search.py at a million articles: 200 rather than
# 500 takes less common words from 130–290 ms to 40–120 ms (their newest 200 matches are
# found among the newest articles). Sorting by date, or a date range, reaches the rest.
RELEVANCE_WINDOW = MAX_RELEVANCE_PAGES * PAGE_SIZE
# How many of the newest articles a search looks through first (see _among_recent_first).
RECENT_ARTICLES = 6000
_PLAN_KINDS = ("bitmapscan", "hashjoin", "mergejoin", "seqscan")
WALK_IN_DATE_ORDER = "; ".join(f"SET LOCAL enable_{kind} = off" for kind in _PLAN_KINDS)
PLAN_FREELY = "; ".join(f"SET LOCAL enable_{kind} TO DEFAULT" for kind in _PLAN_KINDS)


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


@dataclass(frozen=True)
class Matches:
    """The articles of a search, and those of them that match its words, asked two ways.

    PostgreSQL plans each way well for one use. `each` joins every article to its index row
    (Wagtail's join, by the article's key written as text): right for walking the newest
    articles one by one. `keyed` reads the keys of all matches from the index alone, then
    the articles by key: right for the whole archive, where the join makes PostgreSQL hash
    every article of the edition (two Russian words at a million articles: 115 → 30 ms).
    """

    articles: QuerySet[Article]  # looked through, matching or not (the filters applied)
    each: QuerySet[Article]
    keyed: QuerySet[Article]


def find_matches(
    *, locale_id: int, language: str, query: str, filters: Filters, now: datetime | None = None
) -> Matches:
    """The edition's public articles that match `query` and `filters`, in no particular order.

    Filters are applied to the matches, outside Wagtail's filter-field checks: they are plain
    conditions on the article rows.
    """
    # Results quote the body around the words found: it is read with the list.
    articles = articles_filter(
        published_articles(locale_id=locale_id, now=now).defer(None), filters
    )
    if not query:
        return Matches(articles, articles, articles)
    backend = _backend(language)
    candidates = _candidates(locale_id, now)
    each = backend.matches(query, candidates, order_by_relevance=False)
    keyed = candidates.filter(pk__in=backend.matching_keys(query, candidates, language=language))
    return Matches(articles, articles_filter(each, filters), articles_filter(keyed, filters))


def best_matches(
    *, locale_id: int, language: str, query: str, filters: Filters, now: datetime | None = None
) -> QuerySet[Article]:
    """The matches best first, among the newest RELEVANCE_WINDOW of them (all articles when
    there is no query, newest first)."""
    found = find_matches(
        locale_id=locale_id, language=language, query=query, filters=filters, now=now
    )
    if not query:
        return found.articles
    # The window is read first, as a list: asked as a subquery, PostgreSQL joins it against
    # every public article of the edition (a third of a second at a million) instead of looking
    # up these few hundred by key.
    newest = _newest_matches(found)
    ranked = _backend(language).matches(query, _candidates(locale_id, now), order_by_relevance=True)
    return ranked.filter(pk__in=newest)


def _backend(language: str):
    return get_search_backend("default", SEARCH_CONFIG=config_for(language))


def _candidates(locale_id: int, now: datetime | None) -> QuerySet[Article]:
    # What Wagtail's search is given: its filters are checked against the model's
    # FilterFields (these all are); the search's own filters are applied to the matches.
    return published_articles(locale_id=locale_id, now=now).defer(None).order_by()


def _newest_matches(found: Matches) -> list[int]:
    """Keys of the newest RELEVANCE_WINDOW matches."""

    def newest(matches) -> list[int]:
        keys = matches.order_by("-public_at", "-id").values_list("pk", flat=True)
        return list(keys[:RELEVANCE_WINDOW])

    among_recent = _among_recent_first(found.each, found.articles, newest)
    if len(among_recent or ()) == RELEVANCE_WINDOW:
        return among_recent
    return newest(found.keyed)


def newest_first_page(found: Matches, *, before=None, after=None) -> ListingPage:
    """A page of matches sorted by date: `listing_page`, the first page looked for among the
    newest articles first (see _among_recent_first)."""
    if before is None and after is None:
        page = _among_recent_first(found.each, found.articles, listing_page)
        if page is not None and page.older is not None:  # a full page and more: the same page
            return page
    return listing_page(found.keyed, before=before, after=after)


def _among_recent_first(matches, articles, read):
    """`read(matches)` among the RECENT_ARTICLES newest `articles` only, looked through article by
    article in date order; None where that is not done (SQLite, fewer articles). The caller
    falls back on the whole archive when what was read is not enough.

    PostgreSQL's planner would rather collect every match from the GIN index, which reads
    the index row of each (20,835 for two common English words at a million articles: 230 ms
    against 45 ms article by article): its estimates come from the whole index table, every
    edition at once, and cannot know that a word is in most articles of one language. When
    too few of the recent articles match, the whole archive is asked by key (Matches.keyed),
    which PostgreSQL plans from the GIN index: what rare words are good for.
    """
    if connection.vendor != "postgresql":
        return None
    edges = articles.order_by("-public_at", "-id").values_list("public_at", flat=True)
    edge = list(edges[RECENT_ARTICLES - 1 : RECENT_ARTICLES])
    if not edge:
        return None
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(WALK_IN_DATE_ORDER)
        found = read(matches.filter(public_at__gte=edge[0]))
        # SET LOCAL lasts to the end of the outer transaction when this block is a
        # savepoint in it; after an error the rollback undoes it.
        cursor.execute(PLAN_FREELY)
    return found


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
    """Articles per local day from `first` to `last` (inclusive), days without any left out."""
    rows = (
        published_articles(locale_id=locale_id, now=now)
        .filter(
            public_at__gte=local_midnight(first, tz),
            public_at__lt=local_midnight(last + timedelta(days=1), tz),
        )
        .order_by()
        .annotate(day=TruncDate("public_at", tzinfo=tz))
        .values("day")
        .annotate(articles=Count("id"))
        .values_list("day", "articles")
    )
    return dict(rows)


def edition_span(*, locale_id: int, tz: ZoneInfo, now: datetime | None = None):
    """(first, last) local day with a public article in the edition, or None."""
    articles = published_articles(locale_id=locale_id, now=now).values_list("public_at", flat=True)
    last = articles.first()
    if last is None:
        return None
    first = articles.order_by("public_at", "id").first()
    return first.astimezone(tz).date(), last.astimezone(tz).date()


def neighbour_days(
    *, locale_id: int, tz: ZoneInfo, day: date, now: datetime | None = None
) -> tuple[date | None, date | None]:
    """The nearest local days before and after `day` that have articles."""
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
