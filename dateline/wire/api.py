"""The partner API, /api/wire/v1/: list and fetch articles in ninjs 3.1/2.2/1.6 or NewsML-G2.

Views parse the request, call the selectors, render the chosen format. Every error is JSON
`{"error": code, "detail": words}` with its status: 400 for what cannot be understood, 401
for keys, 403 for products the partner lacks, 404, 405, 406 for an Accept header we cannot
serve, 429 with Retry-After over the rate limit, 503 with Retry-After when the database
cannot answer; api_errors.py makes it so for whatever fails.
"""

from datetime import UTC, datetime
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.security import HttpBearer

from dateline.lib.cursors import BadCursor, Cursor
from dateline.lib.ratelimit import client_address

from . import formats, selectors
from .api_errors import NOT_FOUND, WireError, answering_in_json, errors_register
from .formats.render import render_item, render_page
from .items import item_from_version
from .models import ApiKey
from .partners import KeyRefused, api_key_authenticate
from .ratelimit import rate_check, refusal_count, refusals_check

DESCRIPTION = """
Stories of the agency for partners, in IPTC formats. Authenticate every request with
`Authorization: Bearer <key>`. Choose the format with `?format=` or the Accept header:
`application/ninjs+json; version=3.1` (the default; also `application/json`),
`application/ninjs+json; version=2.2`, `application/ninjs+json; version=1.6`,
`application/vnd.iptc.g2.newsitem+xml` (NewsML-G2 2.35). See docs/wire.md.

Every error is JSON `{"error": code, "detail": words}`. 429 and 503 carry `Retry-After`
(seconds); every answer to a valid key carries `RateLimit-Limit`, `RateLimit-Remaining` and
`RateLimit-Reset`. Too many refused keys from one address are answered 429, whatever the key,
until the window ends. HEAD is answered wherever GET is.
"""


class BearerKey(HttpBearer):
    """A partner's API key; the request is counted against the key's rate limit here."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey:
        address = client_address(request)
        if not (refusals := refusals_check(address)).allowed:
            raise _too_many_refusals(refusals)
        try:
            api_key = api_key_authenticate(token.strip())
        except KeyRefused as refused:
            if not (refusals := refusal_count(address)).allowed:
                raise _too_many_refusals(refusals) from None
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


def _too_many_refusals(refusals) -> WireError:
    return WireError(
        429,
        "too_many_refused_keys",
        f"More than {refusals.limit} refused keys from your address; "
        f"try again in {refusals.reset_after} s.",
        headers={"Retry-After": str(refusals.reset_after)},
    )


class WireAPI(NinjaAPI):
    @property
    def urls(self):
        """django-ninja's URLs, each answering in JSON whatever happens around our operations."""
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = answering_in_json(pattern.callback)
        return patterns, app_name, namespace


api = WireAPI(
    title="Dateline wire",
    version="1",
    description=DESCRIPTION,
    urls_namespace="wire",
    auth=BearerKey(),
)
errors_register(api)


class Error(Schema):
    error: str
    detail: str


class ItemPage(Schema):
    format: str
    items: list[dict]
    next: str | None
    latest: str | None
    sent: str


EDITION_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
SLUG_PATTERN = r"^[-\w]+$"
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"


# Optional parameters are `str = None` rather than `str | None`: absent, not null, is how a
# query string leaves one out, and the document then states their limits plainly.
class FormatParam(Schema):
    format: str = Field(None, json_schema_extra={"enum": formats.FORMATS})


class StoryPath(Schema):
    uri: str = Field(max_length=200, description="urn:dateline:<key>:<language>")


class ListParams(FormatParam):
    cursor: str = Field(
        None, max_length=64, pattern=CURSOR_PATTERN, description="`next` of the previous page"
    )
    since: str = Field(
        None,
        min_length=1,
        max_length=40,
        description="ISO 8601 with a time zone, e.g. 2026-11-26T09:00:00Z",
        json_schema_extra={"format": "date-time"},
    )
    edition: str = Field(
        None, max_length=16, pattern=EDITION_PATTERN, description="a language, e.g. en"
    )
    rubric: str = Field(None, max_length=100, pattern=SLUG_PATTERN, description="a rubric's slug")
    limit: int = Field(selectors.PAGE_SIZE, ge=1, le=selectors.MAX_PAGE_SIZE)


def _error(description: str, headers: dict | None = None) -> dict:
    answer = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if headers:
        answer["headers"] = {
            name: {"description": words, "schema": {"type": "integer"}}
            for name, words in headers.items()
        }
    return answer


