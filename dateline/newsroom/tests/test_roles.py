"""Each role's rights, proved through the admin's own HTTP views."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from dateline.newsroom.models import Article
from dateline.test import (
    article_make,
    chief_editor_make,
    desk_editor_make,
    editor_form,
    reporter_make,
)


def edit_url(article):
    return reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])


def add_url(language="en"):
    return reverse("wagtailsnippets_newsroom_article:add") + f"?locale={language}"


def post_action(client, url, action, **changes):
    data = editor_form(client, url, **changes)
    data[f"action-{action}"] = f"action-{action}"
    return client.post(url, data)


def story_fields(rubric, headline="Minister visits Brest"):
    return {
        "headline": headline,
        "lead": "The visit lasted two days.",
        "dateline_city": "Brest",
        "rubric": rubric.pk,
    }


@pytest.fixture
def newsroom(english):
    _, _, rubrics = english
    return {
        "rubrics": rubrics,
        "reporter": reporter_make(),
        "sport_editor": desk_editor_make(rubrics["sport"], username="sporteditor", desk="Sport"),
        "politics_editor": desk_editor_make(
            rubrics["politics"], username="poleditor", desk="Politics"
        ),
        "chief": chief_editor_make(),
    }


def test_reporter_writes_a_draft_that_is_theirs(client, newsroom):
    client.force_login(newsroom["reporter"])
    response = post_action(
        client, add_url(), "create", **story_fields(newsroom["rubrics"]["politics"])
    )
    assert response.status_code == 302
    draft = Article.objects.get(headline="Minister visits Brest")
    assert draft.owner == newsroom["reporter"] and not draft.live


def test_reporter_publishing_through_the_add_form_gets_403_and_nothing_is_saved(client, newsroom):
    client.force_login(newsroom["reporter"])
    response = post_action(
        client, add_url(), "publish", **story_fields(newsroom["rubrics"]["politics"])
    )
    assert response.status_code == 403
    assert "Reporters cannot publish" in response.content.decode()
    assert not Article.objects.filter(headline="Minister visits Brest").exists()


def test_reporter_publishing_own_draft_gets_403_and_nothing_changes(client, newsroom):
    draft = article_make(newsroom["rubrics"]["politics"], headline="Own draft", live=False)
    draft.owner = newsroom["reporter"]
    draft.save()
    client.force_login(newsroom["reporter"])
    response = post_action(client, edit_url(draft), "publish", headline="Changed and published")
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.headline == "Own draft" and not draft.live
    assert draft.revisions.count() == 0


def test_reporter_cannot_open_someone_elses_story(client, newsroom):
    other = article_make(newsroom["rubrics"]["politics"], headline="Not yours", live=False)
    client.force_login(newsroom["reporter"])
    response = client.get(edit_url(other))
    assert response.status_code == 403
    assert "belongs to another reporter" in response.content.decode()


def test_desk_editor_cannot_publish_outside_the_desk(client, newsroom):
    story = article_make(newsroom["rubrics"]["politics"], headline="Politics draft", live=False)
    client.force_login(newsroom["sport_editor"])
    response = post_action(
        client, add_url(), "publish", **story_fields(newsroom["rubrics"]["politics"])
    )
    assert response.status_code == 403
    assert "Your desk does not cover this rubric" in response.content.decode()
    assert not Article.objects.filter(headline="Minister visits Brest").exists()
    assert client.get(edit_url(story)).status_code == 403
    story.refresh_from_db()
    assert not story.live


def test_desk_editor_cannot_move_a_story_into_another_desks_rubric_and_publish(client, newsroom):
    story = article_make(newsroom["rubrics"]["sport"], headline="Sport draft", live=False)
    client.force_login(newsroom["sport_editor"])
    response = post_action(
        client, edit_url(story), "publish", rubric=newsroom["rubrics"]["politics"].pk
    )
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.rubric == newsroom["rubrics"]["sport"] and not story.live


def test_desk_editor_publishes_in_the_desks_rubric(client, newsroom):
    story = article_make(newsroom["rubrics"]["sport"], headline="Cup final tonight", live=False)
    client.force_login(newsroom["sport_editor"])
    response = post_action(client, edit_url(story), "publish")
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live and story.version == 1


def test_submitted_story_is_approved_by_its_desk_and_not_by_another(client, newsroom):
    client.force_login(newsroom["reporter"])
    response = post_action(
        client, add_url(), "submit", **story_fields(newsroom["rubrics"]["politics"], "For review")
    )
    assert response.status_code == 302
    story = Article.objects.get(headline="For review")
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    approve = reverse(
        "wagtailsnippets_newsroom_article:workflow_action",
        args=[story.pk, "approve", task_state.pk],
    )

    client.force_login(newsroom["sport_editor"])
    refused = client.post(approve)
    assert refused.status_code == 403
    assert "a desk you are not on" in refused.content.decode()
    story.refresh_from_db()
    assert not story.live

    client.force_login(newsroom["politics_editor"])
    response = client.post(approve)
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live and story.version == 1
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_desk_rejects_a_story_back_to_its_author_with_a_reason(client, newsroom):
    client.force_login(newsroom["reporter"])
    post_action(
        client, add_url(), "submit", **story_fields(newsroom["rubrics"]["politics"], "Weak story")
    )
    story = Article.objects.get(headline="Weak story")
    task_state = WorkflowState.objects.get(object_id=str(story.pk)).current_task_state
    client.force_login(newsroom["politics_editor"])
    reject = reverse(
        "wagtailsnippets_newsroom_article:workflow_action",
        args=[story.pk, "reject", task_state.pk],
    )
    response = client.post(reject, {"comment": "Needs a second source."})
    assert response.status_code in (200, 302)
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "Needs a second source."
    story.refresh_from_db()
    assert not story.live
    # The author may edit it again.
    client.force_login(newsroom["reporter"])
    assert client.get(edit_url(story)).status_code == 200


def test_only_chief_editors_kill_and_only_after_confirming(client, newsroom):
    story = article_make(newsroom["rubrics"]["sport"], headline="Disputed result")
    kill = reverse("article_kill", args=[story.pk])
    client.force_login(newsroom["sport_editor"])
    assert client.post(kill, {"reason": "x", "confirm": "on"}).status_code == 403

    client.force_login(newsroom["chief"])
    unconfirmed = client.post(kill, {"reason": "Result overturned"})
    assert unconfirmed.status_code == 400
    story.refresh_from_db()
    assert story.killed_at is None

    assert client.post(kill, {"reason": "Result overturned", "confirm": "on"}).status_code == 302
    story.refresh_from_db()
    assert story.kill_reason == "Result overturned"
    assert client.get(story.url).status_code == 410


def test_killed_story_cannot_be_republished_until_restored(client, newsroom):
    story = article_make(newsroom["rubrics"]["sport"], headline="Withdrawn result")
    client.force_login(newsroom["chief"])
    client.post(reverse("article_kill", args=[story.pk]), {"reason": "Wrong", "confirm": "on"})
    response = post_action(client, edit_url(story), "publish")
    assert response.status_code == 403
    assert "restore it before" in response.content.decode()
    assert client.get(story.url).status_code == 410

    restore = reverse("article_restore", args=[story.pk])
    assert client.post(restore, {"note": "Checked", "confirm": "on"}).status_code == 302
    assert client.get(story.url).status_code == 200


def test_second_editor_sees_the_lock_and_who_holds_it(client, newsroom):
    story = article_make(newsroom["rubrics"]["sport"], headline="Locked story", live=False)
    client.force_login(newsroom["sport_editor"])
    lock = reverse("wagtailsnippets_newsroom_article:lock", args=[story.pk])
    assert client.post(lock).status_code == 302
    story.refresh_from_db()
    assert story.locked and story.locked_by == newsroom["sport_editor"]

    client.force_login(newsroom["chief"])
    page = client.get(edit_url(story)).content.decode()
    assert "Sporteditor" in page or "sporteditor" in page
    assert "locked" in page.lower()


def test_history_shows_who_did_what(client, newsroom):
    story = article_make(newsroom["rubrics"]["sport"], headline="Audited story", live=False)
    client.force_login(newsroom["sport_editor"])
    post_action(client, edit_url(story), "publish")
    client.force_login(newsroom["chief"])
    client.post(reverse("article_kill", args=[story.pk]), {"reason": "Audit", "confirm": "on"})
    history = client.get(
        reverse("wagtailsnippets_newsroom_article:history", args=[story.pk])
    ).content.decode()
    assert "Published" in history
    assert "Killed (withdrawn everywhere)" in history
    assert "Sporteditor" in history and "Chief" in history
