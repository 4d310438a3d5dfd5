"""All news and rubric pages: newest first, grouped by local day, paged by cursor."""

from datetime import UTC, datetime, timedelta

from lxml import html

from dateline.newsroom.selectors import PAGE_SIZE
from dateline.test import article_make


def tree_of(response):
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content)


def headlines(tree):
    return [a.text_content() for a in tree.cssselect("main .card h3 a")]


def day_headings(tree):
    return [h.text_content() for h in tree.cssselect("main .day-heading")]


def make_days(rubrics, count, *, start=datetime(2026, 11, 9, 21, 30, tzinfo=UTC)):
    """`count` stories six hours apart from 00:30 Minsk time: 4 per local day."""
    names = ["politics", "economy"]
    return [
        article_make(
            rubrics[names[i % 2]],
            headline=f"Story {i:03d}",
            published_at=start + timedelta(hours=6 * i),
        )
        for i in range(count)
    ]


def test_all_news_is_newest_first_and_grouped_by_local_day(client, english):
    _, _, rubrics = english
    make_days(rubrics, 8)  # 10–11 November, Minsk time
    tree = tree_of(client.get("/en/news/"))
    assert headlines(tree) == [f"Story {i:03d}" for i in range(7, -1, -1)]
    assert day_headings(tree) == ["11 November 2026", "10 November 2026"]
    assert tree.cssselect("h1")[0].text_content() == "All news"


def test_story_just_after_local_midnight_counts_for_the_next_day(client, english):
    _, _, rubrics = english
    # 21:30 UTC on the 10th is 00:30 on the 11th in Minsk.
    article_make(
        rubrics["politics"],
        headline="After midnight",
        published_at=datetime(2026, 11, 10, 21, 30, tzinfo=UTC),
    )
    article_make(
        rubrics["politics"],
        headline="Before midnight",
        published_at=datetime(2026, 11, 10, 20, 30, tzinfo=UTC),
    )
    tree = tree_of(client.get("/en/news/"))
    sections = tree.cssselect("main section.day")
    assert [s.cssselect(".day-heading")[0].text_content() for s in sections] == [
        "11 November 2026",
        "10 November 2026",
    ]
    assert sections[0].cssselect("h3 a")[0].text_content() == "After midnight"


def test_pagination_walks_older_and_back_newer_across_day_boundaries(client, english):
    _, _, rubrics = english
    make_days(rubrics, PAGE_SIZE * 2 + 5)
    first = tree_of(client.get("/en/news/"))
    assert headlines(first)[0] == "Story 044"
    assert first.cssselect("a[rel=prev]") == []
    older_href = first.cssselect("a[rel=next]")[0].get("href")

    second = tree_of(client.get("/en/news/" + older_href))
    assert headlines(second)[0] == "Story 024"
    assert headlines(second)[-1] == "Story 005"
    # The day at the page edge continues with the same heading on the next page.
    third = tree_of(client.get("/en/news/" + second.cssselect("a[rel=next]")[0].get("href")))
    assert headlines(third) == [f"Story {i:03d}" for i in range(4, -1, -1)]
    assert third.cssselect("a[rel=next]") == []

    back = tree_of(client.get("/en/news/" + third.cssselect("a[rel=prev]")[0].get("href")))
    assert headlines(back) == headlines(second)
    back_to_first = tree_of(client.get("/en/news/" + back.cssselect("a[rel=prev]")[0].get("href")))
    assert headlines(back_to_first) == headlines(first)
    assert back_to_first.cssselect("a[rel=prev]") == []


def test_stories_published_in_the_same_microsecond_are_neither_lost_nor_repeated(client, english):
    _, _, rubrics = english
    moment = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    for i in range(PAGE_SIZE + 3):
        article_make(rubrics["politics"], headline=f"Tie {i:02d}", published_at=moment)
    first = tree_of(client.get("/en/news/"))
    second = tree_of(client.get("/en/news/" + first.cssselect("a[rel=next]")[0].get("href")))
    seen = headlines(first) + headlines(second)
    assert sorted(seen) == sorted(f"Tie {i:02d}" for i in range(PAGE_SIZE + 3))


def test_rubric_page_lists_only_its_rubric(client, english):
    _, _, rubrics = english
    make_days(rubrics, 6)
    tree = tree_of(client.get("/en/economy/"))
    assert tree.cssselect("h1")[0].text_content() == "Economy"
    assert headlines(tree) == ["Story 005", "Story 003", "Story 001"]


def test_unknown_rubric_is_404(client, english):
    assert client.get("/en/astrology/").status_code == 404


def test_malformed_cursor_is_400_with_a_reason(client, english):
    for query in ("?before=yesterday", "?after=1-2-3", "?before=999999999999999999999-1"):
        response = client.get("/en/news/" + query)
        assert response.status_code == 400, query
        assert b"Bad request" in response.content


def test_both_cursors_at_once_is_400(client, english):
    response = client.get("/en/news/?before=1764158400000000-1&after=1764158400000000-2")
    assert response.status_code == 400
    assert "not both" in response.content.decode()


def test_a_cursor_past_the_archive_shows_an_empty_page_not_an_error(client, english):
    _, _, rubrics = english
    make_days(rubrics, 2)
    tree = tree_of(client.get("/en/news/?before=1000000-1"))
    assert headlines(tree) == []
    assert tree.cssselect(".empty")


def test_a_private_rubric_asks_for_its_password_instead_of_listing_its_stories(client, english):
    from wagtail.models import PageViewRestriction

    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Closed session minutes")
    assert "Closed session minutes" in client.get("/en/politics/").content.decode()
    restriction = PageViewRestriction.objects.create(
        page=rubrics["politics"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    asked = client.get("/en/politics/").content.decode()
    assert "Closed session minutes" not in asked and 'name="password"' in asked
    restriction.delete()
    assert "Closed session minutes" in client.get("/en/politics/").content.decode()
