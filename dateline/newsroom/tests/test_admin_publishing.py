"""An editor writes an article with a lead photo in the Wagtail admin, publishes it, and
readers see it at once."""

import pytest
from django.urls import reverse
from lxml import html
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from dateline.newsroom.models import Article
from dateline.test import article_make, desk_editor_make, editor_form, image_make


@pytest.fixture
def editor(russian):
    from dateline.newsroom.models import Rubric

    rubrics = Rubric.objects.filter(slug__in=["economy", "sport"])
    return desk_editor_make(*rubrics, desk="Business and sport")


def test_editor_writes_and_publishes_an_article_with_a_lead_photo(client, editor):
    from dateline.newsroom.models import Edition, Rubric

    edition = Edition.objects.get(locale__language_code="en")
    rubrics = {r.slug: r for r in Rubric.objects.filter(locale_id=edition.locale_id)}
    photo = image_make("Harvest in the Gomel region")
    client.force_login(editor)
    add_url = reverse("wagtailsnippets_newsroom_article:add") + f"?locale={edition.language}"
    form = client.get(add_url)
    assert form.status_code == 200

    data = editor_form(
        client,
        add_url,
        headline="Farmers bring in a record grain harvest",
        lead="The harvest passed nine million tonnes for the first time.",
        dateline_city="Gomel",
        rubric=rubrics["economy"].pk,
        urgency=3,
        lead_image=photo.pk,
        lead_image_caption="Combines at work near Gomel",
        lead_image_credit="DNA photo",
        tags="harvest, agriculture",
        body=[
            ("paragraph", "<p>Work continued late into the evening.</p>"),
            ("quote", {"text": "This is the best year we remember.", "attribution": "A farmer"}),
        ],
    )
    data["action-publish"] = "action-publish"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    article = Article.objects.get(headline="Farmers bring in a record grain harvest")
    assert article.live
    assert article.first_published_at is not None
    assert article.locale_id == edition.locale_id
    assert article.revisions.count() == 1

    page = client.get(article.url)
    assert page.status_code == 200
    tree = html.fromstring(page.content)
    assert tree.cssselect("h1")[0].text_content() == "Farmers bring in a record grain harvest"
    assert (
        "Combines at work near Gomel" in tree.cssselect(".lead-photo figcaption")[0].text_content()
    )
    assert tree.cssselect(".dateline")[0].text_content().startswith("GOMEL, ")
    assert "This is the best year we remember." in tree.cssselect("blockquote")[0].text_content()
    home = html.fromstring(client.get("/en/").content)
    assert "Farmers bring in a record grain harvest" in [
        a.text_content() for a in home.cssselect("h3 a")
    ]


def test_article_list_in_admin_filters_by_edition_and_searches(client, russian, editor):
    _, _, ru_rubrics = russian
    from dateline.newsroom.models import Rubric

    article_make(
        Rubric.objects.get(locale__language_code="en", slug="sport"),
        headline="Hockey final tonight",
    )
    article_make(ru_rubrics["sport"], headline="Финал по хоккею сегодня")
    client.force_login(editor)
    list_url = reverse("wagtailsnippets_newsroom_article:list")
    ru = client.get(list_url, {"locale": "ru"})
    assert ru.status_code == 200
    assert "Финал по хоккею сегодня" in ru.content.decode()
    assert "Hockey final tonight" not in ru.content.decode()
    found = client.get(list_url, {"q": "Hockey"})
    assert "Hockey final tonight" in found.content.decode()


def test_editor_previews_a_draft_as_readers_will_see_it(client, english, editor):
    _, _, rubrics = english
    draft = article_make(rubrics["economy"], headline="Draft under review", live=False)
    client.force_login(editor)
    edit_url = reverse("wagtailsnippets_newsroom_article:edit", args=[draft.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="w-editor-form")
    data.update(
        nested_form_data(
            {
                "headline": "Draft under review, changed",
                "body": streamfield([("paragraph", rich_text("<p>Preview body.</p>"))]),
            }
        )
    )
    preview_url = reverse("wagtailsnippets_newsroom_article:preview_on_edit", args=[draft.pk])
    assert client.post(preview_url, data).json()["is_valid"] is True
    preview = client.get(preview_url)
    assert preview.status_code == 200
    tree = html.fromstring(preview.content)
    assert tree.cssselect("h1")[0].text_content() == "Draft under review, changed"
    assert tree.cssselect(".dateline")[0].text_content().startswith("MINSK, ")
    draft.refresh_from_db()
    assert draft.headline == "Draft under review" and not draft.live
