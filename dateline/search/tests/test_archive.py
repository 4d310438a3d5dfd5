"""The date archive (calendar → a day's news, month and year views) and tag pages."""

from datetime import UTC, datetime, timedelta

import time_machine

from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, chief_editor_make

from .helpers import page_of

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def headlines(tree) -> list[str]:
    return [a.text_content() for a in tree.cssselect("main .card h3 a")]


def test_month_calendar_links_the_days_that_have_stories(client, english):
    _, _, rubrics = english
    article_make(
        rubrics["politics"], headline="Budget adopted", published_at=NOW - timedelta(days=2)
    )
    article_make(rubrics["sport"], headline="Hockey final", published_at=NOW - timedelta(days=2))
    article_make(
        rubrics["economy"], headline="Draft", published_at=NOW - timedelta(days=5), live=False
    )
    with time_machine.travel(NOW, tick=False):
        tree = page_of(client, "/en/archive/2026/11/")
    assert tree.cssselect("h1")[0].text_content() == "November 2026"
    links = {a.text_content(): a.get("href") for a in tree.cssselect("table.calendar td a")}
    assert links == {"28": "/en/archive/2026/11/28/"}
    assert tree.cssselect("table.calendar td a")[0].get("title") == "2 stories"
    assert headlines(tree) == ["Hockey final", "Budget adopted"]


def test_a_day_lists_all_its_news_by_the_editions_local_day(client, english):
    _, _, rubrics = english
    # 00:30 in Minsk on 30 November is 21:30 UTC on the 29th.
    article_make(
        rubrics["politics"],
        headline="Just after midnight",
        published_at=datetime(2026, 11, 29, 21, 30, tzinfo=UTC),
    )
    article_make(
        rubrics["politics"],
        headline="Late on the 29th",
        published_at=datetime(2026, 11, 29, 20, 30, tzinfo=UTC),
    )
    article_make(
        rubrics["sport"],
        headline="Noon story",
        published_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
    )
    with time_machine.travel(NOW, tick=False):
        day = page_of(client, "/en/archive/2026/11/30/")
        assert day.cssselect("h1")[0].text_content() == "All news of 30 November 2026"
        assert headlines(day) == ["Noon story", "Just after midnight"]
        assert day.cssselect("a[rel=prev]")[0].get("href") == "/en/archive/2026/11/29/"
        assert not day.cssselect(".archive-days a[rel=next]")
        assert headlines(page_of(client, "/en/archive/2026/11/29/")) == ["Late on the 29th"]


def test_a_busy_day_pages_like_all_news(client, english):
    _, _, rubrics = english
    for i in range(25):
        article_make(
            rubrics["politics"], headline=f"Story {i}", published_at=NOW - timedelta(minutes=10 * i)
        )
    with time_machine.travel(NOW, tick=False):
        first = page_of(client, "/en/archive/2026/11/30/")
        assert headlines(first) == [f"Story {i}" for i in range(20)]
        older = first.cssselect(".pager a[rel=next]")[0].get("href")
        rest = page_of(client, "/en/archive/2026/11/30/" + older)
        assert headlines(rest) == [f"Story {i}" for i in range(20, 25)]


def test_archive_hides_embargoed_and_killed_stories(client, english):
    _, _, rubrics = english
    killed = article_make(
        rubrics["politics"], headline="Killed story", published_at=NOW - timedelta(hours=2)
    )
    article_kill(article=killed, user=chief_editor_make(), reason="Wrong")
    article_make(
        rubrics["politics"], headline="Embargoed story", published_at=NOW + timedelta(hours=1)
    )
    article_make(
        rubrics["politics"], headline="Public story", published_at=NOW - timedelta(hours=1)
    )
    with time_machine.travel(NOW, tick=False):
        assert headlines(page_of(client, "/en/archive/2026/11/30/")) == ["Public story"]
        month = page_of(client, "/en/archive/2026/11/")
        assert month.cssselect("table.calendar td a")[0].get("title") == "1 story"
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        assert headlines(page_of(client, "/en/archive/2026/11/30/")) == [
            "Embargoed story",
            "Public story",
        ]


