"""The top-level pages of the editions (All news, the rubrics, Projects, Services,
Government Bodies) made translations of each other: same kind and slug under each edition's
home share one translation_key, as `structure.child_page_ensure` now creates them."""

from django.db import migrations


def link(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    first_key = {}
    for page in Page.objects.filter(depth=3).order_by("path"):
        group = (page.content_type_id, page.slug)
        key = first_key.setdefault(group, page.translation_key)
        taken = Page.objects.filter(translation_key=key, locale_id=page.locale_id)
        if page.translation_key != key and not taken.exists():
            Page.objects.filter(pk=page.pk).update(translation_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0001_initial"),
    ]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
