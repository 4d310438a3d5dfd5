"""Wagtail's database search backend, taught the editions' languages.

Set as WAGTAILSEARCH_BACKENDS' BACKEND. Like Wagtail's own `wagtail.search.backends.database`
it picks PostgreSQL full-text search or SQLite FTS5 by the database in use; both keep
Wagtail's index table, signals and admin search, and change two things:

- indexing: on PostgreSQL each object's text is stemmed with its edition's text-search
  configuration (one backend has one SEARCH_CONFIG in Wagtail; the index rows are shared);
- querying: a query is split into words the way the index was (dateline.lib.searchtext) and
  asked with SEARCH_CONFIG, the edition's configuration, given by the public search; without
  one (the admin, across editions) with every edition's configuration at once.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 — the name Wagtail looks for in a backend module
    # Imported per database: each backend module imports its vendor's Wagtail backend, which
    # needs that vendor's driver (psycopg is absent on a SQLite-only install).
    if connection.vendor == "postgresql":
        from .postgres import EditionPostgresSearchBackend

        return EditionPostgresSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    backend = database_backend(params)
    if connection.vendor == "sqlite" and backend.__class__.__name__ == "SQLiteSearchBackend":
        from .sqlite import EditionSQLiteSearchBackend

        return EditionSQLiteSearchBackend(params)
    return backend  # SQLite without FTS5, or another database: Wagtail's plain fallback


class MatchesMixin:
    def matches(self, query: str, queryset, *, order_by_relevance: bool):
        """The articles of `queryset` that match, as a QuerySet to filter and page further.

        Relevance first (then newest id) or in the queryset's own order.
        """
        results = self.search(query, queryset, order_by_relevance=order_by_relevance)
        return results.get_queryset()

    def matching_keys(self, query: str, queryset, *, language: str | None = None):
        """The keys of the objects of `queryset` that match, to filter with `pk__in`."""
        return self.matches(query, queryset, order_by_relevance=False).values("pk")
