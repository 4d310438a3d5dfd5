"""Every public page type runs a fixed number of queries, whatever the archive holds.

Budgets are what the pages cost today (first session); the scale issue tightens them.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dateline.directory.models import GovernmentBody, GovernmentBodyCategory, ProjectPage
from dateline.test import article_make, author_make, image_make, person_make


def queries_for(client, url) -> int:
    client.get(url)  # warm Wagtail's cached site root paths, as any running site has them
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
    # page type: (url, budget)
    "edition home": ("/en/", 16),
    "all news": ("/en/news/", 15),
    "all news, older page": ("/en/news/?before=1780000000000000-1", 15),
    "rubric": ("/en/politics/", 15),
    "article": (None, 23),
    "person": ("/en/people/ivan-petrovich/", 15),
    "project": ("/en/projects/year-of-quality/", 15),
    "government bodies": ("/en/government-bodies/", 15),
    "rss": ("/en/rss.xml", 4),
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
    assert large == small, f"{page_type}: {small} queries with 6 stories, {large} with 46"
    assert large <= budget, f"{page_type}: {large} queries, budget {budget}"
