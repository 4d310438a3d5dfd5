"""An article version as the wire sees it: every field a format needs, read once from the database.

`item_from_version` turns the newest ArticleVersion of an article (with its article, edition,
authors, people, tags and lead picture loaded) into a `WireItem`; the formats in
`dateline.wire.formats` turn a WireItem into ninjs or NewsML-G2 without touching the database.

Identifiers: an article is `urn:dateline:<translation_key>:<language>`. The translation key is a
UUID shared by the translations of an article, so the URI is globally unique without naming a
domain (which an agency may change), stays the same through every version, and tells partners
which items are translations of each other. People are `urn:dateline:person:<translation_key>`
for the same reasons; pictures `urn:dateline:image:<id>`.
"""

import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from django.conf import settings

from dateline.lib.words import word_count
from dateline.newsroom import style
from dateline.newsroom.models import Article, ArticleVersion, VersionKind

from .body import body_html, lead_paragraph, text_of

MEDIA_TOPIC_RE = re.compile(r"^medtop:(\d{8})$")
MEDIA_TOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/"

# Wagtail rendition specs of the lead picture, by IPTC rendition name.
PICTURE_RENDITIONS = {
    "highRes": "max-2048x2048",
    "web": "max-1200x1200",
    "thumbnail": "max-400x400",
}
INLINE_RENDITION = "max-1200x1200"


@dataclass(frozen=True)
class Rendition:
    name: str
    href: str
    content_type: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    uri: str
    title: str
    caption: str
    credit: str
    renditions: tuple[Rendition, ...]


@dataclass(frozen=True)
class Concept:
    """A subject, person or place: a name and, when there is one, an identifier."""

    name: str
    uri: str = ""
    qcode: str = ""


@dataclass(frozen=True)
class WireItem:
    uri: str
    version: int
    signal: str  # the VersionKind of this version: first, revision, update, correction…
    pubstatus: str  # IPTC: usable, withheld (unpublished for now) or canceled (killed)
    language: str
    first_created: datetime
    version_created: datetime
    content_created: datetime
    embargoed: datetime | None
    urgency: int
    headline: str
    lead: str
    body_html: str
    word_count: int
    dateline: str
    city: str
    authors: tuple[str, ...]
    topic: Concept | None
    people: tuple[Concept, ...]
    places: tuple[Concept, ...]
    keywords: tuple[str, ...]
    picture: Picture | None
    ednote: str
    web_url: str
    provider: str
    provider_url: str

    @property
    def canceled(self) -> bool:
        return self.pubstatus == "canceled"

    @property
    def withdrawn(self) -> bool:
        """Killed or withheld: partners get only what identifies the article, and why."""
        return self.pubstatus != "usable"

    @property
    def byline(self) -> str:
        return ", ".join(self.authors)


def item_uri(article: Article) -> str:
    return f"urn:dateline:{article.translation_key}:{article.locale.language_code}"


def base_url() -> str:
    return settings.WIRE_BASE_URL.rstrip("/") + "/"


def absolute(url: str) -> str:
    return urljoin(base_url(), url)


def item_from_version(version: ArticleVersion, *, show_embargo: bool) -> WireItem:
    """The WireItem of `version`, the article's newest; `show_embargo` for allowed partners."""
    article = version.article
    edition = article.locale.edition
    pubstatus = _pubstatus(article, version)
    dateline = style.dateline(
        city=article.dateline_city,
        published_at=article.public_at or version.created_at,
        edition=edition,
    )
    # A withdrawn article is not sent again: partners get what identifies it and the reason.
    withdrawn = pubstatus != "usable"
    body = "" if withdrawn else _body(article, dateline)
    embargoed = None
    if show_embargo and article.first_published_at and article.public_at:
        # The embargo partners were given is the moment readers first saw (or will see) it.
        embargoed = article.public_at if article.public_at > article.first_published_at else None
    return WireItem(
        uri=item_uri(article),
        version=version.number,
        signal=version.kind,
        pubstatus=pubstatus,
        language=edition.language,
        first_created=article.first_published_at or version.created_at,
        version_created=version.created_at,
        # The demo (and imports) create articles after they were first published.
        content_created=min(article.created_at, article.first_published_at or version.created_at),
        embargoed=embargoed,
        urgency=article.urgency,
        headline=article.headline,
        lead=article.lead,
        body_html=body,
        word_count=word_count(text_of(body)),
        dateline=dateline,
        city=article.dateline_city,
        authors=tuple(author.name for author in article.authors.all()),
        topic=_topic(article),
        people=tuple(
            Concept(person.name, uri=f"urn:dateline:person:{person.translation_key}")
            for person in article.people.all()
        ),
        places=(Concept(article.dateline_city),) if article.dateline_city else (),
        keywords=tuple(tag.name for tag in article.tags.all()),
        picture=None if withdrawn else _picture(article),
        ednote=_ednote(version),
        web_url=absolute(article.url),
        provider=edition.agency_name,
        provider_url=base_url(),
    )


def _body(article: Article, dateline: str) -> str:
    """The article as readers see it below the headline: dateline and lead, then the body."""
    lead = lead_paragraph(dateline=dateline, lead=article.lead)
    return lead + body_html(article.body, base_url=base_url(), image_url=_inline_image)


def _pubstatus(article: Article, version: ArticleVersion) -> str:
    if article.killed_at is not None:
        return "canceled"
    if version.kind == VersionKind.WITHHOLD:
        return "withheld"
    return "usable"


def _topic(article: Article) -> Concept:
    """The rubric as a subject: its IPTC Media Topic when the rubric names a valid one."""
    rubric = article.rubric
    match = MEDIA_TOPIC_RE.match(rubric.iptc_media_topic.strip())
    if match is None:
        return Concept(rubric.title)
    return Concept(rubric.title, uri=f"{MEDIA_TOPIC_URI}{match[1]}", qcode=match[0])


def _ednote(version: ArticleVersion) -> str:
    note = version.note.strip()
    if version.kind == VersionKind.CORRECTION:
        return f"Correction: {note}" if note else "Correction."
    if version.kind == VersionKind.KILL:
        return f"Kill: withdrawn, do not use. {note}".strip()
    if version.kind == VersionKind.WITHHOLD:
        return f"Withheld: do not use until a new version is sent. {note}".strip()
    if version.kind == VersionKind.RESTORE:
        return f"Restored after a kill. {note}".strip()
    return note


def _picture(article: Article) -> Picture | None:
    image = article.lead_image
    if image is None:
        return None
    renditions = image.get_renditions(*PICTURE_RENDITIONS.values())
    return Picture(
        uri=f"urn:dateline:image:{image.pk}",
        title=image.title,
        caption=article.lead_image_caption,
        credit=article.lead_image_credit,
        renditions=tuple(
            _rendition(name, renditions[spec]) for name, spec in PICTURE_RENDITIONS.items()
        ),
    )


def _rendition(name: str, rendition) -> Rendition:
    content_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
    return Rendition(
        name=name,
        href=absolute(rendition.url),
        content_type=content_type,
        width=rendition.width,
        height=rendition.height,
    )


def _inline_image(image) -> tuple[str, int, int]:
    rendition = image.get_rendition(INLINE_RENDITION)
    return absolute(rendition.url), rendition.width, rendition.height
