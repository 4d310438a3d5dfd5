"""The partner API: keys, products, embargo, formats, polling, pages, limits, and bad input."""

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, auth, image_make, partner_make, person_make
from dateline.wire.partners import api_key_revoke, api_key_rotate
from dateline.wire.schemas import newsml_schema, ninjs_validator

ITEMS = "/api/wire/v1/items"
NINE = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


@pytest.fixture
def stories(english):
    """Three published English stories an hour apart, the newest last."""
    _, _, rubrics = english
    return [
        article_make(rubrics[rubric], headline=headline, published_at=NINE - timedelta(hours=n))
        for n, (rubric, headline) in enumerate(
            [("politics", "Third"), ("economy", "Second"), ("sport", "First")]
        )
    ][::-1]


@pytest.fixture
def key(wire_partner):
    _, secret = wire_partner
    return secret


def get(client, url, secret, **headers):
    return client.get(url, **auth(secret), **headers)


def headlines(response) -> list[str]:
    return [item["headlines"][0]["value"] for item in response.json()["items"]]


def at(moment):
    return time_machine.travel(moment, tick=False)


def test_a_request_without_a_key_or_with_a_bad_one_is_refused_with_a_reason(client, key):
    missing = client.get(ITEMS)
    assert missing.status_code == 401
    assert missing.json()["error"] == "missing_key"
    assert missing["WWW-Authenticate"].startswith("Bearer")
    wrong = client.get(ITEMS, HTTP_AUTHORIZATION="Bearer dlw_not-a-key")
    assert (wrong.status_code, wrong.json()["error"]) == (401, "invalid_key")
    assert client.get(ITEMS, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz").status_code == 401


def test_a_revoked_or_rotated_key_stops_working_at_once(client, english):
    partner, secret = partner_make(editions=["en"])
    assert get(client, ITEMS, secret).status_code == 200
    rotated = api_key_rotate(partner=partner)
    refused = get(client, ITEMS, secret)
    assert refused.status_code == 401
    assert "revoked" in refused.json()["detail"]
    assert get(client, ITEMS, rotated.secret).status_code == 200
    api_key_revoke(api_key=rotated.api_key)
    assert get(client, ITEMS, rotated.secret).status_code == 401


def test_keys_are_stored_only_as_digests(english):
    partner, secret = partner_make(editions=["en"])
    stored = partner.api_keys.get()
    assert secret.startswith("dlw_") and len(secret) > 40
    assert stored.prefix == secret[:12]
    assert secret not in (stored.digest, stored.prefix)


def test_items_are_the_newest_first_and_pages_follow_the_cursor(client, key, stories):
    with at(NINE):
        first = get(client, f"{ITEMS}?limit=2", key)
        assert first.status_code == 200
        assert headlines(first) == ["Third", "Second"]
        cursor = first.json()["next"]
        assert first["Link"].endswith('rel="next"') and cursor in first["Link"]
        second = get(client, f"{ITEMS}?limit=2&cursor={cursor}", key)
        assert headlines(second) == ["First"]
        assert second.json()["next"] is None


def test_polling_with_since_finds_new_versions_kills_included(client, key, stories, chief):
    with at(NINE):
        latest = get(client, ITEMS, key).json()["latest"]
        assert get(client, f"{ITEMS}?since={quote(latest)}", key).json()["items"] == []
    with at(NINE + timedelta(minutes=5)):
        article_kill(article=stories[0], user=chief, reason="Wrong figures.")
        polled = get(client, f"{ITEMS}?since={quote(latest)}", key).json()["items"]
    assert [(item["headlines"][0]["value"], item["pubStatus"]) for item in polled] == [
        ("First", "canceled")
    ]
    # An unencoded "+" arrives as a space; the API reads it as the "+" it was.
    plus = get(client, f"{ITEMS}?since=2026-11-26T09:00:00+03:00", key)
    assert plus.status_code == 200


@pytest.mark.parametrize(
    "query, reason",
    [
        ("since=yesterday", "ISO 8601"),
        ("since=2026-11-26T09:00:00", "time zone"),
        ("since=2026-13-45T09:00:00Z", "ISO 8601"),
        ("cursor=bm9wZQ", "cursor"),
        ("cursor=%%%", "cursor"),
        ("format=ninjs-9", "Unknown format"),
        ("limit=abc", "limit"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("since=0001-01-01T00:00:00%2B05:00", "impossible"),
    ],
)
def test_bad_parameters_are_answered_400_with_the_reason(client, key, query, reason):
    response = get(client, f"{ITEMS}?{query}", key)
    assert response.status_code == 400, response.content
    assert reason in response.json()["detail"]


@pytest.mark.parametrize(
    "query, reason", [("edition=xx", "No edition"), ("rubric=astro", "No rubric")]
)
def test_an_edition_or_rubric_that_does_not_exist_is_not_found(client, key, query, reason):
    response = get(client, f"{ITEMS}?{query}", key)
    assert (response.status_code, response.json()["error"]) == (404, "not_found")
    assert reason in response.json()["detail"]


def test_editions_and_rubrics_outside_the_products_are_forbidden(client, english, russian):
    _, _, en_rubrics = english
    article_make(en_rubrics["economy"], headline="Exports grow")
    article_make(en_rubrics["politics"], headline="Parliament meets")
    _, secret = partner_make(editions=["en"], rubrics=["economy"])
    assert headlines(get(client, ITEMS, secret)) == ["Exports grow"]
    assert headlines(get(client, f"{ITEMS}?edition=en&rubric=economy", secret)) == ["Exports grow"]
    assert get(client, f"{ITEMS}?edition=ru", secret).status_code == 403
    assert get(client, f"{ITEMS}?rubric=politics", secret).json()["error"] == "not_subscribed"


def test_embargoed_stories_exist_only_for_partners_allowed_to_see_them(client, english):
    _, _, rubrics = english
    release = NINE + timedelta(hours=6)
    story = article_make(rubrics["politics"], headline="Budget figures", published_at=NINE)
    story.public_at = release
    story.save(update_fields=["public_at"])
    story.versions.update(released_at=release)  # as a publish under embargo records it
    _, trusted = partner_make("Trusted", editions=["en"], embargo_allowed=True)
    _, regional = partner_make("Regional", editions=["en"])
    uri = quote(f"urn:dateline:{story.translation_key}:en")

    with at(NINE + timedelta(hours=1)):
        [item] = get(client, ITEMS, trusted).json()["items"]
        assert item["embargoedUntil"] == "2026-11-26T12:00:00Z"
        assert get(client, ITEMS, regional).json()["items"] == []
        assert get(client, f"{ITEMS}/{uri}", regional).status_code == 404
        assert get(client, f"{ITEMS}/{uri}", trusted).status_code == 200
    with at(release):
        [item] = get(client, ITEMS, regional).json()["items"]
        assert "embargoedUntil" not in item
        # Its release is news to this partner: a poll since before the release finds it.
        since = quote((release - timedelta(minutes=1)).isoformat())
        assert len(get(client, f"{ITEMS}?since={since}", regional).json()["items"]) == 1


def test_one_story_by_its_uri_in_every_format(client, key, stories):
    uri = f"urn:dateline:{stories[0].translation_key}:en"
    for format_name in ("ninjs-3.1", "ninjs-2.2", "ninjs-1.6"):
        response = get(client, f"{ITEMS}/{quote(uri)}?format={format_name}", key)
        assert response.status_code == 200
        assert response["Content-Type"].endswith(format_name.removeprefix("ninjs-"))
        assert not list(ninjs_validator(format_name).iter_errors(response.json()))
    xml = get(client, f"{ITEMS}/{uri}?format=newsml-g2", key)
    assert xml["Content-Type"] == "application/vnd.iptc.g2.newsitem+xml; charset=utf-8"
    assert newsml_schema().validate(etree.fromstring(xml.content))
    assert get(client, f"{ITEMS}/urn:dateline:nothing:en", key).status_code == 404


def test_a_story_outside_the_products_is_forbidden(client, russian, english):
    story = article_make(english[2]["sport"], headline="Final")
    _, secret = partner_make(editions=["ru"])
    response = get(client, f"{ITEMS}/urn:dateline:{story.translation_key}:en", secret)
    assert response.status_code == 403


@pytest.mark.parametrize(
    "accept, content_type",
    [
        ("application/ninjs+json; version=2.2", "application/json"),
        ("application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml"),
        ("text/html, */*;q=0.1", "application/json"),
        ("", "application/json"),
    ],
)
def test_the_accept_header_chooses_the_format(client, key, stories, accept, content_type):
    response = get(client, ITEMS, key, HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    if content_type == "application/json":
        expected = "ninjs-2.2" if "2.2" in accept else "ninjs-3.1"
        assert response.json()["format"] == expected
    else:
        assert newsml_schema().validate(etree.fromstring(response.content))


def test_an_accept_header_naming_nothing_we_serve_is_answered_406(client, key):
    response = get(client, ITEMS, key, HTTP_ACCEPT="text/html")
    assert (response.status_code, response.json()["error"]) == (406, "not_acceptable")


def test_too_many_requests_get_429_with_retry_after(client, key, settings):
    settings.WIRE_RATE_LIMIT = 3
    statuses = [get(client, ITEMS, key).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = get(client, ITEMS, key)
    assert 1 <= int(refused["Retry-After"]) <= settings.WIRE_RATE_WINDOW
    assert refused.json()["error"] == "rate_limited"
    # Per key: another partner is not slowed down.
    _, other = partner_make("Other", editions=["en"])
    assert get(client, ITEMS, other).status_code == 200


def test_the_openapi_document_is_served(client):
    response = client.get("/api/wire/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert {"/api/wire/v1/items", "/api/wire/v1/items/{uri}"} <= set(document["paths"])
    assert "BearerKey" in document["components"]["securitySchemes"]
    assert client.get("/api/wire/v1/docs").status_code == 200


def test_a_page_costs_the_same_queries_for_five_stories_as_for_twenty(client, key, english):
    _, _, rubrics = english
    photo = image_make()
    person = person_make(english[0].locale_id)

    def count_for(n: int) -> int:
        for number in range(n):
            story = article_make(rubrics["politics"], headline=f"Story {number}", lead_image=photo)
            story.people.add(person)
        get(client, f"{ITEMS}?limit={n}", key)  # makes the renditions once
        with CaptureQueriesContext(connection) as queries:
            assert len(get(client, f"{ITEMS}?limit={n}", key).json()["items"]) == n
        return len(queries)

    assert count_for(5) == count_for(20)


def test_item_list_in_ninjs_16_and_22_validates(client, key, stories):
    for format_name in ("ninjs-1.6", "ninjs-2.2"):
        body = json.loads(get(client, f"{ITEMS}?format={format_name}", key).content)
        for item in body["items"]:
            assert not list(ninjs_validator(format_name).iter_errors(item))
