"""Government Bodies, Projects and Services as readers see them."""

from lxml import html

from dateline.directory.models import (
    GovernmentBody,
    GovernmentBodyCategory,
    ProjectPage,
    ProjectsIndexPage,
    ServicePage,
    ServicesIndexPage,
)
from dateline.test import article_make


def tree_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return html.fromstring(response.content)


def test_government_bodies_are_listed_by_category_with_contacts(client, english):
    edition, _, _ = english
    ministries = GovernmentBodyCategory.objects.create(
        locale_id=edition.locale_id, name="Ministries"
    )
    committees = GovernmentBodyCategory.objects.create(
        locale_id=edition.locale_id, name="State committees"
    )
    GovernmentBody.objects.create(
        locale_id=edition.locale_id,
        category=ministries,
        name="Ministry of Transport",
        website="https://transport.example.org",
        address="10 Lenin Street, Minsk",
        phone="+375 17 200 00 00",
    )
    GovernmentBody.objects.create(
        locale_id=edition.locale_id, category=committees, name="State Committee for Standards"
    )
    tree = tree_of(client, "/en/government-bodies/")
    sections = tree.cssselect("section.directory-category")
    assert [s.cssselect("h2")[0].text_content() for s in sections] == [
        "Ministries",
        "State committees",
    ]
    entry = sections[0].cssselect(".body-entry")[0]
    assert entry.cssselect("h3")[0].text_content() == "Ministry of Transport"
    assert entry.cssselect("a")[0].get("href") == "https://transport.example.org"
    assert "10 Lenin Street, Minsk" in entry.text_content()
    assert entry.cssselect('a[href^="tel:"]')[0].get("href") == "tel:+375172000000"
    assert sections[1].cssselect("h3")[0].text_content() == "State Committee for Standards"


def test_project_page_lists_its_own_articles(client, english):
    edition, _, rubrics = english
    index = ProjectsIndexPage.objects.get(locale_id=edition.locale_id)
    project = ProjectPage(
        title="Year of Quality", slug="year-of-quality", summary="A year-long series."
    )
    index.add_child(instance=project)
    project.save_revision().publish()
    inside = article_make(rubrics["economy"], headline="Factories adopt new standards")
    inside.projects.add(project)
    inside.save()
    article_make(rubrics["economy"], headline="Unrelated story")

    listing = tree_of(client, "/en/projects/")
    assert [a.text_content() for a in listing.cssselect(".card h2 a")] == ["Year of Quality"]
    tree = tree_of(client, "/en/projects/year-of-quality/")
    assert tree.cssselect("h1")[0].text_content() == "Year of Quality"
    assert [a.text_content() for a in tree.cssselect(".card h3 a")] == [
        "Factories adopt new standards"
    ]


def test_services_index_lists_service_pages(client, english):
    edition, _, _ = english
    index = ServicesIndexPage.objects.get(locale_id=edition.locale_id)
    service = ServicePage(title="Photo bank", slug="photo-bank", summary="Buy our photographs.")
    index.add_child(instance=service)
    service.save_revision().publish()
    tree = tree_of(client, "/en/services/")
    assert [a.text_content() for a in tree.cssselect(".services h2 a")] == ["Photo bank"]
    page = tree_of(client, "/en/services/photo-bank/")
    assert page.cssselect("h1")[0].text_content() == "Photo bank"
    assert page.cssselect("nav.portal a")[1].text_content() == "Services"
