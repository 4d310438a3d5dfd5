"""A reader in a real browser follows a story's byline to its author's page, and sees a quote
and its speaker drawn as one box (screenshots in var/screenshots/)."""

import os
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect, sync_playwright

from dateline.public.tests.browser.test_reader_journey import CHROMIUM, CHROMIUM_ARGS, shoot
from dateline.test import article_make, author_make, edition_make

# serialized_rollback brings back what migrations created (root page, collection, locale)
# after each test flushes the database for the live server.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def stories():
    edition, _, rubrics = edition_make("en")
    anna = author_make(edition.locale_id, "Anna Kovalenko")
    base = datetime.now(UTC) - timedelta(hours=3)
    earlier = article_make(
        rubrics["economy"], headline="Exports grow by a tenth", published_at=base
    )
    story = article_make(
        rubrics["politics"],
        headline="Parliament adopts the budget for next year",
        published_at=base + timedelta(hours=1),
        paragraphs=("The session lasted four hours.", "The vote was held in the evening."),
        quote="The budget keeps every social promise we made.",
    )
    for article in (earlier, story):
        article.authors.add(anna)
        article.save()
    return story


def test_reader_follows_the_byline_to_the_authors_page_listing_their_stories(live_server, stories):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium.")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{live_server.url}{stories.url}")

        quote, speaker = page.locator("blockquote.quote"), page.locator(".quote-by")
        expect(quote).to_have_text("The budget keeps every social promise we made.")
        expect(speaker).to_have_text("— The minister")
        # One box: the speaker's line continues the quote's, at the same left edge.
        quote_box, speaker_box = quote.bounding_box(), speaker.bounding_box()
        assert speaker_box["x"] == quote_box["x"]
        assert speaker_box["y"] == pytest.approx(quote_box["y"] + quote_box["height"], abs=1)
        shoot(page, "author-1-article-byline-and-quote")

        page.locator(".byline").get_by_role("link", name="Anna Kovalenko").click()
        expect(page.locator("h1")).to_have_text("Anna Kovalenko")
        assert page.url == f"{live_server.url}/en/authors/anna-kovalenko/"
        expect(page.locator("main .card h3 a")).to_have_text(
            ["Parliament adopts the budget for next year", "Exports grow by a tenth"]
        )
        shoot(page, "author-2-author-page")

        page.get_by_role("link", name="Exports grow by a tenth").click()
        expect(page.locator("h1")).to_have_text("Exports grow by a tenth")
        browser.close()
