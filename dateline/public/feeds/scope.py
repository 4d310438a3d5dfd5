"""Which articles a feed lists, and the validators that tell a reader whether that list changed."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, QuerySet
from django.http import Http404

from dateline.newsroom import selectors
from dateline.newsroom.models import Article, ArticleVersion, Edition, Rubric, VersionKind
from dateline.public.layout import edition_home_url

FEED_SIZE = 50


@dataclass(frozen=True)
class FeedScope:
    """An edition's feed, or one rubric's, as of `now`; `base_url` makes links absolute."""

    edition: Edition
    rubric: Rubric | None
    base_url: str
    now: datetime

    @property
    def title(self) -> str:
        section = self.rubric.title if self.rubric else self.edition.name
        return f"{self.edition.agency_name} — {section}"

    @property
    def page_url(self) -> str:
        """The page this feed follows: the rubric, or the edition's home."""
        return self.rubric.url if self.rubric else edition_home_url(self.edition.language)

    def articles(self) -> QuerySet[Article]:
        # Feeds carry the full text: the body is read with the list.
        articles = selectors.published_articles(
            locale_id=self.edition.locale_id, now=self.now
        ).defer(None)
        if self.rubric is not None:
            articles = articles.filter(rubric_id=self.rubric.pk)
        return articles


def scope_resolve(
    *, language: str, rubric_slug: str | None, base_url: str, now: datetime
) -> FeedScope:
    """The scope named by a feed URL; 404 for an edition or rubric that does not exist."""
    edition = Edition.objects.select_related("locale").filter(locale__language_code=language)
    edition = edition.first()
    if edition is None:
        raise Http404("No such edition")
    rubric = None
    if rubric_slug is not None:
        # Rubrics are the children of an edition's home, so a slug names one per edition.
        rubric = (
            Rubric.objects.live()
            .filter(locale_id=edition.locale_id, slug=rubric_slug, depth=3)
            .first()
        )
        if rubric is None:
            raise Http404("No such rubric in this edition")
    return FeedScope(edition=edition, rubric=rubric, base_url=base_url, now=now)


@dataclass(frozen=True)
class FeedState:
    etag: str
    last_modified: datetime | None


def feed_state(scope: FeedScope, *, format_name: str) -> FeedState:
    """ETag and Last-Modified of a feed, from two small indexed queries.

    The ETag hashes the listed articles' ids and versions: it changes when an article is added
    (published, or its embargo ends), republished, killed, unpublished or restored.
    Last-Modified is the newest of those moments that the data records: publication,
    republication, and kills, unpublishes and restores (which drop or bring back an article
    without touching the others), so a client that only sends If-Modified-Since sees those
    too. An article moved to another rubric records no time: only the ETag moves.
    """
    rows = list(
        scope.articles().values_list("pk", "version", "public_at", "last_published_at")[:FEED_SIZE]
    )
    withdrawals = ArticleVersion.objects.filter(
        kind__in=(VersionKind.KILL, VersionKind.WITHHOLD, VersionKind.RESTORE),
        article__locale_id=scope.edition.locale_id,
        created_at__lte=scope.now,
    )
    if scope.rubric is not None:
        withdrawals = withdrawals.filter(article__rubric_id=scope.rubric.pk)
    withdrawn = withdrawals.aggregate(latest=Max("created_at"))["latest"]
    moments = [max(public, published or public) for _, _, public, published in rows]
    last_modified = max([*moments, *([withdrawn] if withdrawn else [])], default=None)
    fingerprint = repr(
        (format_name, scope.base_url, scope.title, [(pk, version) for pk, version, *_ in rows])
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
    return FeedState(etag=f'"{digest}"', last_modified=last_modified)
