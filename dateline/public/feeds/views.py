"""Feed views: resolve the scope, answer 304 when the reader has it, else serve the feed.

A generated feed is cached under its ETag, so a feed is rendered once per change of its
articles, whatever the number of readers polling it.
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from dateline.lib import cachekeys

from .scope import FeedScope, FeedState, feed_state, scope_resolve
from .syndication import FEED_CLASSES

CACHE_SECONDS = 60 * 60
# Shared caches may keep a feed this long; an embargo lifts or a kill shows within a minute.
MAX_AGE = 60


@require_safe
def edition_feed(request, *, format_name: str):
    return _feed_response(request, format_name=format_name, rubric_slug=None)


@require_safe
def rubric_feed(request, rubric: str, *, format_name: str):
    return _feed_response(request, format_name=format_name, rubric_slug=rubric)


def _feed_response(request, *, format_name: str, rubric_slug: str | None) -> HttpResponse:
    scope = scope_resolve(
        language=translation.get_language(),
        rubric_slug=rubric_slug,
        base_url=request.build_absolute_uri("/"),
        now=timezone.now(),
    )
    state = feed_state(scope, format_name=format_name)
    last_modified = int(state.last_modified.timestamp()) if state.last_modified else None
    response = get_conditional_response(request, etag=state.etag, last_modified=last_modified)
    if response is None:
        response = _feed(request, scope, state, format_name)
    response.headers["ETag"] = state.etag
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(last_modified)
    response.headers["Cache-Control"] = f"max-age={MAX_AGE}"
    return response


def _feed(request, scope: FeedScope, state: FeedState, format_name: str) -> HttpResponse:
    key = cachekeys.feed(state.etag.strip('"'))
    cached = cache.get(key)
    if cached is None:
        response = FEED_CLASSES[format_name]()(request, scope=scope)
        cached = (response["Content-Type"], response.content)
        cache.set(key, cached, CACHE_SECONDS)
    content_type, content = cached
    return HttpResponse(content, content_type=content_type)
