"""Readers get cached pages, and never a stale one once a change is published."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from lxml import etree, html

from dateline.conftest import run_worker
from dateline.newsroom.models import Article, Rubric
from dateline.test import admin_publish, article_make, author_make

pytestmark = pytest.mark.usefixtures("page_cache")


def headlines(response) -> list[str]:
    return [a.text_content().strip() for a in html.fromstring(response.content).cssselect("h3 a")]


def feed_titles(response) -> list[str]:
    channel = etree.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def test_second_reader_gets_the_cached_page_with_cdn_headers(reader, english):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Harvest reaches record")
    first = reader.get(story.url)
    second = Client().get(story.url)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    cache_control = {part.strip() for part in second["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=60"} <= cache_control
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]
    assert "Set-Cookie" not in second


def test_a_reader_with_the_page_already_gets_304(reader, english):
    _, _, rubrics = english
    story = article_make(rubrics["politics"])
    etag = reader.get(story.url)["ETag"]
    again = reader.get(story.url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag


def test_signed_in_editors_are_never_served_nor_stored(client, reader, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["politics"])
    client.force_login(chief)
    for _ in range(2):
        response = client.get(story.url)
        assert "X-Page-Cache" not in response
    assert reader.get(story.url)["X-Page-Cache"] == "miss"
    preview = client.get(reverse("wagtailsnippets_newsroom_article:edit", args=[story.pk]))
    assert "X-Page-Cache" not in preview and "private" in preview["Cache-Control"]


def test_publishing_shows_at_once_on_every_page_the_story_is_on(client, reader, english, chief):
    _, _, rubrics = english
    old = article_make(rubrics["politics"], headline="Earlier politics story")
    draft = article_make(rubrics["politics"], headline="Parliament meets tonight", live=False)
    pages = ["/en/", "/en/news/", "/en/politics/", "/en/rss.xml", old.url]
    for url in pages:  # all cached before the publish
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit"

    client.force_login(chief)
    assert admin_publish(client, draft).status_code == 302
    draft.refresh_from_db()

    assert "Parliament meets tonight" in headlines(reader.get("/en/news/"))
    assert "Parliament meets tonight" in headlines(reader.get("/en/politics/"))
    assert "Parliament meets tonight" in reader.get("/en/").content.decode()
    assert "Parliament meets tonight" in feed_titles(reader.get("/en/rss.xml"))
    # Recent news on the other stories of the edition, too.
    assert "Parliament meets tonight" in reader.get(old.url).content.decode()
    assert reader.get(draft.url).status_code == 200


def test_a_correction_replaces_the_cached_story(client, reader, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Budget grows by 5%")
    assert reader.get(story.url).status_code == 200
    client.force_login(chief)
    response = admin_publish(
        client,
        story,
        headline="Budget grows by 7%",
        change_kind="correction",
        change_note="The growth is 7%, not 5%.",
    )
    assert response.status_code == 302
    page = reader.get(story.url).content.decode()
    assert "Budget grows by 7%" in page and "The growth is 7%, not 5%." in page
    assert "Budget grows by 7%" in headlines(reader.get("/en/news/"))


def test_a_killed_story_is_gone_from_cached_pages_at_once(client, reader, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Disputed result")
    for url in (story.url, "/en/news/", "/en/rss.xml"):
        reader.get(url)
    client.force_login(chief)
    kill = reverse("article_kill", args=[story.pk])
    assert client.post(kill, {"reason": "Result overturned", "confirm": "on"}).status_code == 302
    assert reader.get(story.url).status_code == 410
    assert "Disputed result" not in headlines(reader.get("/en/news/"))
    assert "Disputed result" not in feed_titles(reader.get("/en/rss.xml"))

    restore = reverse("article_restore", args=[story.pk])
    assert client.post(restore, {"note": "Checked", "confirm": "on"}).status_code == 302
    assert reader.get(story.url).status_code == 200


def test_wagtail_unpublish_takes_the_story_off_cached_pages(client, reader, english, chief):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Published by mistake")
    reader.get("/en/news/")
    client.force_login(chief)
    unpublish = reverse("wagtailsnippets_newsroom_article:unpublish", args=[story.pk])
    assert client.post(unpublish).status_code == 302
    assert "Published by mistake" not in headlines(reader.get("/en/news/"))


def test_other_editions_keep_their_cached_pages(client, reader, russian, chief):
    from dateline.newsroom.models import Rubric

    politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    draft = article_make(politics, headline="English only", live=False)
    reader.get("/ru/news/")
    client.force_login(chief)
    admin_publish(client, draft)
    assert reader.get("/ru/news/")["X-Page-Cache"] == "hit"
    assert reader.get("/en/news/")["X-Page-Cache"] == "miss"


def test_embargoed_story_reaches_cached_pages_when_the_embargo_ends(
    client,
    reader,
    english,
    chief,
    settings,
    task_queue,
    time_machine,
    django_capture_on_commit_callbacks,
):
    settings.PAGE_CACHE_SECONDS = 24 * 3600  # so only the purge can make it appear
    _, _, rubrics = english
    draft = article_make(rubrics["politics"], headline="Figures under embargo", live=False)
    time_machine.move_to("2026-11-26 09:00 +03:00", tick=False)
    client.force_login(chief)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_publish(client, draft, embargo_until="2026-11-26 15:00")
    assert response.status_code == 302
    run_worker()  # the wire fan-out; the page purge waits for 15:00
    assert "Figures under embargo" not in headlines(reader.get("/en/news/"))

    time_machine.move_to("2026-11-26 15:00:01 +03:00", tick=False)
    assert "Figures under embargo" not in headlines(reader.get("/en/news/")), "still cached"
    run_worker()
    assert "Figures under embargo" in headlines(reader.get("/en/news/"))


def test_publishing_purges_the_frontend_cache_and_retries_a_failed_purge(
    client, english, chief, settings, purge_receiver, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "dateline.pagecache.frontends.HTTPPurgeBackend",
            "LOCATION": purge_receiver.base_url,
        }
    }
    settings.WAGTAILADMIN_BASE_URL = "https://news.example"
    _, _, rubrics = english
    draft = article_make(rubrics["politics"], headline="Purged everywhere", live=False)
    purge_receiver.answer(503)  # nginx restarting: the first PURGE fails
    client.force_login(chief)
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_publish(client, draft).status_code == 302
    draft.refresh_from_db()
    assert draft.live, "a failed purge never blocks a publish"
    purged = [r.path for r in purge_receiver.received if r.method == "PURGE"]
    assert {draft.url, "/en/", "/en/news/", "/en/politics/", "/en/rss.xml"} <= set(purged)
    assert purged.count(draft.url) == 2, "purged again after the failure"
    assert {r.headers["Host"] for r in purge_receiver.received} == {"news.example"}


def test_publishing_purges_the_byline_page_but_not_an_embargoed_translations_address(
    client, russian, chief, settings, purge_receiver, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "dateline.pagecache.frontends.HTTPPurgeBackend",
            "LOCATION": purge_receiver.base_url,
        }
    }
    english_rubrics = Rubric.objects.filter(locale__language_code="en", slug="politics")
    russian_rubric = Rubric.objects.get(locale__language_code="ru", slug="politics")
    draft = article_make(english_rubrics.get(), headline="Bylined and purged", live=False)
    author = author_make(draft.locale_id, name="Olga Reporter", slug="olga-reporter")
    draft.authors.add(author)
    secret = article_make(
        russian_rubric,
        headline="Embargoed translation",
        slug="secret-budget-figures",
        translation_key=draft.translation_key,
    )
    secret.embargo_until = secret.public_at = timezone.now() + timedelta(hours=3)
    secret.save()
    client.force_login(chief)
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_publish(client, draft).status_code == 302
    purged = [r.path for r in purge_receiver.received if r.method == "PURGE"]
    assert "/en/authors/olga-reporter/" in purged
    assert secret.url not in purged
    assert not [path for path in purged if "secret-budget-figures" in path]


def test_articles_the_page_cache_keys_apart(reader, english):
    # Same path, other query string: another page (a later page of All news).
    _, _, rubrics = english
    for i in range(3):
        article_make(rubrics["politics"], headline=f"Story {i}")
    first = reader.get("/en/news/")
    cursor = Article.objects.order_by("-public_at").first()
    cursor_value = f"{int(cursor.public_at.timestamp() * 1_000_000)}-{cursor.pk}"
    older = reader.get("/en/news/", {"before": cursor_value})
    assert older["X-Page-Cache"] == "miss"
    assert headlines(older) != headlines(first)


def test_a_page_made_private_is_no_longer_served_from_the_cache(reader, english):
    from wagtail.models import PageViewRestriction

    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Closed session minutes")
    reader.get("/en/politics/")
    assert reader.get("/en/politics/")["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(
        page=rubrics["politics"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert "Closed session minutes" not in Client().get("/en/politics/").content.decode()
