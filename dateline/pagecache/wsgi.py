"""Hits answered before Django: no request object, no signals, no middleware.

A hit through the middleware still pays for Django's request cycle (building the request,
the request_started/finished signals that check every database and cache connection, the
response object): 92 µs a page here against 56 µs for the smallest Django view. Here a hit
is a dictionary lookup and a copy of the stored bytes. Everything else — a miss, a stale
generation memo, a signed-in editor, a conditional request — goes on to Django, whose
middleware renders and stores the page.
"""

import time
from http import HTTPStatus

from django.conf import settings

from dateline.newsroom import generations

from .entries import store
from .middleware import environ_cacheable, page_key


class CachedPagesApp:
    def __init__(self, django_app):
        self.django_app = django_app

    def __call__(self, environ, start_response):
        entry = self._hit(environ)
        if entry is None:
            return self.django_app(environ, start_response)
        headers = [*entry.headers, ("X-Page-Cache", "hit")]
        if entry.status == 200 and environ.get("HTTP_IF_NONE_MATCH") == entry.etag:
            kept = {"cache-control", "etag", "expires", "last-modified", "vary", "date"}
            start_response("304 Not Modified", [h for h in headers if h[0].lower() in kept])
            return [b""]
        headers.append(("Content-Length", str(len(entry.content))))
        status = HTTPStatus(entry.status)
        start_response(f"{status.value} {status.phrase}", headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else entry.content]

    def _hit(self, environ):
        if "HTTP_IF_MODIFIED_SINCE" in environ or not environ_cacheable(environ):
            return None
        # Only while this thread's generations are fresh: reading them is Django's job,
        # at the start of a request (see generations.py).
        if not generations.memo_fresh(settings.PAGE_CACHE_GENERATION_SECONDS, time.monotonic()):
            return None
        return store.get_local(page_key(environ))
