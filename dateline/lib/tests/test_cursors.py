"""The keyset cursor's two spellings: what goes out comes back, and nothing else gets in."""

from datetime import UTC, datetime

import pytest

from dateline.lib.cursors import BadCursor, Cursor

MOMENT = datetime(2026, 11, 26, 12, 0, 0, 123456, tzinfo=UTC)


def test_the_listings_spelling_is_microseconds_and_id_and_reads_back():
    cursor = Cursor(MOMENT, 42)
    assert str(cursor) == "1795694400123456-42"
    assert Cursor.parse(str(cursor)) == cursor


def test_the_wire_spelling_is_opaque_and_reads_back():
    cursor = Cursor(MOMENT, 42)
    token = cursor.encode()
    assert "1795694400123456" not in token and "=" not in token
    assert Cursor.decode(token) == cursor


def test_a_wire_cursor_issued_before_the_shared_class_still_reads():
    # base64 of "v1:1795694400123456:42", as the wire API has always handed them out.
    assert Cursor.decode("djE6MTc5NTY5NDQwMDEyMzQ1Njo0Mg") == Cursor(MOMENT, 42)


@pytest.mark.parametrize("value", ["yesterday", "1-2-3", "", "-1", "12 -3", "1795694400123456-"])
def test_a_malformed_listing_cursor_is_refused_with_its_shape(value):
    with pytest.raises(BadCursor, match="looks like 1764158400000000-123"):
        Cursor.parse(value)


@pytest.mark.parametrize("value", ["bm9wZQ", "%%%", "", "MTc5NTY5NDQwMDEyMzQ1Ni00Mg"])
def test_a_wire_cursor_we_never_issued_is_refused(value):
    with pytest.raises(BadCursor, match="pass back the `next` value"):
        Cursor.decode(value)


def test_the_far_future_is_a_time_a_cursor_may_name():
    # Seventeen digits reach year 5138, inside what a datetime holds: an empty page, no error.
    assert Cursor.parse("99999999999999999-1").at.year == 5138
