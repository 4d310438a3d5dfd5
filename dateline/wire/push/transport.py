"""One POST to a partner's server with the standard library: a timeout, no redirects."""

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

EXCERPT = 500


@dataclass(frozen=True)
class PostResult:
    status_code: int | None  # None when no HTTP answer came back
    excerpt: str
    error: str
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would turn our POST into a GET elsewhere: the partner must fix the URL.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def http_post(url: str, *, body: bytes, headers: dict[str, str], timeout: float) -> PostResult:
    """POST `body`; any answer is a result, refusals and timeouts included."""
    started = time.perf_counter()
    if not url.startswith(("http://", "https://")):
        return PostResult(None, "", "only http(s) URLs are pushed to", 0)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with _opener.open(request, timeout=timeout) as response:
            excerpt = response.read(EXCERPT)
            return PostResult(response.status, _text(excerpt), "", _ms(started))
    except urllib.error.HTTPError as error:
        excerpt = error.read(EXCERPT)
        error.close()
        return PostResult(error.code, _text(excerpt), f"HTTP {error.code}", _ms(started))
    except TimeoutError:
        return PostResult(None, "", f"timeout after {timeout:g} s", _ms(started))
    except urllib.error.URLError as error:
        reason = error.reason
        text = f"timeout after {timeout:g} s" if isinstance(reason, TimeoutError) else str(reason)
        return PostResult(None, "", f"cannot connect: {text}"[:300], _ms(started))
    except (http.client.HTTPException, OSError) as error:
        return PostResult(None, "", f"connection failed: {error}"[:300], _ms(started))


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")[:EXCERPT]


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
