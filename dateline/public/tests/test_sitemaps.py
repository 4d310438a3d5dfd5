"""Sitemaps (index, monthly article sitemaps, Google News, pages) and robots.txt."""

import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from dateline.newsroom.models import Rubric
from dateline.public import sitemaps
from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, edition_make

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/xml"
    return etree.fromstring(response.content)


def locations(tree) -> list[str]:
    return tree.xpath("//s:loc/text()", namespaces=NS)


def lastmods(tree) -> dict[str, str | None]:
    return {
        node.findtext("s:loc", namespaces=NS): node.findtext("s:lastmod", namespaces=NS)
        for node in tree.xpath("/*/*", namespaces=NS)
    }


@time_machine.travel(NOW, tick=False)
def test_robots_txt_names_the_sitemap_index_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@time_machine.travel(NOW, tick=False)
def test_index_lists_pages_news_and_each_editions_months_with_stories_each_with_its_lastmod(
    client, russian
):
    _, _, ru_rubrics = russian
    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    article_make(en_politics, published_at=datetime(2026, 9, 30, 23, 0, tzinfo=UTC))
    latest = article_make(en_politics, published_at=NOW - timedelta(hours=1))
    latest.last_published_at = NOW - timedelta(minutes=10)
    latest.save()
    article_make(ru_rubrics["politics"], published_at=NOW - timedelta(hours=3))
    tree = xml(client, "/sitemap.xml")
    assert tree.tag == f"{{{NS['s']}}}sitemapindex"
    site = "http://testserver/sitemaps/"
    assert locations(tree) == [
        f"{site}pages.xml",
        f"{site}news-en.xml",
        f"{site}articles-en-2026-11.xml",
        # October had no English story: an empty sitemap is not listed.
        f"{site}articles-en-2026-09.xml",
        f"{site}news-ru.xml",
        f"{site}articles-ru-2026-11.xml",
    ]
    modified = lastmods(tree)
    assert modified[f"{site}articles-en-2026-11.xml"] == "2026-11-26T11:50:00+03:00"
    assert modified[f"{site}news-en.xml"] == "2026-11-26T11:50:00+03:00"
    assert modified[f"{site}articles-en-2026-09.xml"] == "2026-10-01T02:00:00+03:00"
    assert modified[f"{site}news-ru.xml"] == "2026-11-26T09:00:00+03:00"
    assert modified[f"{site}articles-ru-2026-11.xml"] == "2026-11-26T09:00:00+03:00"
    assert modified[f"{site}pages.xml"] is not None
    for url in locations(tree):
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url
    assert client.get("/sitemaps/articles-en-2026-10.xml").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_an_old_story_corrected_dates_its_month_in_the_index(client, english, monkeypatch):
    monkeypatch.setattr(sitemaps, "OLDER_MONTHS_SECONDS", 1)
    _, _, rubrics = english
    old = article_make(rubrics["politics"], published_at=datetime(2024, 3, 5, 9, 0, tzinfo=UTC))
    article_make(rubrics["politics"], published_at=datetime(2024, 3, 20, 9, 0, tzinfo=UTC))
    article_make(rubrics["politics"], published_at=NOW - timedelta(days=5))
    site = "http://testserver/sitemaps/"
    modified = lastmods(xml(client, "/sitemap.xml"))
    assert modified[f"{site}articles-en-2024-03.xml"] == "2024-03-20T12:00:00+03:00"
    # Nothing in the last two days: the news sitemap last changed when its last story left.
    assert modified[f"{site}news-en.xml"] == "2026-11-23T12:00:00+03:00"
    old.last_published_at = NOW - timedelta(minutes=5)  # a correction, published just now
    old.save()
    # An old month's lastmod is kept an hour (reading them all costs a read of the archive):
    # here a second, by the clock the cache goes by (Redis's is the real one).
    time.sleep(sitemaps.OLDER_MONTHS_SECONDS + 0.1)
    with time_machine.travel(NOW + timedelta(seconds=2), tick=False):
        modified = lastmods(xml(client, "/sitemap.xml"))
    assert modified[f"{site}articles-en-2024-03.xml"] == "2026-11-26T11:55:00+03:00"
    assert all(modified.values()), modified


def test_month_sitemap_lists_only_what_readers_could_see_that_month(client, english):
    _, _, rubrics = english
    october_last = article_make(
        rubrics["politics"],
        headline="October",
        published_at=datetime(2026, 10, 31, 23, 59, 59, tzinfo=UTC),
    )
    november_first = article_make(
        rubrics["economy"], headline="November", published_at=datetime(2026, 11, 1, tzinfo=UTC)
    )
    november_first.last_published_at = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
    november_first.save()
    article_make(rubrics["politics"], headline="Draft", live=False)
    killed = article_make(rubrics["sport"], headline="Killed", published_at=NOW - timedelta(1))
    embargoed = article_make(rubrics["sport"], headline="Embargoed", published_at=NOW)
    embargoed.embargo_until = embargoed.public_at = NOW + timedelta(hours=2)
    embargoed.save()
    with time_machine.travel(NOW, tick=False):
        article_kill(article=killed, user=None, reason="Legal")
        november = xml(client, "/sitemaps/articles-en-2026-11.xml")
        october = xml(client, "/sitemaps/articles-en-2026-10.xml")
    # Locations are the stories' own URLs (the sitemap builds them without asking Wagtail).
    assert locations(november) == [f"http://testserver{november_first.url}"]
    assert locations(october) == [f"http://testserver{october_last.url}"]
    assert lastmods(november) == {
        f"http://testserver{november_first.url}": "2026-11-02T11:30:00+03:00"
    }
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        november = xml(client, "/sitemaps/articles-en-2026-11.xml")
    assert locations(november) == [
        f"http://testserver{november_first.url}",
        f"http://testserver{embargoed.url}",
    ]


