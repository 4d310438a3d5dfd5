"""Publish → partner receives: latency of a webhook push through the real worker.

    .venv/bin/python bench/wire_push.py                      # SQLite in a temporary folder
    .venv/bin/python bench/wire_push.py --database-url postgres://postgres@127.0.0.1:5432/dateline_bench

Sets up its own database (a fresh SQLite file, or the PostgreSQL database named in the URL,
dropped and created again: its name must start with dateline_bench), an edition, a partner
with a webhook on a local HTTP receiver, and starts `manage.py worker --no-schedule` as a
separate process. Then it publishes articles one at a time through Wagtail's publish (what
the admin's Publish button calls) and measures, for each, the time from the publish call to
the receiver having the signed POST; p50 and p95 are printed, with how long the publish call
itself took (it makes no HTTP call). Everything runs on 127.0.0.1 and stops by itself.
"""

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0


class Arrivals:
    """A receiver's record: the time each article URI arrived."""

    def __init__(self):
        self.times: dict[str, float] = {}
        self.changed = threading.Condition()

    def wait_for(self, uri: str, timeout: float) -> float | None:
        with self.changed:
            self.changed.wait_for(lambda: uri in self.times, timeout=timeout)
            return self.times.get(uri)


def receiver_start(arrivals: Arrivals) -> ThreadingHTTPServer:
    import json

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            arrived = time.time()
            self.send_response(204)
            self.end_headers()
            uri = json.loads(body)["uri"]
            with arrivals.changed:
                arrivals.times.setdefault(uri, arrived)
                arrivals.changed.notify_all()

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def database_prepare(url: str) -> None:
    """A fresh PostgreSQL database for the bench (never the tests' own)."""
    if not url.startswith("postgres"):
        return
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    if not name.startswith("dateline_bench"):
        sys.exit(f"Refusing to drop {name!r}: the bench database's name starts with dateline_bench")
    admin_url = url[: url.rindex("/")] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publishes", type=int, default=50)
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    url = options.database_url or f"sqlite:///{scratch / 'bench.sqlite3'}"
    database_prepare(url)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(scratch / "media"),
        "DJANGO_SETTINGS_MODULE": "dateline.settings",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        # The receiver is on loopback, where pushes go only when allowed by name.
        "WIRE_PUSH_ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("REDIS_URL", None)  # the bench measures the queue, not the cache
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    worker = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        arrivals = Arrivals()
        server = receiver_start(arrivals)
        rubric = setup(server)
        worker = subprocess.Popen(  # noqa: S603 — our own manage.py, fixed arguments
            [sys.executable, str(ROOT / "manage.py"), "worker", "--no-schedule"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(scratch / "worker.log", "w"),  # noqa: SIM115 — closed with the process
        )
        warm_up(rubric, arrivals)
        latencies, publish_calls = measure(rubric, arrivals, options.publishes)
        report(url, latencies, publish_calls, options.publishes)
        server.shutdown()
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
        if os.environ.get("BENCH_KEEP"):
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def setup(server):
    from dateline.test import edition_make
    from dateline.wire.models import Webhook
    from dateline.wire.partners import partner_create

    _, _, rubrics = edition_make("en")
    partner, _ = partner_create(name="Bench partner", editions=["en"])
    host, port = server.server_address[:2]
    Webhook.objects.create(partner=partner, url=f"http://{host}:{port}/hook")
    return rubrics["politics"]


def publish_one(rubric, number: int):
    """Publish a new article as the admin's Publish button does; (uri, seconds the call took)."""
    from dateline.test import article_make
    from dateline.wire.items import item_uri

    draft = article_make(rubric, headline=f"Bench story {number}", live=False)
    started = time.time()
    draft.save_revision().publish()
    return item_uri(draft), started, time.time() - started


def warm_up(rubric, arrivals: Arrivals) -> None:
    uri, _, _ = publish_one(rubric, 0)
    if arrivals.wait_for(uri, timeout=30) is None:
        from django_tasks_db.models import DBTaskResult

        print(list(DBTaskResult.objects.values_list("task_path", "status")))
        sys.exit("The worker delivered nothing within 30 s: is it running?")


def measure(rubric, arrivals: Arrivals, count: int):
    rng = random.Random(1)  # noqa: S311 — spreads publishes, nothing secret
    latencies, publish_calls = [], []
    for number in range(1, count + 1):
        # Publishing at a random moment of the worker's 0.2 s polling cycle.
        time.sleep(rng.uniform(0, 0.3))
        uri, started, call = publish_one(rubric, number)
        arrived = arrivals.wait_for(uri, timeout=30)
        if arrived is None:
            sys.exit(f"Story {number} never arrived")
        latencies.append(arrived - started)
        publish_calls.append(call)
    return latencies, publish_calls


def report(url: str, latencies, publish_calls, count: int) -> None:
    engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    print(f"wire push, {engine}, {count} publishes, worker polling every 0.2 s")
    print(
        f"publish → partner receives: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms (target < {TARGET_SECONDS:g} s: "
        f"{'met' if p95 < TARGET_SECONDS else 'MISSED'})"
    )
    print(
        f"the publish call itself: median {statistics.median(publish_calls) * 1000:.0f} ms, "
        f"max {max(publish_calls) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
