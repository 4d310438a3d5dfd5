"""The partner API never answers 500 nor HTML: every error is JSON with a reason, as documented."""

import sqlite3
from contextlib import contextmanager
from datetime import UTC, datetime
from urllib.parse import quote

import psycopg
import pytest
import time_machine
from django.db import connection

from dateline.test import article_make, auth, partner_make

API = "/api/wire/v1"
ITEMS = f"{API}/items"
NINE = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def key(wire_partner):
    _, secret = wire_partner
    return secret


def assert_json_error(response, status: int, error: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"] == error and body["detail"]
    return body


@pytest.mark.parametrize(
    "url",
    [
        f"{ITEMS}?since=%00",
        f"{ITEMS}?since=2026-11-26T09:00:00Z%00",
        f"{ITEMS}?cursor=%00",
        f"{ITEMS}?edition=%00",
        f"{ITEMS}?edition=en%00",
        f"{ITEMS}?rubric=%00",
        f"{ITEMS}?rubric=politics%00",
        f"{ITEMS}?format=%00",
        f"{ITEMS}?limit=%00",
        f"{ITEMS}?q=%00",
        f"{ITEMS}?%00=1",
        f"{ITEMS}/%00",
        f"{ITEMS}/urn:dateline:%00:en",
        f"{ITEMS}/%00?format=ninjs-2.2",
        f"{API}/%00",
    ],
)
def test_a_nul_byte_anywhere_in_the_address_is_answered_400_in_json(client, key, url):
    body = assert_json_error(client.get(url, **auth(key)), 400, "bad_request")
    assert "NUL" in body["detail"]


@contextmanager
def database_held_by_another_connection():
    """Another connection holds the table of API keys, as a long write or a migration would."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database is SQLite's shared in-memory one: a second connection to it that
        # writes to a table locks it for every other connection until it commits.
        other = sqlite3.connect(settings["NAME"], uri=True, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE wire_apikey SET label = label")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    other = psycopg.connect(
        dbname=settings["NAME"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"],
    )
    other.execute("LOCK TABLE wire_apikey IN ACCESS EXCLUSIVE MODE")
    with connection.cursor() as cursor:
        # Waiting forever for the lock is what a partner would see; give up quickly instead.
        cursor.execute("SET lock_timeout = '300ms'")
    try:
        yield
    finally:
        other.rollback()
        other.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_that_cannot_answer_is_503_in_json_with_retry_after(client, english):
    _, secret = partner_make(editions=["en"])
    with database_held_by_another_connection():
        busy = client.get(ITEMS, **auth(secret))
        assert_json_error(busy, 503, "unavailable")
        assert 1 <= int(busy["Retry-After"]) <= 60
        assert_json_error(
            client.get(f"{ITEMS}/urn:dateline:x:en", **auth(secret)), 503, "unavailable"
        )
    assert client.get(ITEMS, **auth(secret)).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"{ITEMS}/999999",
        f"{ITEMS}/urn:dateline:6f1c0000-0000-4000-8000-000000000000:en",
        f"{ITEMS}/",
        f"{ITEMS}/999999/",
        f"{API}/nothing",
        f"{API}/nothing/",
        f"{API}/items/a/b",
        f"{API}/",
    ],
)
def test_unknown_stories_and_addresses_are_404_in_json_not_redirects(client, key, path):
    assert_json_error(client.get(path, **auth(key)), 404, "not_found")


def test_an_unknown_address_asks_for_a_key_first(client, key):
    assert_json_error(client.get(f"{API}/nothing"), 401, "missing_key")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
@pytest.mark.parametrize("path", [ITEMS, f"{ITEMS}/urn:dateline:x:en"])
def test_other_methods_are_405_in_json_naming_the_allowed_ones(client, key, method, path):
    response = getattr(client, method)(path, **auth(key))
    assert_json_error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET, HEAD"


def test_head_answers_the_headers_of_get_without_a_body(client, key, english):
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Parliament meets", published_at=NINE)
    uri = quote(f"urn:dateline:{story.translation_key}:en")
    with time_machine.travel(NINE, tick=False):
        for url in (f"{ITEMS}?limit=1", f"{ITEMS}/{uri}?format=newsml-g2", f"{API}/openapi.json"):
            got, head = client.get(url, **auth(key)), client.head(url, **auth(key))
            assert (head.status_code, head.content) == (200, b"")
            assert head["Content-Type"] == got["Content-Type"]
            assert int(head["Content-Length"]) == len(got.content) > 0


def test_an_empty_poll_hands_back_since_so_the_next_poll_goes_on_from_there(client, key):
    since = "2026-11-26T09:00:00.250000Z"
    with time_machine.travel(NINE, tick=False):
        page = client.get(f"{ITEMS}?since={since}", **auth(key)).json()
    assert page["items"] == []
    assert datetime.fromisoformat(page["latest"]) == datetime.fromisoformat(since)


def test_refused_keys_from_one_address_turn_into_429_even_for_a_good_key(client, key, settings):
    settings.WIRE_KEY_REFUSAL_LIMIT = 3
    guesses = [client.get(ITEMS, **auth(f"dlw_guess{n}")) for n in range(4)]
    assert [r.status_code for r in guesses] == [401, 401, 401, 429]
    refused = assert_json_error(client.get(ITEMS, **auth(key)), 429, "too_many_refused_keys")
    assert "refused keys" in refused["detail"]
    assert 1 <= int(guesses[-1]["Retry-After"]) <= settings.WIRE_KEY_REFUSAL_WINDOW
    # Another address, and the same one once the window is over, may go on.
    assert client.get(ITEMS, **auth(key), REMOTE_ADDR="10.0.0.2").status_code == 200
    later = datetime.now(UTC).timestamp() + settings.WIRE_KEY_REFUSAL_WINDOW
    with time_machine.travel(later):
        assert client.get(ITEMS, **auth(key)).status_code == 200


def test_the_openapi_document_states_limits_errors_and_media_types(client):
    document = client.get(f"{API}/openapi.json").json()
    listing = document["paths"][ITEMS]["get"]
    limits = {p["name"]: p["schema"] for p in listing["parameters"]}
    assert (limits["limit"]["minimum"], limits["limit"]["maximum"]) == (1, 100)
    assert limits["cursor"]["maxLength"] and limits["since"]["maxLength"]
    assert limits["format"]["enum"] == ["ninjs-3.1", "ninjs-2.2", "ninjs-1.6", "newsml-g2"]
    story = document["paths"][f"{ITEMS}/{{uri}}"]["get"]
    assert set(story["responses"]["200"]["content"]) == {
        "application/ninjs+json",
        "application/vnd.iptc.g2.newsitem+xml",
    }
    for operation in (listing, story):
        responses = operation["responses"]
        assert {"400", "401", "403", "404", "406", "429", "503"} <= set(responses)
        assert "Retry-After" in responses["429"]["headers"]
        assert "Retry-After" in responses["503"]["headers"]
