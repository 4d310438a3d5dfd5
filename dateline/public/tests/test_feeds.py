"""Reader feeds (dateline/public/feeds): RSS 2.0, Atom 1.0, JSON Feed 1.1 per edition and rubric."""

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import feedparser
import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html

from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, author_make, edition_make, image_make

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 12:00 in Minsk
FORMATS = ("rss.xml", "atom.xml", "feed.json")


def feed(client, url: str):
    """The feed at `url`, parsed: feedparser's result for RSS and Atom, the JSON otherwise."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if url.endswith(".json"):
        assert response["Content-Type"] == "application/feed+json; charset=utf-8"
        document = json.loads(response.content)
        assert json_feed_errors(document) == []
        return document
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def titles(client, url: str) -> list[str]:
    parsed = feed(client, url)
    items = parsed["items"] if url.endswith(".json") else parsed.entries
    return [item["title"] for item in items]


def json_feed_errors(document: dict) -> list[str]:
    """What https://www.jsonfeed.org/version/1.1/ requires of a feed and of each item."""
    errors = []
    if document.get("version") != "https://jsonfeed.org/version/1.1":
        errors.append("version must be https://jsonfeed.org/version/1.1")
    if not isinstance(document.get("title"), str) or not document["title"]:
        errors.append("title is required")
    if not isinstance(document.get("items"), list):
        return [*errors, "items must be an array"]
    for index, item in enumerate(document["items"]):
        if not isinstance(item.get("id"), str) or not item["id"]:
            errors.append(f"items[{index}].id must be a non-empty string")
        if not (item.get("content_html") or item.get("content_text")):
            errors.append(f"items[{index}] needs content_html or content_text")
        for key in ("date_published", "date_modified"):
            if key in item:
                try:
                    moment = datetime.fromisoformat(item[key])
                except ValueError:
                    errors.append(f"items[{index}].{key} is not RFC 3339")
                else:
                    if moment.tzinfo is None:
                        errors.append(f"items[{index}].{key} has no time zone")
        for name in item.get("authors", []):
            if not name.get("name"):
                errors.append(f"items[{index}].authors needs names")
    return errors


@pytest.fixture
def story(english):
    """A story with a photo, two bylines, a quote, a link and an inline picture."""
    edition, _, rubrics = english
    article = article_make(
        rubrics["politics"],
        headline="Parliament adopts the budget",
        lead="Deputies approved the budget in the second reading.",
        published_at=NOW - timedelta(hours=2),
        lead_image=image_make("Parliament", size=(1600, 1066)),
        lead_image_caption="Deputies vote",
        lead_image_credit="DNA photo",
    )
    article.body = [
        {"type": "paragraph", "value": "<p>The session lasted four hours.</p>"},
        {"type": "quote", "value": {"text": "We will build new schools.", "attribution": ""}},
        {"type": "paragraph", "value": '<p>See <a href="/en/economy/">economy</a>.</p>'},
        {"type": "image", "value": {"image": image_make("Hall").pk, "caption": "The hall"}},
        {"type": "paragraph", "value": "<p>Safe<script>alert(1)</script></p>"},
    ]
    article.save()
    article.authors.add(author_make(edition.locale_id, "Anna Kovalenko"))
    article.authors.add(author_make(edition.locale_id, "Boris Levin"))
    article.save()
    return article


