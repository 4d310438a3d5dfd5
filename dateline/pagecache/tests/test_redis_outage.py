"""Redis going away: pages render uncached, publishing works, the cache comes back alone."""

import socket
import subprocess
import time

import pytest
from django.test import Client

from dateline.pagecache.entries import store
from dateline.test import admin_publish, article_make

# A redis-server of its own, stopped and started again.
pytestmark = [pytest.mark.system, pytest.mark.usefixtures("page_cache")]


class RedisServer:
    """A redis-server of our own on a free port (the shared one is never stopped)."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            ["/usr/bin/redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def redis_server(settings):
    server = RedisServer().start()
    settings.CACHES = {
        "default": {
            "BACKEND": "dateline.lib.rediscache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
    yield server
    if server.process.poll() is None:
        server.stop()


def another_worker_gets(url):
    # Each gunicorn worker keeps its own small copy of hot pages; a fresh one asks Redis.
    store.clear_local()
    return Client().get(url)


def test_pages_and_publishing_go_on_without_redis_and_the_cache_returns(
    client, english, redis_server, desk_editor
):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Before the outage")
    draft = article_make(rubrics["politics"], headline="Published during the outage", live=False)
    assert another_worker_gets(story.url)["X-Page-Cache"] == "miss"
    assert another_worker_gets(story.url)["X-Page-Cache"] == "hit"

    redis_server.stop()
    during = another_worker_gets(story.url)
    assert during.status_code == 200 and "Before the outage" in during.content.decode()
    assert Client().get("/en/search/", {"q": "outage"}).status_code == 200  # rate limit open
    client.force_login(desk_editor)
    assert admin_publish(client, draft).status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert "Published during the outage" in another_worker_gets("/en/news/").content.decode()

    redis_server.start()  # same port, empty, as a restarted Redis is
    time.sleep(1.1)  # the cache asks Redis again a second after the last failure
    assert another_worker_gets(story.url)["X-Page-Cache"] == "miss"
    assert another_worker_gets(story.url)["X-Page-Cache"] == "hit"
