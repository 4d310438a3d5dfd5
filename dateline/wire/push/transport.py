"""One POST to a partner's server: to a vetted address only, with a timeout, no redirects.

The socket goes to the address `destination_vet` checked (`connect_to`: resolving the host
again could give another answer), while the Host header and the TLS certificate check still
use the URL's host name. Only the status and the time are kept: what a server says back is
none of the log's business (it could be anything the URL reached).
"""

import time
from dataclasses import dataclass

from dateline.lib.httpclient import ANY_STATUS, HttpError, http_request

from .destinations import DestinationError, ForbiddenDestination, destination_vet


@dataclass(frozen=True)
class PostResult:
    status_code: int | None  # None when no HTTP answer came back
    error: str
    duration_ms: int
    refused: bool = False  # never sent: the destination is forbidden

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def http_post(url: str, *, body: bytes, headers: dict[str, str], timeout: float) -> PostResult:
    """POST `body` if `url` may be pushed to; any answer is a result, refusals included."""
    started = time.perf_counter()
    try:
        destination = destination_vet(url)
    except ForbiddenDestination as error:
        return PostResult(None, f"refused: {error}"[:300], 0, refused=True)
    except DestinationError as error:
        return PostResult(None, str(error)[:300], _ms(started))
    try:
        answer = http_request(
            url,
            method="POST",
            body=body,
            headers=headers,
            timeout=timeout,
            ok=ANY_STATUS,
            read_body=False,
            connect_to=destination.addresses,
        )
    except HttpError as error:
        return PostResult(None, error.message[:300], _ms(started))
    status = answer.status
    # A redirect would turn our POST into a GET elsewhere: the partner must fix the URL.
    error = "" if 200 <= status < 300 else f"HTTP {status}"
    if 300 <= status < 400:
        error += " (redirects are not followed)"
    return PostResult(status, error, _ms(started))


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
