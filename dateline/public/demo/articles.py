"""The demo's news: about 220 published articles per edition over the last 60 days.

Half of the articles appear in every edition as translations of each other (same
translation key, published minutes apart); the rest belong to one edition. Articles are
bulk-created without revisions: live, published, with no pending changes.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from taggit.models import Tag

from dateline.lib.slugs import slug_from_text
from dateline.newsroom.models import (
    Article,
    ArticleTag,
    ArticleVersion,
    Author,
    Edition,
    Person,
    Urgency,
    VersionKind,
)

from . import data
from .directory import project_rubrics
from .images import LEAD_IMAGE_COUNT
from .indexes import indexes_update
from .kinds import KINDS, people_by_key
from .people import by_key
from .text import ArticlePlan, article_text_render, plan_make

DAYS = 60
PHOTO_SHARE = 0.7
UPDATED_SHARE = 0.2


@dataclass(frozen=True)
class Dispatch:
    """One article as the wire sends it: its text plan and how it goes out in which editions."""

    plan: ArticlePlan
    translation_key: uuid.UUID
    published_at: dict[str, datetime]  # language → first publication
    updated_after: timedelta | None
    urgency: int
    photo: int | None  # index into the demo's news photos
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    project: str | None


@dataclass(frozen=True)
class EditionPages:
    """What an edition's articles point at: its rubrics and projects, by slug."""

    edition: Edition
    rubrics: dict
    projects: dict


def dispatches_plan(*, per_edition: int, seed: int, now: datetime, tz) -> list[Dispatch]:
    """Every edition's articles; the same seed plans the same articles (times follow `now`)."""
    rng = random.Random(seed)
    shared = per_edition // 2
    groups = [data.LANGUAGES] * shared
    for language in data.LANGUAGES:
        groups += [(language,)] * (per_edition - shared)
    return [
        _dispatch(rng, languages, data.translation_key(f"article:{seed}:{number}"), now, tz)
        for number, languages in enumerate(groups)
    ]


def _dispatch(rng: random.Random, languages, key: uuid.UUID, now: datetime, tz) -> Dispatch:
    plan = plan_make(rng)
    moment = _moment(rng, now, tz)
    # The English desk files first; the other desks follow within minutes.
    published_at = {
        language: moment + timedelta(minutes=0 if number == 0 else rng.randint(1, 12))
        for number, language in enumerate(languages)
    }
    updated_after = None
    if rng.random() < UPDATED_SHARE:
        updated_after = timedelta(minutes=rng.randint(20, 90))
    pool = [*KINDS[plan.kind].tags, *people_by_key()[plan.person].get("tags", [])]
    authors = _authors(rng, plan)
    projects = [
        slug for slug, rubrics in project_rubrics().items() if KINDS[plan.kind].rubric in rubrics
    ]
    return Dispatch(
        plan=plan,
        translation_key=key,
        published_at=published_at,
        updated_after=updated_after,
        urgency=_urgency(rng),
        photo=rng.randrange(LEAD_IMAGE_COUNT) if rng.random() < PHOTO_SHARE else None,
        authors=authors,
        tags=tuple(rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))),
        project=projects[0] if projects and rng.random() < 0.4 else None,
    )


def _moment(rng: random.Random, now: datetime, tz) -> datetime:
    """A moment in the last DAYS days, during the newsroom's day (7:00–22:00 local time)."""
    while True:
        moment = now - timedelta(minutes=rng.randint(20, DAYS * 24 * 60))
        if 7 <= moment.astimezone(tz).hour < 22:
            return moment.replace(second=rng.randint(0, 59), microsecond=0)


