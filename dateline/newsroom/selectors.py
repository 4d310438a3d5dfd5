"""Reads for the public site: what readers may see, and how listings page through it."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from taggit.models import Tag

from dateline.lib.cursors import Cursor, keyset_newer, keyset_older

from .models import Article, ArticleTag, Author, Person, Rubric

PAGE_SIZE = 20


def public_filter(now: datetime | None = None) -> Q:
    """What readers may see: published, not killed, past any embargo.

    The one definition every public channel uses (pages, feeds, search, sitemaps).
    """
    return Q(live=True, killed_at__isnull=True, public_at__lte=now or timezone.now())


def published_articles(*, locale_id: int, now: datetime | None = None) -> QuerySet[Article]:
    """Articles a reader of one edition may see, with what a list item needs to render."""
    return (
        Article.objects.filter(public_filter(now), locale_id=locale_id)
        .select_related("rubric", "lead_image")
        # A list shows headlines, leads and pictures: the body stays in the database.
        .defer("body")
        .order_by("-public_at", "-id")
    )


# What an article's card shows (public/includes/article_card.html), its rubric's link included.
CARD_FIELDS = (
    "id",
    "locale_id",
    "headline",
    "slug",
    "lead",
    "rubric_id",
    "rubric__title",
    "rubric__slug",
    "rubric__url_path",
    "lead_image",
    "lead_image_caption",
    "urgency",
    "public_at",
)


def as_cards(articles: QuerySet[Article]) -> QuerySet[Article]:
    """`articles` with only what their cards show. Django builds a query's SQL anew every
    time, for every column of an article, its rubric page and its picture: a page of 20 cards
    was read in 5.3 ms of Python, 3.4 ms with these."""
    return articles.only(*CARD_FIELDS)


# What an article's page reads of it (public/article_part.py, article.html, seo.py).
ARTICLE_FIELDS = (
    "id",
    "locale_id",
    "translation_key",
    "headline",
    "slug",
    "lead",
    "body",
    "dateline_city",
    "rubric_id",
    "lead_image_id",
    "lead_image_caption",
    "lead_image_credit",
    "urgency",
    "public_at",
    "version",
    "last_published_at",
)


def published_article(
    *, article_id: int, locale_id: int, rubrics: Iterable[Rubric] = ()
) -> Article | None:
    """An article readers may see. `rubrics`: the edition's (the page layout keeps them), so
    that the article's own comes without a join. Its byline, people and tags: article_mentions,
    read only when its text is rendered (public/article_part.py)."""
    found = (
        Article.objects.filter(public_filter(), locale_id=locale_id, pk=article_id)
        .select_related("lead_image")
        # Only what an article's page shows: Django builds the SQL anew for every query, and
        # for all of the model's columns (Wagtail's drafts, locks…) that took 1.2 ms.
        .only(*ARTICLE_FIELDS, "lead_image")[:1]
    )
    article = next(iter(found), None)
    if article is not None:
        rubrics_attach([article], rubrics)
    return article


@dataclass(frozen=True)
class Mentions:
    """An article's byline, the people it names and its tags, as its page shows them."""

    authors: list[Author]
    people: list[Person]
    tags: list[Tag]

    @classmethod
    def held_by(cls, article: Article) -> "Mentions":
        """What the object holds: a preview's article has them in memory, not in the database."""
        return cls(
            list(article.authors.all()), list(article.people.all()), list(article.tags.all())
        )


def article_mentions(article: Article) -> Mentions:
    """Three plain queries: Django's prefetching of the same cost twice their time (~1.5 ms).
    With what the page shows (no portraits)."""
    return Mentions(
        authors=list(
            Author.objects.filter(articles=article.pk)
            .select_related("locale")
            .only("id", "name", "slug", "locale__language_code")
        ),
        people=list(
            Person.objects.filter(articles=article.pk)
            .select_related("locale")
            .only("id", "name", "slug", "position", "locale__language_code")
        ),
        tags=list(Tag.objects.filter(newsroom_articletag_items__content_object=article.pk)),
    )


def rubrics_attach(articles: Iterable[Article], rubrics: Iterable[Rubric]) -> None:
    """Give articles their rubric from objects at hand; one not among them loads its own."""
    by_id = {rubric.pk: rubric for rubric in rubrics}
    for article in articles:
        rubric = by_id.get(article.rubric_id)
        if rubric is not None:
            article.rubric = rubric


def translation_urls(article: Article) -> dict[str, str]:
    """{language: URL} of the article's translations readers may see, in the other editions: an
    embargoed or killed one's URL would give its headline away (the slug)."""
    others = (
        Article.objects.filter(public_filter(), translation_key=article.translation_key)
        .exclude(locale_id=article.locale_id)
        .select_related("rubric", "locale")
        .only("id", "slug", "rubric", "rubric__url_path", "locale", "locale__language_code")
    )
    return {other.locale.language_code: other.url for other in others}


