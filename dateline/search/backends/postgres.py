from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchQueryField
from django.db.models import BigIntegerField, BooleanField, F, Func, Value
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from dateline.lib.locales import locale_language
from dateline.lib.searchfields import object_config
from dateline.lib.searchtext import CONFIGS, FALLBACK_CONFIG, Term, edition_lexeme, query_terms

from . import MatchesMixin

MAX_TERMS = 32
ALL_CONFIGS = list(dict.fromkeys([*CONFIGS.values(), FALLBACK_CONFIG]))


class EditionIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index each edition's objects with that edition's text-search configuration."""
        by_config: dict[str, list] = {}
        for obj in objs:
            by_config.setdefault(object_config(obj), []).append(obj)
        for config, group in by_config.items():
            index = ConfigIndex(self.backend.with_config(config), has_title=_indexes_title(model))
            index.add_items(model, group)


class ConfigIndex(PostgresIndex):
    """Wagtail's index with one configuration, written faster.

    Wagtail's indexer reads every field of an object five times and builds a Django
    expression per text (~300 articles/s, an hour for a million); `add_items` below reads each
    field once and writes the same rows — the same vectors, weights and plain texts — in one
    statement of plain SQL (tests/test_postgres_index.py compares the two).

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

    def add_items(self, model, objs):
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        config, autocomplete_config = self.backend.config, self.backend.autocomplete_config
        for obj in objs:
            entry = _Entry(obj, self.backend)
            vectors = [
                _vector(entry.title, config),
                _vector(entry.autocomplete, autocomplete_config),
                _with_edition(_vector(entry.body, config), obj),
            ]
            rows.append("(%s, %s, {}, {}, {}, 1.0, %s, %s)".format(*(sql for sql, _ in vectors)))
            params += [content_type_pk, str(obj.pk)]
            params += [value for _, values in vectors for value in values]
            params += [_joined(entry.title), _joined(entry.body)]
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                # Only the table name and placeholders are formatted in; values are parameters.
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, "  # noqa: S608
                "autocomplete, body, title_norm, title_text, body_text) "
                f"VALUES {', '.join(rows)} "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


class _Entry:
    """An object's texts as Wagtail's ObjectIndexer finds them, each field read once."""

    def __init__(self, obj, backend):
        indexer = ObjectIndexer(obj, backend)
        self.title, self.body, self.autocomplete = [], [], []
        for field in indexer.search_fields:
            for found, weight, value in indexer.prepare_field(obj, field):
                text = value.strip()
                if not text:
                    continue
                if isinstance(found, AutocompleteField):
                    self.autocomplete.append((text, weight))
                elif isinstance(found, SearchField):
                    into = self.title if found.field_name == "title" else self.body
                    into.append((text, weight))


def _with_edition(vector: tuple[str, list], obj) -> tuple[str, list]:
    """The vector and, for an article of an edition, the word that names the edition."""
    sql, params = vector
    locale_id = getattr(obj, "locale_id", None)
    language = locale_language(locale_id) if locale_id else None
    if not language:
        return vector
    return f"{sql} || array_to_tsvector(ARRAY[%s])", [*params, edition_lexeme(language)]


def _joined(texts) -> str:
    return " ".join(text for text, _weight in texts)


def _vector(texts, config) -> tuple[str, list]:
    """SQL for Wagtail's weighted vector of `texts` ('' when there is none), and its params."""
    if not texts:
        return "''::tsvector", []
    sql = " || ".join("setweight(to_tsvector(%s::regconfig, %s), %s)" for _ in texts)
    return sql, [value for text, weight in texts for value in (config, text, weight)]


