"""The security headers hold in a real browser: Chromium reports no Content-Security-Policy
violation and no console error on reader pages or in the newsroom's admin."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

from dateline.newsroom.tests.browser.test_editorial_path import login
from dateline.public.tests.browser.test_reader_journey import CHROMIUM, CHROMIUM_ARGS, shoot
from dateline.test import article_make, chief_editor_make, edition_make, image_make

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Recorded in the page before any of its own scripts run.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
READER_HEADERS = {
    "content-security-policy",
    "permissions-policy",
    "referrer-policy",
    "x-content-type-options",
    "cross-origin-opener-policy",
    "x-frame-options",
}


class Watched:
    """A browser tab whose console errors and CSP violations are kept."""

    def __init__(self, page):
        self.page = page
        self.console: list[str] = []
        page.on("console", self._note)
        page.add_init_script(RECORD_VIOLATIONS)

    def _note(self, message) -> None:
        # Chromium asks for /favicon.ico on its own; the site has none (a 404, not a policy).
        if message.location.get("url", "").endswith("/favicon.ico"):
            return
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text} ({message.location})")

    def open(self, url: str):
        response = self.page.goto(url)
        assert response.status == 200, url
        return response

    def problems(self) -> list[str]:
        self.page.wait_for_load_state("networkidle")
        return self.console + self.page.evaluate("window.__violations")


@pytest.fixture
def story():
    _, _, rubrics = edition_make("en")
    return article_make(
        rubrics["politics"],
        lead_image=image_make("Parliament building"),
        lead_image_caption="Deputies vote in the House of Representatives",
    )


@pytest.fixture
def browser():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_reader_pages_carry_the_headers_and_break_no_policy(live_server, story, browser):
    tab = Watched(browser.new_page(viewport={"width": 1280, "height": 900}))
    for path in ("/en/", "/en/politics/", story.url):
        headers = tab.open(f"{live_server.url}{path}").all_headers()
        assert headers.keys() >= READER_HEADERS, path
        assert "script-src" not in headers["content-security-policy"]  # default-src 'self' only
        assert "camera=()" in headers["permissions-policy"]
    # The article's JSON-LD is data, not a script the policy stops.
    assert tab.page.locator('script[type="application/ld+json"]').count() == 1
    assert tab.problems() == []


def test_the_admin_dashboard_article_list_and_editor_work_under_the_admin_policy(
    live_server, story, browser
):
    chief_editor_make()
    tab = Watched(browser.new_page(viewport={"width": 1280, "height": 1000}))
    login(tab.page, live_server.url, "chief")
    expect(tab.page.locator("h1").first).to_be_visible()

    listing = tab.open(f"{live_server.url}/admin/snippets/newsroom/article/")
    assert "'unsafe-inline'" in listing.headers["content-security-policy"]
    expect(tab.page.locator("main")).to_contain_text("Parliament adopts the budget")

    tab.open(f"{live_server.url}/admin/snippets/newsroom/article/edit/{story.pk}/")
    expect(tab.page.locator("input[name=headline]")).to_have_value(
        "Parliament adopts the budget for next year"
    )
    # The date picker is one of the admin's inline scripts.
    tab.page.click("input[name=embargo_until]")
    expect(tab.page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    tab.page.fill("input[name=headline]", "Parliament adopts next year's budget")
    tab.page.get_by_role("button", name="Save draft").click()
    expect(tab.page.locator(".messages")).to_contain_text("updated")
    shoot(tab.page, "security-admin-editor")
    assert tab.problems() == []
