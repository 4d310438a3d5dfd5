"""Setting up an edition: its locale, its home page and its top-level pages.

Used by `demo_content` and by the tests; idempotent, so running it twice changes nothing.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from dateline.directory.models import GovernmentBodiesPage, ProjectsIndexPage, ServicesIndexPage
from dateline.newsroom.models import Edition, Rubric

from .models import AllNewsPage, EditionHomePage


@transaction.atomic
def edition_ensure(*, language: str, home_title: str, **fields) -> tuple[Edition, EditionHomePage]:
    """The edition for `language` with its home page, created if missing.

    The first edition's home becomes the site root; the other homes are its translations
    (same translation_key), which is how Wagtail routes /ru/ to the Russian home.
    """
    locale, _ = Locale.objects.get_or_create(language_code=language)
    edition, created = Edition.objects.get_or_create(locale=locale, defaults=fields)
    home = EditionHomePage.objects.filter(locale=locale).first()
    if home is None:
        home = _home_create(locale, home_title)
    return edition, home


def _home_create(locale: Locale, title: str) -> EditionHomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = Page.get_first_root_node()
    existing_home = EditionHomePage.objects.first()
    home = EditionHomePage(title=title, slug=f"home-{locale.language_code}", locale=locale)
    if existing_home is not None:
        home.translation_key = existing_home.translation_key
    root.add_child(instance=home)
    home.save_revision().publish()
    if existing_home is None:
        _make_site_root(site, home)
    return home


def _make_site_root(site: Site | None, home: EditionHomePage) -> None:
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        return
    previous_root = site.root_page
    site.root_page = home
    site.save()
    # Wagtail's initial migration leaves a placeholder "Welcome" page; it has no place here.
    if previous_root.specific_class is Page and not previous_root.get_children().exists():
        previous_root.delete()


def child_page_ensure(parent: Page, page_class: type[Page], *, slug: str, **fields) -> Page:
    """A live child page of `parent` with this slug, created if missing.

    The same page of another edition (same kind, same slug, one level down from its home) is
    its translation: the language switcher then leads from one to the other."""
    existing = page_class.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = page_class(slug=slug, locale_id=parent.locale_id, **fields)
    counterpart = page_class.objects.filter(depth=parent.depth + 1, slug=slug).first()
    if counterpart is not None:
        page.translation_key = counterpart.translation_key
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def rubric_ensure(home: EditionHomePage, *, title: str, slug: str, **fields) -> Rubric:
    return child_page_ensure(home, Rubric, slug=slug, title=title, **fields)


def sections_ensure(home: EditionHomePage, titles: dict[str, str]) -> dict[str, Page]:
    """All news, Projects, Services and Government Bodies under an edition's home.

    `titles` maps "news", "projects", "services", "government-bodies" to the edition's words.
    """
    kinds = {
        "news": AllNewsPage,
        "projects": ProjectsIndexPage,
        "services": ServicesIndexPage,
        "government-bodies": GovernmentBodiesPage,
    }
    return {
        slug: child_page_ensure(home, page_class, slug=slug, title=titles[slug])
        for slug, page_class in kinds.items()
    }
