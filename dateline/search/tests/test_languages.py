"""Each edition's language: stemming in Russian, English and Belarusian, Chinese substrings."""

import pytest

from dateline.lib.searchtext import cjk_grams, index_extras, query_terms
from dateline.test import article_make, edition_make

from .helpers import found


@pytest.fixture
def belarusian(russian):
    return edition_make("be")


@pytest.fixture
def chinese(english):
    return edition_make("zh")


def test_russian_inflected_form_finds_the_story(client, russian):
    _, _, rubrics = russian
    article_make(
        rubrics["politics"],
        headline="Президент посетил завод в Гродно",
        lead="Глава государства осмотрел новые цеха.",
        paragraphs=("Рабочие рассказали о планах.",),
    )
    article_make(rubrics["economy"], headline="Урожай зерна вырос", lead="Аграрии довольны.")
    assert found(client, "президента", "ru") == ["Президент посетил завод в Гродно"]
    assert found(client, "президенту Гродно", "ru") == ["Президент посетил завод в Гродно"]
    assert found(client, "цехов", "ru") == ["Президент посетил завод в Гродно"]
    assert found(client, "урожаем", "ru") == ["Урожай зерна вырос"]


def test_english_words_are_found_in_other_forms(client, english):
    _, _, rubrics = english
    article_make(rubrics["politics"], headline="Presidents meet in Minsk", lead="Talks went on.")
    assert found(client, "president", "en") == ["Presidents meet in Minsk"]
    assert found(client, "meeting talk", "en") == ["Presidents meet in Minsk"]
    assert found(client, "ministers", "en") == []


def test_belarusian_word_forms_are_found_through_the_russian_stemmer(client, belarusian):
    _, _, rubrics = belarusian
    article_make(rubrics["politics"], headline="Прэзідэнт наведаў завод", lead="Рабочыя сустрэлі.")
    assert found(client, "прэзідэнта", "be") == ["Прэзідэнт наведаў завод"]
    assert found(client, "завода", "be") == ["Прэзідэнт наведаў завод"]


def test_chinese_words_are_found_inside_runs_of_characters(client, chinese):
    _, _, rubrics = chinese
    article_make(
        rubrics["politics"],
        headline="白俄罗斯总统访问中国",
        lead="两国领导人举行会谈。",
        city="明斯克",
        paragraphs=("双方签署了经济合作协议。",),
    )
    article_make(
        rubrics["economy"], headline="明斯克汽车厂产量增长", lead="工厂今年生产了更多卡车。"
    )
    assert found(client, "总统", "zh") == ["白俄罗斯总统访问中国"]
    assert found(client, "俄罗斯", "zh") == ["白俄罗斯总统访问中国"]
    assert found(client, "经济合作", "zh") == ["白俄罗斯总统访问中国"]
    assert found(client, "卡车", "zh") == ["明斯克汽车厂产量增长"]
    assert found(client, "总统 会谈", "zh") == ["白俄罗斯总统访问中国"]
    assert found(client, "总理", "zh") == []
    assert sorted(found(client, "明斯克", "zh")) == ["明斯克汽车厂产量增长", "白俄罗斯总统访问中国"]


def test_a_single_chinese_character_is_a_word_too(client, chinese):
    _, _, rubrics = chinese
    article_make(rubrics["economy"], headline="茶叶出口增长", lead="出口创新高。")
    assert found(client, "茶", "zh") == ["茶叶出口增长"]


def test_mixed_scripts_are_split_into_words(client, chinese):
    _, _, rubrics = chinese
    article_make(rubrics["economy"], headline="BelAZ卡车出口", lead="出口到非洲。")
    assert found(client, "belaz卡车", "zh") == ["BelAZ卡车出口"]


def test_query_words_drop_punctuation_and_split_scripts():
    words = query_terms('"бюджет*" OR (NEAR:budget^2) -白俄罗斯 🙂 iPhone手机', limit=20)
    assert [(w.text, w.cjk) for w in words] == [
        ("бюджет", False),
        ("or", False),
        ("near", False),
        ("budget", False),
        ("2", False),
        ("白俄罗斯", True),
        ("iphone", False),
        ("手机", True),
    ]


def test_index_keeps_chinese_pairs_and_stems_where_the_database_cannot_stem():
    assert cjk_grams("白俄罗") == ["白", "俄", "罗", "白俄", "俄罗"]
    assert index_extras("Президента встретили", "russian", stems=True) == "президент встрет"
    assert index_extras("Президента встретили", "russian", stems=False) == ""
    assert index_extras("总统", "simple", stems=False) == "总 统 总统"


def test_search_without_an_edition_stems_in_every_editions_language(russian):
    """Wagtail's own searches (choosers, the shell) ask the default backend, with no edition."""
    from wagtail.search.backends import get_search_backend

    from dateline.newsroom.models import Article, Rubric

    _, _, rubrics = russian
    english = Rubric.objects.get(locale__language_code="en", slug="politics")
    article_make(rubrics["politics"], headline="Президент подписал указ", live=False)
    article_make(english, headline="Presidents sign a decree", live=False)
    backend = get_search_backend()

    def headlines(query):
        return sorted(a.headline for a in backend.search(query, Article))

    assert headlines("президента") == ["Президент подписал указ"]
    assert headlines("president") == ["Presidents sign a decree"]
    assert headlines("decrees") == ["Presidents sign a decree"]
