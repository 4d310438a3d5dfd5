"""The production recipe of docs/production.md, run here by deploy/check.py: gunicorn, the
task worker and nginx in front (caching, and purged by the worker when a story is published)."""

import subprocess
import sys
from pathlib import Path

import psycopg
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
SCRATCH = "dateline_recipe_check"


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


def test_nginx_serves_readers_and_a_published_story_reaches_them_within_a_second():
    command = [sys.executable, "deploy/check.py"]
    url = scratch_database_url()
    if url:
        command += ["--database-url", url]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)  # noqa: S603
    report = done.stdout[-4000:] + done.stderr[-4000:]
    assert done.returncode == 0, report
    assert "second reader of /en/news/: 200, nginx HIT" in done.stdout, report
    assert "signed-in editor: 200, nginx BYPASS" in done.stdout, report
    assert "recipe check passed" in done.stdout, report
