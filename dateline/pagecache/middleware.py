"""Serve anonymous pages from the cache; first in MIDDLEWARE, so a hit skips everything else.

Why not Django's cache middleware: it costs two cache round trips a hit (the Vary list, then
the page) and can only expire pages by time. Here the key carries the content generation of
the page's edition (see generations.py), so publishing invalidates exactly the pages that may have
changed, at once, and a hit is one lookup (usually in this process's memory).
"""

import hashlib
import re

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from dateline.lib import cachekeys
from dateline.newsroom.generations import SITE, generation_key

from .entries import Entry, store

CACHEABLE_STATUS = {200, 301, 404, 410}
EDITION_PREFIX = re.compile(r"^/([a-z]{2,3})/")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not environ_cacheable(request.META):
            return self.get_response(request)
        request.get_host()  # refuses a host not in ALLOWED_HOSTS before it can make a key
        key = page_key(request.META)
        entry = store.get(key)
        if entry is not None:
            response = entry.response()
            response["X-Page-Cache"] = "hit"
            return conditional(request, response)
        response = self.get_response(request)
        if not response_cacheable(response):
            return response
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS
        )
        store.set(key, Entry.from_response(response, seconds=settings.PAGE_CACHE_SECONDS))
        response["X-Page-Cache"] = "miss"
        return conditional(request, response)


def environ_cacheable(environ: dict) -> bool:
    """A request (its WSGI environ) that may be answered from, and stored in, the cache."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        # Editors (and previews) are never served or stored: anything signed in has a session.
        # (A substring test: a cookie merely resembling it only costs a render.)
        and f"{settings.SESSION_COOKIE_NAME}=" not in environ.get("HTTP_COOKIE", "")
        and not environ.get("PATH_INFO", "").startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def response_cacheable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHEABLE_STATUS
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def page_key(environ: dict) -> str:
    """The cache key of a page: its edition's generation, host, path and query string."""
    path = environ.get("PATH_INFO", "")
    match = EDITION_PREFIX.match(path)
    scope = match.group(1) if match else SITE
    url = "\n".join(
        (
            environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
            environ.get("SCRIPT_NAME", ""),
            path,
            environ.get("QUERY_STRING", ""),
        )
    )
    digest = hashlib.md5(url.encode("latin-1", "replace")).hexdigest()  # noqa: S324 (a key)
    return cachekeys.page(generation_key(scope), digest)


def conditional(request, response):
    """304 Not Modified when the reader's copy (ETag / Last-Modified) is still the page."""
    if response.status_code != 200:
        return response
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
