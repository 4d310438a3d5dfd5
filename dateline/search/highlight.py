"""Search results as readers see them: the matched words marked in escaped text."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from dateline.lib.searchtext import CJK_RUN, TOKEN, Term, is_cjk, stem

SNIPPET_BEFORE = 90  # characters of context before the first match
SNIPPET_LENGTH = 280
WORD_SLACK = 40  # a word cut by the snippet's end is read whole, up to this many characters
# How far past its first match a snippet may read the text.
SNIPPET_REACH = SNIPPET_LENGTH + WORD_SLACK


class Marker:
    """Finds where a query's words are in a text: words by their stem, CJK runs as written."""

    def __init__(self, terms: list[Term], config: str):
        self.config = config
        self.words = {term.text for term in terms if not term.cjk}
        self.stems = {stem(word, config) for word in self.words}
        self.runs = [term.text for term in terms if term.cjk]

    def spans(self, text: str) -> list[tuple[int, int]]:
        found = [match.span() for match in TOKEN.finditer(text) if self._is_word(match)]
        for run in self.runs:
            found.extend(m.span() for m in re.finditer(re.escape(run), text, re.IGNORECASE))
        return _merged(found)

    def first(self, text: str) -> int | None:
        """Where the first match starts, reading no further than it."""
        word = next((m.start() for m in TOKEN.finditer(text) if self._is_word(m)), None)
        runs = [m.start() for run in self.runs if (m := re.search(re.escape(run), text, re.I))]
        starts = [start for start in (word, *runs) if start is not None]
        return min(starts) if starts else None

    def _is_word(self, match: re.Match) -> bool:
        word = match.group().casefold()
        return not is_cjk(word) and (word in self.words or stem(word, self.config) in self.stems)

    def mark(self, text: str) -> SafeString:
        """The text, escaped, with each match in <mark>: nothing of the query is raw HTML."""
        return _marked(text, self.spans(text))

    def snippet(self, text: str) -> SafeString:
        """About SNIPPET_LENGTH characters of `text` around its first match, marked."""
        # Only the first match and the window around it are looked for: an article's whole text
        # for each of twenty results was a fifth of a search page's time.
        first = self.first(text)
        # Chinese says in a hundred characters what English says in three hundred.
        density = 3 if CJK_RUN.search(text[:SNIPPET_LENGTH]) else 1
        before, length = SNIPPET_BEFORE // density, SNIPPET_LENGTH // density
        start = max(0, first - before) if first is not None else 0
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start + length // 2 else end
        # Words cut by the window's end are read whole, then cut again.
        spans = self.spans(text[start : end + WORD_SLACK])
        inside = [(a, min(b, end - start)) for a, b in spans if a < end - start]
        body = _marked(text[start:end], inside)
        return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))  # noqa: S308 — escaped by _marked


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 — every piece of text went through escape()