@time_machine.travel(NOW, tick=False)
def test_rss_carries_full_text_photo_bylines_and_zoned_dates(client, story):
    parsed = feed(client, "/en/rss.xml")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "en"
    entry = parsed.entries[0]
    assert entry.title == "Parliament adopts the budget"
    assert entry.link == f"http://testserver{story.url}"
    assert entry.id == f"urn:dateline:{story.translation_key}:en"
    assert entry.published == "Thu, 26 Nov 2026 10:00:00 +0300"  # Minsk time, zone given
    assert [a["name"] for a in entry.authors] == ["Anna Kovalenko", "Boris Levin"]
    assert entry.tags[0].term == "Politics"
    assert entry.summary == "Deputies approved the budget in the second reading."
    text = entry.content[0].value
    assert text.startswith("<p>MINSK, 26 November (DNA) - Deputies approved the budget")
    assert "<blockquote>We will build new schools.</blockquote>" in text
    assert '<a href="http://testserver/en/economy/">economy</a>' in text
    assert 'src="http://testserver/media/images/hall' in text
    assert "script" not in text and "Safe" in text
    enclosure = entry.enclosures[0]
    assert enclosure.href.startswith("http://testserver/media/images/parliament")
    assert enclosure.href.endswith(".width-1200.jpg")
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
    media = entry.media_content[0]
    assert media["url"] == enclosure.href
    assert (media["width"], media["height"], media["medium"]) == ("1200", "799", "image")
    assert entry.media_credit[0]["content"] == "DNA photo"


@time_machine.travel(NOW, tick=False)
def test_atom_carries_full_text_photo_bylines_and_zoned_dates(client, story):
    parsed = feed(client, "/en/atom.xml")
    assert parsed.version == "atom10"
    assert parsed.feed.language == "en"
    entry = parsed.entries[0]
    assert entry.id == f"urn:dateline:{story.translation_key}:en"
    assert entry.published == "2026-11-26T10:00:00+03:00"
    assert entry.updated == "2026-11-26T10:00:00+03:00"
    assert [a["name"] for a in entry.authors] == ["Anna Kovalenko", "Boris Levin"]
    assert entry.content[0].type == "text/html"
    assert "We will build new schools." in entry.content[0].value
    enclosure = [link for link in entry.links if link.rel == "enclosure"][0]
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0


@time_machine.travel(NOW, tick=False)
def test_json_feed_meets_the_spec_and_carries_the_same_story(client, story):
    document = feed(client, "/en/feed.json")
    assert document["language"] == "en"
    assert document["feed_url"] == "http://testserver/en/feed.json"
    assert document["home_page_url"] == "http://testserver/en/"
    item = document["items"][0]
    assert item["id"] == f"urn:dateline:{story.translation_key}:en"
    assert item["url"] == f"http://testserver{story.url}"
    assert item["date_published"] == "2026-11-26T10:00:00+03:00"
    assert item["authors"] == [{"name": "Anna Kovalenko"}, {"name": "Boris Levin"}]
    assert item["image"] == feed(client, "/en/rss.xml").entries[0].enclosures[0].href
    assert "We will build new schools." in item["content_html"]
    assert "script" not in item["content_html"]


def test_json_feed_check_catches_what_the_spec_forbids():
    assert json_feed_errors({"version": "https://jsonfeed.org/version/1", "items": [{}]}) == [
        "version must be https://jsonfeed.org/version/1.1",
        "title is required",
        "items[0].id must be a non-empty string",
        "items[0] needs content_html or content_text",
    ]


@time_machine.travel(NOW, tick=False)
def test_guid_survives_a_new_slug_and_rubric_while_the_link_follows(client, story, english):
    _, _, rubrics = english
    before = feed(client, "/en/feed.json")["items"][0]
    story.slug = "budget-adopted"
    story.rubric = rubrics["economy"]
    story.version += 1
    story.save()
    after = feed(client, "/en/feed.json")["items"][0]
    assert after["id"] == before["id"]
    assert after["url"] == f"http://testserver/en/economy/budget-adopted-{story.pk}/"


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("filename", FORMATS)
def test_rubric_feed_carries_only_that_rubric(client, english, filename):
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Deputies meet")
    article_make(rubrics["sport"], headline="Team wins the cup")
    assert titles(client, f"/en/politics/{filename}") == ["Deputies meet"]
    assert titles(client, f"/en/sport/{filename}") == ["Team wins the cup"]
    assert sorted(titles(client, f"/en/{filename}")) == ["Deputies meet", "Team wins the cup"]


