"""Editors add reporters and people in the admin: an author page's address comes from the
name unless they give one, and an address taken in the edition is refused with a reason."""

from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from dateline.newsroom.models import Author, Person
from dateline.test import author_make, chief_editor_make, person_make


def add_author(client, **fields):
    url = reverse("wagtailsnippets_newsroom_author:add") + "?locale=en"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    for name, value in fields.items():
        data[name] = value
    return client.post(url, data)


def test_an_author_added_without_an_address_gets_one_from_the_name(client, english):
    client.force_login(chief_editor_make())
    response = add_author(client, name="Ольга Петрова", slug="")
    assert response.status_code == 302
    assert Author.objects.get(name="Ольга Петрова").slug == "olga-petrova"


def test_an_address_another_author_of_the_edition_has_is_refused_with_a_reason(client, english):
    author_make(english[0].locale_id, "Anna Kovalenko")
    client.force_login(chief_editor_make())
    response = add_author(client, name="Anna Kovalenko", slug="anna-kovalenko")
    assert response.status_code == 200  # the form again, with the reason
    assert "already exists" in response.content.decode()
    assert Author.objects.filter(name="Anna Kovalenko").count() == 1


def test_a_persons_address_taken_in_the_edition_is_refused_with_a_reason(client, english):
    person_make(english[0].locale_id, "Ivan Petrovich")
    client.force_login(chief_editor_make())
    url = reverse("wagtailsnippets_newsroom_person:add") + "?locale=en"
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data.update({"name": "Ivan Petrovich", "slug": "ivan-petrovich"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Person.objects.filter(name="Ivan Petrovich").count() == 1
