"""One POST to a partner's server: to a vetted address only, with a timeout, no redirects.

http.client rather than urllib: urllib resolves the host again when it connects, which
would undo the vetting (a DNS answer can change in between). Here the socket goes to the
address `destination_vet` checked, while the Host header and the TLS certificate check
still use the URL's host name. Only the status and the time are kept: what a server says
back is none of the log's business (it could be anything the URL reached).
"""

import http.client
import socket
import ssl
import time
from dataclasses import dataclass

from .destinations import Destination, DestinationError, ForbiddenDestination, destination_vet


@dataclass(frozen=True)
class PostResult:
    status_code: int | None  # None when no HTTP answer came back
    error: str
    duration_ms: int
    refused: bool = False  # never sent: the destination is forbidden

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, destination: Destination, timeout: float):
        super().__init__(destination.host, destination.port, timeout=timeout)
        self.addresses = destination.addresses

    def connect(self):
        self.sock = _connect(self.addresses, self.port, self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, destination: Destination, timeout: float):
        self.tls = ssl.create_default_context()
        super().__init__(destination.host, destination.port, timeout=timeout, context=self.tls)
        self.addresses = destination.addresses

    def connect(self):
        sock = _connect(self.addresses, self.port, self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def _connect(addresses: tuple[str, ...], port: int, timeout: float) -> socket.socket:
    """The first of the vetted addresses that accepts a connection."""
    error: OSError = OSError("no address")
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout=timeout)
        except OSError as failed:
            error = failed
    raise error


def http_post(url: str, *, body: bytes, headers: dict[str, str], timeout: float) -> PostResult:
    """POST `body` if `url` may be pushed to; any answer is a result, refusals included."""
    started = time.perf_counter()
    try:
        destination = destination_vet(url)
    except ForbiddenDestination as error:
        return PostResult(None, f"refused: {error}"[:300], 0, refused=True)
    except DestinationError as error:
        return PostResult(None, str(error)[:300], _ms(started))
    kind = _PinnedHTTPS if destination.scheme == "https" else _PinnedHTTP
    connection = kind(destination, timeout)
    try:
        connection.request("POST", destination.target, body=body, headers=headers)
        status = connection.getresponse().status
    except TimeoutError:
        return PostResult(None, f"timeout after {timeout:g} s", _ms(started))
    except http.client.HTTPException as error:
        return PostResult(None, f"no valid HTTP answer: {error!r}"[:300], _ms(started))
    except OSError as error:
        return PostResult(None, f"cannot connect: {error}"[:300], _ms(started))
    finally:
        connection.close()
    # A redirect would turn our POST into a GET elsewhere: the partner must fix the URL.
    error = "" if 200 <= status < 300 else f"HTTP {status}"
    if 300 <= status < 400:
        error += " (redirects are not followed)"
    return PostResult(status, error, _ms(started))


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
