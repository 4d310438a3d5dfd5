"""The partner API answers as its OpenAPI document says, whatever a partner sends.

Schemathesis reads /api/wire/v1/openapi.json and sends generated requests — valid ones and
deliberately invalid ones — through Django's WSGI application in this process, with a real
partner key, against the test database (SQLite, or PostgreSQL with DATABASE_URL).
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from dateline.test import article_make

from .personas import partner_make


@pytest.fixture
def wire_schema(english, settings):
    # The rate limit is tested in test_api; here it would turn most answers into 429s.
    settings.WIRE_RATE_LIMIT = 100_000
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Parliament meets")
    _, secret = partner_make(editions=["en"])
    schema = schemathesis.openapi.from_wsgi("/api/wire/v1/openapi.json", get_wsgi_application())
    schema.wire_key = secret
    return schema


schema = schemathesis.pytest.from_fixture("wire_schema")


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_never_fails_and_answers_as_documented(case, wire_schema):
    case.call_and_validate(headers={"Authorization": f"Bearer {wire_schema.wire_key}"})
