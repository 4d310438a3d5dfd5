"""The public site's UI catalogues: complete, not fuzzy, and compiled."""

import gettext
import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
PLURALS = {"ru": 3, "be": 3, "zh": 1}


def catalogue(language):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").open("rb") as po:
        return read_po(po, locale=language)


def runtime(mo_bytes):
    # The same reader Django uses to serve translations.
    return gettext.GNUTranslations(io.BytesIO(mo_bytes))


@pytest.mark.parametrize("language", PLURALS)
def test_every_message_is_translated_and_not_fuzzy(language):
    catalog = catalogue(language)
    messages = [message for message in catalog if message.id]

    assert messages, f"{language}: the catalogue is empty"
    assert not catalog.fuzzy, f"{language}: the header is marked fuzzy"
    assert catalog.num_plurals == PLURALS[language]
    untranslated = [
        message.id
        for message in messages
        if not (all(message.string) if message.pluralizable else message.string)
    ]
    assert untranslated == [], f"{language}: untranslated {untranslated}"
    fuzzy = [message.id for message in messages if message.fuzzy]
    assert fuzzy == [], f"{language}: fuzzy {fuzzy}"
    problems = [(message.id, errors) for message, errors in catalog.check()]
    assert problems == [], f"{language}: {problems}"


@pytest.mark.parametrize("language", PLURALS)
def test_compiled_catalogue_matches_its_source(language):
    catalog = catalogue(language)
    fresh = io.BytesIO()
    write_mo(fresh, catalog)
    mo_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), f"{language}: run manage.py compilemessages"

    expected = runtime(fresh.getvalue())
    committed = runtime(mo_path.read_bytes())

    # The "" entry is the header, which Babel and msgfmt word differently.
    def messages(translations):
        return {key: value for key, value in translations._catalog.items() if key != ""}

    assert messages(committed) == messages(expected), (
        f"{language}: django.mo is stale, run manage.py compilemessages"
    )
    assert committed.info()["language"] == language
    assert [committed.plural(n) for n in range(200)] == [expected.plural(n) for n in range(200)]
