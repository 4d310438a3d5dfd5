"""A story's text is rendered once per published version and cached across the edition's
publishes (public/article_part.py): readers must still see every change to what it shows."""

import io
import time
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from dateline.newsroom.generations import generations_raise
from dateline.newsroom.models import Edition
from dateline.public import article_part
from dateline.test import admin_publish, article_make, author_make, image_make, person_make

pytestmark = pytest.mark.usefixtures("page_cache")


@pytest.fixture
def story(english):
    _, _, rubrics = english
    article = article_make(
        rubrics["politics"],
        headline="Deputies debate the water code",
        paragraphs=("The debate lasted the whole day.",),
    )
    article.people.add(person_make(article.locale_id, "Ivan Petrovich"))
    article.authors.add(author_make(article.locale_id, "Anna Kovalenko"))
    article.tags.add("water")
    article.save()  # a cluster's relations are written when it is saved
    return article


def story_text(url: str, **headers) -> str:
    """The article element, as a new reader gets it."""
    response = Client().get(url, **headers)
    assert response.status_code == 200
    return html.fromstring(response.content).cssselect("article.article")[0].text_content()


def test_another_story_published_leaves_this_text_as_it_was_and_refreshes_the_rest(
    client, english, story, chief
):
    _, _, rubrics = english
    assert "The debate lasted the whole day." in story_text(story.url)
    draft = article_make(rubrics["economy"], headline="Exports rise in October", live=False)
    client.force_login(chief)
    assert admin_publish(client, draft).status_code == 302

    with CaptureQueriesContext(connection) as queries:
        page = Client().get(story.url)
    tree = html.fromstring(page.content)
    # Recent news is the edition's, new story included; the story's text is the cached one.
    recent = [a.text_content().strip() for a in tree.cssselect(".recent h3 a")]
    assert "Exports rise in October" in recent
    assert "The debate lasted the whole day." in tree.cssselect("article.article")[0].text_content()
    # Its byline, people and tags were not read again (they are in the cached text).
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "newsroom_author" not in read and "taggit_tag" not in read


def test_an_update_shows_its_new_text(client, story, chief):
    assert "The debate lasted the whole day." in story_text(story.url)
    client.force_login(chief)
    response = admin_publish(
        client,
        story,
        change_kind="update",
        body=[("paragraph", "<p>Deputies adopted the code late at night.</p>")],
    )
    assert response.status_code == 302
    text = story_text(story.url)
    assert "Deputies adopted the code late at night." in text
    assert "The debate lasted the whole day." not in text
    assert "Updated" in text


def test_renamed_person_author_tag_and_rubric_show_on_the_cached_story(story):
    assert "Ivan Petrovich" in story_text(story.url)
    person = story.people.get()
    person.name = "Ivan P. Petrovich"
    person.save()
    author = story.authors.get()
    author.name = "Anna K. Kovalenko"
    author.save()
    tag = Tag.objects.get(name="water")
    tag.name = "water code"
    tag.save()
    text = story_text(story.url)
    assert "Ivan P. Petrovich" in text and "Anna K. Kovalenko" in text
    assert "#water code" in text

    rubric = story.rubric
    rubric.title = "Politics and Parliament"
    rubric.save_revision().publish()
    assert "Politics and Parliament" in story_text(story.url)


def test_an_authors_new_address_shows_in_the_cached_storys_byline_and_json_ld(story):
    assert "Anna Kovalenko" in story_text(story.url)
    author = story.authors.get()
    author.slug = "anna-kovalenko-minsk"
    author.save()
    tree = html.fromstring(Client().get(story.url).content)
    [link] = tree.cssselect(".byline a[rel=author]")
    assert link.get("href") == "/en/authors/anna-kovalenko-minsk/"
    script = tree.cssselect('script[type="application/ld+json"]')[0].text
    assert "http://testserver/en/authors/anna-kovalenko-minsk/" in script
    assert Client().get(link.get("href")).status_code == 200


def test_shared_links_name_the_address_the_reader_came_by(story, settings):
    settings.ALLOWED_HOSTS = ["news.example.org", "mirror.example.net"]

    def og_url(host):
        response = Client().get(story.url, HTTP_HOST=host)
        tree = html.fromstring(response.content)
        return tree.cssselect('meta[property="og:url"]')[0].get("content")

    assert og_url("news.example.org") == f"http://news.example.org{story.url}"
    assert og_url("mirror.example.net") == f"http://mirror.example.net{story.url}"


def test_a_preview_shows_the_draft_while_readers_get_the_published_text(client, story, chief):
    assert "The debate lasted the whole day." in story_text(story.url)
    client.force_login(chief)
    edit_url = reverse("wagtailsnippets_newsroom_article:edit", args=[story.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="w-editor-form")
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>A sentence in the draft.</p>"))])}
        )
    )
    preview_url = reverse("wagtailsnippets_newsroom_article:preview_on_edit", args=[story.pk])
    assert client.post(preview_url, data).json()["is_valid"] is True
    preview = client.get(preview_url).content.decode()
    assert "A sentence in the draft." in preview
    assert "The debate lasted the whole day." in story_text(story.url)


def test_a_killed_story_is_gone_though_its_text_was_cached(client, story, chief):
    assert story_text(story.url)
    client.force_login(chief)
    kill = reverse("article_kill", args=[story.pk])
    assert client.post(kill, {"reason": "Wrong facts", "confirm": "on"}).status_code == 302
    assert Client().get(story.url).status_code == 410


def test_a_release_that_changes_the_story_template_renders_cached_stories_anew(
    story, settings, tmp_path
):
    assert "Filed by the agency" not in story_text(story.url)
    # The release: the same template with a line added, found first in the template dirs.
    original = (
        Path(settings.BASE_DIR) / "dateline/newsroom/templates/newsroom/includes/article_part.html"
    ).read_text()
    changed = tmp_path / "newsroom" / "includes" / "article_part.html"
    changed.parent.mkdir(parents=True)
    changed.write_text(original.replace("</footer>", "<p>Filed by the agency</p></footer>"))
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    article_part.rendering_fingerprint.cache_clear()  # a new process, as after a deploy
    generations_raise("en")  # a story published since: the page is rendered again
    try:
        assert "Filed by the agency" in story_text(story.url)
    finally:
        article_part.rendering_fingerprint.cache_clear()


def shared_picture(url: str) -> str:
    response = Client().get(url)
    tags = html.fromstring(response.content).cssselect('head meta[property="og:image"]')
    return tags[0].get("content")


def test_the_editions_default_picture_changed_shows_on_a_cached_story_without_a_photo(
    story, settings
):
    settings.PAGE_PARTS_CACHE_SECONDS = 1
    edition = Edition.objects.get(locale_id=story.locale_id)
    edition.default_image = image_make("Agency card", size=(1600, 840))
    edition.save()
    assert "/agency-card" in shared_picture(story.url)

    edition.default_image = image_make("Winter card", size=(1600, 840))
    edition.save()
    assert "/winter-card" in shared_picture(story.url)

    # A new file uploaded for the same picture, as the admin's "Change image file" does.
    card = edition.default_image
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 840), (200, 40, 40)).save(buffer, "JPEG")
    card.file = ImageFile(buffer, name="spring-card.jpg")
    card.save()
    card.renditions.all().delete()
    generations_raise("en")  # another story published: this page is rendered again
    # The editions (and their pictures) are cached as page parts, renewed within a minute:
    # here within a second (Redis expires keys by the real clock).
    time.sleep(settings.PAGE_PARTS_CACHE_SECONDS + 0.1)
    assert "/spring-card" in shared_picture(story.url)
