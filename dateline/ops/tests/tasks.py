"""Tasks for the worker's own tests, run by a real worker process (test_worker_faults.py)."""

import time

from django_tasks import task


@task()
def pause(seconds: float) -> float:
    """Work that takes a while and touches no table: the worker itself is under test."""
    time.sleep(seconds)
    return seconds


@task()
def heartbeat() -> str:
    return "alive"
