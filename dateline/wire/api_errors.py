"""How the partner API answers when it cannot give a partner what was asked, whatever failed.

Every error is JSON `{"error": code, "detail": words}` (the `Error` schema of the OpenAPI
document), never Django's HTML pages and never a redirect into an edition: a bad parameter,
a NUL byte, a key, a method, a path, or a database that cannot answer.
"""

import functools
import logging
from collections.abc import Callable

from django.db import DataError, InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

# A locked or unreachable database usually answers again within seconds (a long write, a
# restart, a failover), so partners are told to come back soon rather than to give up.
UNAVAILABLE_RETRY_AFTER = 5
# The API's own URLs, without the editions' i18n patterns (see `answering_in_json`).
API_URLCONF = "dateline.wire.api_urls"
logger = logging.getLogger(__name__)
NOT_FOUND = "Nothing at this address: the API is described at /api/wire/v1/openapi.json."


class WireError(Exception):
    def __init__(self, status_code: int, code: str, detail: str, headers=None):
        super().__init__(detail)
        self.status_code = status_code
        self.code = code
        self.headers = headers or {}


def error_response(status: int, code: str, detail: str, headers=None) -> HttpResponse:
    response = JsonResponse({"error": code, "detail": detail}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="wire"'
    return response


def _validation_reasons(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in error.get('loc', [])[1:])}: {error.get('msg')}"
        for error in exc.errors
    )


def errors_register(api: NinjaAPI) -> None:
    """Answer every failure inside an operation of `api` in JSON."""
    api.add_exception_handler(
        WireError,
        lambda request, exc: error_response(exc.status_code, exc.code, str(exc), exc.headers),
    )
    api.add_exception_handler(
        AuthenticationError,
        lambda request, exc: error_response(
            401, "missing_key", "Send your key as “Authorization: Bearer <key>”."
        ),
    )
    api.add_exception_handler(
        ValidationError,
        lambda request, exc: error_response(
            400, "bad_request", _validation_reasons(exc) or "Invalid request."
        ),
    )
    for unavailable in (OperationalError, InterfaceError):
        # "database is locked", a refused connection, a lock or statement timeout.
        api.add_exception_handler(unavailable, _database_unavailable)
    # What no parameter check caught but the database refused to hold (a value out of range).
    api.add_exception_handler(
        DataError,
        lambda request, exc: error_response(
            400, "bad_request", "A parameter holds a value that cannot be looked up."
        ),
    )


def _database_unavailable(request, exc) -> HttpResponse:
    # Partners are told to come back; operators need to know why they had to.
    logger.warning("Wire API answered 503: %s", exc, exc_info=exc)
    return error_response(
        503,
        "unavailable",
        f"The wire cannot read its stories just now; try again in {UNAVAILABLE_RETRY_AFTER} s.",
        headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER)},
    )


def _has_nul(request: HttpRequest) -> bool:
    # PostgreSQL cannot compare text with a NUL in it (it raises rather than finding nothing),
    # and no identifier, time or cursor of ours contains one.
    return "\x00" in request.path_info or any(
        "\x00" in name or any("\x00" in value for value in values)
        for name, values in request.GET.lists()
    )


def answering_in_json(view: Callable) -> Callable:
    """Wrap one of the API's URL views so that what Django and django-ninja answer around our
    operations is JSON too: NUL bytes, methods, and HEAD."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # A 404 here is an answer, not a page missing its /en/ prefix: LocaleMiddleware (and
        # APPEND_SLASH) look for a better address in request.urlconf, which has no editions.
        request.urlconf = API_URLCONF
        if _has_nul(request):
            response = error_response(
                400, "bad_request", "The address holds a NUL byte (%00); nothing here has one."
            )
        else:
            try:
                response = view(request, *args, **kwargs)
            except Http404:  # django-ninja's root, /api/wire/v1/, has nothing to show
                response = error_response(404, "not_found", NOT_FOUND)
        if response.status_code == 405 and "Allow" in response:
            response = _method_not_allowed(request, response["Allow"])
        if request.method == "HEAD" and not response.streaming:
            # The headers of GET, Content-Length included, without the body (RFC 9110 9.3.2).
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper


def _method_not_allowed(request: HttpRequest, allow: str) -> HttpResponse:
    methods = sorted({method.strip() for method in allow.split(",")})
    return error_response(
        405,
        "method_not_allowed",
        f"{request.method} is not answered here; use {', '.join(methods)}.",
        headers={"Allow": ", ".join(methods)},
    )
