import logging
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks_db.compat import TASKS_LOGGER

from dateline.lib.backoff import Backoff
from dateline.ops.periodic import Scheduler
from dateline.ops.worker import ResilientWorker


class Command(BaseCommand):
    help = (
        "Run background work: django-tasks' database worker, plus the schedule of periodic "
        "tasks (settings.PERIODIC_TASKS). Run one with the schedule; add more with --no-schedule. "
        "A database that is locked or restarting is waited out, never the end of the worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-schedule", action="store_true", help="Only run tasks; enqueue nothing."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=0.2,
            help="Seconds to wait for new tasks when the queue is empty (default 0.2).",
        )

    def handle(self, *args, no_schedule=False, interval=0.2, **options):
        # Each task's start and end in the log, as django-tasks' own db_worker shows them.
        for name in (TASKS_LOGGER, "django_tasks_db"):
            logging.getLogger(name).setLevel(logging.INFO)
        stop = threading.Event()
        if not no_schedule:
            threading.Thread(target=self._schedule, args=(stop,), daemon=True).start()
        worker = ResilientWorker(interval=interval)
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()

    def _schedule(self, stop: threading.Event) -> None:
        scheduler = Scheduler()
        backoff = Backoff()
        while not stop.is_set():
            try:
                for path in scheduler.tick():
                    self.stdout.write(f"Enqueued {path}")
            # A scheduler thread that dies does so silently: whatever stops a tick is logged
            # and tried again.
            except Exception as error:
                backoff.failed("Enqueueing periodic tasks", error, stop)
                continue
            backoff.succeeded()
            close_old_connections()  # this thread's own, as a request would at its end
            stop.wait(1)
