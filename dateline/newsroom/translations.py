"""The same story in other editions: copies as drafts, and which copies are out of date."""

from dataclasses import dataclass
from datetime import datetime

from dateline.directory.models import ProjectPage

from .models import Article, Author, Person, Rubric


def translation_prepare(source: Article, translated: Article) -> Article:
    """Point a fresh copy (Wagtail's copy_for_translation) at its own edition's things.

    The rubric becomes the target edition's rubric of the same slug; people and bylines
    their translations where they exist. The copy is a draft with no public history.
    """
    locale_id = translated.locale.pk
    rubrics = Rubric.objects.filter(locale_id=locale_id)
    rubric = (
        rubrics.filter(translation_key=source.rubric.translation_key).first()
        or rubrics.filter(slug=source.rubric.slug).first()
    )
    if rubric is None:
        raise Rubric.DoesNotExist(
            f"The target edition has no rubric like “{source.rubric.title}”: create it first."
        )
    translated.rubric = rubric
    translated.live = False
    translated.has_unpublished_changes = True
    for field, model in (("people", Person), ("authors", Author), ("projects", ProjectPage)):
        keys = [obj.translation_key for obj in getattr(source, field).all()]
        getattr(translated, field).set(
            model.objects.filter(locale_id=locale_id, translation_key__in=keys)
        )
    return translated


@dataclass(frozen=True)
class TranslationStatus:
    article: Article
    language: str
    out_of_date: bool
    public_since: datetime | None


def translations_status(article: Article) -> list[TranslationStatus]:
    """Every other edition's version of the story, and whether it lags behind this one.

    A translation is out of date when this story had a public version after the
    translation was last edited.
    """
    if not article.pk:
        return []
    latest = article.versions.order_by("-created_at").values_list("created_at", flat=True).first()
    others = (
        Article.objects.filter(translation_key=article.translation_key)
        .exclude(pk=article.pk)
        .select_related("locale", "latest_revision")
    )
    statuses = []
    for other in others:
        edited = other.latest_revision.created_at if other.latest_revision else other.created_at
        statuses.append(
            TranslationStatus(
                article=other,
                language=other.locale.language_code,
                out_of_date=bool(latest and edited and edited < latest),
                public_since=other.public_at,
            )
        )
    return statuses
