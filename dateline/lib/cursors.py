"""Keyset pagination, newest first: a cursor names the (time, id) of a page's edge item, so
page 1,000 costs what page 1 costs, and a story published meanwhile shifts nothing.

One position, two spellings, both checked on the way in (BadCursor, with a reason):
- the reader listings' `?before=1764158400000000-123` (microseconds-id), plain because a
  reader's address bar shows it and older pages have been linked that way;
- the wire API's `next`, opaque to partners (base64 of "v1:<microseconds>:<id>"), so that
  they pass it back as is and we may change what it holds behind the "v1".
"""

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Q, QuerySet

PLAIN_RE = re.compile(r"^(\d{1,17})-(\d{1,18})$")
OPAQUE_RE = re.compile(r"^v1:(\d{1,17}):(\d{1,18})$")


class BadCursor(ValueError):
    """A cursor we could not have issued; the message says what is wrong, for the asker."""


@dataclass(frozen=True)
class Cursor:
    at: datetime  # the edge item's time: an article's public_at, a version's changed_at
    id: int  # its primary key, which breaks ties between items of the same microsecond

    @classmethod
    def parse(cls, value: str) -> "Cursor":
        """The listings' plain spelling, "1764158400000000-123"."""
        match = PLAIN_RE.match(value)
        if not match:
            raise BadCursor("A page cursor looks like 1764158400000000-123.")
        moment = _moment(int(match[1]), "The page cursor names an impossible time.")
        return cls(moment, int(match[2]))

    def __str__(self) -> str:
        return f"{self._micros()}-{self.id}"

    @classmethod
    def decode(cls, value: str) -> "Cursor":
        """The wire API's opaque spelling."""
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("ascii")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raw = ""
        match = OPAQUE_RE.match(raw)
        if not match:
            raise BadCursor("Bad cursor: pass back the `next` value of a previous page as is.")
        moment = _moment(int(match[1]), "Bad cursor: it names an impossible time.")
        return cls(moment, int(match[2]))

    def encode(self) -> str:
        raw = f"v1:{self._micros()}:{self.id}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def _micros(self) -> int:
        return int(self.at.timestamp()) * 1_000_000 + self.at.microsecond


def _moment(micros: int, impossible: str) -> datetime:
    try:
        moment = datetime.fromtimestamp(micros // 1_000_000, tz=UTC)
    except (OverflowError, OSError, ValueError) as error:
        raise BadCursor(impossible) from error
    return moment.replace(microsecond=micros % 1_000_000)


def keyset_older(rows: QuerySet, cursor: Cursor, *, field: str) -> QuerySet:
    """The rows after `cursor` in newest-first order (`field`, then id, descending)."""
    # `field <= t` bounds the index scan; the OR only trims ties.
    return rows.filter(**{f"{field}__lte": cursor.at}).filter(
        Q(**{f"{field}__lt": cursor.at}) | Q(**{field: cursor.at, "pk__lt": cursor.id})
    )


def keyset_newer(rows: QuerySet, cursor: Cursor, *, field: str) -> QuerySet:
    """The rows before `cursor` in newest-first order; read them oldest first from it."""
    return rows.filter(**{f"{field}__gte": cursor.at}).filter(
        Q(**{f"{field}__gt": cursor.at}) | Q(**{field: cursor.at, "pk__gt": cursor.id})
    )
