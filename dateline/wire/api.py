"""The partner API, /api/wire/v1/: list and fetch stories in ninjs 3.1/2.2/1.6 or NewsML-G2.

Views parse the request, call the selectors, render the chosen format. Every error is JSON
`{"error": code, "detail": words}` with its status: 400 for what cannot be understood, 401
for keys, 403 for products the partner lacks, 404, 406 for an Accept header we cannot serve,
429 with Retry-After over the rate limit.
"""

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from . import formats, selectors
from .formats.render import render_item, render_page
from .items import item_from_version
from .models import ApiKey
from .partners import KeyRefused, api_key_authenticate
from .ratelimit import rate_check

DESCRIPTION = """
Stories of the agency for partners, in IPTC formats. Authenticate every request with
`Authorization: Bearer <key>`. Choose the format with `?format=` or the Accept header:
`application/ninjs+json; version=3.1` (the default; also `application/json`),
`application/ninjs+json; version=2.2`, `application/ninjs+json; version=1.6`,
`application/vnd.iptc.g2.newsitem+xml` (NewsML-G2 2.35). See docs/wire.md.
"""


class WireError(HttpError):
    def __init__(self, status_code: int, code: str, detail: str, headers=None):
        super().__init__(status_code, detail)
        self.code = code
        self.headers = headers or {}


