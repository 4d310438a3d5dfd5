"""What every public page shows around its content: header, menus, weather, footer."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Site

from dateline.directory.models import GovernmentBodiesPage, ProjectsIndexPage, ServicesIndexPage
from dateline.lib import cachekeys
from dateline.lib.memo import cached
from dateline.newsroom import style
from dateline.newsroom.generations import ALL, generation_key
from dateline.newsroom.models import Article, Edition, Rubric
from dateline.newsroom.selectors import published_articles, recent_articles, rubric_blocks
from dateline.public.feeds.links import edition_feed_links
from dateline.weather.selectors import weather_slot

from .cards import card_html
from .models import AllNewsPage, SubscribeSettings

LATEST = 13  # the edition home's latest articles; an article's Recent news takes 8 of them

SECTION_TYPES = (ProjectsIndexPage, ServicesIndexPage, GovernmentBodiesPage)


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    page_id: int | None = None


def edition_home_url(language: str) -> str:
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def edition_structure(edition: Edition) -> dict:
    """The edition's top-level pages in tree order (two queries), the rubric menu's links, and
    Wagtail's site root paths set on the cached page objects."""
    content_types = ContentType.objects.get_for_models(AllNewsPage, *SECTION_TYPES)
    type_of = {ct.pk: model for model, ct in content_types.items()}
    children = (
        Page.objects.live()
        .filter(depth=3, locale_id=edition.locale_id, content_type__in=type_of)
        .only("id", "title", "slug", "url_path", "content_type_id", "path", "locale_id")
        .order_by("path")
    )
    # Rubrics as Rubric objects: an article's page takes its rubric from these (see
    # selectors.rubrics_attach) instead of joining it in every query of its own.
    rubrics = list(
        Rubric.objects.live()
        .filter(depth=3, locale_id=edition.locale_id)
        .only("id", "title", "slug", "url_path", "content_type_id", "path", "locale_id")
        .order_by("path")
    )
    sections, all_news = [], None
    root_paths = Site.get_site_root_paths()
    for page in [*rubrics, *children]:
        # Wagtail keeps these on each page object; given here once, they travel with the
        # cached parts and the menu's links cost no cache lookup each.
        page._wagtail_cached_site_root_paths = root_paths
    for page in children:
        model = type_of.get(page.content_type_id)
        if model is AllNewsPage:
            all_news = Link(page.title, page.url, page.pk)
        elif model in SECTION_TYPES:
            sections.append(Link(page.title, page.url))
    return {
        "rubric_pages": rubrics,
        # The menu's links, their URLs worked out once (Wagtail's page.url reverses a URL).
        "rubric_links": [Link(rubric.title, rubric.url, rubric.pk) for rubric in rubrics],
        "sections": sections,
        "all_news": all_news,
    }


def breaking_article(edition: Edition, *, now):
    """The newest flash or urgent article still inside its banner time, if any (one query)."""
    windows = settings.BREAKING_NEWS_MINUTES
    longest = max(windows.values())
    article = (
        published_articles(locale_id=edition.locale_id, now=now)
        .filter(urgency__in=list(windows), public_at__gte=now - timedelta(minutes=longest))
        .first()
    )
    if article and article.public_at >= now - timedelta(minutes=windows[article.urgency]):
        return article
    return None


def page_layout(
    *,
    locale_id: int | None = None,
    language: str | None = None,
    translations: dict[str, str] | None = None,
) -> dict | None:
    """Context for base.html, for the edition of a locale (or of a language code).

    `translations` maps language → URL of this page in that edition; the language switcher
    falls back to the other edition's home. None when there is no such edition.
    """
    editions = editions_all()
    edition = next(
        (e for e in editions if e.locale_id == locale_id or e.language == language), None
    )
    if edition is None:
        return None
    now = timezone.now()
    parts = edition_parts(edition, now=now)
    return {
        **parts,
        "edition": edition,
        "today": style.header_date(now, edition),
        "today_iso": timezone.localtime(now, edition.tz).date().isoformat(),
        "languages": languages_translated(parts["languages"], translations or {}),
    }


