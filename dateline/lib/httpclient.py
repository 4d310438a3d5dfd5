"""Requests to other servers (weather providers, partners' webhooks, the frontend cache), with
the standard library: timeouts, a cap on what is read, a User-Agent, and every way of not
getting a usable answer as one exception, HttpError.

Each caller keeps its own policy: which statuses it takes, what a failure means to it, and
where a request may go — the wire vets a webhook's addresses (wire/push/destinations.py) and
passes them as `connect_to`, so that the socket goes to the very address it checked.

http.client rather than urllib: urllib resolves the host again when it connects (which would
undo that vetting), rewrites header names, and follows redirects on its own.
"""

import gzip
import http.client
import json
import socket
import ssl
import time
from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from django.utils import timezone

USER_AGENT = "Dateline/1"
# Documents we fetch are tens of kilobytes; anything far bigger is not what we asked for.
MAX_BODY = 2 * 1024 * 1024
REDIRECTS = (301, 302, 303, 307, 308)
SUCCESS = range(200, 300)
ANY_STATUS = range(100, 1000)  # for a caller that takes whatever answer comes


class HttpError(Exception):
    """No usable answer. `kind`: "url", "timeout", "connection" (none was sent), "protocol"
    (no valid answer came back), "too_large", "malformed", or "status" (an answer outside the
    caller's `ok`, with its `status` and `headers`). The message is for an operator."""

    def __init__(self, kind: str, message: str, *, status: int | None = None, headers=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.headers: Message = headers if headers is not None else Message()

    def retry_after(self) -> timedelta | None:
        """How long the server asked us to wait (Retry-After: seconds or an HTTP date)."""
        value = self.headers.get("Retry-After", "").strip()
        if value.isdigit():
            return timedelta(seconds=int(value))
        moment = http_date(value)
        return moment - timezone.now() if moment else None


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: Message
    body: bytes

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            raise HttpError("malformed", "malformed JSON") from None


def http_request(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float,
    ok: Container[int] = SUCCESS,
    read_body: bool = True,
    max_body: int = MAX_BODY,
    redirects: int = 0,
    connect_to: tuple[str, ...] | None = None,
) -> HttpResponse:
    """Send one request; an answer with a status in `ok` is returned, anything else raises.

    `timeout` bounds connecting, each read, and reading the whole body, so a server trickling
    bytes cannot hold the caller longer either. `read_body=False` keeps only the status and
    headers. `redirects`: how many to follow (GET only). `connect_to`: the addresses to
    connect to, in order, instead of resolving the URL's host (which still names the Host
    header and the TLS certificate).
    """
    headers = {"User-Agent": USER_AGENT, **(headers or {})}
    if read_body:
        headers.setdefault("Accept-Encoding", "gzip")
    while True:
        response = _exchange(method, url, body, headers, timeout, read_body, max_body, connect_to)
        location = response.headers.get("Location")
        # Never with `connect_to`: the addresses given are the old host's, not the new one's.
        follow = redirects > 0 and method == "GET" and connect_to is None
        if not (follow and location and response.status in REDIRECTS):
            break
        url, redirects = urljoin(url, location), redirects - 1
    if response.status not in ok:
        raise HttpError(
            "status", f"HTTP {response.status}", status=response.status, headers=response.headers
        )
    return response


def _exchange(method, url, body, headers, timeout, read_body, max_body, connect_to):
    connection = _connection(url, timeout, connect_to)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + timeout
    try:
        try:
            connection.request(method, target, body=body, headers=headers)
        except TimeoutError:
            raise _timeout(timeout) from None
        except OSError as error:  # refused, unreachable, TLS handshake failed…
            raise HttpError("connection", f"cannot connect: {error}") from None
        try:
            answer = connection.getresponse()
            data = _read(answer, deadline, timeout, max_body) if read_body else b""
        except TimeoutError:
            raise _timeout(timeout) from None
        except http.client.HTTPException as error:
            raise HttpError("protocol", f"no valid HTTP answer: {error!r}") from None
        except OSError as error:
            raise HttpError("protocol", f"connection failed: {error}") from None
    finally:
        connection.close()
    return HttpResponse(answer.status, answer.headers, _decoded(data, answer.headers))


def _connection(url: str, timeout: float, connect_to) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise HttpError("url", "only http(s) URLs are asked")
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:  # a port that is not a number, or out of range
        raise HttpError("url", f"invalid URL: {error}") from None
    if not host:
        raise HttpError("url", "the URL names no host")
    if parts.scheme == "https":
        connection = _PinnedHTTPS(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        connection = _PinnedHTTP(host, port, timeout=timeout)
    connection.addresses = connect_to
    return connection


class _PinnedHTTP(http.client.HTTPConnection):
    addresses: tuple[str, ...] | None = None

    def connect(self):
        if self.addresses is None:
            return super().connect()
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    addresses: tuple[str, ...] | None = None

    def connect(self):
        if self.addresses is None:
            return super().connect()
        sock = _connect(self.addresses, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _connect(addresses: tuple[str, ...], port: int, timeout: float) -> socket.socket:
    """The first of `addresses` that accepts a connection."""
    error: OSError = OSError("no address")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout=timeout)
        except OSError as failed:
            error = failed
    raise error


def _read(answer, deadline: float, timeout: float, max_body: int) -> bytes:
    chunks, size = [], 0
    # read1: what has arrived, up to 64 KB; read() would wait for all 64 KB of a trickle.
    while chunk := answer.read1(64 * 1024):
        size += len(chunk)
        if size > max_body:
            raise HttpError("too_large", f"answer larger than {max_body // 1024} KB")
        if time.monotonic() > deadline:
            raise _timeout(timeout)
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(body: bytes, headers: Message) -> bytes:
    if not body or headers.get("Content-Encoding", "").lower() != "gzip":
        return body
    try:
        return gzip.decompress(body)
    except (OSError, EOFError):
        raise HttpError("malformed", "malformed gzip body") from None


def _timeout(timeout: float) -> HttpError:
    return HttpError("timeout", f"timeout after {timeout:g} s")


def http_date(value: str | None) -> datetime | None:
    """An HTTP date ("Thu, 26 Nov 2026 12:30:00 GMT") as an aware datetime, None if unreadable."""
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
