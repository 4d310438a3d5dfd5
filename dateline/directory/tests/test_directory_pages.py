"""Government Bodies, Projects and Services as readers see them."""

from lxml import etree, html

from dateline.directory.models import (
    GovernmentBody,
    GovernmentBodyCategory,
    ProjectPage,
    ProjectsIndexPage,
    ServicePage,
    ServicesIndexPage,
)
from dateline.public.tests.test_seo import hreflang_links
from dateline.test import article_make

SITEMAP = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


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


def test_a_translated_service_names_its_address_and_translations_as_the_sitemap_does(
    client, russian
):
    en_index = ServicesIndexPage.objects.get(locale__language_code="en")
    ru_index = ServicesIndexPage.objects.get(locale__language_code="ru")
    service = ServicePage(title="Photo bank", slug="photo-bank")
    en_index.add_child(instance=service)
    service.save_revision().publish()
    translated = ServicePage(
        title="Фотобанк", slug="photo-bank", translation_key=service.translation_key
    )
    ru_index.add_child(instance=translated)
    translated.save_revision().publish()

    page = tree_of(client, "/ru/services/photo-bank/?utm_source=telegram")
    canonical = "http://testserver/ru/services/photo-bank/"
    assert page.cssselect('link[rel="canonical"]')[0].get("href") == canonical
    expected = {
        "en": "http://testserver/en/services/photo-bank/",
        "ru": canonical,
        "x-default": "http://testserver/en/services/photo-bank/",
    }
    assert hreflang_links(page) == expected
    sitemap = etree.fromstring(client.get("/sitemaps/pages.xml").content)
    [entry] = sitemap.xpath(f"//s:url[s:loc='{canonical}']", namespaces=SITEMAP)
    listed = {
        link.get("hreflang"): link.get("href")
        for link in entry.findall("xhtml:link", namespaces=SITEMAP)
    }
    assert listed == expected


def test_a_directory_page_in_one_edition_names_only_its_address(client, english):
    page = tree_of(client, "/en/government-bodies/")
    canonical = page.cssselect('link[rel="canonical"]')
    assert [link.get("href") for link in canonical] == ["http://testserver/en/government-bodies/"]
    assert hreflang_links(page) == {}
