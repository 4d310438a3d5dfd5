"""The HTTP client helper against real servers on 127.0.0.1: what it sends, what it returns,
and each way an answer can fail to come, as one HttpError."""

import contextlib
import gzip
import json
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import time_machine

from dateline.fake_http import Answer, ScriptedServer
from dateline.lib.httpclient import ANY_STATUS, USER_AGENT, HttpError, http_request


@pytest.fixture(scope="module")
def shared_server():
    # One for the module: stopping a server waits out its half-second poll.
    server = ScriptedServer(unscripted=Answer(200, b"unscripted")).start()
    yield server
    server.stop()


@pytest.fixture
def server(shared_server):
    shared_server.script.clear()
    shared_server.requests.clear()
    return shared_server


@pytest.fixture
def raw_server():
    """A TCP server that sends what a test gives it, as it gives it: `serve(chunks, pause)`."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve(chunks: list[bytes], pause: float = 0.0) -> str:
        def run():
            connection, _ = listener.accept()
            with contextlib.suppress(OSError), connection:
                connection.recv(65536)
                for chunk in chunks:
                    connection.sendall(chunk)
                    time.sleep(pause)

        threading.Thread(target=run, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}/"

    with listener:
        yield serve


def error_of(url: str, **kwargs) -> HttpError:
    with pytest.raises(HttpError) as caught:
        http_request(url, **{"timeout": 2, **kwargs})
    return caught.value


def test_a_get_returns_status_headers_and_body_and_says_who_asks(server):
    server.script.append(Answer(203, b"hello", {"X-Kind": "greeting"}))
    response = http_request(f"{server.base_url}/a?b=c", timeout=2)
    assert (response.status, response.headers["X-Kind"], response.body) == (
        203,
        "greeting",
        b"hello",
    )
    [seen] = server.requests
    assert (seen.method, seen.path, seen.query) == ("GET", "/a", {"b": "c"})
    assert seen.headers["User-Agent"] == USER_AGENT


def test_the_callers_headers_go_out_as_written(server):
    http_request(
        server.base_url,
        method="POST",
        body=b'{"a": 1}',
        headers={"User-Agent": "Partner-Push/1", "Dateline-Event": "publish"},
        timeout=2,
    )
    [seen] = server.requests
    assert (seen.method, seen.body) == ("POST", b'{"a": 1}')
    assert seen.headers["User-Agent"] == "Partner-Push/1"
    assert seen.headers["Dateline-Event"] == "publish"  # not "Dateline-event", as urllib sends


def test_json_is_decoded_and_malformed_json_is_an_http_error(server):
    server.script.extend([Answer(200, b'{"temperature": -23}'), Answer(200, b'{"temp')])
    assert http_request(server.base_url, timeout=2).json() == {"temperature": -23}
    with pytest.raises(HttpError) as caught:
        http_request(server.base_url, timeout=2).json()
    assert (caught.value.kind, caught.value.message) == ("malformed", "malformed JSON")


def test_a_gzipped_answer_is_asked_for_and_unpacked(server):
    document = json.dumps({"forecast": "snow"}).encode()
    server.script.append(Answer(200, gzip.compress(document), {"Content-Encoding": "gzip"}))
    assert http_request(server.base_url, timeout=2).body == document
    assert server.requests[0].headers["Accept-Encoding"] == "gzip"
    server.script.append(Answer(200, b"not gzip", {"Content-Encoding": "gzip"}))
    assert error_of(server.base_url).message == "malformed gzip body"


def test_a_status_outside_ok_is_an_error_with_the_status_and_retry_after(server):
    server.script.append(Answer(429, b"slow down", {"Retry-After": "120"}))
    error = error_of(server.base_url)
    assert (error.kind, error.status, error.message) == ("status", 429, "HTTP 429")
    assert error.retry_after() == timedelta(seconds=120)
    server.script.append(Answer(404))
    assert http_request(server.base_url, timeout=2, ok=(404,)).status == 404


@time_machine.travel(datetime(2026, 11, 26, 12, 0, tzinfo=UTC), tick=False)
def test_retry_after_may_be_an_http_date_or_missing(server):
    later = format_datetime(datetime(2026, 11, 26, 12, 5, tzinfo=UTC), usegmt=True)
    server.script.extend([Answer(503, headers={"Retry-After": later}), Answer(503)])
    assert error_of(server.base_url).retry_after() == timedelta(minutes=5)
    assert error_of(server.base_url).retry_after() is None


def test_a_slow_server_is_a_timeout_not_a_wait(server):
    server.script.append(Answer(200, b"late", delay=1.0))
    started = time.monotonic()
    error = error_of(server.base_url, timeout=0.3)
    assert (error.kind, error.message) == ("timeout", "timeout after 0.3 s")
    assert time.monotonic() - started < 0.9


def test_a_server_trickling_bytes_cannot_hold_the_caller_past_the_timeout(raw_server):
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n"
    url = raw_server([head, *[b"x" * 1000] * 100], pause=0.05)
    started = time.monotonic()
    error = error_of(url, timeout=0.5)
    assert error.kind == "timeout"
    assert time.monotonic() - started < 1.5


def test_an_answer_over_the_cap_is_refused(server):
    server.script.append(Answer(200, b"x" * 300_000))
    error = error_of(server.base_url, max_body=200 * 1024)
    assert (error.kind, error.message) == ("too_large", "answer larger than 200 KB")


def test_without_the_body_only_the_status_and_headers_are_read(server):
    server.script.append(Answer(201, b"x" * 300_000, {"X-Id": "7"}))
    response = http_request(server.base_url, timeout=2, read_body=False, max_body=1)
    assert (response.status, response.headers["X-Id"], response.body) == (201, "7", b"")


def test_a_closed_port_is_a_connection_error():
    error = error_of("http://127.0.0.1:1/")
    assert (error.kind, error.status) == ("connection", None)
    assert error.message.startswith("cannot connect: ")


def test_garbage_instead_of_http_is_a_protocol_error(raw_server):
    error = error_of(raw_server([b"SSH-2.0-OpenSSH_9.6\r\n"]))
    assert error.kind == "protocol"
    assert error.message.startswith("no valid HTTP answer: BadStatusLine")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/", "http:///nohost"])
def test_only_http_urls_are_asked(url):
    assert error_of(url).kind == "url"


def test_connect_to_reaches_the_given_address_with_the_urls_host(server):
    port = server.base_url.rsplit(":", 1)[1]
    response = http_request(
        f"http://partner.invalid:{port}/hooks", timeout=2, connect_to=("::1", "127.0.0.1")
    )
    assert response.body == b"unscripted"
    assert server.requests[0].headers["Host"] == f"partner.invalid:{port}"


def test_redirects_are_followed_only_when_asked_and_never_with_connect_to(server):
    moved = Answer(302, headers={"Location": "/new"})
    server.script.extend([moved, Answer(200, b"here")])
    assert http_request(f"{server.base_url}/old", timeout=2, redirects=1).body == b"here"
    assert [seen.path for seen in server.requests] == ["/old", "/new"]

    server.script.append(moved)
    assert error_of(f"{server.base_url}/old").status == 302
    server.script.append(moved)
    host, port = server.base_url.removeprefix("http://").split(":")
    pinned = http_request(
        f"http://partner.invalid:{port}/old",
        timeout=2,
        redirects=5,
        ok=ANY_STATUS,
        connect_to=(host,),
    )
    assert pinned.status == 302
    assert [seen.path for seen in server.requests] == ["/old", "/new", "/old", "/old"]


def test_a_purge_sends_its_method_and_the_pages_host(server):
    server.script.append(Answer(404))
    response = http_request(
        f"{server.base_url}/purge/en/news/",
        method="PURGE",
        headers={"Host": "news.example"},
        timeout=2,
        ok=(200, 404),
        read_body=False,
    )
    assert response.status == 404
    [seen] = server.requests
    assert (seen.method, seen.path, seen.headers["Host"]) == (
        "PURGE",
        "/purge/en/news/",
        "news.example",
    )
