"""Article URLs carry rubric, slug and id; old ones lead to the canonical one."""

from dateline.lib.slugs import slug_from_text
from dateline.test import article_make


def test_article_url_is_rubric_slug_and_id(english):
    _, _, rubrics = english
    article = article_make(rubrics["politics"], headline="Parliament adopts the budget")
    assert article.url == f"/en/politics/parliament-adopts-the-budget-{article.pk}/"


def test_slugs_are_readable_ascii_in_every_script():
    assert slug_from_text("Парламент принял бюджет") == "parlament-prinyal-byudzhet"
    assert slug_from_text("明斯克") == "mingsike"
    assert slug_from_text("!!!") == "item"


def test_old_slug_answers_301_to_canonical_url(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["politics"], headline="New headline")
    response = client.get(f"/en/politics/old-headline-{article.pk}/")
    assert response.status_code == 301
    assert response["Location"] == article.url


def test_article_moved_to_another_rubric_answers_301(client, english):
    _, _, rubrics = english
    article = article_make(rubrics["economy"], headline="Grain harvest exceeds plan")
    response = client.get(f"/en/politics/grain-harvest-exceeds-plan-{article.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/economy/grain-harvest-exceeds-plan-{article.pk}/"


def test_unknown_article_id_is_404(client, english):
    response = client.get("/en/politics/anything-999999/")
    assert response.status_code == 404


def test_draft_article_is_not_public(client, english):
    _, _, rubrics = english
    draft = article_make(rubrics["politics"], headline="Not yet", live=False)
    assert client.get(f"/en/politics/not-yet-{draft.pk}/").status_code == 404


def test_article_of_another_edition_is_not_served_under_this_one(client, russian):
    _, _, ru_rubrics = russian
    article = article_make(ru_rubrics["politics"], headline="Парламент принял бюджет")
    assert client.get(article.url).status_code == 200
    assert client.get(f"/en/politics/{article.slug}-{article.pk}/").status_code == 404
