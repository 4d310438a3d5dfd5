"""The search page: who finds what, filters, sorting, pages, marks, limits, the admin."""

from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dateline.publishing.pipeline import article_kill, article_restore
from dateline.test import (
    article_make,
    chief_editor_make,
    edition_make,
    editor_form,
    person_make,
)

from .helpers import found, notices, page_of

NOON = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # 12:00 in Minsk


@pytest.fixture
def rubrics(english):
    return english[2]


def test_search_finds_only_the_editions_own_stories(client, russian):
    _, _, ru_rubrics = russian
    from dateline.newsroom.models import Rubric

    en_politics = Rubric.objects.get(locale__language_code="en", slug="politics")
    article_make(en_politics, headline="Budget adopted in Minsk")
    article_make(ru_rubrics["politics"], headline="Бюджет принят", lead="Minsk budget")
    assert found(client, "budget", "en") == ["Budget adopted in Minsk"]
    assert found(client, "budget", "ru") == ["Бюджет принят"]


def test_a_story_without_the_word_is_not_found_even_for_a_stop_word(client, rubrics):
    # PostgreSQL drops "the" from an English query: nothing is asked, so nothing is found;
    # never every story of the edition.
    article_make(
        rubrics["politics"],
        headline="Budget adopted",
        lead="Deputies voted.",
        paragraphs=("Votes counted.",),
    )
    article_make(rubrics["politics"], headline="The budget debate", lead="Long debate.")
    assert "Budget adopted" not in found(client, "the")
    assert "Budget adopted" not in found(client, "the", sort="date")


def test_drafts_are_never_found_by_readers(client, rubrics):
    article_make(rubrics["politics"], headline="Secret budget draft", live=False)
    article_make(rubrics["politics"], headline="Public budget news")
    assert found(client, "budget") == ["Public budget news"]


def test_unpublished_changes_to_a_live_story_are_not_found(client, rubrics):
    story = article_make(rubrics["politics"], headline="Budget adopted")
    client.force_login(chief_editor_make())
    url = reverse("wagtailsnippets_newsroom_article:edit", args=[story.pk])
    response = client.post(url, editor_form(client, url, headline="Budget scandal unveiled"))
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.has_unpublished_changes and story.headline == "Budget adopted"
    client.logout()
    assert found(client, "scandal") == []
    assert found(client, "adopted") == ["Budget adopted"]


def test_killed_story_is_not_found_the_moment_it_is_killed(client, rubrics):
    chief = chief_editor_make()
    story = article_make(rubrics["politics"], headline="Mistaken budget figures")
    assert found(client, "budget") == ["Mistaken budget figures"]
    article_kill(article=story, user=chief, reason="Wrong figures")
    assert found(client, "budget") == []


def test_a_killed_story_leaves_the_index_and_its_restore_brings_it_back(client, rubrics):
    chief = chief_editor_make()
    story = article_make(rubrics["politics"], headline="Mistaken budget figures")
    client.force_login(chief)
    assert "Mistaken budget figures" in _admin_search(client, "mistaken")
    article_kill(article=story, user=chief, reason="Wrong figures")
    # Editors still list it (and restore it) in the admin, but its text is searchable nowhere.
    assert "Mistaken budget figures" not in _admin_search(client, "mistaken")
    article_restore(article=story, user=chief, note="Figures checked")
    assert "Mistaken budget figures" in _admin_search(client, "mistaken")
    client.logout()
    assert found(client, "budget") == ["Mistaken budget figures"]


def test_embargoed_story_is_found_from_its_release_on(client, rubrics):
    release = NOON + timedelta(hours=6)
    with time_machine.travel(NOON, tick=False):
        article_make(
            rubrics["economy"], headline="Inflation figures released", published_at=release
        )
        assert found(client, "inflation") == []
    with time_machine.travel(release - timedelta(seconds=1), tick=False):
        assert found(client, "inflation") == []
        assert found(client, "inflation", sort="date") == []
    with time_machine.travel(release, tick=False):
        assert found(client, "inflation") == ["Inflation figures released"]


def _admin_search(client, query: str) -> str:
    """The admin's article list searched for `query`, as the editor's browser gets it."""
    listing = reverse("wagtailsnippets_newsroom_article:list")
    return client.get(listing, {"q": query}).content.decode()