@time_machine.travel(NOW, tick=False)
def test_month_sitemap_links_each_story_to_its_translations(client, russian):
    _, _, ru_rubrics = russian
    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    story = article_make(en_politics, headline="Budget adopted")
    translated = article_make(
        ru_rubrics["politics"], headline="Бюджет принят", translation_key=story.translation_key
    )
    alone = article_make(en_politics, headline="Only in English")
    tree = xml(client, "/sitemaps/articles-en-2026-11.xml")
    links = {
        node.findtext("s:loc", namespaces=NS): [
            (link.get("hreflang"), link.get("href"))
            for link in node.findall("xhtml:link", namespaces=NS)
        ]
        for node in tree.findall("s:url", namespaces=NS)
    }
    assert links == {
        f"http://testserver{story.url}": [
            ("en", f"http://testserver{story.url}"),
            ("ru", f"http://testserver{translated.url}"),
            ("x-default", f"http://testserver{story.url}"),
        ],
        f"http://testserver{alone.url}": [],
    }


@time_machine.travel(NOW, tick=False)
def test_news_sitemap_has_the_last_two_days_newest_first_within_the_limit(
    client, english, monkeypatch
):
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 3)
    monkeypatch.setattr(sitemaps.NewsSitemap, "limit", 3)
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Three days old", published_at=NOW - timedelta(3))
    stories = [
        article_make(
            rubrics["economy"], headline=f"Story & {i}", published_at=NOW - timedelta(hours=40 - i)
        )
        for i in range(4)
    ]
    tree = xml(client, "/sitemaps/news-en.xml")
    assert tree.nsmap["news"] == NS["news"]
    assert locations(tree) == [f"http://testserver{a.url}" for a in stories[::-1][:3]]
    first = tree.find("s:url/news:news", namespaces=NS)
    assert first.findtext("news:publication/news:name", namespaces=NS) == "Dateline News Agency"
    assert first.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert first.findtext("news:publication_date", namespaces=NS) == "2026-11-24T23:00:00+03:00"
    assert first.findtext("news:title", namespaces=NS) == "Story & 3"


@time_machine.travel(NOW, tick=False)
def test_chinese_news_sitemap_names_simplified_chinese_as_google_asks(client, english):
    _, _, rubrics = edition_make("zh")
    article_make(rubrics["economy"], headline="出口增长")
    tree = xml(client, "/sitemaps/news-zh.xml")
    language = tree.findtext("s:url/news:news/news:publication/news:language", namespaces=NS)
    assert language == "zh-cn"


@time_machine.travel(NOW, tick=False)
def test_pages_sitemap_lists_every_editions_pages_and_links_the_homes(client, russian):
    tree = xml(client, "/sitemaps/pages.xml")
    urls = locations(tree)
    for path in ("/en/", "/en/news/", "/en/politics/", "/ru/", "/ru/government-bodies/"):
        assert f"http://testserver{path}" in urls
    home = tree.xpath("//s:url[s:loc='http://testserver/ru/']", namespaces=NS)[0]
    hreflangs = [
        (link.get("hreflang"), link.get("href"))
        for link in home.findall("xhtml:link", namespaces=NS)
    ]
    # The same links as the home pages name: readers of other languages go to the site root.
    assert hreflangs == [
        ("en", "http://testserver/en/"),
        ("ru", "http://testserver/ru/"),
        ("x-default", "http://testserver/"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/sitemaps/articles-xx-2026-11.xml",  # no such language
        "/sitemaps/articles-be-2026-11.xml",  # a language with no edition
        "/sitemaps/articles-en-2026-13.xml",
        "/sitemaps/articles-en-2026-00.xml",
        "/sitemaps/articles-en-0000-01.xml",
        "/sitemaps/articles-en-2026-08.xml",  # before the edition's first story
        "/sitemaps/articles-en-2026-12.xml",  # the future
        "/sitemaps/articles-en-9999-12.xml",
        "/sitemaps/articles-en-2026-1.xml",
        "/sitemaps/articles-en-2026-11.xml?p=2",
        "/sitemaps/articles-en-2026-11.xml?p=abc",
        "/sitemaps/news-xx.xml",
        "/sitemaps/news-en.xml?p=0",
        "/sitemaps/other.xml",
    ],
)
@time_machine.travel(NOW, tick=False)
def test_bad_sitemap_urls_are_not_found(client, english, url):
    _, _, rubrics = english
    article_make(rubrics["politics"], published_at=datetime(2026, 9, 10, tzinfo=UTC))
    assert client.get(url, follow=True).status_code == 404


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/sitemaps/articles-en-2026-11.xml", "/sitemaps/news-en.xml"]
)
def test_sitemap_queries_do_not_grow_with_the_stories(client, russian, url):
    _, _, ru_rubrics = russian
    en_rubrics = {r.slug: r for r in Rubric.objects.filter(locale__language_code="en")}

    def add(count, start):
        for i in range(start, start + count):
            story = article_make(
                en_rubrics[("politics", "economy")[i % 2]],
                headline=f"Story {i}",
                published_at=NOW - timedelta(hours=i + 1),
            )
            if i % 3 == 0:
                article_make(
                    ru_rubrics["politics"], translation_key=story.translation_key, headline="Ru"
                )

    def queries() -> int:
        client.get(url)  # Wagtail's site root paths are cached in a running site
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    with time_machine.travel(NOW, tick=False):
        add(5, 0)
        small = queries()
        add(40, 5)
        large = queries()
    assert small == large, f"{url}: {small} queries with 5 stories, {large} with 45"
