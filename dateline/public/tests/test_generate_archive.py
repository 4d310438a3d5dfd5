"""`manage.py generate_archive`: years of public stories in bulk, resumable."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Max, Min
from lxml import html

from dateline.newsroom.models import Article, ArticleVersion
from dateline.test import edition_make


def generate(**options) -> str:
    out = io.StringIO()
    call_command("generate_archive", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_archive_fills_editions_with_public_stories_over_the_years(client, english):
    edition_make("ru")
    generate(articles=60, editions="en,ru", years=2, batch_size=25)
    archive = Article.objects.filter(live=True, version=1)
    assert archive.count() == 60
    assert archive.filter(locale__language_code="ru").count() == 30
    span = archive.aggregate(first=Min("public_at"), last=Max("public_at"))
    assert (span["last"] - span["first"]).days >= 700
    assert ArticleVersion.objects.filter(article__in=archive, kind="first").count() == 60
    story = archive.filter(locale__language_code="en").first()
    assert client.get(story.url).status_code == 200
    assert len(story.body) >= 4


def test_running_again_finishes_the_archive_without_duplicates(english):
    generate(articles=30, editions="en", batch_size=10)
    output = generate(articles=50, editions="en", batch_size=10)
    assert "Inserted 20 stories (30 already there)" in output
    assert Article.objects.count() == 50


def test_archive_stories_are_found_by_search_when_indexed(client, english):
    generate(articles=40, editions="en", batch_size=15, index=True)
    story = Article.objects.order_by("-public_at").first()
    response = client.get("/en/search/", {"q": story.headline, "sort": "date"})
    results = html.fromstring(response.content).cssselect(".results h2 a")
    assert story.headline in [a.text_content() for a in results]


def test_unknown_edition_is_a_clear_error(db):
    with pytest.raises(CommandError, match="demo_content"):
        generate(articles=10, editions="xx")
