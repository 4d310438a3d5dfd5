"""A reporter's page, /<lang>/authors/<slug>/: their stories, and how readers and search
engines reach it (the byline, the story's JSON-LD, the other editions)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from lxml import html
from wagtail.models import Locale

from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, author_make

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return html.fromstring(response.content)


def headlines(tree) -> list[str]:
    return [a.text_content() for a in tree.cssselect("main .card h3 a")]


@pytest.fixture
def anna(english):
    edition, _, _ = english
    return author_make(edition.locale_id, "Anna Kovalenko")


def story_by(author, rubric, headline, hours_ago, **fields):
    article = article_make(
        rubric, headline=headline, published_at=NOW - timedelta(hours=hours_ago), **fields
    )
    article.authors.add(author)
    article.save()
    return article


@time_machine.travel(NOW, tick=False)
def test_author_page_lists_only_their_public_stories_newest_first(client, english, anna):
    _, _, rubrics = english
    story_by(anna, rubrics["economy"], "Exports grow", hours_ago=5)
    story_by(anna, rubrics["politics"], "Deputies adopt the budget", hours_ago=1)
    story_by(anna, rubrics["sport"], "The cup final is on Sunday", hours_ago=3)
    story_by(anna, rubrics["politics"], "A draft nobody has seen", hours_ago=2, live=False)
    embargoed = story_by(anna, rubrics["politics"], "Figures out at three", hours_ago=4)
    embargoed.public_at = NOW + timedelta(hours=3)
    embargoed.save(update_fields=["public_at"])
    killed = story_by(anna, rubrics["economy"], "A withdrawn story", hours_ago=6)
    article_kill(article=killed, user=None, reason="Wrong figures.")
    other = author_make(anna.locale_id, "Boris Levin")
    story_by(other, rubrics["politics"], "Boris writes about roads", hours_ago=1)

    tree = page(client, "/en/authors/anna-kovalenko/")

    assert tree.cssselect("h1")[0].text_content() == "Anna Kovalenko"
    assert headlines(tree) == [
        "Deputies adopt the budget",
        "The cup final is on Sunday",
        "Exports grow",
    ]


def test_author_slug_is_made_from_the_name_in_any_script_and_unique_in_its_edition(
    english, russian
):
    english_id = english[0].locale_id
    russian_id = russian[0].locale_id
    chinese_id = Locale.objects.get_or_create(language_code="zh")[0].pk
    assert author_make(russian_id, "Анна Коваленко").slug == "anna-kovalenko"
    assert author_make(chinese_id, "李明").slug == "liming"
    assert author_make(english_id, "Anna Kovalenko").slug == "anna-kovalenko"
    # Another reporter of the same name in the same edition gets an address of their own.
    assert author_make(english_id, "Anna Kovalenko").slug == "anna-kovalenko-2"
    # A slug the editor chose stays as it is.
    assert author_make(english_id, "Anna Kovalenko", slug="anna-k").slug == "anna-k"


def test_byline_links_each_author_to_their_page(client, english, anna):
    _, _, rubrics = english
    boris = author_make(anna.locale_id, "Boris Levin")
    article = story_by(anna, rubrics["politics"], "Deputies adopt the budget", hours_ago=1)
    article.authors.add(boris)
    article.save()

    links = page(client, article.url).cssselect(".byline a[rel=author]")

    assert [(a.text_content(), a.get("href")) for a in links] == [
        ("Anna Kovalenko", "/en/authors/anna-kovalenko/"),
        ("Boris Levin", "/en/authors/boris-levin/"),
    ]


def test_author_page_names_its_address_and_the_same_author_in_other_editions(
    client, english, russian, anna
):
    _, _, rubrics = english
    author_make(russian[0].locale_id, "Анна Коваленко", translation_key=anna.translation_key)
    for hours in range(25):  # more than a page of stories
        story_by(anna, rubrics["politics"], f"Story {hours}", hours_ago=hours + 1)

    tree = page(client, "/en/authors/anna-kovalenko/")

    canonical = tree.cssselect('link[rel="canonical"]')[0].get("href")
    assert canonical == "http://testserver/en/authors/anna-kovalenko/"
    hreflang = {
        link.get("hreflang"): link.get("href")
        for link in tree.cssselect('link[rel="alternate"][hreflang]')
    }
    assert hreflang == {
        "en": "http://testserver/en/authors/anna-kovalenko/",
        "ru": "http://testserver/ru/authors/anna-kovalenko/",
        "x-default": "http://testserver/en/authors/anna-kovalenko/",
    }
    switcher = tree.cssselect('nav.languages a[hreflang="ru"]')[0]
    assert switcher.get("href") == "/ru/authors/anna-kovalenko/"
    # Older stories are a page of their own: no other edition has that same page.
    older = tree.cssselect('a[rel="next"]')[0].get("href")
    older_page = page(client, f"/en/authors/anna-kovalenko/{older}")
    assert len(headlines(older_page)) == 5
    assert not older_page.cssselect('link[rel="canonical"]')


def test_unknown_author_is_not_found_and_a_bad_page_cursor_is_a_bad_request(client, russian, anna):
    assert client.get("/en/authors/nobody-at-all/").status_code == 404
    assert client.get("/ru/authors/anna-kovalenko/").status_code == 404  # not in that edition
    response = client.get("/en/authors/anna-kovalenko/?before=oops")
    assert response.status_code == 400
