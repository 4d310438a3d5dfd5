"""Each story's index row names its edition (PostgreSQL).

From now on a story is indexed with a word for its edition in its body vector
(search.text.edition_lexeme), so that a search for the whole archive reads only its own
edition's matches from the index. This adds that word to the rows already indexed; on a
million stories it rewrites the index table once (minutes).
"""

from django.db import migrations


def mark(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite's FTS5 table is searched another way
    content_types = apps.get_model("contenttypes", "ContentType")
    article = content_types.objects.filter(app_label="newsroom", model="article").first()
    if article is None:
        return  # a new database: stories will be indexed with the word
    index = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    articles = apps.get_model("newsroom", "Article")._meta.db_table
    locales = apps.get_model("wagtailcore", "Locale")._meta.db_table
    schema_editor.execute(
        f"UPDATE {index} AS entry "  # noqa: S608 — table names only; values are parameters
        f"SET body = entry.body || array_to_tsvector(ARRAY['edition_' || locale.language_code]) "
        f"FROM {articles} AS article JOIN {locales} AS locale ON locale.id = article.locale_id "
        "WHERE entry.content_type_id = %s AND entry.object_id = article.id::text "
        "AND NOT entry.body @@ ('edition_' || locale.language_code)::tsquery",
        [article.pk],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("dateline_search", "0001_index_entry_title_body_gin"),
        ("newsroom", "0006_article_admin_order"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop, elidable=False)]
