from django.db import migrations


class Migration(migrations.Migration):
    """Generation now belongs to the newsroom app (same table): forget it here."""

    dependencies = [
        ("pagecache", "0001_generations"),
        ("newsroom", "0010_generation_from_pagecache"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Generation")],
            database_operations=[],
        ),
    ]
