from wagtail.models import Locale

# Locale ids never change their language, so a process may keep the map for good; a miss
# (a locale added since) reloads it.
_languages: dict[int, str] = {}


def locale_language(locale_id: int) -> str | None:
    """The language code of a Wagtail locale id, without a query once known."""
    if locale_id not in _languages:
        _languages.update(Locale.objects.values_list("id", "language_code"))
    return _languages.get(locale_id)


def forget_locales() -> None:
    """For tests, whose rolled-back databases may give a locale id to another language."""
    _languages.clear()
