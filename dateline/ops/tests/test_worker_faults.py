"""The worker outlasts a database that is briefly unavailable: real `manage.py worker`
processes on a SQLite file that another connection locks, and on a PostgreSQL cluster of the
test's own that is stopped and started under them (the shared server is never touched)."""

import glob
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[3]
TABLE = "django_tasks_database_dbtaskresult"

pytestmark = pytest.mark.system


# Only the queue's table: the tasks here touch no other (a full migrate takes a minute).
CREATE_QUEUE = """
from django.db import connection
from django_tasks_db.models import DBTaskResult
with connection.schema_editor() as editor:
    editor.create_model(DBTaskResult)
"""


def pauses_enqueue(*seconds: float, due_in: float = 0) -> str:
    return f"""
from datetime import timedelta
from django.utils import timezone
from dateline.ops.tests.tasks import pause
due = timezone.now() + timedelta(seconds={due_in})
for seconds in {list(seconds)!r}:
    pause.using(run_after=due).enqueue(seconds)
"""


class Queue:
    """A database of its own holding django-tasks' queue, used through manage.py as the
    worker uses it."""

    def __init__(self, url: str):
        self.url = url

    def env(self) -> dict:
        env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
        env["DATABASE_URL"] = self.url
        env["DJANGO_SETTINGS_MODULE"] = "dateline.ops.tests.fault_settings"
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def shell(self, *code: str) -> None:
        command = [sys.executable, "manage.py", "shell", "-c", "\n".join(code)]
        done = subprocess.run(  # noqa: S603
            command, cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-3000:]

    def tasks(self) -> list[tuple[str, str]]:
        """(task name, status) of every task, oldest first."""
        query = f"SELECT task_path, status FROM {TABLE} ORDER BY enqueued_at"  # noqa: S608
        if self.url.startswith("sqlite:"):
            with sqlite3.connect(self.url.removeprefix("sqlite:///")) as connection:
                rows = connection.execute(query).fetchall()
        else:
            with psycopg.connect(self.url) as connection:
                rows = connection.execute(query).fetchall()
        return [(path.rsplit(".", 1)[1], status) for path, status in rows]

    def statuses(self, name: str) -> list[str]:
        return [status for task, status in self.tasks() if task == name]


@contextmanager
def worker_running(queue: Queue, log: Path):
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "worker", "--interval", "0.1"],
            cwd=ROOT,
            env=queue.env(),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until(condition, seconds: float, log: Path, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} not within {seconds} s:\n{tail(log)}"
        time.sleep(0.2)


def tail(log: Path) -> str:
    return log.read_text()[-4000:]


def test_worker_outlasts_a_locked_sqlite_database_and_then_runs_its_queue(tmp_path):
    database = tmp_path / "queue.sqlite3"
    queue = Queue(f"sqlite:///{database}")
    queue.shell(CREATE_QUEUE)
    log = tmp_path / "worker.log"
    with worker_running(queue, log) as worker:
        wait_until(lambda: "SUCCESSFUL" in queue.statuses("heartbeat"), 30, log, "worker up")
        # Tasks that fall due while the worker waits for the lock.
        queue.shell(pauses_enqueue(0, 0, 0, due_in=15))
        locker = sqlite3.connect(database, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        time.sleep(20)
        locker.execute("COMMIT")
        locker.close()

        assert worker.poll() is None, tail(log)
        heartbeats = len(queue.statuses("heartbeat"))
        wait_until(lambda: queue.statuses("pause") == ["SUCCESSFUL"] * 3, 20, log, "all tasks done")
        # The schedule goes on: a new run enqueued after the lock, and run.
        wait_until(
            lambda: queue.statuses("heartbeat")[heartbeats:][:1] == ["SUCCESSFUL"],
            10,
            log,
            "a periodic task enqueued after the lock",
        )
        assert worker.poll() is None, tail(log)
    assert "database is locked" in log.read_text()


class PrivatePostgres:
    """A PostgreSQL cluster of this test's own on a free port, to stop and start at will.
    The server refuses to run as root, so as root it runs as the `postgres` user."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
        self.port = free_port()
        self.bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
        self.as_owner = []
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self.run("initdb", "-D", "data", "-A", "trust", "-U", "postgres", "--no-sync")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, program: str, *args: str) -> None:
        command = [*self.as_owner, str(self.bin / program), *args]
        done = subprocess.run(  # noqa: S603
            command, cwd=self.directory, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", "data", "-l", "server.log", "-o", options, "-w", "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", "data", "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        if (self.directory / "data" / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", "data", "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.directory, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def private_postgres():
    server = PrivatePostgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()


def test_worker_outlasts_a_postgresql_restart_and_runs_what_is_queued_after_it(
    tmp_path, private_postgres
):
    queue = Queue(private_postgres.url)
    queue.shell(CREATE_QUEUE, pauses_enqueue(4))
    log = tmp_path / "worker.log"
    with worker_running(queue, log) as worker:
        wait_until(lambda: queue.statuses("pause") == ["RUNNING"], 30, log, "a task started")

        # The running task ends while the server is down: its result is recorded after.
        private_postgres.stop()
        time.sleep(5)
        private_postgres.start()

        heartbeats = len(queue.statuses("heartbeat"))
        queue.shell(pauses_enqueue(0, 0, 0))
        wait_until(lambda: queue.statuses("pause") == ["SUCCESSFUL"] * 4, 20, log, "all tasks done")
        wait_until(
            lambda: queue.statuses("heartbeat")[heartbeats:][:1] == ["SUCCESSFUL"],
            10,
            log,
            "a periodic task enqueued after the restart",
        )
        assert worker.poll() is None, tail(log)
