"""Error pages in the edition's language, with the edition's header where it can be had."""

import logging
import math

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.utils import translation

from .layout import page_layout

logger = logging.getLogger(__name__)


def _render(request, template: str, context: dict | None = None) -> str:
    layout = None
    try:
        layout = page_layout(language=translation.get_language())
    except Exception:  # the error page must render even when the database does not answer
        logger.exception("Could not build the page header for an error page")
    return loader.render_to_string(template, {**(layout or {}), **(context or {})}, request)


def page_not_found(request, exception=None):
    return HttpResponseNotFound(_render(request, "404.html"))


def bad_request(request, exception=None):
    # Our views raise BadRequest with a reason written for the reader (a malformed cursor).
    # Any other exception's text — SuspiciousOperation naming a refused Host header or a file
    # outside the storage — is for the log Django writes, not for whoever sent the request.
    reason = str(exception) if isinstance(exception, BadRequest) else ""
    return HttpResponseBadRequest(_render(request, "400.html", {"reason": reason}))


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in refused after too many failures (AXES_LOCKOUT_CALLABLE):
    429, saying when to try again."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    page = loader.render_to_string("lockout.html", {"minutes": minutes}, request)
    response = HttpResponse(page, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def server_error(request):
    return HttpResponseServerError(loader.render_to_string("500.html", {}, request))
