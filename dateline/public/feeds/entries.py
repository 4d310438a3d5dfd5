"""What a feed says about one article: identity, dates, bylines, full text and lead picture."""

import mimetypes
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from django.utils import timezone
from django.utils.html import format_html

from dateline.newsroom import style
from dateline.newsroom.models import Article, Edition
from dateline.wire.body import body_html
from dateline.wire.items import INLINE_RENDITION, item_uri

# The rendition the article page shows, so that it usually exists before a feed asks for it.
LEAD_RENDITION = "width-1200"


@dataclass(frozen=True)
class FeedImage:
    url: str
    width: int
    height: int
    length: int  # bytes, for the RSS enclosure
    mime_type: str
    caption: str
    credit: str


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    url: str
    title: str
    summary: str  # the lead, plain text
    content_html: str  # dateline and lead, then the body: sanitized, links absolute
    published: datetime
    updated: datetime
    authors: tuple[str, ...]
    category: str
    image: FeedImage | None


def feed_entry(article: Article, *, edition: Edition, base_url: str) -> FeedEntry:
    """Needs the article's rubric, locale, lead_image and authors loaded (see the feeds)."""
    published = timezone.localtime(article.public_at, edition.tz)
    # An embargoed article was published (for partners) before readers saw it.
    updated = max(published, article.last_published_at or published)
    return FeedEntry(
        # The wire's identifier: the same article keeps it through slug, rubric or domain changes.
        guid=item_uri(article),
        url=urljoin(base_url, article.url),
        title=article.headline,
        summary=article.lead,
        content_html=_full_text(article, edition=edition, base_url=base_url),
        published=published,
        updated=timezone.localtime(updated, edition.tz),
        authors=tuple(author.name for author in article.authors.all()),
        category=article.rubric.title,
        image=_lead_image(article, base_url=base_url),
    )


def _full_text(article: Article, *, edition: Edition, base_url: str) -> str:
    dateline = style.dateline(
        city=article.dateline_city, published_at=article.public_at, edition=edition
    )
    lead = format_html("<p>{} {}</p>", dateline, article.lead)

    def inline_image(image) -> tuple[str, int, int]:
        try:
            rendition = image.get_rendition(INLINE_RENDITION)
        except OSError:  # the original is missing from storage: link it rather than fail
            return urljoin(base_url, image.file.url), image.width, image.height
        return urljoin(base_url, rendition.url), rendition.width, rendition.height

    return lead + body_html(article.body, base_url=base_url, image_url=inline_image)


def _lead_image(article: Article, *, base_url: str) -> FeedImage | None:
    image = article.lead_image
    if image is None:
        return None
    try:
        rendition = image.get_rendition(LEAD_RENDITION)
        length = rendition.file.size
    except OSError:
        # The original is missing from storage (Wagtail's SourceImageIOError is an OSError):
        # better a feed without the picture than no feed.
        return None
    return FeedImage(
        url=urljoin(base_url, rendition.url),
        width=rendition.width,
        height=rendition.height,
        length=length,
        mime_type=mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
        caption=article.lead_image_caption,
        credit=article.lead_image_credit,
    )
