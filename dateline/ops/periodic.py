"""Periodic background work: enqueue each task of settings.PERIODIC_TASKS when it is due.

The worker runs `Scheduler.tick()` every second beside django-tasks' database worker. A task
is not enqueued again while an earlier run is still waiting or running, so a slow worker
never piles them up. Two workers with schedulers may enqueue the same task twice in the same
second; every periodic task is idempotent, so that costs a little work and nothing else.
A database error stops the tick (the worker waits and ticks again) and leaves what was due
still due, so a lock or a restart delays a periodic task but never skips a run.
"""

import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from dateline.lib.backoff import DATABASE_ERRORS

logger = logging.getLogger(__name__)


@dataclass
class Scheduler:
    """Enqueues periodic tasks: each at start, then every `interval` seconds."""

    schedule: dict[str, float] = field(default_factory=lambda: dict(settings.PERIODIC_TASKS))
    next_due: dict[str, float] = field(default_factory=dict)

    def tick(self, now: float | None = None) -> list[str]:
        """Enqueue what is due; returns the dotted paths enqueued."""
        now = time.monotonic() if now is None else now
        enqueued = []
        for path, interval in self.schedule.items():
            if now < self.next_due.get(path, 0):
                continue
            if not _pending(path):
                try:
                    import_string(path).enqueue()
                except DATABASE_ERRORS:
                    raise
                except Exception:  # one broken task must not stop the others' schedule
                    logger.exception("Could not enqueue periodic task %s", path)
                else:
                    enqueued.append(path)
            self.next_due[path] = now + interval
        return enqueued


def _pending(path: str) -> bool:
    return DBTaskResult.objects.filter(
        task_path=path, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    ).exists()