@time_machine.travel(NOW, tick=False)
def test_each_edition_feeds_its_own_stories_in_its_language(client, russian):
    _, _, ru_rubrics = russian
    _, _, zh_rubrics = edition_make("zh")
    article_make(ru_rubrics["economy"], headline="Экспорт растёт")
    article_make(zh_rubrics["economy"], headline="出口增长")
    ru = feed(client, "/ru/atom.xml")
    assert ru.feed.language == "ru" and [e.title for e in ru.entries] == ["Экспорт растёт"]
    zh = feed(client, "/zh/feed.json")
    assert zh["language"] == "zh" and [i["title"] for i in zh["items"]] == ["出口增长"]
    assert feed(client, "/zh/rss.xml").feed.language == "zh"
    assert titles(client, "/en/rss.xml") == []


@pytest.mark.parametrize("filename", FORMATS)
def test_embargoed_killed_and_draft_stories_stay_out_until_public(client, english, filename):
    _, _, rubrics = english
    release = NOW + timedelta(hours=3)
    article_make(
        rubrics["politics"], headline="Public story", published_at=NOW - timedelta(hours=1)
    )
    article_make(rubrics["politics"], headline="Draft story", live=False)
    embargoed = article_make(
        rubrics["politics"], headline="Embargoed story", published_at=NOW - timedelta(hours=1)
    )
    embargoed.embargo_until = embargoed.public_at = release
    embargoed.save()
    killed = article_make(rubrics["politics"], headline="Killed story")
    with time_machine.travel(NOW, tick=False):
        article_kill(article=killed, user=None, reason="Legal advice")
        for url in (f"/en/{filename}", f"/en/politics/{filename}"):
            assert titles(client, url) == ["Public story"]
    with time_machine.travel(release, tick=False):
        for url in (f"/en/{filename}", f"/en/politics/{filename}"):
            assert titles(client, url) == ["Embargoed story", "Public story"]


def conditional(client, url, response, header: str):
    """GET `url` again with the validator `header` (ETag or Last-Modified) of `response`."""
    name = {"ETag": "HTTP_IF_NONE_MATCH", "Last-Modified": "HTTP_IF_MODIFIED_SINCE"}[header]
    return client.get(url, **{name: response[header]}).status_code


@pytest.mark.parametrize("url", ["/en/rss.xml", "/en/politics/atom.xml", "/en/feed.json"])
def test_readers_get_304_until_a_listed_story_changes(client, english, url):
    _, _, rubrics = english
    older = article_make(rubrics["politics"], headline="Older", published_at=NOW - timedelta(2))
    article_make(rubrics["politics"], headline="Newer", published_at=NOW - timedelta(1))
    with time_machine.travel(NOW, tick=False):
        first = client.get(url)
        assert first["ETag"] and first["Last-Modified"] == format_datetime(
            NOW - timedelta(1), usegmt=True
        )
        for header in ("ETag", "Last-Modified"):
            assert conditional(client, url, first, header) == 304
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert not_modified.content == b"" and not_modified["ETag"] == first["ETag"]

    # A kill drops a story that was not the newest: both validators still move.
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        article_kill(article=older, user=None, reason="Wrong figures")
        for header in ("ETag", "Last-Modified"):
            assert conditional(client, url, first, header) == 200
        after_kill = client.get(url)
        assert conditional(client, url, after_kill, "ETag") == 304


def test_validators_change_when_an_embargo_ends_and_when_a_story_is_republished(client, english):
    _, _, rubrics = english
    url = "/en/rss.xml"
    article_make(rubrics["politics"], headline="Out", published_at=NOW - timedelta(hours=1))
    release = NOW + timedelta(hours=2)
    embargoed = article_make(rubrics["politics"], headline="Embargoed", published_at=NOW)
    embargoed.embargo_until = embargoed.public_at = release
    embargoed.save()
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        before = client.get(url)
    with time_machine.travel(release, tick=False):
        for header in ("ETag", "Last-Modified"):
            assert conditional(client, url, before, header) == 200
        released = client.get(url)
    with time_machine.travel(release + timedelta(hours=1), tick=False):
        embargoed.version += 1
        embargoed.last_published_at = release + timedelta(hours=1)
        embargoed.save()
        for header in ("ETag", "Last-Modified"):
            assert conditional(client, url, released, header) == 200