def test_admin_search_finds_drafts_for_editors(client, russian):
    # The admin's listing searches as editors type: headline words, the last one a prefix.
    _, _, ru_rubrics = russian
    article_make(ru_rubrics["politics"], headline="Президент подписал указ", live=False)
    client.force_login(chief_editor_make())
    titles = partial(_admin_search, client)

    assert "Президент подписал указ" in titles("указ")
    assert "Президент подписал указ" in titles("президент подпис")
    assert "Президент подписал указ" not in titles("урожай")


def test_admin_search_finds_chinese_words_inside_headlines(client, english):
    _, _, zh_rubrics = edition_make("zh")
    article_make(zh_rubrics["politics"], headline="白俄罗斯总统访问中国", live=False)
    client.force_login(chief_editor_make())
    titles = partial(_admin_search, client)

    assert "白俄罗斯总统访问中国" in titles("总统")
    assert "白俄罗斯总统访问中国" in titles("访")
    assert "白俄罗斯总统访问中国" not in titles("部长")
    if connection.vendor == "postgresql":
        # Longer runs are asked by their pairs (SQLite's autocomplete asks for a prefix).
        assert "白俄罗斯总统访问中国" in titles("俄罗斯总统")
        assert "白俄罗斯总统访问中国" not in titles("俄罗斯部长")


def test_admin_search_lists_matches_drafts_first_then_newest(client, rubrics, monkeypatch):
    from dateline.newsroom import admin_views

    for days in (3, 1, 2):
        article_make(
            rubrics["economy"],
            headline=f"Harvest report day {days}",
            published_at=NOON - timedelta(days=days),
        )
    article_make(rubrics["economy"], headline="Harvest report draft", live=False)
    article_make(rubrics["economy"], headline="Budget report", published_at=NOON)
    client.force_login(chief_editor_make())
    listing = reverse("wagtailsnippets_newsroom_article:list")

    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        page = page_of(client, listing, {"q": "harvest"})
        headlines = [a.text_content().strip() for a in page.cssselect("td.title .title-wrapper a")]
        assert headlines[0] == "Harvest report draft"
        assert headlines[1:] == [f"Harvest report day {days}" for days in (1, 2, 3)]

        # A common word's matches are counted up to a limit, not through the whole archive.
        monkeypatch.setattr(admin_views, "SEARCH_COUNT_LIMIT", 2)
        response = client.get(listing, {"q": "harvest"})
        assert response.context["paginator"].count == 2


def test_filters_by_rubric_person_tag_and_dates(client, english, rubrics):
    edition = english[0]
    minister = person_make(edition.locale_id, "Anna Minister")
    first = article_make(
        rubrics["politics"], headline="Budget talks open", published_at=NOON - timedelta(days=3)
    )
    first.people.add(minister)
    first.tags.add("budget-2027")
    first.save()
    article_make(rubrics["economy"], headline="Budget deficit narrows", published_at=NOON)
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        assert found(client, "budget", rubric="politics") == ["Budget talks open"]
        assert found(client, "budget", person=minister.slug) == ["Budget talks open"]
        assert found(client, "budget", tag="budget-2027") == ["Budget talks open"]
        assert found(client, "budget", **{"from": "2026-11-26"}) == ["Budget deficit narrows"]
        assert found(client, "budget", to="2026-11-23") == ["Budget talks open"]
        assert found(client, "", person=minister.slug) == ["Budget talks open"]
        reversed_range = {"from": "2026-11-26", "to": "2026-11-20"}
        assert sorted(found(client, "budget", **reversed_range)) == [
            "Budget deficit narrows",
            "Budget talks open",
        ]
        tree = page_of(client, "/en/search/", {"q": "budget", **reversed_range})
        assert notices(tree) == ["The dates were the wrong way round: we swapped them."]


def test_date_range_follows_the_editions_local_day(client, rubrics):
    # 23:30 in Minsk on 25 November is 20:30 UTC: a story of the 25th, not of the 26th.
    article_make(
        rubrics["politics"],
        headline="Late night budget vote",
        published_at=datetime(2026, 11, 25, 20, 30, tzinfo=UTC),
    )
    with time_machine.travel(NOON, tick=False):
        assert found(client, "budget", **{"from": "2026-11-25", "to": "2026-11-25"}) == [
            "Late night budget vote"
        ]
        assert found(client, "budget", **{"from": "2026-11-26"}) == []


