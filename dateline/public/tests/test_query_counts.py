"""Every public page type runs a fixed number of queries, whatever the archive holds.

Budgets are what the pages cost as rendered (the page cache off), generations read included;
the scale issue asked for at most 8 on an article and 12 on an edition home.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.directory.models import GovernmentBody, GovernmentBodyCategory, ProjectPage
from dateline.newsroom.generations import generations_raise
from dateline.test import article_make, author_make, image_make, person_make


@pytest.fixture(autouse=True)
def _as_in_production(settings):
    # The page cache is off (these are the queries of a page that is rendered), the parts
    # every page shares are kept in the cache, and generations are read on every request
    # (production reads them at most every 0.25 s: this counts the worse case).
    settings.PAGE_PARTS_CACHE_SECONDS = 60


def queries_for(client, url) -> int:
    client.get(url)  # warm the caches (Wagtail's site root paths, the page parts)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)


def add_stories(edition, rubrics, count, *, start, photo, person, author, project):
    for i in range(count):
        article = article_make(
            rubrics[("politics", "economy", "sport")[i % 3]],
            headline=f"Story {start + i}",
            published_at=datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=start + i),
            lead_image=photo if i % 2 else None,
            lead_image_caption="Caption",
        )
        article.people.add(person)
        article.authors.add(author)
        article.projects.add(project)
        article.tags.add("budget", f"tag{i}")
        article.save()
    generations_raise(edition.locale.language_code)  # as publishing does


@pytest.fixture
def site(english):
    edition, home, rubrics = english
    from dateline.directory.models import ProjectsIndexPage

    index = ProjectsIndexPage.objects.get(locale_id=edition.locale_id)
    project = ProjectPage(
        title="Year of Quality", slug="year-of-quality", locale_id=edition.locale_id
    )
    index.add_child(instance=project)
    project.save_revision().publish()
    category = GovernmentBodyCategory.objects.create(locale_id=edition.locale_id, name="Ministries")
    for i in range(3):
        GovernmentBody.objects.create(
            locale_id=edition.locale_id, category=category, name=f"Ministry {i}"
        )
    person = person_make(edition.locale_id, "Ivan Petrovich", portrait=image_make("Portrait"))
    context = {
        "photo": image_make("Lead"),
        "person": person,
        "author": author_make(edition.locale_id),
        "project": project,
    }
    add_stories(edition, rubrics, 6, start=0, **context)
    return edition, rubrics, context


PAGES = {
    # page type: (url, budget); pages with translations read them (the language switcher)
    "edition home": ("/en/", 6),
    "all news": ("/en/news/", 6),
    "all news, older page": ("/en/news/?before=1780000000000000-1", 6),
    "rubric": ("/en/politics/", 6),
    "article": (None, 8),
    "person": ("/en/people/ivan-petrovich/", 4),
    "author": ("/en/authors/anna-kovalenko/", 4),
    "project": ("/en/projects/year-of-quality/", 12),
    "government bodies": ("/en/government-bodies/", 11),
    "rss": ("/en/rss.xml", 3),
}


@pytest.mark.parametrize("page_type", PAGES)
def test_page_queries_do_not_grow_with_the_archive(client, site, page_type):
    edition, rubrics, context = site
    url, budget = PAGES[page_type]
    if url is None:
        from dateline.newsroom.models import Article

        url = Article.objects.get(headline="Story 3").url
    small = queries_for(client, url)
    add_stories(edition, rubrics, 40, start=100, **context)
    large = queries_for(client, url)
    # (An article may save one: with 46 stories its related ones are found at the first try.)
    assert large <= small, f"{page_type}: {small} queries with 6 stories, {large} with 46"
    assert large <= budget, f"{page_type}: {large} queries, budget {budget}"


def test_an_article_whose_text_is_kept_reads_only_what_changes_between_publishes(
    client, site, settings
):
    """The story's own text kept (as in production): the page reads the story's row (is it
    still public?), its translations and its related stories, and the generations."""
    settings.ARTICLE_CACHE_SECONDS = 3600
    from dateline.newsroom.models import Article

    url = Article.objects.get(headline="Story 3").url
    assert queries_for(client, url) <= 5