def _urgency(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.03:
        return Urgency.FLASH
    if roll < 0.15:
        return Urgency.URGENT
    return Urgency.ROUTINE


def _authors(rng: random.Random, plan: ArticlePlan) -> tuple[str, ...]:
    keys = [row["key"] for row in data.people()["authors"]]
    if plan.city == "beijing":
        return ("wang",)  # the Beijing correspondent files from Beijing
    local = [key for key in keys if key != "wang"]
    return tuple(rng.sample(local, k=1 if rng.random() < 0.8 else 2))


def articles_create(
    *, language: str, pages: EditionPages, dispatches: list[Dispatch], photos: list, now
) -> list[Article]:
    """One edition's articles with their bylines, people, projects and tags."""
    edition = pages.edition
    credit = data.editions()[language]["photo_credit"]
    mine = [d for d in dispatches if language in d.published_at]
    articles = []
    for dispatch in mine:
        written = article_text_render(dispatch.plan, language)
        first = dispatch.published_at[language]
        last = first
        if dispatch.updated_after and first + dispatch.updated_after <= now:
            last = first + dispatch.updated_after
        photo = photos[dispatch.photo % len(photos)] if dispatch.photo is not None else None
        articles.append(
            Article(
                locale_id=edition.locale_id,
                translation_key=dispatch.translation_key,
                headline=written.headline,
                slug=slug_from_text(written.headline),
                lead=written.lead,
                body=written.body,
                dateline_city=written.dateline_city,
                rubric=pages.rubrics[KINDS[dispatch.plan.kind].rubric],
                lead_image=photo,
                lead_image_caption=written.caption if photo else "",
                lead_image_credit=credit if photo else "",
                urgency=dispatch.urgency,
                live=True,
                has_unpublished_changes=False,
                first_published_at=first,
                last_published_at=last,
                public_at=first,
                version=2 if last > first else 1,
            )
        )
    articles = Article.objects.bulk_create(articles)
    _versions_create(articles)
    _relations_create(language, pages, list(zip(mine, articles, strict=True)))
    indexes_update(Article, articles)
    return articles


def _versions_create(articles: list[Article]) -> None:
    """The public versions the articles went through: first publication, then any update."""
    versions = []
    for article in articles:
        versions.append(
            ArticleVersion(
                article=article,
                number=1,
                kind=VersionKind.FIRST,
                created_at=article.public_at,
                released_at=article.public_at,
            )
        )
        if article.version == 2:
            versions.append(
                ArticleVersion(
                    article=article,
                    number=2,
                    kind=VersionKind.UPDATE,
                    created_at=article.last_published_at,
                    released_at=article.last_published_at,
                )
            )
    ArticleVersion.objects.bulk_create(versions)


def _relations_create(language: str, pages: EditionPages, pairs: list) -> None:
    locale_id = pages.edition.locale_id
    authors = by_key(Author, locale_id, "author", [r["key"] for r in data.people()["authors"]])
    people = by_key(Person, locale_id, "person", list(people_by_key()))
    tags = _tags(language)
    Article.authors.through.objects.bulk_create(
        Article.authors.through(article_id=article.pk, author_id=authors[key].pk)
        for dispatch, article in pairs
        for key in dispatch.authors
    )
    Article.people.through.objects.bulk_create(
        Article.people.through(article_id=article.pk, person_id=people[key].pk)
        for dispatch, article in pairs
        for key in (dispatch.plan.person, dispatch.plan.person2)
        if key
    )
    Article.projects.through.objects.bulk_create(
        Article.projects.through(
            article_id=article.pk, projectpage_id=pages.projects[dispatch.project].pk
        )
        for dispatch, article in pairs
        if dispatch.project
    )
    ArticleTag.objects.bulk_create(
        ArticleTag(content_object_id=article.pk, tag_id=tags[key].pk)
        for dispatch, article in pairs
        for key in dispatch.tags
    )


def _tags(language: str) -> dict[str, Tag]:
    """The edition's tags by key; Russian and Belarusian share the words they share."""
    return {
        key: Tag.objects.get_or_create(name=name)[0]
        for key, name in data.editions()[language]["tags"].items()
    }
