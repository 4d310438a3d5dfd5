"""The GIN index PostgreSQL needs for Wagtail's search query.

Wagtail's database backend matches `title || body` of its index table against the query, but
its migrations index `title` and `body` apart, so PostgreSQL reads every row of the index
(a quarter of a second at 100,000 stories). This adds the index on the expression.
"""

from django.db import migrations

NAME = "wagtailsearch_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches its FTS5 table
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} USING gin ((title || body))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
