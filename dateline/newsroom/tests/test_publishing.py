"""Publishing, embargo, updates, corrections, kills: what readers see, at what time."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from lxml import etree, html

from dateline.newsroom.models import Article, VersionKind
from dateline.publishing.pipeline import PublishingError, article_kill, article_restore
from dateline.test import admin_publish, article_make

NINE = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 09:00 in Minsk


def headlines_on(client, url):
    tree = html.fromstring(client.get(url).content)
    return [a.text_content() for a in tree.cssselect("main h3 a")]


def feed_titles(client, url="/en/rss.xml"):
    channel = etree.fromstring(client.get(url).content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def draft_make(rubric, headline="Parliament meets in special session"):
    return article_make(rubric, headline=headline, live=False)


def test_first_publish_records_version_one_and_makes_the_story_public(client, english, chief):
    _, _, rubrics = english
    draft = draft_make(rubrics["politics"])
    client.force_login(chief)
    with time_machine.travel(NINE, tick=False):
        response = admin_publish(client, draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.version == 1
    assert draft.public_at == NINE
    assert list(draft.versions.values_list("number", "kind")) == [(1, VersionKind.FIRST)]
    with time_machine.travel(NINE + timedelta(minutes=1), tick=False):
        assert "Parliament meets in special session" in headlines_on(client, "/en/news/")


def test_embargoed_story_stays_out_of_every_public_channel_until_its_time(client, english, chief):
    _, _, rubrics = english
    draft = draft_make(rubrics["politics"], "Budget figures released")
    client.force_login(chief)
    release = NINE + timedelta(hours=6)  # 15:00 in Minsk
    with time_machine.travel(NINE, tick=False):
        response = admin_publish(client, draft, embargo_until="2026-11-26 15:00")  # Minsk time
        assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.live, "partners get it at once"
    assert draft.public_at == release
    client.logout()
    with time_machine.travel(release - timedelta(seconds=1), tick=False):
        assert "Budget figures released" not in headlines_on(client, "/en/news/")
        assert "Budget figures released" not in headlines_on(client, "/en/politics/")
        assert "Budget figures released" not in headlines_on(client, "/en/")
        assert "Budget figures released" not in feed_titles(client)
        assert client.get(draft.url).status_code == 404
    with time_machine.travel(release, tick=False):
        assert headlines_on(client, "/en/news/")[0] == "Budget figures released"
        assert "Budget figures released" in feed_titles(client)
        assert client.get(draft.url).status_code == 200


def test_embargo_in_the_past_is_refused_with_a_clear_message(client, english, chief):
    _, _, rubrics = english
    draft = draft_make(rubrics["politics"])
    client.force_login(chief)
    with time_machine.travel(NINE, tick=False):
        response = admin_publish(client, draft, embargo_until="2026-11-26 08:00")
    assert response.status_code == 200
    assert "The embargo time has already passed" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.live


def test_embargo_after_the_scheduled_time_is_refused(client, english, chief):
    _, _, rubrics = english
    draft = draft_make(rubrics["politics"])
    client.force_login(chief)
    with time_machine.travel(NINE, tick=False):
        response = admin_publish(
            client, draft, go_live_at="2026-11-26 12:00", embargo_until="2026-11-26 14:00"
        )
    assert response.status_code == 200
    assert "The embargo ends after the scheduled publication" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.live and draft.go_live_at is None


def test_update_shows_updated_time_and_correction_shows_its_note(client, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["economy"], headline="Exports grow", published_at=NINE)
    client.force_login(chief)
    with time_machine.travel(NINE + timedelta(hours=4, minutes=5), tick=False):
        admin_publish(client, story, headline="Exports grow by 12%", change_kind="update")
    with time_machine.travel(NINE + timedelta(hours=5), tick=False):
        admin_publish(
            client,
            story,
            headline="Exports grow by 12%",
            change_kind="correction",
            change_note="An earlier version gave the growth as 21%.",
        )
        story.refresh_from_db()
        assert story.version == 3
        assert [v.kind for v in story.versions.all()] == ["first", "update", "correction"]
        assert story.change_kind == "" and story.change_note == ""
        tree = html.fromstring(client.get(story.url).content)
    assert tree.cssselect(".updated time")[0].text_content() == "14:00"
    assert (
        "An earlier version gave the growth as 21%."
        in tree.cssselect(".corrections")[0].text_content()
    )


def test_next_edit_does_not_inherit_the_previous_correction_label(client, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["economy"], headline="Exports grow", published_at=NINE)
    client.force_login(chief)
    admin_publish(client, story, change_kind="correction", change_note="Figure fixed.")
    admin_publish(client, story, headline="Exports grow fast")
    assert [v.kind for v in story.versions.all()] == ["first", "correction", "revision"]


def test_killed_story_disappears_everywhere_and_its_url_answers_410(client, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Story to withdraw")
    article_make(rubrics["politics"], headline="Another story")
    version = article_kill(article=story, user=chief, reason="Legal: names a minor.")
    assert version.kind == VersionKind.KILL and version.note == "Legal: names a minor."
    for url in ("/en/", "/en/news/", "/en/politics/"):
        assert "Story to withdraw" not in headlines_on(client, url)
    assert "Story to withdraw" not in feed_titles(client)
    response = client.get(story.url)
    assert response.status_code == 410
    assert b"This story has been withdrawn" in response.content
    assert b"Story to withdraw" not in response.content
    story.refresh_from_db()
    assert story.kill_reason == "Legal: names a minor." and story.killed_by == chief


def test_kill_needs_a_reason_and_cannot_happen_twice(english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["politics"])
    with pytest.raises(PublishingError):
        article_kill(article=story, user=chief, reason="  ")
    article_kill(article=story, user=chief, reason="Wrong figures")
    with pytest.raises(PublishingError):
        article_kill(article=story, user=chief, reason="Again")


def test_restore_is_an_explicit_new_version(client, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Story back again")
    article_kill(article=story, user=chief, reason="Checking facts")
    article_restore(article=story, user=chief, note="Facts confirmed")
    assert client.get(story.url).status_code == 200
    assert [v.kind for v in Article.objects.get(pk=story.pk).versions.all()] == [
        "first",
        "kill",
        "restore",
    ]
