"""Background work for the weather, run by django-tasks.

`refresh_weather` is enqueued every 15 minutes and at start by the project's scheduler.
"""

from django_tasks import task

from .refresh import weather_refresh_all


@task()
def refresh_weather() -> list[str]:
    """Refresh every edition's city; the result is the per-edition report, one line each."""
    return [str(report) for report in weather_refresh_all()]
