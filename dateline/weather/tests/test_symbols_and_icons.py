"""MET Norway's symbols as WMO codes, and every code with a label and an icon."""

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.template.loader import get_template

from dateline.weather.icons import icon_template
from dateline.weather.labels import LABELS, LANGUAGES
from dateline.weather.providers.metno import forecast_parse
from dateline.weather.providers.metno_symbols import symbol_parse

from .server import metno_forecast

LEGEND = Path(__file__).resolve().parent.parent / "data" / "metno-weathericons-legend.csv"


def legend_symbols() -> list[str]:
    """Every symbol code MET Norway sends, with its _day/_night/_polartwilight variants."""
    with LEGEND.open(encoding="utf-8") as legend:
        rows = list(csv.DictReader(legend))
    symbols = []
    for row in rows:
        base = row["Symbol ID"].strip()
        if row["Variants"] == "1":
            symbols += [f"{base}_day", f"{base}_night", f"{base}_polartwilight"]
        else:
            symbols.append(base)
    return symbols


def test_legend_lists_every_symbol_we_expect():
    symbols = legend_symbols()
    assert len(symbols) == 41 + 2 * 21  # 41 codes, 21 of them with day, night, polar twilight
    assert "lightssleetshowersandthunder_day" in symbols  # MET's own spelling


@pytest.mark.parametrize("symbol", legend_symbols())
def test_every_met_symbol_maps_to_a_labelled_wmo_code_with_an_icon(symbol):
    code, _ = symbol_parse(symbol)
    assert code in LABELS
    assert all(LABELS[code])
    get_template(icon_template(code, True))
    get_template(icon_template(code, False))


@pytest.mark.parametrize(
    ("symbol", "expected"),
    [
        ("clearsky_day", (0, True)),
        ("fair_night", (1, False)),
        ("partlycloudy_polartwilight", (2, True)),
        ("cloudy", (3, None)),
        ("fog", (45, None)),
        ("lightrain", (61, None)),
        ("rainshowers_day", (81, True)),
        ("heavysnow", (75, None)),
        ("sleet", (69, None)),
        ("lightsleetshowers_night", (83, False)),
        ("lightssleetshowersandthunder_day", (95, True)),
        ("lightssnowshowersandthunder_night", (95, False)),
        ("heavyrainandthunder", (95, None)),
    ],
)
def test_symbol_codes_map_to_wmo_codes_and_daylight(symbol, expected):
    assert symbol_parse(symbol) == expected


def test_unknown_symbols_are_not_guessed():
    assert symbol_parse("hailstorm_day") is None
    assert symbol_parse("clearsky_dusk") is None


def test_symbols_without_day_and_night_take_the_daylight_of_the_nearest_period():
    start = datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    symbols = ["fair_day", "fair_night", "rain", "rain", "rain"]
    forecast = metno_forecast(start, [(1.0, symbol) for symbol in symbols])
    readings = forecast_parse(json.dumps(forecast).encode())
    assert [reading.is_day for reading in readings] == [True, False, False, False, False]


@pytest.mark.parametrize("code", sorted(LABELS))
def test_every_wmo_code_has_labels_in_every_language_and_an_icon(code):
    assert len(LABELS[code]) == len(LANGUAGES)
    assert icon_template(code, True) is not None