@pytest.mark.parametrize(
    "url",
    [
        "/en/no-such-rubric/rss.xml",
        "/en/no-such-rubric/feed.json",
        "/be/rss.xml",  # a language with no edition yet
        "/xx/atom.xml",
        "/en/politics/rss.json",
        "/en/politics/sub/rss.xml",
        "/en/news/rss.xml",  # a page, but not a rubric
    ],
)
def test_feeds_of_unknown_editions_or_rubrics_are_not_found(client, english, url):
    # /xx/… is first sent to /en/xx/…, where no rubric "xx" is found.
    assert client.get(url, follow=True).status_code == 404


def test_feeds_answer_only_reads(client, english):
    assert client.post("/en/rss.xml").status_code == 405
    assert client.head("/en/politics/feed.json").status_code == 200


def test_malformed_validators_get_the_whole_feed(client, english):
    for headers in (
        {"HTTP_IF_NONE_MATCH": 'garbage, "unterminated'},
        {"HTTP_IF_MODIFIED_SINCE": "yesterday-ish"},
        {"HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 99999 99:99:99 GMT"},
    ):
        assert client.get("/en/atom.xml", **headers).status_code == 200, headers


def advertised(client, url) -> list[tuple[str, str]]:
    tree = html.fromstring(client.get(url).content)
    return [
        (link.get("type"), link.get("href"))
        for link in tree.cssselect("head link[rel=alternate][type]")
    ]


EDITION_FEEDS = [
    ("application/rss+xml", "/en/rss.xml"),
    ("application/atom+xml", "/en/atom.xml"),
    ("application/feed+json", "/en/feed.json"),
]
POLITICS_FEEDS = [
    ("application/rss+xml", "/en/politics/rss.xml"),
    ("application/atom+xml", "/en/politics/atom.xml"),
    ("application/feed+json", "/en/politics/feed.json"),
]


def test_pages_advertise_the_feeds_they_belong_to(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["politics"])
    assert advertised(client, "/en/") == EDITION_FEEDS
    assert advertised(client, "/en/news/") == EDITION_FEEDS
    assert advertised(client, "/en/politics/") == POLITICS_FEEDS + EDITION_FEEDS
    assert advertised(client, article.url) == EDITION_FEEDS + POLITICS_FEEDS
    for _, url in EDITION_FEEDS + POLITICS_FEEDS:
        assert client.get(url).status_code == 200, url


def add_stories(rubrics, count, *, photo, author):
    for i in range(count):
        article = article_make(
            rubrics[("politics", "economy")[i % 2]],
            headline=f"Story {i}",
            published_at=NOW - timedelta(hours=count - i),
            lead_image=image_make(f"Photo {i}") if photo else None,
        )
        article.authors.add(author)
        article.save()


@pytest.mark.parametrize("url", ["/en/rss.xml", "/en/politics/atom.xml", "/en/feed.json"])
def test_feed_queries_do_not_grow_with_the_stories(client, english, url):
    edition, _, rubrics = english
    author = author_make(edition.locale_id)

    def queries() -> tuple[int, int]:
        client.get(url)  # makes the pictures' renditions, as the article pages have
        cache.clear()  # a feed generated afresh, then served from the cache
        with CaptureQueriesContext(connection) as generated:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as cached:
            assert client.get(url).status_code == 200
        return len(generated.captured_queries), len(cached.captured_queries)

    with time_machine.travel(NOW, tick=False):
        add_stories(rubrics, 4, photo=True, author=author)
        small = queries()
        add_stories(rubrics, 30, photo=True, author=author)
        large = queries()
    assert small == large, f"{url}: {small} queries with 4 stories, {large} with 34"
    assert large[1] <= 4, f"{url}: {large[1]} queries to serve a cached feed"
