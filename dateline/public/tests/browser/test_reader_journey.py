"""A reader in a real browser (Debian's chromium driven by Playwright).

English home → a rubric → an article → its Russian version, with a screenshot of each in
var/screenshots/.
"""

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

from dateline.newsroom.models import Rubric
from dateline.test import article_make, edition_make, image_make

# serialized_rollback brings back what migrations created (root page, collection, locale)
# after each test flushes the database for the live server.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
# What the machine's closed network needs: no background calls to outside hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def stories():
    edition_make("en")
    _, _, ru_rubrics = edition_make("ru")
    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    base = datetime.now(UTC) - timedelta(hours=3)
    photo = image_make("Parliament building", color=(120, 60, 40))
    story = article_make(
        en_politics,
        headline="Parliament adopts the budget for next year",
        published_at=base,
        lead_image=photo,
        lead_image_caption="Deputies vote in the House of Representatives",
        lead_image_credit="DNA photo",
        quote="The budget keeps every social promise we made.",
    )
    article_make(
        ru_rubrics["politics"],
        headline="Парламент принял бюджет на следующий год",
        city="Минск",
        published_at=base + timedelta(minutes=5),
        translation_key=story.translation_key,
    )
    for i in range(3):
        article_make(
            en_politics,
            headline=f"Earlier politics story {i}",
            published_at=base - timedelta(hours=i + 1),
        )
    return story


@pytest.fixture
def browser_page():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium.")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls happen
    # before it starts, and the live server answers from its own thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        yield page
        browser.close()


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def test_reader_goes_from_home_to_rubric_to_article_to_its_russian_version(
    live_server, stories, browser_page
):
    page = browser_page
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("nav.portal")).to_contain_text("Government Bodies")
    shoot(page, "1-english-home")

    page.locator("nav.rubrics").get_by_role("link", name="Politics").click()
    expect(page.locator("h1")).to_have_text("Politics")
    shoot(page, "2-rubric-politics")

    page.get_by_role("link", name="Parliament adopts the budget for next year").first.click()
    expect(page.locator("h1")).to_have_text("Parliament adopts the budget for next year")
    expect(page.locator(".dateline")).to_contain_text("MINSK, ")
    expect(page.locator(".lead-photo figcaption")).to_contain_text(
        "Deputies vote in the House of Representatives"
    )
    expect(page.locator(".lead-photo img")).to_be_visible()
    shoot(page, "3-english-article")

    page.locator('nav.languages a[hreflang="ru"]').click()
    expect(page.locator("h1")).to_have_text("Парламент принял бюджет на следующий год")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(".dateline")).to_contain_text("МИНСК, ")
    shoot(page, "4-russian-article")


def test_keyboard_user_can_skip_to_content_and_page_fits_a_small_phone(
    live_server, stories, browser_page
):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{stories.url}")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360, f"the page scrolls sideways at 360 px: {page_width}px wide"
    shoot(page, "5-article-360px")
