import pytest
from django.core.cache import cache

from dateline.lib.locales import forget_locales


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail keeps site root paths in the cache; a test must not see another test's site.
    cache.clear()
    forget_locales()
    yield
    cache.clear()


@pytest.fixture
def english(db):
    from dateline.test import edition_make

    return edition_make("en")


@pytest.fixture
def russian(english):
    from dateline.test import edition_make

    return edition_make("ru")
