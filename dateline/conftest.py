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
    settings.STORY_CACHE_SECONDS = 0
    yield
    cache.clear()
    store.clear_local()
    forget_cached()


@pytest.fixture
def page_cache(settings):
    """Anonymous pages served from the cache, with their parts and stories' text kept, as
    in production."""
    settings.PAGE_CACHE_SECONDS = 120
    settings.PAGE_PARTS_CACHE_SECONDS = 60
    settings.STORY_CACHE_SECONDS = 3600


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
