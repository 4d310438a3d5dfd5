"""A frontend cache backend for nginx (or Varnish) that says when a purge failed.

Wagtail's HTTPBackend logs a failed PURGE and carries on, so a purge lost while nginx
restarts would leave a stale page until it expires. This one raises, and the purge task
retries (see tasks.py). A 404 answer is success: nginx had nothing cached at that URL.
"""

from urllib.parse import urlsplit, urlunsplit

from wagtail.contrib.frontend_cache.backends import HTTPBackend

from dateline.lib.httpclient import HttpError, http_request

PURGED = (*range(200, 300), 404)


class PurgeFailed(Exception):
    pass


class HTTPPurgeBackend(HTTPBackend):
    """LOCATION may end in a path ("http://127.0.0.1/purge"): it is put before the page's."""

    def __init__(self, params):
        self.timeout = float(params.pop("TIMEOUT", 2))
        self.prefix = urlsplit(params["LOCATION"]).path.rstrip("/")
        super().__init__(params)

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        path = self.prefix + parts.path
        target = urlunsplit([self.cache_scheme, self.cache_netloc, path, parts.query, ""])
        try:
            http_request(
                target,
                method="PURGE",
                headers={"Host": parts.netloc},
                timeout=self.timeout,
                ok=PURGED,
                read_body=False,
            )
        except HttpError as error:
            raise PurgeFailed(f"{url}: {error}") from error

    def purge_batch(self, urls) -> None:
        for url in urls:
            self.purge(url)