class BearerKey(HttpBearer):
    """A partner's API key; the request is counted against the key's rate limit here."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey:
        try:
            api_key = api_key_authenticate(token.strip())
        except KeyRefused as refused:
            raise WireError(401, "invalid_key", str(refused)) from None
        allowance = rate_check(api_key.pk)
        request.rate_headers = {
            "RateLimit-Limit": str(allowance.limit),
            "RateLimit-Remaining": str(allowance.remaining),
            "RateLimit-Reset": str(allowance.reset_after),
        }
        if not allowance.allowed:
            raise WireError(
                429,
                "rate_limited",
                f"More than {allowance.limit} requests in {allowance.reset_after} s; "
                "wait and try again.",
                headers={"Retry-After": str(allowance.reset_after), **request.rate_headers},
            )
        return api_key


api = NinjaAPI(
    title="Dateline wire",
    version="1",
    description=DESCRIPTION,
    urls_namespace="wire",
    auth=BearerKey(),
)


def _error(request, status: int, code: str, detail: str, headers=None) -> HttpResponse:
    response = api.create_response(request, {"error": code, "detail": detail}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="wire"'
    return response


@api.exception_handler(WireError)
def _wire_error(request, exc: WireError):
    return _error(request, exc.status_code, exc.code, str(exc), exc.headers)


@api.exception_handler(AuthenticationError)
def _no_key(request, exc):
    return _error(request, 401, "missing_key", "Send your key as “Authorization: Bearer <key>”.")


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    reasons = "; ".join(
        f"{'.'.join(str(part) for part in error.get('loc', [])[1:])}: {error.get('msg')}"
        for error in exc.errors
    )
    return _error(request, 400, "bad_request", reasons or "Invalid request.")


class Error(Schema):
    error: str
    detail: str


class ItemPage(Schema):
    format: str
    items: list[dict]
    next: str | None
    latest: str | None
    sent: str


class ListParams(Schema):
    cursor: str | None = None
    since: str | None = None
    edition: str | None = None
    rubric: str | None = None
    format: str | None = None
    limit: int = selectors.PAGE_SIZE


ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 406: Error, 429: Error}
XML_CONTENT = {
    formats.NEWSMESSAGE_MEDIA_TYPE: {"schema": {"type": "string", "format": "xml"}},
}


@api.get(
    "/items",
    response={200: ItemPage, **ERRORS},
    summary="Stories, newest change first",
    openapi_extra={"responses": {200: {"content": XML_CONTENT}}},
)
def items(request, params: Query[ListParams]):
    """Stories of your products, each as its newest version, the most recently changed first.

    Poll with `since=` (ISO 8601 with a time zone, e.g. 2026-11-26T09:00:00Z): you get the
    stories that changed after it — new ones, updates, corrections, kills (pubStatus
    canceled) and, without embargo access, stories whose embargo has ended. Follow `next`
    (also in the Link header) for older pages.
    """
    partner = request.auth.partner
    format_name = _format(request, params.format)
    if not 1 <= params.limit <= selectors.MAX_PAGE_SIZE:
        raise WireError(400, "bad_request", f"limit is 1 to {selectors.MAX_PAGE_SIZE}.")
    now = timezone.now()
    try:
        after = selectors.Cursor.decode(params.cursor) if params.cursor else None
        since = _since(params.since) if params.since else None
        versions = selectors.filtered(
            selectors.partner_versions(partner=partner, now=now),
            partner=partner,
            edition=params.edition,
            rubric=params.rubric,
            since=since,
        )
    except selectors.BadRequest as error:
        raise WireError(400, "bad_request", str(error)) from None
    except selectors.Forbidden as error:
        raise WireError(403, "not_subscribed", str(error)) from None
    page = selectors.page_of(
        selectors.with_item_relations(versions), after=after, size=params.limit
    )
    show_embargo = partner.embargo_allowed
    wire_items = [item_from_version(v, show_embargo=show_embargo) for v in page.versions]
    next_cursor = page.next.encode() if page.next else None
    body, content_type = render_page(
        wire_items,
        format_name,
        next_cursor=next_cursor,
        latest=page.versions[0].changed_at if page.versions else None,
        sent=now,
    )
    response = _response(request, body, content_type)
    if next_cursor:
        query = {**request.GET.dict(), "cursor": next_cursor}
        url = request.build_absolute_uri(f"{request.path}?{urlencode(query)}")
        response["Link"] = f'<{url}>; rel="next"'
    return response


@api.get(
    "/items/{uri}",
    response={200: dict, **ERRORS},
    summary="One story",
    openapi_extra={
        "responses": {
            200: {"content": {formats.NEWSITEM_MEDIA_TYPE: {"schema": {"type": "string"}}}}
        }
    },
)
def item(request, uri: str, format: str | None = None):
    """One story by its URI (urn:dateline:<key>:<language>), as its newest version."""
    partner = request.auth.partner
    format_name = _format(request, format)
    now = timezone.now()
    version = selectors.partner_version(partner=partner, now=now, uri=uri)
    if version is None:
        if selectors.outside_products(partner=partner, now=now, uri=uri):
            raise WireError(403, "not_subscribed", "This story is not among your products.")
        raise WireError(404, "not_found", f"No story “{uri}” for you.")
    wire_item = item_from_version(version, show_embargo=partner.embargo_allowed)
    body, content_type = render_item(wire_item, format_name)
    return _response(request, body, content_type)


def _format(request, param: str | None) -> str:
    try:
        if param:
            return formats.format_from_param(param)
        return formats.format_from_accept(request.headers.get("Accept", ""))
    except formats.UnknownFormat as error:
        raise WireError(400, "bad_format", str(error)) from None
    except formats.NotAcceptable as error:
        raise WireError(406, "not_acceptable", str(error)) from None


def _since(value: str) -> datetime:
    # An unencoded "+" in a query string arrives as a space: "09:00:00 03:00".
    value = value.strip().replace(" ", "+")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise selectors.BadRequest(
            f"since=“{value}” is not an ISO 8601 time, e.g. 2026-11-26T09:00:00Z."
        ) from None
    if moment.tzinfo is None:
        raise selectors.BadRequest("since needs a time zone, e.g. 2026-11-26T09:00:00+03:00.")
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise selectors.BadRequest(f"since=“{value}” names an impossible time.") from None


def _response(request, body: bytes, content_type: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Vary"] = "Accept, Authorization"
    response["Cache-Control"] = "private, no-cache"
    for name, value in getattr(request, "rate_headers", {}).items():
        response[name] = value
    return response