RETRY = {"Retry-After": "seconds to wait"}
ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 406: Error, 429: Error, 503: Error}
# What each error means here, and the headers it carries, in the OpenAPI document.
ERROR_DOCS = {
    400: _error("A parameter that cannot be understood (the detail says which)"),
    401: _error("No key, or a key that is unknown, revoked or suspended"),
    403: _error("An edition, rubric or story outside your products"),
    404: _error("No such story, edition or rubric for you"),
    406: _error("The Accept header names no media type served here"),
    429: _error("Over the rate limit, or too many refused keys", RETRY),
    503: _error("The wire cannot answer just now", RETRY),
}
JSON_ITEM = {"type": "object", "description": "a ninjs document", "additionalProperties": True}
XML = {"type": "string", "description": "a NewsML-G2 document"}
PAGE_CONTENT = {formats.NEWSMESSAGE_MEDIA_TYPE: {"schema": XML}}
ITEM_CONTENT = {
    formats.NINJS_MEDIA_TYPE: {"schema": JSON_ITEM},
    formats.NEWSITEM_MEDIA_TYPE: {"schema": XML},
}


def read(path: str, **options):
    """A GET operation that answers HEAD too (answering_in_json drops the body)."""

    def register(view):
        api.api_operation(["HEAD"], path, response=ERRORS, include_in_schema=False)(view)
        return api.get(path, **options)(view)

    return register


@read(
    "/items",
    response={200: ItemPage, **ERRORS},
    summary="Stories, newest change first",
    openapi_extra={"responses": {200: {"content": PAGE_CONTENT}, **ERROR_DOCS}},
)
def items(request, params: Query[ListParams]):
    """Articles of your products, each as its newest version, the most recently changed first.

    Poll with `since=` (ISO 8601 with a time zone, e.g. 2026-11-26T09:00:00Z): you get the
    articles that changed after it — new ones, updates, corrections, kills (pubStatus
    canceled) and, without embargo access, articles whose embargo has ended. Follow `next`
    (also in the Link header) for older pages.
    """
    partner = request.auth.partner
    format_name = _format(request, params.format)
    now = timezone.now()
    try:
        after = Cursor.decode(params.cursor) if params.cursor else None
        since = _since(params.since) if params.since else None
        versions = selectors.filtered(
            selectors.partner_versions(partner=partner, now=now),
            partner=partner,
            edition=params.edition,
            rubric=params.rubric,
            since=since,
        )
    except (BadCursor, selectors.BadRequest) as error:
        raise WireError(400, "bad_request", str(error)) from None
    except selectors.NotFound as error:
        raise WireError(404, "not_found", str(error)) from None
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
        # An empty poll hands `since` back, so the next poll goes on from there.
        latest=page.versions[0].changed_at if page.versions else since,
        sent=now,
    )
    response = _response(request, body, content_type)
    if next_cursor:
        query = {**request.GET.dict(), "cursor": next_cursor}
        url = request.build_absolute_uri(f"{request.path}?{urlencode(query)}")
        response["Link"] = f'<{url}>; rel="next"'
    return response


@read(
    "/items/{uri}",
    response={200: None, **ERRORS},
    summary="One story",
    openapi_extra={"responses": {200: {"content": ITEM_CONTENT}, **ERROR_DOCS}},
)
def item(request, story: Path[StoryPath], params: Query[FormatParam]):
    """One article by its URI (urn:dateline:<key>:<language>), as its newest version."""
    partner = request.auth.partner
    uri = story.uri
    format_name = _format(request, params.format)
    now = timezone.now()
    version = selectors.partner_version(partner=partner, now=now, uri=uri)
    if version is None:
        if selectors.outside_products(partner=partner, now=now, uri=uri):
            raise WireError(403, "not_subscribed", "This story is not among your products.")
        raise WireError(404, "not_found", f"No story “{uri}” for you.")
    wire_item = item_from_version(version, show_embargo=partner.embargo_allowed)
    body, content_type = render_item(wire_item, format_name)
    return _response(request, body, content_type)


@api.api_operation(
    ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    "/{path:rest}",
    response=ERRORS,
    include_in_schema=False,
)
def unknown(request, rest: str):
    """Any other address under the API: 404 in JSON, once the key is known good."""
    raise WireError(404, "not_found", NOT_FOUND)


def _format(request, param: str | None) -> str:
    try:
        if param is not None:
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
