"""The whole editorial path in a real browser (Debian's chromium, Playwright).

A reporter writes and submits a story; the politics desk editor sets an embargo and approves;
a wire partner allowed embargoes sees it at once, marked embargoed; readers see it at the
embargo time. Time is frozen and moved with time-machine, which the live server shares.
"""

import json
import os
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from playwright.sync_api import expect, sync_playwright

from dateline.newsroom.models import Article
from dateline.public.tests.browser.test_reader_journey import CHROMIUM, CHROMIUM_ARGS, shoot
from dateline.test import PASSWORD, desk_editor_make, edition_make, reporter_make
from dateline.wire.partners import partner_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NINE = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 in Minsk
RELEASE = NINE + timedelta(hours=6)  # 15:00 in Minsk


def login(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def wire_items(base, key):
    request = urllib.request.Request(  # noqa: S310 — our live server
        f"{base}/api/wire/v1/items?format=ninjs-3.1", headers={"Authorization": f"Bearer {key}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 — our live server
        return json.load(response)["items"]


def status_of(base, path):
    try:
        with urllib.request.urlopen(f"{base}{path}", timeout=10) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def newsroom():
    _, _, rubrics = edition_make("en")
    reporter = reporter_make()
    editor = desk_editor_make(rubrics["politics"], username="poleditor", desk="Politics")
    _, key = partner_create(name="Broadcaster", editions=["en"], embargo_allowed=True)
    return {"rubrics": rubrics, "reporter": reporter, "editor": editor, "key": key.secret}


def test_reporter_submits_editor_embargoes_partner_sees_it_public_gets_it_on_time(
    live_server, newsroom
):
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    base = live_server.url
    politics = newsroom["rubrics"]["politics"]
    with time_machine.travel(NINE, tick=True) as clock, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        # The reporter writes the story and submits it to the desk.
        reporter = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        login(reporter, base, "reporter")
        reporter.goto(f"{base}/admin/snippets/newsroom/article/add/?locale=en")
        reporter.fill("input[name=headline]", "Parliament sets the date of the spring session")
        reporter.fill("textarea[name=lead]", "Deputies will meet on 2 March, the speaker said.")
        reporter.fill("input[name=dateline_city]", "Minsk")
        # The rubric is a page chooser (a modal); the test sets its value as the chooser does.
        reporter.evaluate(
            "id => { document.querySelector('input[name=rubric]').value = id; }", politics.pk
        )
        reporter.locator("[data-w-dropdown-target=toggle]").last.click()
        reporter.locator("button[name=action-submit]").click()
        expect(reporter.locator("body")).to_contain_text("submitted for moderation")
        shoot(reporter, "editorial-1-reporter-submitted")
        story = Article.objects.get(headline="Parliament sets the date of the spring session")
        assert not story.live

        # The desk editor sets an embargo until 15:00 and approves.
        editor = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        login(editor, base, "poleditor")
        editor.goto(f"{base}/admin/snippets/newsroom/article/edit/{story.pk}/")
        editor.fill("input[name=embargo_until]", "2026-11-26 15:00")
        editor.click("input[name=headline]")  # closes the date picker
        editor.locator("[data-w-dropdown-target=toggle]").last.click()
        editor.get_by_role("button", name="Approve and Publish", exact=True).click()
        expect(editor.locator(".messages")).to_contain_text("updated")
        shoot(editor, "editorial-2-editor-approved")
        story.refresh_from_db()
        assert story.live and story.embargo_until == RELEASE

        # The partner sees it at once, marked embargoed; readers don't.
        items = wire_items(base, newsroom["key"])
        mine = [i for i in items if i["headlines"][0]["value"].startswith("Parliament sets")]
        assert len(mine) == 1 and mine[0]["embargoedUntil"].startswith("2026-11-26T12:00:00")
        assert status_of(base, story.url) == 404
        assert b"spring session" not in urllib.request.urlopen(f"{base}/en/news/").read()  # noqa: S310

        # At 15:00 in Minsk the story is public.
        clock.move_to(RELEASE + timedelta(seconds=1))
        assert status_of(base, story.url) == 200
        reader = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        reader.goto(f"{base}/en/news/")
        expect(reader.locator("main")).to_contain_text(
            "Parliament sets the date of the spring session"
        )
        shoot(reader, "editorial-3-public-at-release")
        browser.close()