class EditionQueryCompiler(PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        """Wagtail matches `title || body`; a model that indexes no title (articles: a
        headline, in the body with the highest weight) has empty titles, so `body` alone
        matches the same rows, through Wagtail's GIN index on it, without joining two
        vectors for every row looked at (a third of the time of each lookup)."""
        if _indexes_title(self.queryset.model):
            return super().get_index_vectors(search_query)
        return [(F("index_entries__body"), 1.0)]

    def build_tsquery_content(self, query, config=None, invert=False):
        terms = query_terms(query.query_string, limit=MAX_TERMS) if _plain(query) else []
        if not terms:
            return super().build_tsquery_content(query, config=config, invert=invert)
        lexemes = _lexemes(terms, query.operator, invert)
        return reduce(
            or_,
            (
                SearchQuery(lexemes, search_type="raw", config=each)
                for each in ([config] if config else ALL_CONFIGS)
            ),
        )


class EditionAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    """Wagtail's as-you-type search, with CJK runs asked for by their character pairs (the
    index holds them: search.index.EditionAutocomplete); the last other word is a prefix."""

    def build_tsquery_content(self, query, config=None, invert=False):
        terms = query_terms(query.query_string, limit=MAX_TERMS) if _plain(query) else []
        if not any(term.cjk for term in terms):
            return super().build_tsquery_content(query, config=config, invert=invert)
        lexemes = _lexemes(terms, query.operator, invert, last_word_prefix=True)
        return SearchQuery(lexemes, search_type="raw", config=config)


class _HasLexeme(Func):
    """`vector @@ 'lexeme'::tsquery`: a condition of its own beside the query's, which
    PostgreSQL asks of the same GIN index in one scan. (Joined into the query with `&&`, a
    query of stop words only, which is empty, would leave the edition's word alone and match
    every article of the edition.) Cast, not to_tsquery: a configuration's parser would split
    "edition_ru" in two."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()

    def __init__(self, vector: str, lexeme: str):
        super().__init__(F(vector), Cast(Value(lexeme), SearchQueryField()))


def _indexes_title(model) -> bool:
    return any(
        isinstance(field, SearchField) and field.field_name == "title"
        for field in model.get_search_fields()
    )


def _plain(query) -> bool:
    return isinstance(query, PlainText)


def _lexemes(terms: list[Term], operator: str, invert: bool, *, last_word_prefix=False):
    """The terms' lexemes joined by the query's operator: a word as itself (the last one as a
    prefix where asked), a CJK run as all its character pairs."""
    last_word = max((i for i, term in enumerate(terms) if not term.cjk), default=None)
    each = [
        reduce(and_, (Lexeme(gram, invert=invert) for gram in term.grams()))
        if term.cjk
        else Lexeme(term.text, invert=invert, prefix=last_word_prefix and i == last_word)
        for i, term in enumerate(terms)
    ]
    return reduce(and_ if operator == "and" else or_, each)


class EditionPostgresSearchBackend(MatchesMixin, PostgresSearchBackend):
    query_compiler_class = EditionQueryCompiler
    autocomplete_query_compiler_class = EditionAutocompleteQueryCompiler
    index_class = EditionIndex

    def __init__(self, params):
        super().__init__(params)
        self.params = params

    def matching_keys(self, query: str, queryset, *, language: str | None = None):
        """The keys of matching objects, read from the index table alone: without Wagtail's
        join, which compares each object's key written as text and so cannot look an object
        up by its key (PostgreSQL hashes all of `queryset` instead). With `language`, only
        the articles of that edition, found by the word each holds for its edition: a word
        common in another edition then costs no more than one this edition rarely uses
        (English "president" searched on the Russian edition at a million articles: 4.7 s)."""
        model = queryset.model
        if _indexes_title(model):  # matched on title || body: Wagtail's join it is
            return super().matching_keys(query, queryset)
        compiler = self.search(query, queryset, order_by_relevance=False).query_compiler
        tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(self))
        keys = IndexEntry.objects.filter(content_type_id=get_content_type_pk(model), body=tsquery)
        if language:
            keys = keys.filter(_HasLexeme("body", edition_lexeme(language)))
        return keys.annotate(key=Cast("object_id", BigIntegerField())).values("key")

    def with_config(self, config: str) -> PostgresSearchBackend:
        return PostgresSearchBackend({**self.params, "SEARCH_CONFIG": config})
