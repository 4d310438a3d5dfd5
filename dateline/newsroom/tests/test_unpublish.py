"""Wagtail's Unpublish goes through the publishing path: the story leaves the site, feeds,
search and sitemaps at once, the version is recorded, and partners are told to withhold it."""

import json
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from lxml import etree, html

from dateline.conftest import run_worker
from dateline.newsroom.models import Article, VersionKind
from dateline.newsroom.tasks import release_scheduled
from dateline.publishing.pipeline import article_kill
from dateline.search.tests.helpers import found
from dateline.test import (
    admin_publish,
    article_make,
    auth,
    chief_editor_make,
    desk_editor_make,
    partner_make,
    reporter_make,
)
from dateline.wire.models import Webhook
from dateline.wire.schemas import newsml_schema, ninjs_validator
from dateline.wire.tests.receiver import Receiver

HEADLINE = "Ministry announces grain export figures"
NEWSML = "{http://iptc.org/std/nar/2006-10-01/}"


@pytest.fixture
def receiver(settings):
    settings.WIRE_PUSH_ALLOWED_HOSTS = ["127.0.0.1"]  # pushes go to public addresses only
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture
def story(english):
    _, _, rubrics = english
    return article_make(rubrics["economy"], headline=HEADLINE)


def unpublish_url(article):
    return reverse("wagtailsnippets_newsroom_article:unpublish", args=[article.pk])


