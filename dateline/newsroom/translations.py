"""The same article in other editions: which copies are out of date (the copies themselves are
made by Article.copy_for_translation, see models/translating.py)."""

from dataclasses import dataclass
from datetime import datetime

from .models import Article


@dataclass(frozen=True)
class TranslationStatus:
    article: Article
    language: str
    out_of_date: bool
    public_since: datetime | None


def translations_status(article: Article) -> list[TranslationStatus]:
    """Every other edition's version of the article, and whether it lags behind this one.

    A translation is out of date when this article had a public version after the
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
