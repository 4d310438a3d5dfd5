from django.db import migrations, models


class Migration(migrations.Migration):
    """The Generation model moves from pagecache to the newsroom; its table stays as it is."""

    dependencies = [
        ("newsroom", "0009_edition_default_image"),
        ("pagecache", "0001_generations"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Generation",
                    fields=[
                        (
                            "scope",
                            models.CharField(max_length=16, primary_key=True, serialize=False),
                        ),
                        ("value", models.BigIntegerField(default=0)),
                    ],
                    options={"db_table": "pagecache_generation"},
                ),
            ],
            database_operations=[],
        ),
    ]
