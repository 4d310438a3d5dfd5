from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import SearchField
from modelsearch.query import PlainText

from ..index import object_config
from ..text import CONFIGS, FALLBACK_CONFIG, Term, query_terms
from . import MatchesMixin

MAX_TERMS = 32
ALL_CONFIGS = list(dict.fromkeys([*CONFIGS.values(), FALLBACK_CONFIG]))


class EditionIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index each edition's objects with that edition's text-search configuration."""
        by_config: dict[str, list] = {}
        for obj in objs:
            by_config.setdefault(object_config(obj), []).append(obj)
        has_title = any(
            isinstance(field, SearchField) and field.field_name == "title"
            for field in model.get_search_fields()
        )
        for config, group in by_config.items():
            index = ConfigIndex(self.backend.with_config(config), has_title=has_title)
            index.add_items(model, group)


class ConfigIndex(PostgresIndex):
    """Wagtail's index with one configuration.

    After each write Wagtail refreshes the "title norms" of new rows, which reads the length
    of every row's title in the whole index (a second at a million rows). Models that index
    no `title` (articles index a headline) have empty title vectors: the refresh is skipped
    for them. `update_index` still refreshes everything at its end.
    """

    def __init__(self, backend, *, has_title: bool):
        super().__init__(backend)
        self.has_title = has_title

    def _refresh_title_norms(self, full=False):
        if self.has_title or full:
            super()._refresh_title_norms(full=full)


class EditionQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        terms = query_terms(query.query_string, limit=MAX_TERMS) if _plain(query) else []
        if not terms:
            return super().build_tsquery_content(query, config=config, invert=invert)
        combine = and_ if query.operator == "and" else or_
        lexemes = reduce(combine, (_term_lexemes(term, invert) for term in terms))
        return reduce(
            or_,
            (
                SearchQuery(lexemes, search_type="raw", config=each)
                for each in ([config] if config else ALL_CONFIGS)
            ),
        )


def _plain(query) -> bool:
    return isinstance(query, PlainText)


def _term_lexemes(term: Term, invert: bool):
    if not term.cjk:
        return Lexeme(term.text, invert=invert)
    return reduce(and_, (Lexeme(gram, invert=invert) for gram in term.grams()))


class EditionPostgresSearchBackend(MatchesMixin, PostgresSearchBackend):
    query_compiler_class = EditionQueryCompiler
    index_class = EditionIndex

    def __init__(self, params):
        super().__init__(params)
        self.params = params

    def with_config(self, config: str) -> PostgresSearchBackend:
        return PostgresSearchBackend({**self.params, "SEARCH_CONFIG": config})
