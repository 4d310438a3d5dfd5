"""The formats the wire speaks, their media types, and choosing one from a request.

Each format is a pure function of a `WireItem` (dateline.wire.items): no database, no clock.
"""

from dataclasses import dataclass

NINJS_31 = "ninjs-3.1"
NINJS_22 = "ninjs-2.2"
NINJS_16 = "ninjs-1.6"
NEWSML_G2 = "newsml-g2"

FORMAT_CHOICES = [
    (NINJS_31, "ninjs 3.1 (JSON)"),
    (NINJS_22, "ninjs 2.2 (JSON)"),
    (NINJS_16, "ninjs 1.6 (JSON)"),
    (NEWSML_G2, "NewsML-G2 2.35 newsItem (XML)"),
]
FORMATS = [name for name, _ in FORMAT_CHOICES]
DEFAULT_FORMAT = NINJS_31

# IANA registered the G2 item types; ninjs has no registered type, so we name the version
# as a parameter of a plain +json type (application/json is accepted too, meaning 3.1).
NINJS_MEDIA_TYPE = "application/ninjs+json"
NEWSITEM_MEDIA_TYPE = "application/vnd.iptc.g2.newsitem+xml"
NEWSMESSAGE_MEDIA_TYPE = "application/vnd.iptc.g2.newsmessage+xml"


class UnknownFormat(ValueError):
    pass


class NotAcceptable(ValueError):
    pass


def media_type(format_name: str) -> str:
    """The Content-Type of one item in this format."""
    if format_name == NEWSML_G2:
        return f"{NEWSITEM_MEDIA_TYPE}; charset=utf-8"
    return f"{NINJS_MEDIA_TYPE}; version={format_name.removeprefix('ninjs-')}"


def format_from_param(value: str) -> str:
    if value not in FORMATS:
        raise UnknownFormat(f"Unknown format “{value}”: use one of {', '.join(FORMATS)}.")
    return value


@dataclass(frozen=True)
class _Accepted:
    media_type: str
    params: dict[str, str]
    quality: float


def format_from_accept(header: str) -> str:
    """The format an Accept header asks for; the default when it names none of ours.

    `application/ninjs+json; version=2.2` → ninjs-2.2, `application/vnd.iptc.g2.newsitem+xml`
    (or newsmessage, or application/xml) → newsml-g2, `application/json` or `*/*` → ninjs-3.1.
    """
    accepted = sorted(_parse_accept(header), key=lambda a: a.quality, reverse=True)
    if not accepted:
        return DEFAULT_FORMAT
    for item in accepted:
        if item.quality <= 0:
            continue
        if chosen := _format_of(item):
            return chosen
    raise NotAcceptable(
        "None of the Accept header's media types is served here: ask for "
        f"{NINJS_MEDIA_TYPE}; version=3.1|2.2|1.6 or {NEWSITEM_MEDIA_TYPE}."
    )


def _format_of(item: _Accepted) -> str | None:
    if item.media_type == NINJS_MEDIA_TYPE:
        version = item.params.get("version", "3.1")
        name = f"ninjs-{version}"
        return name if name in FORMATS else None
    if item.media_type in (NEWSITEM_MEDIA_TYPE, NEWSMESSAGE_MEDIA_TYPE, "application/xml"):
        return NEWSML_G2
    if item.media_type in ("application/json", "application/*", "*/*"):
        return DEFAULT_FORMAT
    return None


def _parse_accept(header: str) -> list[_Accepted]:
    accepted = []
    for part in header.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        if not pieces[0]:
            continue
        params = {}
        for piece in pieces[1:]:
            name, _, value = piece.partition("=")
            params[name.strip().lower()] = value.strip().strip('"')
        try:
            quality = float(params.pop("q", "1"))
        except ValueError:
            quality = 0.0
        accepted.append(_Accepted(pieces[0].lower(), params, quality))
    return accepted
