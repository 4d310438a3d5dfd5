from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest


def released_at_fill(apps, schema_editor):
    ArticleVersion = apps.get_model("newsroom", "ArticleVersion")
    Article = apps.get_model("newsroom", "Article")
    public_at = Article.objects.filter(pk=OuterRef("article_id")).values("public_at")[:1]
    ArticleVersion.objects.update(
        released_at=Greatest(F("created_at"), Coalesce(Subquery(public_at), F("created_at")))
    )


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0003_desks_and_desk_review")]

    operations = [
        migrations.AddField(
            model_name="articleversion",
            name="released_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(released_at_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="articleversion",
            name="released_at",
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name="articleversion",
            index=models.Index(fields=["-released_at", "-id"], name="article_version_released"),
        ),
        migrations.AddIndex(
            model_name="articleversion",
            index=models.Index(fields=["-created_at", "-id"], name="article_version_created"),
        ),
    ]
