"""Settings of the worker processes started by test_worker_faults.py: the project's, with a
schedule that ticks every second so a test sees the scheduler enqueue within its run."""

from dateline.settings import *  # noqa: F403

PERIODIC_TASKS = {"dateline.ops.tests.tasks.heartbeat": 1}
