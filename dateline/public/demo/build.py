"""`manage.py demo_content`: four editions of the Dateline News Agency, filled with news.

Every step looks before it writes, so a second run finds everything in place and adds
nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from dateline.newsroom.models import Article, Author, Edition, Person

from ..models import EditionHomePage, SubscribeSettings
from ..structure import edition_ensure, rubric_ensure, sections_ensure
from . import articles, data, directory, images, people

HOME = {"home_latitude": 53.9023, "home_longitude": 27.5619, "timezone": "Europe/Minsk"}
# IPTC Media Topics (mediatopic-en-GB-2025-10-09): regions → "regional authority",
# world → "international relations".
RUBRICS = {
    "politics": "medtop:11000000",
    "economy": "medtop:04000000",
    "society": "medtop:14000000",
    "regions": "medtop:20000618",
    "world": "medtop:20000638",
    "sport": "medtop:15000000",
    "culture": "medtop:01000000",
    "science": "medtop:13000000",
}
EDITION_FIELDS = (
    "name",
    "agency_name",
    "agency_short_name",
    "home_city",
    "dateline_pattern",
    "dateline_date_format",
    "published_format",
    "header_date_format",
    "day_heading_format",
)
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "dateline-demo"  # noqa: S105 — a published demo password, never production


@dataclass(frozen=True)
class Summary:
    lines: list[str]

    def __str__(self) -> str:
        return "\n".join(self.lines)


@transaction.atomic
def demo_content_create(*, articles_per_edition: int = 220, seed: int = 2025) -> Summary:
    data.check_parallel()
    photos = images.lead_images_ensure()
    editions = {}
    pages = {}
    for language in data.LANGUAGES:
        edition, home = _edition_ensure(language)
        editions[language] = edition
        pages[language] = _sections_ensure(language, edition, home, photos)
    people.people_ensure(editions)
    people.authors_ensure(editions)
    _articles_ensure(pages, photos, articles_per_edition, seed)
    _subscribe_settings_ensure()
    _superuser_ensure()
    return _summary(editions)


def _edition_ensure(language: str) -> tuple[Edition, EditionHomePage]:
    words = data.editions()[language]
    fields = {name: words[name] for name in EDITION_FIELDS}
    edition, home = edition_ensure(
        language=language, home_title=words["home_title"], **HOME, **fields
    )
    if edition.default_image_id is None:  # an editor's own choice stays
        edition.default_image = images.edition_image_ensure(language)
        edition.save(update_fields=["default_image"])
    return edition, home


def _sections_ensure(language: str, edition: Edition, home, photos) -> articles.EditionPages:
    words = data.editions()[language]
    sections = sections_ensure(home, words["sections"])
    for slug, page in sections.items():
        _translation_link(page, f"section:{slug}")
    rubrics = {
        slug: rubric_ensure(
            home,
            title=words["rubrics"][slug],
            slug=slug,
            iptc_media_topic=topic,
            translation_key=data.translation_key(f"rubric:{slug}"),
        )
        for slug, topic in RUBRICS.items()
    }
    projects = directory.projects_ensure(sections["projects"], language, photos)
    directory.services_ensure(sections["services"], language)
    directory.government_bodies_ensure(edition.locale_id, language)
    return articles.EditionPages(edition=edition, rubrics=rubrics, projects=projects)


def _translation_link(page: Page, name: str) -> None:
    # sections_ensure gives each edition's section its own translation key; one shared key
    # lets the language switcher go from /en/news/ to /ru/news/.
    key = data.translation_key(name)
    if page.translation_key != key:
        Page.objects.filter(pk=page.pk).update(translation_key=key)


def _articles_ensure(pages: dict[str, articles.EditionPages], photos, count: int, seed: int):
    missing = [
        language
        for language, edition_pages in pages.items()
        if not Article.objects.filter(locale_id=edition_pages.edition.locale_id).exists()
    ]
    if not missing:
        return
    now = timezone.now()
    tz = pages[data.LANGUAGES[0]].edition.tz
    dispatches = articles.dispatches_plan(per_edition=count, seed=seed, now=now, tz=tz)
    for language in missing:
        articles.articles_create(
            language=language, pages=pages[language], dispatches=dispatches, photos=photos, now=now
        )


def _subscribe_settings_ensure() -> None:
    """Fill the subscribe links that are still empty; an editor's own values stay."""
    settings = SubscribeSettings.load()
    defaults = {
        "telegram_url": "https://t.me/dateline_news",
        "x_url": "https://x.com/dateline_news",
        "newsletter_email": "subscribe@dateline.example",
    }
    empty = {name: value for name, value in defaults.items() if not getattr(settings, name)}
    if empty:
        for name, value in empty.items():
            setattr(settings, name, value)
        settings.save()


def _superuser_ensure() -> None:
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(ADMIN_USERNAME, "admin@dateline.example", ADMIN_PASSWORD)


def _summary(editions: dict[str, Edition]) -> Summary:
    lines = []
    for edition in editions.values():
        locale_id = edition.locale_id
        lines.append(
            f"{edition.name}: {Article.objects.filter(locale_id=locale_id).count()} articles, "
            f"{Person.objects.filter(locale_id=locale_id).count()} people, "
            f"{Author.objects.filter(locale_id=locale_id).count()} authors"
        )
    lines.append(
        f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/ "
        f"user {ADMIN_USERNAME}, password {ADMIN_PASSWORD}"
    )
    return Summary(lines)
