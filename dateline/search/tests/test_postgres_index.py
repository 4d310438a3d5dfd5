"""The PostgreSQL index that Dateline writes in bulk is the one Wagtail's own indexer writes."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from dateline.lib.searchfields import object_config
from dateline.newsroom.models import Article
from dateline.test import article_make, edition_make

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's index table: run in the PostgreSQL pass of .ci/run",
)
EDITION_MIGRATION = importlib.import_module(
    "dateline.search.migrations.0002_index_rows_name_their_edition"
)
COLUMNS = ("object_id", "title", "autocomplete", "body", "title_norm", "title_text", "body_text")


def _entries() -> list[tuple]:
    return sorted(IndexEntry.objects.values_list(*COLUMNS))


def test_bulk_index_rows_equal_wagtails_own(english, russian):
    chinese = edition_make("zh")
    for (_edition, _home, rubrics), headline, lead in (
        (english, "Presidents meet in Minsk", "Talks on grain exports went on."),
        (russian, "Президент посетил завод", "Рабочие рассказали о планах."),
        (chinese, "白俄罗斯总统访问中国BelAZ卡车", "两国领导人举行会谈。"),
    ):
        article_make(rubrics["politics"], headline=headline, lead=lead, paragraphs=("Body text.",))
    articles = list(Article.objects.all())
    IndexEntry.objects.all().delete()

    backend = get_search_backend()
    backend.add_bulk(Article, articles)
    ours = _entries()

    IndexEntry.objects.all().delete()
    for article in articles:
        PostgresIndex(backend.with_config(object_config(article))).add_items(Article, [article])
    # Ours also name each story's edition in its body vector: the migration that adds that
    # word to rows indexed before gives the same rows.
    with connection.schema_editor() as editor:
        EDITION_MIGRATION.mark(apps, editor)
    wagtails = _entries()

    assert len(ours) == 3
    assert ours == wagtails
    # And the vectors hold what each language's search asks for.
    bodies = " ".join(str(row[3]) for row in ours)
    assert "'presid'" in bodies and "'президент'" in bodies and "'总统'" in bodies
    assert "'edition_en'" in bodies and "'edition_ru'" in bodies and "'edition_zh'" in bodies
