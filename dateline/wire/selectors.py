"""The partner's view of the wire: which article versions a partner may see, newest change first.

Readers see `public_filter` (live, not killed, past the embargo). Partners see more, and
sooner: every published article of their products from the moment it is published, killed
ones included (as canceled), and embargoed ones at once if they are allowed embargoed
content. A partner without that permission sees an embargoed article only from its release.

Each article appears once, as its newest ArticleVersion. Lists are ordered by when the article
last changed *for this partner*: the newest version's time, or, for a partner who had to wait
for an embargo, the release if that came later; so `since=` polling finds new articles,
updates, corrections, kills and released embargoes alike.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q, QuerySet

from dateline.lib.cursors import Cursor, keyset_older
from dateline.newsroom.models import ArticleVersion, Edition, Rubric, VersionKind

from .models import Partner

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class Forbidden(Exception):
    """The partner asked for an edition or rubric outside its products."""


class NotFound(Exception):
    """The partner named an edition or rubric that does not exist."""


class BadRequest(ValueError):
    """A parameter that cannot be understood; the message says why."""


@dataclass(frozen=True)
class Scope:
    """What a partner's products cover: whole editions (locales) and single rubrics."""

    locale_ids: frozenset[int]
    rubric_ids: frozenset[int]

    def covers(self, *, locale_id: int, rubric_id: int) -> bool:
        return locale_id in self.locale_ids or rubric_id in self.rubric_ids

    def q(self, prefix: str = "article__") -> Q:
        return Q(**{f"{prefix}locale_id__in": self.locale_ids}) | Q(
            **{f"{prefix}rubric_id__in": self.rubric_ids}
        )


def partner_scope(partner: Partner) -> Scope:
    products = list(partner.products.select_related("edition"))
    return Scope(
        locale_ids=frozenset(p.edition.locale_id for p in products if p.rubric_id is None),
        rubric_ids=frozenset(p.rubric_id for p in products if p.rubric_id is not None),
    )


def partner_versions(*, partner: Partner, now: datetime) -> QuerySet[ArticleVersion]:
    """The newest version of every article the partner may see now, annotated with `changed_at`."""
    versions = ArticleVersion.objects.filter(
        partner_scope(partner).q(),
        # An unpublished article stays, as its withholding, until it is published again.
        Q(article__live=True) | Q(kind=VersionKind.WITHHOLD),
        number=F("article__version"),
        article__public_at__isnull=False,
    )
    if partner.embargo_allowed:
        return versions.annotate(changed_at=F("created_at"))
    return versions.filter(article__public_at__lte=now).annotate(changed_at=F("released_at"))


def with_item_relations(versions: QuerySet[ArticleVersion]) -> QuerySet[ArticleVersion]:
    """Everything `item_from_version` reads, in a fixed number of queries."""
    return versions.select_related(
        "article__locale__edition", "article__rubric", "article__lead_image"
    ).prefetch_related(
        "article__authors",
        "article__people",
        "article__tags",
        "article__lead_image__renditions",
    )


def filtered(
    versions: QuerySet[ArticleVersion],
    *,
    partner: Partner,
    edition: str | None = None,
    rubric: str | None = None,
    since: datetime | None = None,
) -> QuerySet[ArticleVersion]:
    scope = partner_scope(partner)
    if edition:
        found = Edition.objects.filter(locale__language_code=edition).first()
        if found is None:
            raise NotFound(f"No edition “{edition}”: editions are named by language, e.g. en.")
        in_products = (
            found.locale_id in scope.locale_ids
            or Rubric.objects.filter(pk__in=scope.rubric_ids, locale_id=found.locale_id).exists()
        )
        if not in_products:
            raise Forbidden(f"The {edition} edition is not among your products.")
        versions = versions.filter(article__locale_id=found.locale_id)
    if rubric:
        rubrics = Rubric.objects.filter(slug=rubric)
        if edition:
            rubrics = rubrics.filter(locale__language_code=edition)
        rubric_ids = [(pk, locale_id) for pk, locale_id in rubrics.values_list("pk", "locale_id")]
        if not rubric_ids:
            raise NotFound(f"No rubric “{rubric}”.")
        allowed = [
            pk for pk, locale_id in rubric_ids if scope.covers(locale_id=locale_id, rubric_id=pk)
        ]
        if not allowed:
            raise Forbidden(f"The rubric “{rubric}” is not among your products.")
        versions = versions.filter(article__rubric_id__in=allowed)
    if since is not None:
        versions = versions.filter(changed_at__gt=since)
    return versions


# --- Pages -------------------------------------------------------------------------------
# Keyset pages (dateline.lib.cursors): `next` names the (changed_at, version id) of the last
# item of a page, in the cursor's opaque spelling.


@dataclass(frozen=True)
class Page:
    versions: list[ArticleVersion]
    next: Cursor | None


def page_of(
    versions: QuerySet[ArticleVersion], *, after: Cursor | None, size: int = PAGE_SIZE
) -> Page:
    """One page, newest change first, after the cursor of the previous page."""
    if after is not None:
        versions = keyset_older(versions, after, field="changed_at")
    rows = list(versions.order_by("-changed_at", "-pk")[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if rows and more else None
    return Page(rows, Cursor(last.changed_at, last.pk) if last else None)


URI_RE = re.compile(r"urn:dateline:([0-9a-f-]{36}):([a-z]{2,3}(?:-[A-Za-z0-9]+)?)")


def _article_filter(uri: str) -> Q | None:
    match = URI_RE.fullmatch(uri)
    if match is None:
        return None
    return Q(article__translation_key=match[1], article__locale__language_code=match[2])


def partner_version(*, partner: Partner, now: datetime, uri: str) -> ArticleVersion | None:
    """The newest version of one article by its item URI, if the partner may see it."""
    match = _article_filter(uri)
    if match is None:
        return None
    return with_item_relations(partner_versions(partner=partner, now=now)).filter(match).first()


def outside_products(*, partner: Partner, now: datetime, uri: str) -> bool:
    """Whether `uri` is a released article the partner could see if it subscribed to it.

    Tells 403 (not your product) from 404: an embargoed article does not exist for partners
    without the embargo permission, and an article that was never published exists for no one.
    """
    match = _article_filter(uri)
    if match is None:
        return False
    return (
        ArticleVersion.objects.filter(
            match,
            number=F("article__version"),
            article__live=True,
            article__public_at__lte=now,
        )
        .exclude(partner_scope(partner).q())
        .exists()
    )
