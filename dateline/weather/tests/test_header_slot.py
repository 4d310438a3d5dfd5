"""The header's weather slot in each edition: words, icon, credit, and the date beside it."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from lxml import html

from dateline.public.tests.test_html_validity import validate
from dateline.test import edition_make
from dateline.weather.models import Observation

from .minsk import NOW

SLOT = {
    "en": "Minsk Mainly clear -23°C",
    "ru": "Минск Преимущественно ясно -23°C",
    "be": "Мінск Пераважна ясна -23°C",
    "zh": "明斯克 大部晴朗 -23°C",
}
CREDIT = {
    "en": "Data: MET Norway",
    "ru": "Данные: MET Norway",
    "be": "Даныя: MET Norway",
    "zh": "数据：MET Norway",
}


def observe(edition, *, celsius=-23.2, code=1, is_day=True, provider="metno", at=NOW):
    return Observation.objects.create(
        edition=edition,
        observed_at=at,
        temperature_c=celsius,
        weather_code=code,
        is_day=is_day,
        provider=provider,
    )


def page(client, language="en"):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return html.fromstring(response.content)


def text(node) -> str:
    return " ".join(node.text_content().split())


@pytest.mark.parametrize("language", SLOT)
@time_machine.travel(NOW, tick=False)
def test_slot_reads_in_the_editions_language_with_the_credit(client, english, language):
    edition = english[0] if language == "en" else edition_make(language)[0]
    observe(edition)
    tree = page(client, language)
    assert [text(node) for node in tree.cssselect(".weather")] == [SLOT[language]]
    assert [text(node) for node in tree.cssselect(".weather-credit")] == [CREDIT[language]]
    assert tree.cssselect(".weather-credit a")[0].get("href") == "https://www.met.no/en"


@time_machine.travel(NOW, tick=False)
def test_icon_is_decorative_and_adds_no_text(client, english):
    observe(english[0], code=1, is_day=True)
    (svg,) = page(client).cssselect(".weather svg")
    assert svg.get("aria-hidden") == "true"
    assert svg.get("class") == "weather-icon icon-mainly-clear-day"
    assert svg.text_content().strip() == ""
    assert svg.cssselect("title, text, desc") == []


@time_machine.travel(NOW, tick=False)
def test_plus_sign_follows_the_editions_style(client, english):
    edition = english[0]
    observe(edition, celsius=5.4, code=3)
    assert [text(n) for n in page(client).cssselect(".weather")] == ["Minsk Overcast 5°C"]
    edition.plus_sign_on_temperatures = True
    edition.save()
    assert [text(n) for n in page(client).cssselect(".weather")] == ["Minsk Overcast +5°C"]


@time_machine.travel(NOW, tick=False)
def test_observations_from_elsewhere_carry_no_credit(client, english):
    observe(english[0], provider="test")
    tree = page(client)
    assert [text(n) for n in tree.cssselect(".weather")] == ["Minsk Mainly clear -23°C"]
    assert tree.cssselect(".weather-credit") == []


def test_date_beside_the_weather_turns_at_minsk_midnight_not_utc(client, english):
    before = datetime(2026, 11, 26, 20, 59, tzinfo=UTC)  # 23:59 Thursday in Minsk
    observe(english[0], at=before - timedelta(minutes=30), code=0, is_day=False)
    with time_machine.travel(before, tick=False) as clock:
        tree = page(client)
        assert text(tree.cssselect(".today time")[0]) == "Thursday, 26 November 2026"
        assert tree.cssselect(".weather svg")[0].get("class").endswith("icon-clear-night")
        clock.move_to(before + timedelta(minutes=1))  # 00:00 Friday in Minsk, 21:00 UTC
        tree = page(client)
        assert text(tree.cssselect(".today time")[0]) == "Friday, 27 November 2026"
        assert [text(n) for n in tree.cssselect(".weather")] == ["Minsk Clear -23°C"]


@time_machine.travel(NOW, tick=False)
def test_pages_with_the_weather_slot_are_valid_html(client, russian, tmp_path):
    edition, _, _ = russian
    observe(edition, code=80, is_day=True)
    path = tmp_path / "home.html"
    path.write_bytes(client.get("/ru/").content)
    assert "icon-showers-day" in path.read_text()
    assert validate([path]) == []
