import pytest
from django.core.cache import cache

from dateline.lib.locales import forget_locales
from dateline.lib.memo import forget_cached
from dateline.newsroom.generations import forget_generations
from dateline.pagecache.entries import store


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # Wagtail keeps site root paths in the cache; a test must not see another test's site.
    cache.clear()
    store.clear_local()
    forget_cached()
    forget_locales()
    forget_generations()
    # Pages are rendered for every request (tests change content through factories, not the
    # publishing path); the page cache's own tests turn it on with `page_cache`.
    settings.PAGE_CACHE_SECONDS = 0
    settings.PAGE_CACHE_GENERATION_SECONDS = 0
    settings.PAGE_PARTS_CACHE_SECONDS = 0
    settings.ARTICLE_CACHE_SECONDS = 0
    yield
    cache.clear()
    store.clear_local()
    forget_cached()


@pytest.fixture
def page_cache(settings):
    """Anonymous pages served from the cache, with their parts and articles' text cached, as
    in production."""
    settings.PAGE_CACHE_SECONDS = 120
    settings.PAGE_PARTS_CACHE_SECONDS = 60
    settings.ARTICLE_CACHE_SECONDS = 3600


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _tasks_run_in_process(settings):
    # Most tests want a task's effect at once; tests of the queue itself take `task_queue`.
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def task_queue(settings):
    """The real database queue; call `run_worker()` to let the worker run what is due."""
    settings.TASKS = DATABASE_TASKS


def run_worker() -> None:
    """One pass of django-tasks' database worker over everything ready, then return."""
    from unittest import mock

    from django.core.management import call_command

    # Between tasks the worker closes connections it thinks stale; inside a test's transaction
    # that is the test's own connection, which PostgreSQL then loses (Django's test client
    # disconnects the same call from its request signals for the same reason).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)


@pytest.fixture
def english(db):
    from dateline.test import edition_make

    return edition_make("en")


@pytest.fixture
def russian(english):
    from dateline.test import edition_make

    return edition_make("ru")


# Personas: the newsroom's real roles (dateline/newsroom/roles.py), as the admin grants them.
# A test signs in as the one its article is about; a superuser only where the test is about one.


@pytest.fixture
def reader():
    """Someone reading the site: never signed in."""
    from django.test import Client

    return Client()


@pytest.fixture
def reporter(db):
    """Writes and submits articles; edits only their own drafts."""
    from dateline.test import reporter_make

    return reporter_make()


@pytest.fixture
def desk_editor(english):
    """Edits and publishes the English edition's politics articles, its desk's only rubric."""
    from dateline.test import desk_editor_make

    _, _, rubrics = english
    return desk_editor_make(rubrics["politics"], desk="Politics")


@pytest.fixture
def chief(db):
    """The editor-in-chief: publishes in every rubric, corrects, kills, restores."""
    from dateline.test import chief_editor_make

    return chief_editor_make()


@pytest.fixture
def partner_manager(db):
    """Runs the wire in the admin: partners, keys, webhooks, deliveries."""
    from dateline.test import partner_manager_make

    return partner_manager_make()


@pytest.fixture
def wire_partner(english):
    """A partner taking the English edition over the wire: (partner, its API key)."""
    from dateline.test import partner_make

    return partner_make(editions=["en"])


def pytest_collection_modifyitems(items):
    # `pytest -m "not browser"` must leave out every Playwright test, so the folder and the
    # marker may not disagree.
    for item in items:
        if "/tests/browser/" in item.nodeid and item.get_closest_marker("browser") is None:
            raise pytest.UsageError(f"{item.nodeid} is in a browser folder but not marked browser")
