"""What search engines and social networks read from a page: JSON-LD, Open Graph and X cards.

Views pass the result to templates as `share` (see public/includes/share_meta.html).
"""

import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from babel.core import get_global
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from dateline.lib.words import word_count
from dateline.newsroom import style
from dateline.newsroom.models import Article, Edition
from dateline.newsroom.selectors import Mentions
from dateline.wire.body import body_html, text_of

from .layout import subscribe_settings

# The photo a shared link shows: the article page's own rendition, so it usually exists.
SHARE_RENDITION = "width-1200"
# Google asks for 16:9, 4:3 and 1:1 crops of an article's picture.
SCHEMA_RENDITIONS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")
# Characters that could end the <script> element or start markup inside it.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass(frozen=True)
class ShareMeta:
    open_graph: list[tuple[str, str]]
    x_card: list[tuple[str, str]]
    json_ld: SafeString | None = None


@dataclass(frozen=True)
class PageUrls:
    canonical: str  # absolute, like the others
    home: str
    languages: list[str]  # the editions this page is translated into, its own included


def article_share(
    request,
    article: Article,
    *,
    mentions: Mentions,
    edition: Edition,
    published_at: datetime,
    urls: PageUrls,
) -> ShareMeta:
    """Tags of an article's page (a preview's too: `published_at` is then "now")."""
    published = timezone.localtime(published_at, edition.tz)
    # An embargoed article was published (for partners) before readers saw it.
    modified = max(published, article.last_published_at or published)
    modified = timezone.localtime(modified, edition.tz)
    photo = _photo(request, share_image(article, edition), SHARE_RENDITION)
    if article.lead_image is not None:
        alt = article.lead_image_caption or article.headline
    else:
        alt = _alt(edition)
    tags = [tag.name for tag in mentions.tags]
    open_graph = [
        ("og:type", "article"),
        ("og:site_name", edition.agency_name),
        ("og:title", article.headline),
        ("og:description", article.lead),
        ("og:url", urls.canonical),
        *_locales(edition.language, urls.languages),
        *_og_image(photo, alt=alt),
        ("article:published_time", _iso(published)),
        ("article:modified_time", _iso(modified)),
        ("article:section", article.rubric.title),
        *(("article:tag", tag) for tag in tags),
    ]
    x_card = _x_card(request, article.headline, article.lead, photo, alt)
    news_article = _news_article(request, article, edition, urls, (published, modified), mentions)
    return ShareMeta(open_graph, x_card, json_ld=json_ld_script(news_article))


