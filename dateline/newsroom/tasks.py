"""Background work of the newsroom, run by django-tasks."""

import io

from django.core.management import call_command
from django_tasks import task


@task()
def release_scheduled() -> str:
    """Publish what editors scheduled, once its time has come (Wagtail's publish_scheduled).

    Idempotent: Wagtail clears a revision's go-live time when it publishes it, so a second
    run finds nothing; a run that dies half-way leaves the rest for the next one.
    """
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue().strip()
