"""The production recipe of docs/production.md, run here by deploy/check.py: gunicorn, the
task worker and nginx in front (caching, and purged by the worker when a story is published).

The check runs on a copy of this checkout inside a private (0700) directory, as a checkout
in /root or a mktemp directory is, on ports it picks free, with a Redis of its own."""

import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

# gunicorn, the worker, nginx and redis-server as separate processes.
pytestmark = pytest.mark.system

ROOT = Path(__file__).resolve().parents[3]
SCRATCH = "dateline_recipe_check"
# What the check makes or installs itself; the rest of the checkout is copied.
NOT_COPIED = (".git", ".venv", "node_modules", "var", "media", "static", "db.sqlite3*")


def scratch_database_url() -> str | None:
    """On PostgreSQL, an empty database of its own beside the tests' (None on SQLite: the
    check makes its own file)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return None
    server = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {SCRATCH}")
        connection.execute(f"CREATE DATABASE {SCRATCH}")
    return f"{server}/{SCRATCH}"


def checkout_copy(destination: Path) -> Path:
    """This checkout's files as they are now (edits included), using its environment."""
    shutil.copytree(ROOT, destination, symlinks=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
    (destination / ".venv").symlink_to((ROOT / ".venv").resolve())
    return destination


def test_nginx_serves_readers_and_a_published_story_reaches_them_within_a_second():
    private = Path(tempfile.mkdtemp(prefix="dateline-private-"))
    try:
        assert stat.S_IMODE(private.stat().st_mode) == 0o700
        checkout = checkout_copy(private / "dateline")
        command = [sys.executable, "deploy/check.py"]
        url = scratch_database_url()
        if url:
            command += ["--database-url", url]
        done = subprocess.run(  # noqa: S603
            command, cwd=checkout, capture_output=True, text=True, timeout=900
        )
    finally:
        shutil.rmtree(private, ignore_errors=True)
    report = done.stdout[-4000:] + done.stderr[-4000:]
    assert done.returncode == 0, report
    assert "second reader of /en/news/: 200, nginx HIT" in done.stdout, report
    assert "signed-in editor: 200, nginx BYPASS" in done.stdout, report
    assert "recipe check passed" in done.stdout, report
