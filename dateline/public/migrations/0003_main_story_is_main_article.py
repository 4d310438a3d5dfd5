import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Code says article (issue 15); editors still see "Main story". A rename: no data moves."""

    dependencies = [
        ("newsroom", "0010_generation_from_pagecache"),
        ("public", "0002_edition_pages_are_translations"),
    ]

    operations = [
        migrations.RenameField(
            model_name="editionhomepage", old_name="main_story", new_name="main_article"
        ),
        migrations.AlterField(
            model_name="editionhomepage",
            name="main_article",
            field=models.ForeignKey(
                blank=True,
                help_text="Leave empty to lead with the newest story that has a photo.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="newsroom.article",
                verbose_name="main story",
            ),
        ),
    ]
