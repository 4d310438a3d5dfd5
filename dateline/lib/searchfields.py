"""The search field that carries what each edition's search needs beside the text."""

from django.db import connection
from wagtail.search import index

from dateline.lib.locales import locale_language

from .searchtext import config_for, index_extras


def object_config(obj) -> str:
    """The text-search configuration of an object's edition (its locale's language)."""
    locale_id = getattr(obj, "locale_id", None)
    return config_for(locale_language(locale_id) if locale_id else None)


class EditionText(index.SearchField):
    """A SearchField whose indexed text also holds CJK character pairs and, on databases that
    cannot stem (SQLite), the Snowball stems of its words: see dateline.lib.searchtext."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        text = str(value or "")
        stems = connection.vendor != "postgresql"
        extras = index_extras(text, object_config(obj), stems=stems)
        return f"{text}\n{extras}" if extras else text


class EditionAutocomplete(index.AutocompleteField):
    """An AutocompleteField (the admin's search as editors type) that also holds the
    characters and character pairs of CJK runs: a Chinese headline is one run, which a
    prefix search would only find by its first characters."""

    def get_value(self, obj):
        text = str(super().get_value(obj) or "")
        extras = index_extras(text, "simple", stems=False)  # autocomplete does not stem
        return f"{text}\n{extras}" if extras else text
