"""The people the news is about and the reporters who sign it, in every edition."""

import random

from dateline.lib.slugs import slug_from_text, slug_unused
from dateline.newsroom.models import Author, Edition, Person

from . import data, images
from .indexes import indexes_update
from .text import biography_render


def people_ensure(editions: dict[str, Edition]) -> None:
    """Thirty people per edition, translations of each other, sharing one portrait each."""
    missing = [
        language
        for language, edition in editions.items()
        if not Person.objects.filter(locale_id=edition.locale_id).exists()
    ]
    if not missing:
        return
    rows = data.people()["people"]
    portraits = images.portraits_ensure({row["key"]: row["name"]["en"] for row in rows})
    created = []
    for language in missing:
        created += Person.objects.bulk_create(
            _person(row, language, editions[language], portraits[row["key"]]) for row in rows
        )
    indexes_update(Person, created)


def _person(row: dict, language: str, edition: Edition, portrait) -> Person:
    name = row["name"][language]
    # Seeded by the person, so every edition tells the same biography.
    biography = biography_render(row["key"], language, random.Random(row["key"]))
    return Person(
        locale_id=edition.locale_id,
        translation_key=data.translation_key(f"person:{row['key']}"),
        name=name,
        slug=slug_from_text(name),
        position=row["position"][language],
        portrait=portrait,
        biography=biography,
    )


def authors_ensure(editions: dict[str, Edition]) -> None:
    """The agency's reporters: the same bylines in every edition, in its alphabet."""
    for language, edition in editions.items():
        if Author.objects.filter(locale_id=edition.locale_id).exists():
            continue
        slugs: set[str] = set()  # bulk_create skips save(), which would make them
        authors = []
        for row in data.people()["authors"]:
            name = row["name"][language]
            slugs.add(slug := slug_unused(slug_from_text(name), slugs))
            authors.append(
                Author(
                    locale_id=edition.locale_id,
                    translation_key=data.translation_key(f"author:{row['key']}"),
                    name=name,
                    slug=slug,
                )
            )
        Author.objects.bulk_create(authors)


def by_key(model, locale_id: int, kind: str, keys: list[str]) -> dict:
    """Map demo keys to one edition's rows through their derived translation keys."""
    wanted = {data.translation_key(f"{kind}:{key}"): key for key in keys}
    rows = model.objects.filter(locale_id=locale_id, translation_key__in=wanted)
    return {wanted[row.translation_key]: row for row in rows}
