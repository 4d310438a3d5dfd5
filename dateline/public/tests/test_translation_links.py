"""A published story links its translations only once readers may see them: an embargoed,
killed, draft or scheduled translation's address carries its headline (the slug)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from lxml import html

from dateline.conftest import run_worker
from dateline.newsroom.models import Rubric
from dateline.publishing.pipeline import article_kill
from dateline.test import admin_publish, article_make, chief_editor_make

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SECRET = "Министр подаст в отставку завтра"


def translation_make(story, rubric, state: str):
    """The story's Russian translation in `state`."""
    if state in ("draft", "scheduled"):
        return article_make(
            rubric,
            headline=SECRET,
            translation_key=story.translation_key,
            live=False,
            go_live_at=NOW + timedelta(hours=3) if state == "scheduled" else None,
        )
    translated = article_make(rubric, headline=SECRET, translation_key=story.translation_key)
    if state == "embargoed":
        translated.embargo_until = translated.public_at = NOW + timedelta(hours=3)
    if state == "killed":
        translated.killed_at = NOW - timedelta(minutes=5)
        translated.kill_reason = "Legal"
    translated.save()
    return translated


def links(tree) -> dict[str, dict[str, str]]:
    """What the page names of its editions: hreflang links, the switcher, og:locale."""
    return {
        "hreflang": {
            link.get("hreflang"): link.get("href")
            for link in tree.cssselect('link[rel="alternate"][hreflang]')
        },
        "switcher": {a.get("hreflang"): a.get("href") for a in tree.cssselect("nav.languages a")},
        "og:locale:alternate": [
            tag.get("content") for tag in tree.cssselect('meta[property="og:locale:alternate"]')
        ],
    }


@pytest.fixture
def story(russian):
    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    return article_make(en_politics, headline="Parliament adopts the budget", published_at=NOW)


@pytest.mark.parametrize("state", ["embargoed", "killed", "draft", "scheduled"])
def test_a_translation_readers_may_not_see_is_not_linked_from_its_published_sibling(
    client, russian, story, time_machine, state
):
    _, _, ru_rubrics = russian
    time_machine.move_to(NOW, tick=False)
    translated = translation_make(story, ru_rubrics["politics"], state)
    response = client.get(story.url)
    assert response.status_code == 200
    page = response.content.decode()
    assert translated.slug not in page and SECRET not in page
    assert f"-{translated.pk}/" not in page
    # As a story with no translation: the switcher leads to the editions' homes.
    assert links(html.fromstring(page)) == {
        "hreflang": {},
        "switcher": {"en": "/en/", "ru": "/ru/"},
        "og:locale:alternate": [],
    }


def test_a_public_translation_is_linked_from_its_sibling(client, russian, story, time_machine):
    _, _, ru_rubrics = russian
    time_machine.move_to(NOW, tick=False)
    translated = translation_make(story, ru_rubrics["politics"], "published")
    assert links(html.fromstring(client.get(story.url).content)) == {
        "hreflang": {
            "en": f"http://testserver{story.url}",
            "ru": f"http://testserver{translated.url}",
            "x-default": f"http://testserver{story.url}",
        },
        "switcher": {"en": "/en/", "ru": translated.url},
        "og:locale:alternate": ["ru_RU"],
    }


@pytest.mark.usefixtures("page_cache")
def test_a_cached_page_links_a_translation_when_its_embargo_ends_and_not_once_it_is_killed(
    client,
    russian,
    story,
    settings,
    task_queue,
    time_machine,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 24 * 3600  # so only a purge can change what readers get
    _, _, ru_rubrics = russian
    time_machine.move_to("2026-11-26 12:00 +03:00", tick=False)
    draft = translation_make(story, ru_rubrics["politics"], "draft")
    chief = chief_editor_make()
    client.force_login(chief)
    reader = Client()
    assert links(html.fromstring(reader.get(story.url).content))["switcher"]["ru"] == "/ru/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_publish(client, draft, embargo_until="2026-11-26 15:00")
    assert response.status_code == 302
    run_worker()  # the wire's delivery; the pages' purge waits for the embargo's end
    assert links(html.fromstring(reader.get(story.url).content))["switcher"]["ru"] == "/ru/"

    time_machine.move_to("2026-11-26 15:00:01 +03:00", tick=False)
    run_worker()
    draft.refresh_from_db()
    released = html.fromstring(reader.get(story.url).content)
    assert links(released)["switcher"]["ru"] == draft.url
    assert links(released)["hreflang"]["ru"] == f"http://testserver{draft.url}"

    with django_capture_on_commit_callbacks(execute=True):
        article_kill(article=draft, user=chief, reason="Legal")
    killed = reader.get(story.url)
    assert draft.url not in killed.content.decode()
    assert links(html.fromstring(killed.content))["switcher"]["ru"] == "/ru/"