def translation_page_urls(obj: Person | Author) -> dict[str, str]:
    """{language: URL} of the same person's or author's page in the other editions."""
    others = (
        type(obj)
        .objects.filter(translation_key=obj.translation_key)
        .exclude(pk=obj.pk)
        .select_related("locale")
        .only("slug", "locale__language_code")
    )
    return {other.locale.language_code: other.get_absolute_url() for other in others}


def killed_article(*, article_id: int, locale_id: int) -> Article | None:
    """A withdrawn article, so that its URL can say so (410) rather than pretend (404)."""
    return Article.objects.filter(
        pk=article_id, locale_id=locale_id, killed_at__isnull=False
    ).first()


def recent_articles(*, locale_id: int, exclude_id: int | None = None, limit: int = 8):
    articles = as_cards(published_articles(locale_id=locale_id))
    if exclude_id:
        articles = articles.exclude(pk=exclude_id)
    return list(articles[:limit])


# What a related article's card shows (no picture, no rubric link, no lead).
RELATED_FIELDS = ("id", "headline", "slug", "urgency", "public_at", "rubric_id", "locale_id")


def related_articles(
    article: Article,
    *,
    people: Iterable[int],
    tags: Iterable[int],
    exclude_ids=(),
    rubrics: Iterable[Rubric] = (),
    limit: int = 4,
) -> list[Article]:
    """Articles on the same people or tags (ids of the article's), else the newest of the same
    rubric: with the fields of a card (RELATED_FIELDS) and their rubric from `rubrics` (see
    published_article)."""
    people, tags = list(people), list(tags)
    candidates = (
        Article.objects.filter(public_filter(), locale_id=article.locale_id)
        .exclude(pk__in=[article.pk, *exclude_ids])
        .only(*RELATED_FIELDS)
        .order_by("-public_at", "-id")
    )
    found = []
    if people or tags:
        # Two IN (…) lists the planner can hash, rather than joins it must walk: 0.2–2 ms at
        # 1,000,000 articles where joining people and tags took 5–8 ms at 10,000.
        shared = candidates.filter(
            Q(
                pk__in=Article.people.through.objects.filter(person_id__in=people).values(
                    "article_id"
                )
            )
            | Q(pk__in=ArticleTag.objects.filter(tag_id__in=tags).values("content_object_id")),
            public_at__lte=article.public_at or timezone.now(),
        )
        found = list(shared[:limit])
    if not found:
        found = list(candidates.filter(rubric_id=article.rubric_id)[:limit])
    rubrics_attach(found, rubrics)
    return found


def rubric_blocks(*, locale_id: int, rubrics: list[Rubric], per_rubric: int = 4, window=400):
    """The newest articles of each rubric for the edition home, in two queries.

    Looks at the edition's latest `window` articles only, so the cost does not grow with the
    archive; a rubric with nothing among them is left out of the home page.
    """
    latest = published_articles(locale_id=locale_id).values_list("pk", "rubric_id")[:window]
    chosen: dict[int, list[int]] = {}
    for pk, rubric_id in latest:
        ids = chosen.setdefault(rubric_id, [])
        if len(ids) < per_rubric:
            ids.append(pk)
    all_ids = [pk for ids in chosen.values() for pk in ids]
    chosen_cards = as_cards(published_articles(locale_id=locale_id)).filter(pk__in=all_ids)
    by_id = {a.pk: a for a in chosen_cards}
    return [
        (rubric, [by_id[pk] for pk in chosen[rubric.pk] if pk in by_id])
        for rubric in rubrics
        if chosen.get(rubric.pk)
    ]


def _edge(article: Article) -> Cursor:
    return Cursor(article.public_at, article.pk)


@dataclass(frozen=True)
class ListingPage:
    articles: list[Article]
    newer: Cursor | None  # link to the page before this one (newer articles)
    older: Cursor | None  # link to the page after this one (older articles)


def listing_page(
    articles: QuerySet[Article],
    *,
    before: Cursor | None = None,
    after: Cursor | None = None,
    size: int = PAGE_SIZE,
) -> ListingPage:
    """One page of a newest-first listing, before or after a cursor (never both)."""
    if after is not None:
        rows = list(
            keyset_newer(articles, after, field="public_at").order_by("public_at", "id")[: size + 1]
        )
        has_newer = len(rows) > size
        rows = rows[:size][::-1]
        return ListingPage(
            rows,
            newer=_edge(rows[0]) if rows and has_newer else None,
            older=_edge(rows[-1]) if rows else None,
        )
    if before is not None:
        articles = keyset_older(articles, before, field="public_at")
    rows = list(articles.order_by("-public_at", "-id")[: size + 1])
    has_older = len(rows) > size
    rows = rows[:size]
    return ListingPage(
        rows,
        newer=_edge(rows[0]) if rows and before is not None else None,
        older=_edge(rows[-1]) if rows and has_older else None,
    )
