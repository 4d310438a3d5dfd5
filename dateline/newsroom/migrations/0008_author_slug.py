from collections import defaultdict

from django.conf import settings
from django.db import migrations, models

from dateline.lib.slugs import slug_from_text, slug_unused


def slugs_fill(apps, schema_editor):
    """Every existing author gets a slug from their name, unique in their edition."""
    Author = apps.get_model("newsroom", "Author")
    taken = defaultdict(set)
    authors = list(Author.objects.order_by("pk"))
    for author in authors:
        author.slug = slug_unused(slug_from_text(author.name), taken[author.locale_id])
        taken[author.locale_id].add(author.slug)
    Author.objects.bulk_update(authors, ["slug"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0007_article_version_withhold"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="The author page's address; left empty, it is made from the name.",
                max_length=150,
            ),
        ),
        migrations.RunPython(slugs_fill, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="author",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="unique_author_slug_per_locale"
            ),
        ),
    ]
