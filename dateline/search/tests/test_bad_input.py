"""Whatever a reader (or a scraper) types, search answers 200 with a message or 400: never 500."""

import pytest
from lxml import html

from dateline.test import article_make

from .helpers import notices

LONG = "budget " * 200
BAD_INPUT = {
    "very long query": ({"q": LONG}, 200, "only its first 200 characters were used"),
    "too many words": (
        {"q": " ".join(f"word{i}" for i in range(30))},
        200,
        "Only the first 10 words",
    ),
    "double quotes": ({"q": '"budget'}, 200, None),
    "fts phrase": ({"q": '"budget adopted"'}, 200, None),
    "star": ({"q": "budg*"}, 200, None),
    "parentheses": ({"q": "(budget OR"}, 200, None),
    "column filter": ({"q": "title:budget"}, 200, None),
    "caret and minus": ({"q": "^budget -adopted"}, 200, None),
    "near": ({"q": "NEAR(budget adopted, 2)"}, 200, None),
    "boolean words": ({"q": "budget AND OR NOT adopted"}, 200, None),
    "tsquery syntax": ({"q": "budget & !adopted | 'x':*"}, 200, None),
    "sql": ({"q": "'; DROP TABLE newsroom_article; --"}, 200, None),
    "backslash": ({"q": "budget\\"}, 200, None),
    "percent": ({"q": "100% budget"}, 200, None),
    "single quote": ({"q": "budget's"}, 200, None),
    "emoji only": ({"q": "🙂🔥"}, 200, "no words to look for"),
    "emoji and a word": ({"q": "budget 🙂"}, 200, None),
    "punctuation only": ({"q": '"*()^-:'}, 200, "no words to look for"),
    "mixed scripts": ({"q": "budget бюджет 预算 بودجه"}, 200, None),
    "null byte": ({"q": "budget\x00adopted"}, 200, None),
    "control characters": ({"q": "budget\x07\x1b[31m"}, 200, None),
    "empty query": ({"q": ""}, 200, None),
    "spaces only": ({"q": "   "}, 200, None),
    "reversed dates": (
        {"q": "budget", "from": "2026-11-20", "to": "2026-01-01"},
        200,
        "wrong way round",
    ),
    "date too early": ({"q": "budget", "from": "0001-01-01"}, 200, "Choose a date between"),
    "date too late": ({"q": "budget", "to": "9999-12-31"}, 200, "Choose a date between"),
    "malformed date": ({"q": "budget", "from": "30.11.2020"}, 200, "Enter a valid date"),
    "impossible date": ({"q": "budget", "to": "2026-02-30"}, 200, "Enter a valid date"),
    "unknown rubric": ({"q": "budget", "rubric": "no-such"}, 200, "Select a valid choice"),
    "unknown person": ({"q": "budget", "person": "nobody"}, 200, "No one called"),
    "unknown tag": ({"q": "budget", "tag": "no-such-tag"}, 200, "There is no tag"),
    "unknown sort": ({"q": "budget", "sort": "random"}, 200, "Select a valid choice"),
    "page past the limit": ({"q": "budget", "page": "99999"}, 200, "stop at page 10"),
    "page not a number": ({"q": "budget", "page": "two"}, 400, None),
    "page zero": ({"q": "budget", "page": "0"}, 400, None),
    "page negative": ({"q": "budget", "page": "-1"}, 400, None),
    "page huge": ({"q": "budget", "page": "9" * 40}, 200, "stop at page 10"),
    "malformed cursor": ({"q": "budget", "sort": "date", "before": "oops"}, 400, None),
    "both cursors": (
        {"q": "budget", "sort": "date", "before": "1-1", "after": "1-1"},
        400,
        None,
    ),
    "cursor far in the future": (
        {"q": "budget", "sort": "date", "before": "99999999999999999-1"},
        200,
        None,
    ),
}


@pytest.mark.parametrize("params, status, message", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_clear_answer_never_an_error(client, english, params, status, message):
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Budget adopted")
    response = client.get("/en/search/", params)
    assert response.status_code == status
    tree = html.fromstring(response.content)
    if message:
        assert any(message in text for text in notices(tree)), notices(tree)
    if status == 200:
        assert tree.cssselect("form.search-form input[name=q]")


def test_query_is_cut_at_a_word_and_still_searched(client, english):
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Budget adopted")
    response = client.get("/en/search/", {"q": "budget " + "x" * 500})
    tree = html.fromstring(response.content)
    assert tree.cssselect("#search-q")[0].get("value") == "budget"
    assert [a.text_content() for a in tree.cssselect(".results h2 a")] == ["Budget adopted"]


def test_operator_characters_are_plain_words(client, english):
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Budget adopted")
    tree = html.fromstring(client.get("/en/search/", {"q": '"budget" -(adopted)*'}).content)
    assert [a.text_content() for a in tree.cssselect(".results h2 a")] == ["Budget adopted"]
