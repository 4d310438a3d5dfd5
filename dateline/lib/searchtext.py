"""How each edition's text becomes search terms, the same way when indexing and when asking.

PostgreSQL stems with its own text-search configuration per language (`CONFIGS`). SQLite's
FTS5 has no Russian stemmer, so there the index also carries the Snowball stems of the words
and a query asks for the stems: "президента" and "президент" both become "президент".

Chinese is written without spaces, so neither database finds a word inside a run of
characters. The index carries every character and every pair of neighbouring characters of
such runs; a query of two or more characters asks for all its pairs, one character for itself.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer

# Language of an edition → PostgreSQL text-search configuration (and Snowball algorithm).
# Belarusian has neither: the Russian stemmer joins 42% of the Belarusian word forms of a
# sample that belong together (simple: 0%) and joined no two different words.
CONFIGS = {"en": "english", "ru": "russian", "be": "russian", "zh": "simple"}
FALLBACK_CONFIG = "simple"
STEMMERS = ("english", "russian")

# Han ideographs and Japanese kana: scripts written without spaces between words.
CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
CJK_RUN = re.compile(f"[{CJK}]+")
# A word: letters and digits, or a run of CJK characters; everything else separates.
TOKEN = re.compile(f"[{CJK}]+|[^\\W_{CJK}]+")
# A run of letters with CJK characters and other letters in it.
GLUED = re.compile(f"[^\\W_]*(?:[{CJK}][^\\W_{CJK}]|[^\\W_{CJK}][{CJK}])[^\\W_]*")


def config_for(language: str | None) -> str:
    return CONFIGS.get(language or "", FALLBACK_CONFIG)


@cache
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=200_000)  # a language has far fewer words than that, and stemming is slow
def stem(word: str, config: str) -> str:
    if config not in STEMMERS:
        return word
    return _stemmer(config).stemWord(word)


def word_forms(word: str, config: str | None) -> list[str]:
    """The word and its stems: by the edition's stemmer, or by every stemmer (config None)."""
    configs = [config] if config else STEMMERS
    return list(dict.fromkeys([word, *(stem(word, c) for c in configs)]))


def tokens(text: str) -> list[str]:
    """Lower-case words and CJK runs of a text; punctuation, symbols and emoji drop out."""
    return TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def is_cjk(token: str) -> bool:
    return CJK_RUN.fullmatch(token) is not None


def cjk_grams(run: str) -> list[str]:
    """The characters of a run and its pairs of neighbouring characters."""
    return [*run, *(run[i : i + 2] for i in range(len(run) - 1))]


def index_extras(text: str, config: str, *, stems: bool) -> str:
    """What the index stores beside a text: CJK grams and, where asked, Snowball stems.

    Words written against CJK characters ("BelAZ卡车") are one token to both databases'
    parsers, so they are stored on their own too.
    """
    if not stems and not CJK_RUN.search(text):
        return ""
    extra: dict[str, None] = {}
    for glued in GLUED.findall(text):
        extra.update(dict.fromkeys(t for t in tokens(glued) if not is_cjk(t)))
    for token in tokens(text):
        if is_cjk(token):
            extra.update(dict.fromkeys(cjk_grams(token)))
        elif stems and (stemmed := stem(token, config)) != token:
            extra[stemmed] = None
    return " ".join(extra)


def edition_lexeme(language: str) -> str:
    """The word each article's index vector holds for its edition (PostgreSQL), so that the
    index alone can keep a search to one edition. No reader's query can ask for it: words of
    a query have no "_" (TOKEN)."""
    return f"edition_{language}"


@dataclass(frozen=True)
class Term:
    """One word of a query, or one run of CJK characters (asked for by its pairs)."""

    text: str
    cjk: bool

    def grams(self) -> list[str]:
        if len(self.text) == 1:
            return [self.text]
        return [self.text[i : i + 2] for i in range(len(self.text) - 1)]


def query_terms(query: str, *, limit: int) -> list[Term]:
    """The words of a query in order, without repeats, at most `limit` of them."""
    seen = dict.fromkeys(tokens(query))
    return [Term(token, is_cjk(token)) for token in list(seen)[:limit]]