def test_best_match_first_and_newest_first(client, rubrics):
    article_make(
        rubrics["economy"],
        headline="Harvest report",
        lead="Farmers mention the budget once.",
        published_at=NOON,
    )
    article_make(
        rubrics["politics"],
        headline="Budget adopted: the budget in numbers",
        lead="The budget grows.",
        published_at=NOON - timedelta(days=1),
    )
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        assert found(client, "budget") == [
            "Budget adopted: the budget in numbers",
            "Harvest report",
        ]
        assert found(client, "budget", sort="date") == [
            "Harvest report",
            "Budget adopted: the budget in numbers",
        ]


def test_results_sorted_by_date_page_with_cursors_and_keep_the_search(client, rubrics):
    for i in range(25):
        article_make(
            rubrics["politics"],
            headline=f"Budget story {i}",
            published_at=NOON - timedelta(hours=i),
        )
    article_make(rubrics["economy"], headline="Harvest story", lead="Farmers", published_at=NOON)
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        first = page_of(client, "/en/search/", {"q": "budget", "sort": "date"})
        headlines = [a.text_content() for a in first.cssselect(".results h2 a")]
        assert headlines == [f"Budget story {i}" for i in range(20)]
        older = first.cssselect(".pager a[rel=next]")[0].get("href")
        assert "q=budget" in older and "sort=date" in older
        second = page_of(client, "/en/search/" + older)
        assert [a.text_content() for a in second.cssselect(".results h2 a")] == [
            f"Budget story {i}" for i in range(20, 25)
        ]
        newer = second.cssselect(".pager a[rel=prev]")[0].get("href")
        back = page_of(client, "/en/search/" + newer)
        assert [a.text_content() for a in back.cssselect(".results h2 a")] == headlines


def test_results_by_best_match_are_numbered_pages_up_to_a_limit(client, rubrics):
    for i in range(25):
        article_make(
            rubrics["politics"],
            headline=f"Budget story {i}",
            published_at=NOON - timedelta(hours=i),
        )
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        first = page_of(client, "/en/search/", {"q": "budget"})
        assert len(first.cssselect(".results h2 a")) == 20
        next_href = first.cssselect(".pager a[rel=next]")[0].get("href")
        second = page_of(client, "/en/search/" + next_href)
        seen = {a.text_content() for a in first.cssselect(".results h2 a")}
        rest = {a.text_content() for a in second.cssselect(".results h2 a")}
        assert len(rest) == 5 and not seen & rest
        far = page_of(client, "/en/search/", {"q": "budget", "page": "500"})
        assert notices(far) == [
            "Results by best match stop at page 10: add words or filters, "
            "or sort by date to go further back."
        ]


def test_matched_words_are_marked_in_escaped_text(client, rubrics):
    article_make(
        rubrics["politics"],
        headline="Budget <b>vote</b> & more",
        lead="Deputies voted for the budget.",
        paragraphs=("Opposition deputies said the budgets were late.",),
    )
    text = client.get("/en/search/", {"q": "budget"}).content.decode()
    assert "<mark>Budget</mark> &lt;b&gt;vote&lt;/b&gt; &amp; more" in text
    assert "<mark>budget</mark>" in text and "<mark>budgets</mark>" in text


def test_snippet_quotes_the_paragraph_where_the_word_is_found(client, rubrics):
    filler = "The session opened with a long report on the harvest in the regions. " * 6
    article_make(
        rubrics["politics"],
        headline="Deputies meet",
        lead="Deputies met in Minsk on Tuesday.",
        paragraphs=(filler, "Later the chamber adopted the budget for next year.", filler),
    )
    tree = page_of(client, "/en/search/", {"q": "budget"})
    snippet = tree.cssselect(".results p.snippet")[0]
    assert snippet.cssselect("mark")[0].text_content() == "budget"
    text = snippet.text_content()
    assert text.startswith("… ") and text.endswith(" …")
    assert "Later the chamber adopted the budget for next year. The session opened" in text


def test_a_query_with_html_comes_back_as_text(client, rubrics):
    article_make(rubrics["politics"], headline="Budget script adopted")
    response = client.get("/en/search/", {"q": "<script>budget</script>"})
    text = response.content.decode()
    assert "<script>" not in text
    assert 'value="&lt;script&gt;budget&lt;/script&gt;"' in text
    assert "<mark>Budget</mark> <mark>script</mark> adopted" in text


