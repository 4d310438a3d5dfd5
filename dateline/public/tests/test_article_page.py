"""What a reader sees on an article page."""

from datetime import UTC, datetime, timedelta

import time_machine
from lxml import html

from dateline.test import article_make, author_make, image_make, person_make

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content)


def text(tree, css):
    return " ".join(" ".join(node.text_content().split()) for node in tree.cssselect(css))


@time_machine.travel(NOW, tick=False)
def test_article_shows_time_headline_photo_caption_dateline_and_quote(client, english):
    _, _, rubrics = english
    photo = image_make("Minister at the podium")
    article = article_make(
        rubrics["politics"],
        headline="Minister outlines plans for the coming year",
        published_at=datetime(2026, 11, 26, 9, 46, tzinfo=UTC),
        lead="The minister spoke to deputies on Thursday.",
        quote="We will build new schools in every district, and we will do it this year.",
        lead_image=photo,
        lead_image_caption="Ivan Petrovich speaks in parliament",
        lead_image_credit="DNA photo",
    )
    tree = page(client, article.url)

    assert text(tree, "h1") == "Minister outlines plans for the coming year"
    assert len(tree.cssselect("h1")) == 1
    assert text(tree, "article.article header time") == "26 November 2026, 12:46"
    assert text(tree, ".lead-photo figcaption") == "Ivan Petrovich speaks in parliament DNA photo"
    assert tree.cssselect(".lead-photo img")[0].get("alt") == "Ivan Petrovich speaks in parliament"
    assert text(tree, ".dateline") == "MINSK, 26 November (DNA) -"
    assert "We will build new schools" in text(tree, ".body blockquote")
    assert text(tree, "nav.rubrics a[aria-current=location]") == "Politics"
    assert text(tree, "article.article .rubric") == "Politics"


def test_russian_article_dateline_and_time_in_russian(client, russian):
    _, _, rubrics = russian
    article = article_make(
        rubrics["politics"],
        headline="Парламент принял бюджет",
        city="Минск",
        published_at=datetime(2020, 11, 30, 9, 46, tzinfo=UTC),
    )
    tree = page(client, article.url)
    assert tree.get("lang") == "ru"
    assert text(tree, ".dateline") == "МИНСК, 30 ноября (ДНА) -"
    assert text(tree, "article.article header time") == "30 ноября 2020, 12:46"


def test_article_without_lead_image_renders_cleanly(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["economy"], headline="Exports grow by a tenth")
    tree = page(client, article.url)
    assert tree.cssselect(".lead-photo") == []
    assert text(tree, "h1") == "Exports grow by a tenth"


def test_byline_and_people_link_to_person_pages(client, english):
    edition, _, rubrics = english
    minister = person_make(edition.locale_id, "Ivan Petrovich", position="Minister of Economy")
    article = article_make(rubrics["economy"], headline="Budget talks continue")
    article.authors.add(author_make(edition.locale_id, "Anna Kovalenko"))
    article.people.add(minister)
    article.save()
    tree = page(client, article.url)
    assert text(tree, ".byline") == "Anna Kovalenko"
    link = tree.cssselect(".people a")[0]
    assert link.text_content() == "Ivan Petrovich"
    assert link.get("href") == "/en/people/ivan-petrovich/"
    person = page(client, link.get("href"))
    assert text(person, "h1") == "Ivan Petrovich"
    assert text(person, ".position") == "Minister of Economy"
    assert "Budget talks continue" in text(person, ".card h3")


def test_recent_news_lists_the_editions_latest_newest_first_without_this_story(client, english):
    _, _, rubrics = english
    base = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    articles = [
        article_make(
            rubrics["sport" if i % 2 else "economy"],
            headline=f"Story number {i}",
            published_at=base + timedelta(hours=i),
        )
        for i in range(12)
    ]
    current = articles[5]
    tree = page(client, current.url)
    recent = [a.text_content() for a in tree.cssselect(".recent h3 a")]
    expected = [f"Story number {i}" for i in (11, 10, 9, 8, 7, 6, 4, 3)]
    assert recent == expected


def test_related_news_shares_a_person_with_the_story(client, english):
    edition, _, rubrics = english
    minister = person_make(edition.locale_id, "Olga Sidorova")
    base = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    related = article_make(rubrics["sport"], headline="Minister opens stadium", published_at=base)
    related.people.add(minister)
    related.save()
    for i in range(10):  # newer stories push the related one out of Recent news
        article_make(
            rubrics["economy"],
            headline=f"Filler {i}",
            published_at=base + timedelta(days=1, hours=i),
        )
    current = article_make(
        rubrics["politics"],
        headline="Minister meets deputies",
        published_at=base + timedelta(hours=2),
    )
    current.people.add(minister)
    current.save()
    tree = page(client, current.url)
    assert [a.text_content() for a in tree.cssselect(".related h3 a")] == ["Minister opens stadium"]


def test_language_switch_leads_to_the_translation_or_the_other_edition_home(client, russian):
    _, _, ru_rubrics = russian
    from dateline.newsroom.models import Rubric

    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    story = article_make(en_politics, headline="Parliament adopts the budget")
    translated = article_make(
        ru_rubrics["politics"],
        headline="Парламент принял бюджет",
        translation_key=story.translation_key,
    )
    alone = article_make(en_politics, headline="Only in English")

    tree = page(client, story.url)
    assert tree.cssselect('nav.languages a[hreflang="ru"]')[0].get("href") == translated.url
    tree = page(client, alone.url)
    assert tree.cssselect('nav.languages a[hreflang="ru"]')[0].get("href") == "/ru/"
    tree = page(client, translated.url)
    assert tree.cssselect('nav.languages a[hreflang="en"]')[0].get("href") == story.url
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in tree.cssselect("link[rel=alternate][hreflang]")
    }
    assert alternates == {
        "en": f"http://testserver{story.url}",
        "ru": f"http://testserver{translated.url}",
        "x-default": f"http://testserver{story.url}",
    }
    assert (
        tree.cssselect("link[rel=canonical]")[0].get("href") == f"http://testserver{translated.url}"
    )


def test_a_person_page_switches_to_the_same_person_in_the_other_edition(client, russian):
    from wagtail.models import Locale

    english, russian_locale = (Locale.objects.get(language_code=code) for code in ("en", "ru"))
    person = person_make(english.pk, "Ivan Petrovich")
    translated = person.copy_for_translation(russian_locale)
    translated.name = "Иван Петрович"
    translated.save()
    tree = page(client, person.get_absolute_url())
    switch = tree.cssselect('nav.languages a[hreflang="ru"]')[0].get("href")
    assert switch == translated.get_absolute_url() != "/ru/"
    back = page(client, translated.get_absolute_url())
    assert back.cssselect('nav.languages a[hreflang="en"]')[0].get("href") == (
        person.get_absolute_url()
    )
