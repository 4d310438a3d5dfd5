import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from dateline.ops.periodic import Scheduler


class Command(BaseCommand):
    help = (
        "Run background work: django-tasks' database worker, plus the schedule of periodic "
        "tasks (settings.PERIODIC_TASKS). Run one with the schedule; add more with --no-schedule."
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
        stop = threading.Event()
        if not no_schedule:
            threading.Thread(target=self._schedule, args=(stop,), daemon=True).start()
        try:
            call_command("db_worker", interval=interval, startup_delay=False, verbosity=1)
        finally:
            stop.set()

    def _schedule(self, stop: threading.Event) -> None:
        scheduler = Scheduler()
        while not stop.is_set():
            for path in scheduler.tick():
                self.stdout.write(f"Enqueued {path}")
            close_old_connections()  # this thread's own, as a request would at its end
            stop.wait(1)
