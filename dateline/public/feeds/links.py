"""The feed formats and the <link rel="alternate"> a page advertises its feeds with."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

from dateline.newsroom.models import Edition, Rubric


@dataclass(frozen=True)
class FeedFormat:
    name: str
    filename: str  # after /<lang>/ or /<lang>/<rubric>/
    media_type: str
    label: str


FORMATS = (
    FeedFormat("rss", "rss.xml", "application/rss+xml", "RSS"),
    FeedFormat("atom", "atom.xml", "application/atom+xml", "Atom"),
    FeedFormat("json", "feed.json", "application/feed+json", "JSON Feed"),
)


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    media_type: str


def edition_feed_links(edition: Edition) -> list[FeedLink]:
    """The edition's feeds, RSS first (readers take the first as the page's feed)."""
    title = f"{edition.agency_name} — {edition.name}"
    with translation.override(edition.language):
        return [
            FeedLink(f"{title} ({f.label})", reverse(f"edition_feed_{f.name}"), f.media_type)
            for f in FORMATS
        ]


def rubric_feed_links(rubric: Rubric, edition: Edition) -> list[FeedLink]:
    title = f"{edition.agency_name} — {rubric.title}"
    with translation.override(edition.language):
        return [
            FeedLink(
                f"{title} ({f.label})",
                reverse(f"rubric_feed_{f.name}", kwargs={"rubric": rubric.slug}),
                f.media_type,
            )
            for f in FORMATS
        ]
