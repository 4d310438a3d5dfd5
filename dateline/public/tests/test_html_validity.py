"""Every public page type is valid HTML, by the Nu HTML Checker (vnu.jar, from npm)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from dateline.directory.models import GovernmentBody, GovernmentBodyCategory
from dateline.test import article_make, author_make, image_make, person_make

# The checker runs in Java, a process of its own.
pytestmark = pytest.mark.system

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def validate(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if not VNU.exists() or not java:
        pytest.fail("vnu.jar or java is missing: `make test` installs both.")
    result = subprocess.run(  # noqa: S603 — fixed command, our own files
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def test_public_pages_are_valid_html(client, russian, tmp_path):
    edition, _, rubrics = russian
    person = person_make(edition.locale_id, "Иван Петрович", portrait=image_make("Портрет"))
    article = article_make(
        rubrics["politics"],
        headline="Парламент принял бюджет",
        quote="Мы выполним все обещания.\nКаждое.",
        lead_image=image_make("Парламент"),
        lead_image_caption="Иван Петрович в парламенте",
        lead_image_credit="Фото ДНА",
    )
    article.people.add(person)
    article.authors.add(author_make(edition.locale_id, "Анна Коваленко"))
    article.tags.add("бюджет")
    article.save()
    category = GovernmentBodyCategory.objects.create(
        locale_id=edition.locale_id, name="Министерства"
    )
    GovernmentBody.objects.create(
        locale_id=edition.locale_id,
        category=category,
        name="Министерство транспорта",
        website="https://transport.example.org",
        phone="+375 17 200 00 00",
    )
    urls = {
        "home": "/ru/",
        "all-news": "/ru/news/",
        "rubric": "/ru/politics/",
        "article": article.url,
        "person": person.get_absolute_url(),
        "author": "/ru/authors/anna-kovalenko/",
        "government-bodies": "/ru/government-bodies/",
        "projects": "/ru/projects/",
        "not-found": "/ru/no-such-page/",
        "bad-request": "/ru/news/?before=oops",
    }
    files = []
    for name, url in urls.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(client.get(url).content)
        files.append(path)
    errors = validate(files)
    assert errors == [], "\n".join(
        f"{Path(e['url']).name}:{e.get('lastLine')}: {e['message']}" for e in errors
    )
