"""Error pages in the edition's language, with the edition's header where it can be had."""

import logging

from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils import translation

from .chrome import page_chrome

logger = logging.getLogger(__name__)


def _render(request, template: str, context: dict | None = None) -> str:
    chrome = None
    try:
        chrome = page_chrome(language=translation.get_language())
    except Exception:  # the error page must render even when the database does not answer
        logger.exception("Could not build the page header for an error page")
    return loader.render_to_string(template, {**(chrome or {}), **(context or {})}, request)


def page_not_found(request, exception=None):
    return HttpResponseNotFound(_render(request, "404.html"))


def bad_request(request, exception=None):
    # Our views raise BadRequest with a reason written for the reader (a malformed cursor).
    # Any other exception's text — SuspiciousOperation naming a refused Host header or a file
    # outside the storage — is for the log Django writes, not for whoever sent the request.
    reason = str(exception) if isinstance(exception, BadRequest) else ""
    return HttpResponseBadRequest(_render(request, "400.html", {"reason": reason}))


def server_error(request):
    return HttpResponseServerError(loader.render_to_string("500.html", {}, request))
