"""Hits answered before Django (dateline/pagecache/wsgi.py), as gunicorn calls the app."""

import io
import sys

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from dateline.publishing.pipeline import article_kill
from dateline.test import article_make, chief_editor_make
from dateline.wsgi import application

pytestmark = pytest.mark.usefixtures("page_cache")


def wsgi_get(path, method="GET", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = status
        answer["headers"] = dict(response_headers)

    # As Django's test client does: the request signals must not close the test's database
    # connection (on PostgreSQL it holds the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = application(environ, start_response)
        body = b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


@pytest.fixture
def story(english, settings):
    settings.PAGE_CACHE_GENERATION_SECONDS = 60  # as fresh as a busy worker keeps them
    _, _, rubrics = english
    story = article_make(rubrics["politics"], headline="Grain harvest sets a record")
    Client().get(story.url)  # rendered and stored by Django
    return story


def test_a_stored_page_is_answered_without_django(story):
    status, headers, body = wsgi_get(story.url)
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert b"Grain harvest sets a record" in body
    assert headers["Content-Length"] == str(len(body))
    assert "s-maxage=60" in headers["Cache-Control"] and headers["ETag"]


def test_head_and_conditional_requests(story):
    status, headers, body = wsgi_get(story.url, method="HEAD")
    assert status == "200 OK" and body == b""
    status, _, body = wsgi_get(story.url, if_none_match=headers["ETag"])
    assert status == "304 Not Modified" and body == b""


def test_editors_and_changed_content_go_to_django(story):
    _, headers, _ = wsgi_get(story.url, cookie="sessionid=abc")
    assert "X-Page-Cache" not in headers
    article_kill(article=story, user=chief_editor_make(), reason="Wrong figures")
    status, _, body = wsgi_get(story.url)
    assert status.startswith("410") and b"Grain harvest" not in body
