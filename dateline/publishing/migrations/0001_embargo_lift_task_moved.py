from django.db import migrations

MOVED = {"dateline.pagecache.tasks.embargo_lift": "dateline.publishing.tasks.embargo_lift"}


def tasks_follow(apps, schema_editor):
    # Embargo lifts are queued for hours ahead: the ones waiting must find the task's new home.
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    for old, new in MOVED.items():
        results.filter(task_path=old).update(task_path=new)


def tasks_go_back(apps, schema_editor):
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    for old, new in MOVED.items():
        results.filter(task_path=new).update(task_path=old)


class Migration(migrations.Migration):
    dependencies = [("django_tasks_database", "0021_conditional_partial_index_ordering")]

    operations = [migrations.RunPython(tasks_follow, tasks_go_back)]
