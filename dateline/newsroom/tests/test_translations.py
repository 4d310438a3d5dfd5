"""From an article, its version for another edition: a linked draft, tracked for staleness."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.urls import reverse
from lxml import html

from dateline.newsroom.models import Article
from dateline.test import admin_publish, article_make, person_make

NINE = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


def translate(client, article, language):
    from wagtail.models import Locale

    url = reverse(
        "simple_translation:submit_snippet_translation", args=["newsroom", "article", article.pk]
    )
    return client.post(url, {"locales": [Locale.objects.get(language_code=language).pk]})


def test_translating_makes_a_linked_draft_in_the_other_editions_rubric(client, russian, chief):
    ru_edition, _, ru_rubrics = russian
    en_rubric = ru_rubrics["economy"].__class__.objects.get(
        locale__language_code="en", slug="economy"
    )
    en_person = person_make(en_rubric.locale_id, "Ivan Petrovich")
    ru_person = person_make(
        ru_edition.locale_id, "Иван Петрович", translation_key=en_person.translation_key
    )
    story = article_make(en_rubric, headline="Exports grow")
    story.people.add(en_person)
    story.save()
    client.force_login(chief)
    response = translate(client, story, "ru")
    assert response.status_code == 302

    copy = Article.objects.get(translation_key=story.translation_key, locale=ru_edition.locale)
    assert copy.rubric == ru_rubrics["economy"]
    assert not copy.live and copy.version == 0 and copy.public_at is None
    assert list(copy.people.all()) == [ru_person]
    assert client.get(copy.url).status_code == 404, "a draft is not public"


def test_editor_sees_which_editions_have_the_story_and_which_lag(client, russian, chief):
    _, _, ru_rubrics = russian
    en_rubric = ru_rubrics["economy"].__class__.objects.get(
        locale__language_code="en", slug="economy"
    )
    client.force_login(chief)
    with time_machine.travel(NINE, tick=False):
        story = article_make(en_rubric, headline="Exports grow", published_at=NINE)
        translate(client, story, "ru")
    copy = Article.objects.get(translation_key=story.translation_key, locale__language_code="ru")
    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[story.pk])

    with time_machine.travel(NINE + timedelta(minutes=5), tick=False):
        panel = html.fromstring(client.get(edit).content).cssselect(".translations-panel")[0]
    assert "RU" in panel.text_content() and "up to date" in panel.text_content()
    assert panel.cssselect("a")[0].get("href") == reverse(
        "wagtailsnippets_newsroom_article:edit", args=[copy.pk]
    )

    with time_machine.travel(NINE + timedelta(hours=1), tick=False):
        admin_publish(client, story, headline="Exports grow by 12%", change_kind="update")
        panel = html.fromstring(client.get(edit).content).cssselect(".translations-panel")[0]
    assert "out of date" in panel.text_content()
