"""Search results as readers see them: the matched words marked in escaped text."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import CJK_RUN, TOKEN, Term, is_cjk, stem

SNIPPET_BEFORE = 90  # characters of context before the first match
SNIPPET_LENGTH = 280


class Marker:
    """Finds where a query's words are in a text: words by their stem, CJK runs as written."""

    def __init__(self, terms: list[Term], config: str):
        self.config = config
        self.words = {term.text for term in terms if not term.cjk}
        self.stems = {stem(word, config) for word in self.words}
        self.runs = [term.text for term in terms if term.cjk]

    def spans(self, text: str) -> list[tuple[int, int]]:
        found = []
        for match in TOKEN.finditer(text):
            word = match.group().casefold()
            if not is_cjk(word) and (word in self.words or stem(word, self.config) in self.stems):
                found.append(match.span())
        for run in self.runs:
            found.extend(m.span() for m in re.finditer(re.escape(run), text, re.IGNORECASE))
        return _merged(found)

    def mark(self, text: str) -> SafeString:
        """The text, escaped, with each match in <mark>: nothing of the query is raw HTML."""
        return _marked(text, self.spans(text))

    def snippet(self, text: str) -> SafeString:
        """About SNIPPET_LENGTH characters of `text` around its first match, marked."""
        spans = self.spans(text)
        # Chinese says in a hundred characters what English says in three hundred.
        density = 3 if CJK_RUN.search(text[:SNIPPET_LENGTH]) else 1
        before, length = SNIPPET_BEFORE // density, SNIPPET_LENGTH // density
        start = max(0, spans[0][0] - before) if spans else 0
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < spans[0][0] else start
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start + length // 2 else end
        inside = [
            (max(a, start) - start, min(b, end) - start) for a, b in spans if b > start and a < end
        ]
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
