"""`manage.py demo_content`: parallel stories in four languages, and nothing twice."""

import io
import random

import pytest
from django.core.management import call_command
from django.db.models import Count
from lxml import html

from dateline.directory.models import GovernmentBody, ProjectPage
from dateline.newsroom.models import Article, Author, Edition, Person
from dateline.public.demo import data, text
from dateline.public.demo.kinds import KINDS


def demo_content(**options) -> str:
    out = io.StringIO()
    call_command("demo_content", stdout=out, **options)
    return out.getvalue()


def test_stories_files_are_parallel_to_the_english_one():
    data.check_parallel()


@pytest.mark.parametrize("language", data.LANGUAGES)
def test_planned_stories_render_without_leftover_placeholders(language):
    rng = random.Random(1)
    plans = [text.plan_make(rng) for _ in range(300)]
    assert {plan.kind for plan in plans} == set(KINDS)
    for plan in plans:
        written = text.article_text_render(plan, language)
        words = [written.headline, written.lead, written.caption, *map(_block_text, written.body)]
        assert not any(mark in word for word in words for mark in "{}[]|"), (plan, words)
        assert sum(block["type"] == "paragraph" for block in written.body) >= 4


def test_one_plan_tells_the_same_numbers_in_every_language():
    plan = text.ArticlePlan("exports", "savchenko", None, "minsk", "china", seed=5)
    leads = {language: text.article_text_render(plan, language).lead for language in data.LANGUAGES}
    growth = leads["zh"].split("增长")[1].split("%")[0]
    assert f"{growth}%" in leads["en"]
    assert f"{growth.replace('.', ',')}%" in leads["ru"]
    assert f"{growth.replace('.', ',')}%" in leads["be"]


def test_a_second_run_adds_nothing(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    output = demo_content(articles_per_edition=6)
    counts = _counts()
    demo_content(articles_per_edition=6)

    assert _counts() == counts
    assert counts == {
        "articles": 24,
        "people": 120,
        "authors": 32,
        "projects": 12,
        "government bodies": 56,
    }
    assert "Admin: http://127.0.0.1:8000/admin/ user admin, password dateline-demo" in output


def test_every_demo_edition_has_a_default_picture_for_stories_without_a_photo(
    client, db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    demo_content(articles_per_edition=6)
    demo_content(articles_per_edition=6)
    editions = Edition.objects.select_related("default_image")
    pictures = {edition.language: edition.default_image for edition in editions}
    assert set(pictures) == set(data.LANGUAGES)
    assert len({picture.pk for picture in pictures.values()}) == len(data.LANGUAGES)
    assert {(p.width, p.height) for p in pictures.values()} == {(1200, 630)}
    without_photo = Article.objects.filter(lead_image=None, locale__language_code="ru").first()
    shared = html.fromstring(client.get(without_photo.url).content)
    image = shared.cssselect('meta[property="og:image"]')[0].get("content")
    assert "demo-agency-card-ru" in image


def test_shared_stories_are_translations_readers_can_open_in_every_edition(
    client, db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    demo_content(articles_per_edition=6)

    shared = (
        Article.objects.values("translation_key")
        .annotate(editions=Count("locale"), rubrics=Count("rubric__slug", distinct=True))
        .filter(editions=4)
    )
    assert [row["rubrics"] for row in shared] == [1, 1, 1]
    for article in Article.objects.filter(translation_key=shared[0]["translation_key"]):
        response = client.get(article.url)
        assert response.status_code == 200, article.url
        assert article.headline in response.content.decode()


def _block_text(block: dict) -> str:
    value = block["value"]
    return " ".join(value.values()) if isinstance(value, dict) else value


def _counts() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "people": Person.objects.count(),
        "authors": Author.objects.count(),
        "projects": ProjectPage.objects.count(),
        "government bodies": GovernmentBody.objects.count(),
    }
