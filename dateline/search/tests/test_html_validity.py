"""The search, archive and tag pages are valid HTML, by the Nu HTML Checker."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from dateline.public.tests.test_html_validity import validate
from dateline.test import article_make, person_make

# The Nu HTML Checker runs in Java, a process of its own.
pytestmark = pytest.mark.system

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def test_search_archive_and_tag_pages_are_valid_html(client, russian, tmp_path):
    edition, _, rubrics = russian
    person = person_make(edition.locale_id, "Иван Петрович")
    for i in range(22):
        article = article_make(
            rubrics["politics"],
            headline=f"Президент <и> парламент {i}",
            lead="Депутаты & министры.",
            published_at=NOW - timedelta(hours=i),
        )
        article.tags.add("бюджет")
        article.people.add(person)
        article.save()
    urls = {
        "search-empty": "/ru/search/",
        "search": "/ru/search/?q=президента",
        "search-date": "/ru/search/?q=президента&sort=date&rubric=politics&person=ivan-petrovich",
        "search-nothing": "/ru/search/?q=xyzzy&from=2026-11-30&to=2020-01-01",
        "search-errors": "/ru/search/?q=🙂&from=oops&rubric=none&tag=none&page=99",
        "archive": "/ru/archive/",
        "year": "/ru/archive/2026/",
        "month": "/ru/archive/2026/11/",
        "day": "/ru/archive/2026/11/30/",
        "tag": "/ru/tags/бюджет/",
    }
    files = []
    with time_machine.travel(NOW, tick=False):
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, url
            path = tmp_path / f"{name}.html"
            path.write_bytes(response.content)
            files.append(path)
    errors = validate(files)
    assert errors == [], "\n".join(
        f"{Path(e['url']).name}:{e.get('lastLine')}: {e['message']}" for e in errors
    )
