"""Cached pages: what is kept of a response, and where (the shared cache, plus a small copy
in each process so that a hot page costs no network round trip)."""

import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.http import http_date

from dateline.lib.memo import LocalMemo

logger = logging.getLogger(__name__)

# Headers a cached copy must not replay: they belong to the request that rendered it.
PER_REQUEST_HEADERS = {"set-cookie", "content-length"}


@dataclass(frozen=True)
class Entry:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    etag: str
    expires: float  # time.time() after which the copy is not served

    @classmethod
    def from_response(cls, response: HttpResponse, *, seconds: int) -> "Entry":
        etag = response.get("ETag") or f'"{hashlib.md5(response.content).hexdigest()}"'  # noqa: S324 (a fingerprint, not security)
        response["ETag"] = etag
        response.setdefault("Last-Modified", http_date())
        headers = tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in PER_REQUEST_HEADERS
        )
        return cls(response.status_code, headers, response.content, etag, time.time() + seconds)

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


class EntryStore:
    """get/set over the shared cache with a per-process LRU in front. The shared cache
    failing (Redis down) only makes pages uncached: errors are logged, never raised."""

    def __init__(self, local_size: int = 500):
        self._local = LocalMemo(local_size)

    def get(self, key: str) -> Entry | None:
        now = time.time()
        entry = self._local.get(key, now)
        if entry is not None:
            return entry
        try:
            entry = caches[settings.PAGE_CACHE_ALIAS].get(key)
        except Exception:  # the shared cache is down or broken: serve uncached
            logger.warning("page cache unavailable (get)", exc_info=True)
            return None
        if entry is None or entry.expires <= now:
            return None
        self._local.put(key, entry, entry.expires)
        return entry

    def get_local(self, key: str) -> Entry | None:
        """This process's copy only (never the network): for the WSGI fast path."""
        return self._local.get(key, time.time())

    def set(self, key: str, entry: Entry) -> None:
        self._local.put(key, entry, entry.expires)
        timeout = max(1, int(entry.expires - time.time()))
        try:
            caches[settings.PAGE_CACHE_ALIAS].set(key, entry, timeout)
        except Exception:
            logger.warning("page cache unavailable (set)", exc_info=True)

    def clear_local(self) -> None:
        self._local.clear()


store = EntryStore()
