"""Every admin view of a story applies the editor's rule: a reporter never reads, previews,
compares, locks or lists another reporter's draft; a desk sees only its rubrics' drafts."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from dateline.newsroom.models import Article
from dateline.test import (
    admin_publish,
    article_make,
    chief_editor_make,
    desk_editor_make,
    reporter_make,
)

SECRET = "Minister resigns over secret report"

ARTICLE = "wagtailsnippets_newsroom_article"


@pytest.fixture
def newsroom(english):
    _, _, rubrics = english
    owner = reporter_make("owner")
    draft = article_make(rubrics["politics"], headline=SECRET, live=False, owner=owner)
    revision = draft.save_revision(user=owner, log_action=True)
    return {
        "rubrics": rubrics,
        "draft": draft,
        "revision": revision,
        "owner": owner,
        "reporter": reporter_make("other"),
        "sport_editor": desk_editor_make(rubrics["sport"], username="sporteditor", desk="Sport"),
        "politics_editor": desk_editor_make(
            rubrics["politics"], username="poleditor", desk="Politics"
        ),
        "chief": chief_editor_make(),
    }


def url_of(name, newsroom):
    draft, revision = newsroom["draft"], newsroom["revision"]
    args = {
        "revisions_view": [draft.pk, revision.pk],
        "revisions_revert": [draft.pk, revision.pk],
        "revisions_unschedule": [draft.pk, revision.pk],
        "revisions_compare": [draft.pk, "earliest", "latest"],
    }.get(name, [draft.pk])
    return reverse(f"{ARTICLE}:{name}", args=args)


# Views that only read the story: its owner and a chief open them.
READING = [
    "edit",
    "revisions_view",
    "revisions_compare",
    "history",
    "history_results",
    "usage",
    "workflow_history",
    "preview_on_edit",
    "copy",
    "revisions_revert",
]
# Views that change it (or offer to): refused before anything happens.
CHANGING = ["delete", "revisions_unschedule", "lock", "unlock"]


def request(client, name, newsroom):
    url = url_of(name, newsroom)
    if name in ("lock", "unlock"):
        return client.post(url)
    return client.get(url)


def refused(client, newsroom) -> dict[str, str]:
    """The views that did not answer 403 without the headline, with what they answered."""
    wrong = {}
    for name in READING + CHANGING:
        response = request(client, name, newsroom)
        page = response.content.decode()
        if response.status_code != 403 or SECRET in page or "belongs to another" not in page:
            wrong[name] = f"{response.status_code} {SECRET in page=}"
    return wrong


def opened(client, newsroom) -> dict[str, str]:
    wrong = {}
    for name in READING:
        response = request(client, name, newsroom)
        # The history's results and an unsaved preview do not repeat the headline.
        shown = name in ("history_results", "preview_on_edit") or (
            SECRET in response.content.decode()
        )
        if response.status_code != 200 or not shown:
            wrong[name] = f"{response.status_code} {shown=}"
    return wrong


def test_another_reporter_gets_403_on_every_admin_view_of_a_draft(client, newsroom):
    Article.objects.filter(pk=newsroom["draft"].pk).update(locked=True, locked_by=newsroom["owner"])
    client.force_login(newsroom["reporter"])
    assert refused(client, newsroom) == {}
    draft = Article.objects.get(pk=newsroom["draft"].pk)
    assert draft.locked_by == newsroom["owner"]


def test_an_editor_of_another_desk_gets_403_on_every_admin_view_of_a_draft(client, newsroom):
    client.force_login(newsroom["sport_editor"])
    assert refused(client, newsroom) == {}
    assert not Article.objects.get(pk=newsroom["draft"].pk).locked


def test_the_owner_and_a_chief_open_every_view_of_the_draft(client, newsroom):
    for user in (newsroom["owner"], newsroom["chief"], newsroom["politics_editor"]):
        client.force_login(user)
        assert opened(client, newsroom) == {}, user.username


def test_a_reporter_cannot_lock_another_reporters_draft_and_the_owner_can(client, newsroom):
    draft = newsroom["draft"]
    lock = url_of("lock", newsroom)
    client.force_login(newsroom["reporter"])
    assert client.post(lock).status_code == 403
    draft.refresh_from_db()
    assert not draft.locked

    client.force_login(newsroom["owner"])
    assert client.post(lock).status_code == 302
    draft.refresh_from_db()
    assert draft.locked_by == newsroom["owner"]


def test_the_owner_lifts_a_lock_someone_else_left_on_their_draft(client, newsroom):
    # A lock taken before reporters were kept out of others' drafts.
    draft = newsroom["draft"]
    Article.objects.filter(pk=draft.pk).update(locked=True, locked_by=newsroom["reporter"])
    client.force_login(newsroom["owner"])
    assert client.post(url_of("unlock", newsroom)).status_code == 302
    draft.refresh_from_db()
    assert not draft.locked


def test_a_chief_lifts_the_lock_a_reporter_took(client, newsroom):
    draft = newsroom["draft"]
    client.force_login(newsroom["owner"])
    client.post(url_of("lock", newsroom))
    client.force_login(newsroom["chief"])
    assert client.post(url_of("unlock", newsroom)).status_code == 302
    draft.refresh_from_db()
    assert not draft.locked


def listed_headlines(client, **params):
    response = client.get(reverse(f"{ARTICLE}:list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_article_list_shows_a_reporter_their_drafts_and_published_stories_only(
    client, newsroom
):
    rubrics = newsroom["rubrics"]
    article_make(rubrics["sport"], headline="Minister opens the stadium")
    article_make(
        rubrics["sport"], headline="Minister draft by me", live=False, owner=newsroom["reporter"]
    )
    client.force_login(newsroom["reporter"])
    for params in ({}, {"q": "Minister"}):
        page = listed_headlines(client, **params)
        assert "Minister opens the stadium" in page
        assert "Minister draft by me" in page
        assert SECRET not in page


def test_the_article_list_shows_a_desk_editor_the_drafts_of_the_desk_only(client, newsroom):
    for params in ({}, {"q": "Minister"}):
        client.force_login(newsroom["sport_editor"])
        assert SECRET not in listed_headlines(client, **params)
        client.force_login(newsroom["politics_editor"])
        assert SECRET in listed_headlines(client, **params)
        client.force_login(newsroom["chief"])
        assert SECRET in listed_headlines(client, **params)


def test_the_article_chooser_does_not_offer_others_drafts(client, newsroom):
    chooser = reverse("wagtailsnippetchoosers_newsroom_article:choose_results")
    client.force_login(newsroom["reporter"])
    for params in ({}, {"q": "Minister"}):
        assert SECRET not in client.get(chooser, params).content.decode()
    client.force_login(newsroom["owner"])
    assert SECRET in client.get(chooser, {"q": "Minister"}).content.decode()


def site_history(client, **params):
    response = client.get(reverse("wagtailadmin_reports:site_history"), params)
    assert response.status_code == 200
    if response.streaming:  # the CSV export
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_site_history_does_not_show_others_drafts(client, newsroom):
    rubrics = newsroom["rubrics"]
    published = article_make(rubrics["sport"], headline="Cup final report")
    published.save_revision(user=newsroom["chief"], log_action=True)
    assert ModelLogEntry.objects.filter(label=SECRET).exists()
    client.force_login(newsroom["reporter"])
    page = site_history(client)
    assert "Cup final report" in page
    assert SECRET not in page
    assert SECRET not in site_history(client, export="csv")
    client.force_login(newsroom["owner"])
    assert SECRET in site_history(client)
    client.force_login(newsroom["sport_editor"])
    assert SECRET not in site_history(client)
    client.force_login(newsroom["chief"])
    assert SECRET in site_history(client)


def test_the_dashboard_does_not_show_others_scheduled_drafts(client, newsroom):
    client.force_login(newsroom["chief"])
    response = admin_publish(client, newsroom["draft"], go_live_at="2099-01-01 12:00")
    assert response.status_code == 302
    assert SECRET in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(newsroom["reporter"])
    assert SECRET not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(newsroom["owner"])
    assert SECRET in client.get(reverse("wagtailadmin_home")).content.decode()
