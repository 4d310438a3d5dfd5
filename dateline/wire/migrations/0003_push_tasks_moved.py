from django.db import migrations

MOVED = {
    "dateline.wire.push.tasks.wire_fan_out": "dateline.wire.push.deliveries.wire_fan_out",
    "dateline.wire.push.tasks.wire_deliver": "dateline.wire.push.deliveries.wire_deliver",
}


def tasks_follow(apps, schema_editor):
    # Retries are queued for minutes ahead: the ones waiting must find the tasks in their module.
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    for old, new in MOVED.items():
        results.filter(task_path=old).update(task_path=new)


def tasks_go_back(apps, schema_editor):
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    for old, new in MOVED.items():
        results.filter(task_path=new).update(task_path=old)


class Migration(migrations.Migration):
    dependencies = [
        ("wire", "0002_delivery_log_keeps_status_and_timing_only"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(tasks_follow, tasks_go_back)]