def test_year_view_shows_twelve_months_and_the_archive_starts_at_the_latest(client, russian):
    _, _, rubrics = russian
    article_make(
        rubrics["politics"],
        headline="Старая новость",
        published_at=datetime(2020, 11, 30, 9, tzinfo=UTC),
    )
    article_make(
        rubrics["politics"], headline="Новая новость", published_at=NOW - timedelta(days=1)
    )
    with time_machine.travel(NOW, tick=False):
        year = page_of(client, "/ru/archive/2020/")
        captions = [c.text_content() for c in year.cssselect("table.calendar caption")]
        assert len(captions) == 12 and captions[10] == "ноябрь 2020\u202fг."
        assert [a.get("href") for a in year.cssselect("td a")] == ["/ru/archive/2020/11/30/"]
        index = page_of(client, "/ru/archive/")
        assert index.cssselect("table.calendar caption")[0].text_content() == "ноябрь 2026\u202fг."
        years = [a.text_content() for a in index.cssselect(".archive-years a")]
        assert years == ["2026", "2025", "2024", "2023", "2022", "2021", "2020"]


def test_archive_refuses_impossible_dates(client, english):
    for url in (
        "/en/archive/1800/",
        "/en/archive/2026/13/",
        "/en/archive/2026/00/",
        "/en/archive/2026/02/30/",
        "/en/archive/9999/01/01/",
    ):
        assert client.get(url).status_code == 404, url


def test_tag_page_lists_the_editions_stories_newest_first_with_cursors(client, russian):
    _, _, rubrics = russian
    from dateline.newsroom.models import Rubric

    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    other = article_make(en_politics, headline="Budget in English")
    other.tags.add("бюджет")
    other.save()
    for i in range(22):
        story = article_make(
            rubrics["economy"], headline=f"Бюджет {i}", published_at=NOW - timedelta(hours=i)
        )
        story.tags.add("бюджет")
        story.save()
    article_make(rubrics["economy"], headline="Без тега", published_at=NOW)
    with time_machine.travel(NOW + timedelta(minutes=1), tick=False):
        first = page_of(client, "/ru/tags/бюджет/")
        assert first.cssselect("h1")[0].text_content() == "#бюджет"
        assert headlines(first) == [f"Бюджет {i}" for i in range(20)]
        older = first.cssselect(".pager a[rel=next]")[0].get("href")
        assert headlines(page_of(client, "/ru/tags/бюджет/" + older)) == ["Бюджет 20", "Бюджет 21"]
    assert client.get("/ru/tags/no-such-tag/").status_code == 404


def test_tag_page_of_a_null_character_is_not_found(client, english):
    assert client.get("/en/tags/%00/").status_code == 404


def test_archive_and_tag_pages_run_a_fixed_number_of_queries(client, english, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dateline.newsroom.generations import generations_raise

    settings.PAGE_PARTS_CACHE_SECONDS = 60  # header and menus kept, as in production
    _, _, rubrics = english
    budgets = {}
    for count in (2, 20):
        for i in range(count):
            story = article_make(
                rubrics["politics"], headline=f"Story {i}", published_at=NOW - timedelta(hours=i)
            )
            story.tags.add("budget")
            story.save()
        generations_raise("en")  # as publishing does
        with time_machine.travel(NOW, tick=False):
            for url in (
                "/en/archive/",
                "/en/archive/2026/",
                "/en/archive/2026/11/",
                "/en/archive/2026/11/30/",
                "/en/tags/budget/",
            ):
                client.get(url)
                with CaptureQueriesContext(connection) as context:
                    assert client.get(url).status_code == 200
                budgets.setdefault(url, set()).add(len(context.captured_queries))
    # The cache generations, then one or two reads of the archive: none per story.
    assert budgets == {
        "/en/archive/": {4},
        "/en/archive/2026/": {2},
        "/en/archive/2026/11/": {3},
        "/en/archive/2026/11/30/": {4},
        "/en/tags/budget/": {3},
    }