def test_empty_search_explains_how_to_search(client, rubrics):
    article_make(rubrics["politics"], headline="Budget adopted")
    tree = page_of(client, "/en/search/")
    assert tree.cssselect(".search-help h2")[0].text_content() == "How to search"
    assert not tree.cssselect(".results")


def test_search_that_finds_nothing_suggests_what_to_do(client, rubrics):
    article_make(rubrics["politics"], headline="Budget adopted")
    tree = page_of(client, "/en/search/", {"q": "xyzzy", "rubric": "sport"})
    assert tree.cssselect(".search-help h2")[0].text_content() == "Nothing found for “xyzzy”"
    assert tree.cssselect(".search-help a[href='?q=xyzzy']")


def test_search_is_rate_limited_per_client(client, rubrics, settings):
    settings.SEARCH_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/en/search/", {"q": "budget"}).status_code == 200
    limited = client.get("/en/search/", {"q": "budget"})
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= settings.SEARCH_RATE_WINDOW
    other = client.get("/en/search/", {"q": "budget"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200


def test_rate_limit_counts_the_address_a_trusted_proxy_gives(client, rubrics, settings):
    settings.SEARCH_RATE_LIMIT = 1
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client.get("/en/search/", HTTP_X_REAL_IP="192.0.2.1").status_code == 200
    assert client.get("/en/search/", HTTP_X_REAL_IP="192.0.2.1").status_code == 429
    assert client.get("/en/search/", HTTP_X_REAL_IP="192.0.2.2").status_code == 200


def test_every_page_has_the_search_box(client, rubrics):
    tree = page_of(client, "/en/news/")
    form = tree.cssselect("header form[role=search]")[0]
    assert form.get("action") == "/en/search/" and form.get("method") == "get"
    assert form.cssselect("input[name=q]")


@pytest.mark.parametrize("count", [3, 20])
def test_search_page_runs_a_fixed_number_of_queries(client, rubrics, count, settings):
    settings.PAGE_PARTS_CACHE_SECONDS = 60  # header and menus kept, as in production
    for i in range(count):
        article_make(
            rubrics["politics"],
            headline=f"Budget story {i}",
            published_at=NOON - timedelta(hours=i),
        )
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        # The cache generations, then the results in one query; best match first reads the
        # newest matches' keys, then ranks those. PostgreSQL also asks where the newest
        # stories end (search/selectors._recent_edge).
        edge = 1 if connection.vendor == "postgresql" else 0
        for params, queries in (
            ({"q": "budget"}, 3 + edge),
            ({"q": "budget", "sort": "date"}, 2 + edge),
        ):
            client.get("/en/search/", params)
            with CaptureQueriesContext(connection) as context:
                response = client.get("/en/search/", params)
            assert len(response.context["results"]) == count
            assert len(context.captured_queries) == queries, [
                q["sql"] for q in context.captured_queries
            ]


def test_pages_are_the_same_whether_found_among_the_newest_stories_or_in_all(
    client, rubrics, monkeypatch
):
    # On PostgreSQL a search looks through the newest stories first (RECENT_ARTICLES, a few
    # thousand in production); what a reader gets must not depend on where it was found.
    from dateline.search import selectors

    monkeypatch.setattr(selectors, "RECENT_ARTICLES", 22)
    monkeypatch.setattr(selectors, "RELEVANCE_WINDOW", 4)
    headlines = []
    for i in range(25):
        headline = f"Harvest report {i}" if i % 8 == 0 else f"Budget report {i}"
        article_make(rubrics["economy"], headline=headline, published_at=NOON - timedelta(hours=i))
        headlines.append(headline)
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        # Common: the first page is among the 22 newest stories.
        assert found(client, "report", sort="date") == headlines[:20]
        # Rare: the 22 newest hold too few (3 of 4), so the whole edition is searched.
        harvest = [h for h in headlines if h.startswith("Harvest")]
        assert found(client, "harvest", sort="date") == harvest
        # Best match ranks the newest RELEVANCE_WINDOW matches, wherever they were found.
        assert sorted(found(client, "report")) == sorted(headlines[:4])
        assert sorted(found(client, "harvest")) == sorted(harvest[:4])