def edition_home_share(
    request, *, edition: Edition, description: str, main_article: Article | None, urls: PageUrls
) -> ShareMeta:
    title = f"{edition.agency_name} — {edition.name}"
    description = description or title
    if main_article is not None and main_article.lead_image is not None:
        photo = _photo(request, main_article.lead_image, SHARE_RENDITION)
        alt = main_article.headline
    else:
        photo, alt = _photo(request, edition.default_image, SHARE_RENDITION), _alt(edition)
    open_graph = [
        ("og:type", "website"),
        ("og:site_name", edition.agency_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", urls.canonical),
        *_locales(edition.language, urls.languages),
        *_og_image(photo, alt=alt),
    ]
    return ShareMeta(open_graph, _x_card(request, title, description, photo, alt))


def hreflang(versions: dict[str, str], *, x_default: str = "") -> list[tuple[str, str]]:
    """[(hreflang, URL)] of a page translated into other editions: its versions by language
    (its own included), then "x-default" for readers of any other language; [] for a page in
    one language. The x-default is the version in the first of the site's languages the page
    has (settings.LANGUAGES: English when there is one), not each page's own: every version
    of a page must name the same set, or search engines ignore the set. `x_default` instead
    for a page that has a better one (the site root picks the reader's edition)."""
    if len(versions) < 2:
        return []
    order = [code for code, _name in settings.LANGUAGES]
    first = min(versions, key=lambda code: order.index(code) if code in order else len(order))
    return [*sorted(versions.items()), ("x-default", x_default or versions[first])]


def page_links(request, url: str, versions: dict[str, str]) -> dict:
    """The template context of public/includes/page_links.html: a page's canonical address
    and its versions in the editions (`versions`: {language: URL}, its own included)."""
    absolute = {language: request.build_absolute_uri(path) for language, path in versions.items()}
    return {"canonical_url": request.build_absolute_uri(url), "alternates": hreflang(absolute)}


def json_ld_script(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json">: "</script>" in a headline stays text."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 — escaped just above


def og_locale(language: str) -> str:
    """Open Graph wants language_TERRITORY: "ru" → "ru_RU", "zh" → "zh_CN" (CLDR's likely)."""
    likely = get_global("likely_subtags").get(language, language)
    parts = likely.split("_")
    territory = next((p for p in parts[1:] if len(p) == 2 or p.isdigit()), None)
    return f"{parts[0]}_{territory}" if territory else parts[0]


@dataclass(frozen=True)
class _Photo:
    url: str
    width: int
    height: int


def _photo(request, image, spec: str) -> _Photo | None:
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except OSError:  # the original is missing from storage: share without a picture
        return None
    return _Photo(request.build_absolute_uri(rendition.url), rendition.width, rendition.height)


def share_image(article: Article, edition: Edition):
    """The picture an article is shared with: its lead photo, else its edition's default."""
    return article.lead_image if article.lead_image is not None else edition.default_image


def _alt(edition: Edition) -> str:
    # An image's title names a file for editors ("logo-2026-final"); its description is alt text.
    return getattr(edition.default_image, "description", "") or edition.agency_name


def _news_article(request, article, edition, urls: PageUrls, dates, mentions: Mentions) -> dict:
    published, modified = dates
    authors = [_person(request, author) for author in mentions.authors]
    publisher = {"@type": "Organization", "name": edition.agency_name, "url": urls.home}
    if settings.PUBLISHER_LOGO_URL:
        logo = request.build_absolute_uri(settings.PUBLISHER_LOGO_URL)
        publisher["logo"] = {"@type": "ImageObject", "url": logo}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": urls.canonical},
        "url": urls.canonical,
        "headline": article.headline,
        "description": article.lead,
        "image": _schema_images(request, article.lead_image)
        or _image_object(_photo(request, edition.default_image, SHARE_RENDITION)),
        "datePublished": _iso(published),
        "dateModified": _iso(modified),
        "author": authors or [publisher],
        "publisher": publisher,
        "inLanguage": edition.language,
        "articleSection": article.rubric.title,
        "dateline": style.dateline(
            city=article.dateline_city, published_at=published, edition=edition
        ),
        "keywords": [tag.name for tag in mentions.tags],
        "wordCount": _word_count(article),
        "isAccessibleForFree": True,
    }
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def _person(request, author) -> dict:
    # The author page's address tells search engines which reporter of that name wrote it.
    url = request.build_absolute_uri(author.get_absolute_url())
    return {"@type": "Person", "name": author.name, "url": url}


def _schema_images(request, image) -> list[str]:
    if image is None:
        return []
    try:
        renditions = image.get_renditions(*SCHEMA_RENDITIONS)
    except OSError:
        return []
    return [request.build_absolute_uri(r.url) for r in renditions.values()]


def _word_count(article: Article) -> int | None:
    """As partners are told it (the wire's count): the body's words, Chinese characters."""
    text = text_of(body_html(article.body, base_url="/", image_url=lambda image: ("", 0, 0)))
    return word_count(text) or None


def _image_object(photo: _Photo | None) -> dict | None:
    """The edition's default picture, uncropped (often a logo): one ImageObject with its size
    rather than the three crops of an article's own photo."""
    if photo is None:
        return None
    return {"@type": "ImageObject", "url": photo.url, "width": photo.width, "height": photo.height}


def _locales(language: str, others: list[str]) -> list[tuple[str, str]]:
    alternates = [og_locale(other) for other in others if other != language]
    return [("og:locale", og_locale(language))] + [
        ("og:locale:alternate", locale) for locale in alternates
    ]


def _og_image(photo: _Photo | None, *, alt: str) -> list[tuple[str, str]]:
    if photo is None:
        return []
    return [
        ("og:image", photo.url),
        ("og:image:width", str(photo.width)),
        ("og:image:height", str(photo.height)),
        ("og:image:alt", alt),
    ]


def _x_card(request, title, description, photo, alt) -> list[tuple[str, str]]:
    tags = [
        ("twitter:card", "summary_large_image" if photo else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if photo:
        tags += [("twitter:image", photo.url), ("twitter:image:alt", alt)]
    handle = _x_handle(subscribe_settings().x_url)
    if handle:
        tags.append(("twitter:site", handle))
    return tags


def _x_handle(url: str) -> str | None:
    """ "https://x.com/dateline_news" → "@dateline_news"."""
    path = urlsplit(url).path.strip("/") if url else ""
    return f"@{path}" if path and "/" not in path else None


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
