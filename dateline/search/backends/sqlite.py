from django.db.models import Value
from modelsearch.backends.database.sqlite.query import LexemeCombinable, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from dateline.lib.searchtext import Term, query_terms, word_forms

from . import MatchesMixin

MAX_TERMS = 32
NOTHING = '""'  # an empty FTS5 phrase: matches no row, raises no error


class FtsQuery(LexemeCombinable, Value):
    """A whole FTS5 query string, built (and quoted) by the compiler below."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class EditionQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        joiner = " AND " if query.operator.upper() == "AND" else " OR "
        terms = query_terms(query.query_string, limit=MAX_TERMS)
        match = joiner.join(_term_match(term, config) for term in terms) or NOTHING
        return SearchQueryExpression(FtsQuery(match))


def _term_match(term: Term, config: str | None) -> str:
    """A word as any of its forms (the index holds stems too); CJK as all its pairs."""
    if term.cjk:
        return "(" + " AND ".join(_quote(gram) for gram in term.grams()) + ")"
    return "(" + " OR ".join(_quote(form) for form in word_forms(term.text, config)) + ")"


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class EditionSQLiteSearchBackend(MatchesMixin, SQLiteSearchBackend):
    query_compiler_class = EditionQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # Wagtail's SQLite backend has no configuration; here it names the edition's stemmer.
        self.config = params.get("SEARCH_CONFIG")
