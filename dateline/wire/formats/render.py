"""Bytes on the wire: one item, or a page of items, in the format a partner chose."""

import json
from datetime import datetime

from ..items import WireItem
from . import NEWSMESSAGE_MEDIA_TYPE, NEWSML_G2, NINJS_16, NINJS_22, NINJS_31, media_type
from .newsml import news_item_bytes, news_message_bytes
from .ninjs import ninjs_16, ninjs_22, ninjs_31, time

NINJS = {NINJS_31: ninjs_31, NINJS_22: ninjs_22, NINJS_16: ninjs_16}


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def render_item(item: WireItem, format_name: str) -> tuple[bytes, str]:
    """(body, Content-Type) of one item."""
    if format_name == NEWSML_G2:
        return news_item_bytes(item), media_type(NEWSML_G2)
    return _json(NINJS[format_name](item)), media_type(format_name)


def render_page(
    items: list[WireItem],
    format_name: str,
    *,
    next_cursor: str | None,
    latest: datetime | None,
    sent: datetime,
) -> tuple[bytes, str]:
    """(body, Content-Type) of a page of the list.

    JSON formats: {"format", "items": [ninjs…], "next", "latest"}. NewsML-G2: a newsMessage
    whose itemSet holds the newsItems; `next` travels in the Link header for every format.
    """
    if format_name == NEWSML_G2:
        return news_message_bytes(items, sent=sent), f"{NEWSMESSAGE_MEDIA_TYPE}; charset=utf-8"
    document = {
        "format": format_name,
        "items": [NINJS[format_name](item) for item in items],
        "next": next_cursor,
        "latest": latest.isoformat() if latest else None,
        "sent": time(sent),
    }
    return _json(document), "application/json"
