"""django-tasks' database worker, made to outlast a database that is briefly unavailable.

django-tasks-db's worker ignores a locked SQLite only while it selects the next task; a lock
on its BEGIN, a PostgreSQL restart or a lost connection ends the process, and a database
error while it records a task's result loses that result (the task stays "running"). Here
those errors are logged and waited out (`Backoff`), and the loop goes on.
"""

import time

from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from dateline.lib.backoff import DATABASE_ERRORS, Backoff, retry_database_errors


class ResilientWorker(Worker):
    def __init__(self, *, interval: float):
        super().__init__(
            queue_names=["default"],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )

    def run(self) -> None:
        backoff = Backoff()
        while self.running:
            started = time.monotonic()
            try:
                super().run()
            except DATABASE_ERRORS as error:
                if time.monotonic() - started > backoff.cap:
                    backoff.succeeded()  # it ran well for a while: this is a new outage
                backoff.failed("Claiming the next task", error)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # django-tasks records the outcome with these two; one that cannot be saved is
        # saved again once the database answers, so the task is not left "running".
        for record in ("set_successful", "set_failed"):
            original = getattr(db_task_result, record)
            setattr(db_task_result, record, _retrying(original, db_task_result))
        super().run_task(db_task_result)


def _retrying(record, db_task_result: DBTaskResult):
    what = f"Recording the result of task {db_task_result.id} ({db_task_result.task_path})"

    def retried(*args):
        retry_database_errors(lambda: record(*args), what=what)

    return retried