def page_translations(page: Page) -> dict[str, str]:
    """{language: URL} of a page's live translations in the other editions (one query)."""
    others = page.get_translations().live().select_related("locale")
    return {other.locale.language_code: other.url for other in others}


def languages_translated(languages: list[dict], translations: dict[str, str]) -> list[dict]:
    """The language switcher's links, to this page's translations where it has them."""
    if not translations:
        return languages
    return [
        {**language, "url": translations.get(language["code"]) or language["url"]}
        for language in languages
    ]


# Every page shows the parts below, and they change only when something is published (or
# the weather is refreshed), which raises the edition's cache generation: so they are cached
# in the cache under that generation, and a page costs only the queries of its own content.


def editions_all() -> list[Edition]:
    return _cached(
        cachekeys.editions(generation_key(ALL)),
        lambda: list(Edition.objects.select_related("locale", "default_image")),
    )


def edition_parts(edition: Edition, *, now) -> dict:
    """Menus, weather, breaking banner, feeds, language and subscribe links of an edition."""
    key = cachekeys.layout(generation_key(edition.language), edition.pk)
    parts = _cached(key, lambda: _edition_parts(edition, now=now))
    breaking = parts["breaking"]
    if breaking and breaking.public_at < now - _banner_time(breaking):
        parts = {**parts, "breaking": None}  # its time in the banner ran out while cached
    return parts


def _edition_parts(edition: Edition, *, now) -> dict:
    feeds = edition_feed_links(edition)
    return {
        **edition_structure(edition),
        "weather": weather_slot(edition, now=now),
        "breaking": breaking_article(edition, now=now),
        "subscribe": subscribe_settings(),
        "home_url": edition_home_url(edition.language),
        # <link rel="alternate"> in every page's head; views of a rubric put its own first.
        "feeds": feeds,
        "feed_url": feeds[0].url,
        # The switcher links each edition's home; a page with translations links them instead.
        "languages": [
            {
                "code": other.language,
                "name": other.name,
                "url": edition_home_url(other.language),
                "current": other.pk == edition.pk,
            }
            for other in editions_all()
        ],
    }


def latest_articles(edition: Edition) -> list[Article]:
    """The edition's newest articles, for its home page and for Recent news."""

    return _cached(
        cachekeys.latest(generation_key(edition.language), edition.pk),
        lambda: recent_articles(locale_id=edition.locale_id, limit=LATEST),
    )


def home_rubric_blocks(edition: Edition, rubrics: list[Rubric]) -> list[tuple[Rubric, list]]:
    """The edition home's blocks of each rubric's newest articles (selectors.rubric_blocks)."""
    return _cached(
        cachekeys.rubric_blocks(generation_key(edition.language), edition.pk),
        lambda: rubric_blocks(locale_id=edition.locale_id, rubrics=rubrics),
    )


def recent_cards(edition: Edition, *, now) -> list[tuple[int, str]]:
    """[(article id, its Recent news card as HTML)] for the newest articles of the edition.

    Every article's page shows the same cards, less its own: rendered once per generation
    (and local day, as a card shows the clock for today's articles and the date for others).
    """
    day = timezone.localtime(now, edition.tz).date()
    return _cached(
        cachekeys.recent_cards(generation_key(edition.language), edition.pk, day.isoformat()),
        lambda: [
            (article.pk, card_html(article, edition=edition))
            for article in latest_articles(edition)
        ],
    )


def subscribe_settings() -> SubscribeSettings:
    return _cached(cachekeys.subscribe(generation_key(ALL)), SubscribeSettings.load)


def _banner_time(article) -> timedelta:
    return timedelta(minutes=settings.BREAKING_NEWS_MINUTES[article.urgency])


def _cached(key: str, compute):
    return cached(key, compute, seconds=settings.PAGE_PARTS_CACHE_SECONDS)