def unpublish(client, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(unpublish_url(article))


def headlines(response) -> list[str]:
    return [a.text_content().strip() for a in html.fromstring(response.content).cssselect("h3 a")]


def feed_titles(client, url="/en/rss.xml") -> list[str]:
    channel = etree.fromstring(client.get(url).content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def sitemap_urls(client) -> str:
    return client.get("/sitemaps/news-en.xml").content.decode()


@pytest.mark.usefixtures("page_cache")
def test_unpublished_story_leaves_every_public_channel_and_the_cached_pages(
    client, english, story, django_capture_on_commit_callbacks
):
    _, _, rubrics = english
    article_make(
        rubrics["sport"],
        headline="Older story",
        published_at=story.public_at - timedelta(hours=1),
    )
    reader = Client()
    modified = reader.get("/en/rss.xml")["Last-Modified"]
    assert HEADLINE in headlines(reader.get("/en/news/"))
    assert reader.get("/en/news/")["X-Page-Cache"] == "hit"
    assert found(reader, "grain") == [HEADLINE]
    assert HEADLINE in feed_titles(reader)
    assert story.url in sitemap_urls(reader)
    chief = chief_editor_make()
    client.force_login(chief)

    response = unpublish(client, story, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live and story.version == 2
    withheld = story.versions.get(number=2)
    assert (withheld.kind, withheld.user) == (VersionKind.WITHHOLD, chief)
    assert reader.get(story.url).status_code == 404
    assert HEADLINE not in headlines(reader.get("/en/news/"))
    assert HEADLINE not in headlines(reader.get("/en/economy/"))
    assert found(reader, "grain") == []
    assert HEADLINE not in feed_titles(reader)
    # A feed reader asking "anything since?" is told yes, not 304.
    assert reader.get("/en/rss.xml", headers={"If-Modified-Since": modified}).status_code == 200
    assert story.url not in sitemap_urls(reader)


def test_partners_are_told_to_withhold_an_unpublished_story_and_get_it_back_when_republished(
    client, story, receiver, task_queue, django_capture_on_commit_callbacks
):
    ninjs, _ = partner_make("Regional Daily")
    newsml, _ = partner_make("Broadcaster")
    Webhook.objects.create(partner=ninjs, url=receiver.url, format="ninjs-3.1")
    Webhook.objects.create(partner=newsml, url=receiver.url, format="newsml-g2")
    client.force_login(chief_editor_make())

    assert unpublish(client, story, django_capture_on_commit_callbacks).status_code == 302
    run_worker()

    pushes = {push.headers["Content-Type"].split(";")[0]: push for push in receiver.received}
    assert {push.headers["Dateline-Event"] for push in receiver.received} == {"withhold"}
    item = json.loads(pushes["application/ninjs+json"].body)
    assert not list(ninjs_validator("ninjs-3.1").iter_errors(item))
    assert (item["version"], item["pubStatus"]) == ("2", "withheld")
    assert item["edNote"].startswith("Withheld: do not use")
    assert "bodies" not in item
    xml = etree.fromstring(pushes["application/vnd.iptc.g2.newsitem+xml"].body)
    assert newsml_schema().validate(xml), newsml_schema().error_log
    assert xml.find(f".//{NEWSML}pubStatus").get("qcode") == "stat:withheld"

    with django_capture_on_commit_callbacks(execute=True):
        assert admin_publish(client, Article.objects.get(pk=story.pk)).status_code == 302
    run_worker()
    back = [json.loads(push.body) for push in receiver.received[2:] if push.body[:1] == b"{"]
    assert [(item["version"], item["pubStatus"]) for item in back] == [("3", "usable")]
    assert "bodies" in back[0]


def test_a_partner_polling_the_wire_sees_the_withdrawal(
    client, story, django_capture_on_commit_callbacks
):
    _, secret = partner_make()
    items = client.get("/api/wire/v1/items", **auth(secret)).json()
    assert [item["headlines"][0]["value"] for item in items["items"]] == [HEADLINE]
    client.force_login(chief_editor_make())
    unpublish(client, story, django_capture_on_commit_callbacks)
    client.logout()
    since = quote(items["latest"])
    polled = client.get(f"/api/wire/v1/items?since={since}", **auth(secret)).json()["items"]
    assert [(item["headlines"][0]["value"], item["pubStatus"]) for item in polled] == [
        (HEADLINE, "withheld")
    ]


def test_reporters_and_other_desks_cannot_unpublish_and_the_story_stays(
    client, english, story, django_capture_on_commit_callbacks
):
    _, _, rubrics = english
    owned = article_make(rubrics["economy"], headline="Reporter's own published story")
    reporter = reporter_make()
    Article.objects.filter(pk=owned.pk).update(owner=reporter)
    sport_editor = desk_editor_make(rubrics["sport"], username="sporteditor", desk="Sport")
    for user, article in ((reporter, story), (reporter, owned), (sport_editor, story)):
        client.force_login(user)
        assert client.get(unpublish_url(article)).status_code == 403
        response = unpublish(client, article, django_capture_on_commit_callbacks)
        assert response.status_code == 403, user.username
        article.refresh_from_db()
        assert article.live and article.version == 1
    economy_editor = desk_editor_make(rubrics["economy"], username="econeditor", desk="Economy")
    client.force_login(economy_editor)
    assert unpublish(client, story, django_capture_on_commit_callbacks).status_code == 302
    story.refresh_from_db()
    assert not story.live


def test_a_story_past_its_expiry_is_withheld_as_an_unpublish_is_and_a_killed_one_stays_killed(
    english, story, django_capture_on_commit_callbacks
):
    _, _, rubrics = english
    killed = article_make(rubrics["politics"], headline="Killed story")
    article_kill(article=killed, user=chief_editor_make(), reason="Legal")
    past = timezone.now() - timedelta(minutes=1)
    Article.objects.filter(pk__in=[story.pk, killed.pk]).update(expire_at=past)

    with django_capture_on_commit_callbacks(execute=True):
        release_scheduled.call()

    story.refresh_from_db()
    assert not story.live and story.expired
    assert [v.kind for v in story.versions.all()] == [VersionKind.FIRST, VersionKind.WITHHOLD]
    killed.refresh_from_db()
    assert not killed.live
    assert [v.kind for v in killed.versions.all()] == [VersionKind.FIRST, VersionKind.KILL]
