"""The hand-off from Wagtail to the pipeline, and the pages Wagtail serves through public."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from dateline.newsroom.models import Article, ArticleVersion
from dateline.newsroom.signals import article_publish_done
from dateline.publishing.receivers import _article_publish_done
from dateline.test import article_make


def test_a_publish_the_pipeline_does_not_record_is_undone(english):
    _, _, rubrics = english
    draft = article_make(rubrics["politics"], headline="Nobody records this", live=False)
    revision = draft.save_revision()
    article_publish_done.disconnect(dispatch_uid="publishing-published")
    try:
        with pytest.raises(ImproperlyConfigured):
            revision.publish()
    finally:
        article_publish_done.connect(_article_publish_done, dispatch_uid="publishing-published")
    draft.refresh_from_db()
    assert not draft.live, "never live without its public version"
    assert not ArticleVersion.objects.filter(article=draft).exists()


def test_a_wagtail_publish_records_the_first_version_in_the_same_call(english):
    _, _, rubrics = english
    draft = article_make(rubrics["politics"], headline="Recorded at once", live=False)
    draft.save_revision().publish()
    article = Article.objects.get(pk=draft.pk)
    assert (article.live, article.version) == (True, 1)
    assert list(article.versions.values_list("kind", flat=True)) == ["first"]


def test_a_rubric_preview_shows_its_reader_page(english):
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Budget adopted in the second reading")
    response = rubrics["politics"].make_preview_request()
    page = response.content.decode()
    assert response.status_code == 200
    assert "Budget adopted in the second reading" in page
    assert "<header" in page, "with the edition's layout"
