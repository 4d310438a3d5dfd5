"""Articles' cards are cached in each process (public/cards.py); what a reader sees must be
the same HTML, byte for byte, as when everything is rendered, and change when the card does."""

import pytest
from django.template import Context, Template
from django.test import Client
from lxml import html

from dateline.newsroom import selectors
from dateline.publishing.pipeline import article_kill
from dateline.test import admin_publish, article_make, image_make, person_make


@pytest.fixture
def stories(english):
    _, _, rubrics = english
    person = person_make(rubrics["politics"].locale_id, "Ivan Petrovich")
    made = []
    for number in range(6):
        article = article_make(
            rubrics["politics" if number % 2 else "economy"],
            headline=f"Story number {number} on the water code",
            lead=f"The lead of story {number}.",
            lead_image=image_make(f"Photo {number}") if number % 3 == 0 else None,
        )
        article.people.add(person)
        article.save()
        made.append(article)
    return made


def pages(stories) -> dict[str, bytes]:
    paths = ["/en/", "/en/news/", "/en/politics/", stories[0].url, stories[-1].url]
    answers = {}
    for path in paths:
        response = Client().get(path)
        assert response.status_code == 200, path
        answers[path] = response.content
    return answers


def test_pages_with_cached_cards_and_parts_are_the_same_html_as_rendered_afresh(stories, settings):
    rendered = pages(stories)  # nothing cached (the tests' default)
    settings.PAGE_PARTS_CACHE_SECONDS = 60
    settings.ARTICLE_CACHE_SECONDS = 3600
    first = pages(stories)  # cards and parts rendered, then cached
    again = pages(stories)  # from the process's copies
    assert first == rendered
    assert again == rendered


def headlines(path: str, selector: str) -> list[str]:
    tree = html.fromstring(Client().get(path).content)
    return [link.text_content().strip() for link in tree.cssselect(selector)]


@pytest.mark.usefixtures("page_cache")
def test_a_corrected_headline_shows_on_every_card_at_once(client, stories, chief):
    assert "Story number 2 on the water code" in headlines("/en/", ".latest h3 a")
    client.force_login(chief)
    response = admin_publish(
        client, stories[2], change_kind="correction", headline="Story two, its headline corrected"
    )
    assert response.status_code == 302
    for path, selector in (
        ("/en/", ".latest h3 a"),
        ("/en/news/", ".day h3 a"),
        (stories[0].url, ".recent h3 a"),
    ):
        found = headlines(path, selector)
        assert "Story two, its headline corrected" in found, path
        assert "Story number 2 on the water code" not in found, path


@pytest.mark.usefixtures("page_cache")
def test_a_killed_storys_cached_card_is_on_no_page(stories, chief):
    assert "Story number 4 on the water code" in headlines("/en/news/", ".day h3 a")
    article_kill(article=stories[4], user=chief, reason="Legal request")
    for path, selector in (
        ("/en/", ".latest h3 a"),
        ("/en/news/", ".day h3 a"),
        ("/en/economy/", ".day h3 a"),
        (stories[0].url, ".recent h3 a"),
    ):
        assert "Story number 4 on the water code" not in headlines(path, selector), path


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize(
    "flags",
    ["", "with_rubric=True", "with_image=True", "full_date=True", "with_lead=True clock_only=True"],
)
def test_a_cached_card_is_the_card_template_included_byte_for_byte(stories, english, flags):
    edition, _, _ = english
    article = (
        selectors.as_cards(selectors.published_articles(locale_id=edition.locale_id))
        .filter(pk=stories[0].pk)
        .get()
    )
    context = {"article": article, "edition": edition}
    included = Template(
        '{% include "public/includes/article_card.html" with ' + (flags or "x=1") + " %}"
    ).render(Context(context))
    tag = Template("{% load dateline %}{% card article " + flags + " %}")
    assert tag.render(Context(context)) == included
    assert tag.render(Context(context)) == included  # the cached copy
