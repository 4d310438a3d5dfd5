"""The partner API answers as its OpenAPI document says, whatever a partner sends.

Schemathesis reads /api/wire/v1/openapi.json and sends generated requests — valid ones and
deliberately invalid ones, boundary values, other methods — through Django's WSGI application
in this process, with a real partner key, against the test database (SQLite; PostgreSQL with
DATABASE_URL). No answer may be a 5xx, and each must have a documented status, media type
and body.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from dateline.test import article_make, partner_make


@pytest.fixture
def wire_schema(english, settings):
    # The rate limit is tested in test_api; here it would turn most answers into 429s.
    settings.WIRE_RATE_LIMIT = 100_000
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Parliament meets")
    _, secret = partner_make(editions=["en"])
    # Django's WSGI handler closes the database connection after each request; here that is
    # the test's own, holding its transaction (Django's test client disconnects the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    schema = schemathesis.openapi.from_wsgi("/api/wire/v1/openapi.json", get_wsgi_application())
    schema.wire_key = secret
    yield schema
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("wire_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_never_fails_and_answers_as_documented(case, wire_schema):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {wire_schema.wire_key}"},
        # A cursor we never issued, or a `since` naming a time that cannot be (year 0, a leap
        # second), fit the document's patterns and are still refused, with 400 and the reason.
        excluded_checks=[positive_data_acceptance],
    )
