"""Refreshing from Open-Meteo: its paid host with an API key, or a self-hosted server."""

from datetime import timedelta
from decimal import Decimal

import time_machine
from lxml import html

from dateline.weather.models import Observation
from dateline.weather.refresh import weather_refresh

from .minsk import NOW, answer_forecast
from .server import openmeteo_current


@time_machine.travel(NOW, tick=False)
def test_current_conditions_are_asked_and_stored(client, english, open_meteo):
    edition, _, _ = english
    open_meteo.answer(200, openmeteo_current(NOW - timedelta(minutes=1), -4.6, 2, 1))
    report = weather_refresh(edition)
    assert str(report) == "[en] Minsk: Partly cloudy -5°C at 12:45 (Open-Meteo)"
    (request,) = open_meteo.requests
    assert request.path == "/v1/forecast"
    assert request.query == {
        "latitude": "53.9023",
        "longitude": "27.5619",
        "current": "temperature_2m,weather_code,is_day",
        "timezone": "GMT",
    }
    observation = Observation.objects.get()
    assert (observation.temperature_c, observation.weather_code, observation.is_day) == (
        Decimal("-4.6"),
        2,
        True,
    )
    assert observation.observed_at == NOW - timedelta(minutes=1)


@time_machine.travel(NOW, tick=False)
def test_the_api_key_is_sent_when_configured(english, open_meteo, settings):
    settings.OPEN_METEO_API_KEY = "k3y-for-the-paid-plan"
    open_meteo.answer(200, openmeteo_current(NOW, -4.6, 2, 1))
    weather_refresh(english[0])
    assert open_meteo.requests[0].query["apikey"] == "k3y-for-the-paid-plan"


@time_machine.travel(NOW, tick=False)
def test_a_self_hosted_server_under_a_path_is_used(english, open_meteo, settings):
    settings.OPEN_METEO_BASE_URL = f"{open_meteo.url}/open-meteo/"
    open_meteo.answer(200, openmeteo_current(NOW, -4.6, 2, 1))
    assert weather_refresh(english[0]).outcome == "fetched"
    assert open_meteo.requests[0].path == "/open-meteo/v1/forecast"


@time_machine.travel(NOW, tick=False)
def test_night_shows_the_night_icon_and_credits_open_meteo(client, english, open_meteo):
    open_meteo.answer(200, openmeteo_current(NOW, -9.0, 0, 0))
    weather_refresh(english[0])
    tree = html.fromstring(client.get("/en/").content)
    assert tree.cssselect(".weather svg")[0].get("class") == "weather-icon icon-clear-night"
    credit = tree.cssselect(".weather-credit")[0]
    assert " ".join(credit.text_content().split()) == "Data: Open-Meteo"


@time_machine.travel(NOW, tick=False)
def test_an_unknown_weather_code_is_refused(english, open_meteo):
    open_meteo.answer(200, openmeteo_current(NOW, -9.0, 42, 0))
    report = weather_refresh(english[0])
    assert report.failed
    assert report.message.startswith("unknown weather code 42;")
    assert not Observation.objects.exists()


def test_switching_provider_does_not_wait_for_the_other_ones_expires(english, met, settings):
    edition, _, _ = english
    with time_machine.travel(NOW, tick=False):
        answer_forecast(met, expires_in=timedelta(minutes=30))
        weather_refresh(edition)
        settings.WEATHER_PROVIDER = "openmeteo"
        settings.OPEN_METEO_BASE_URL = met.url
        met.answer(200, openmeteo_current(NOW, -4.6, 2, 1))
        report = weather_refresh(edition)
    assert report.outcome == "fetched"
    assert [request.path for request in met.requests] == [
        "/weatherapi/locationforecast/2.0/compact",
        "/v1/forecast",
    ]


@time_machine.travel(NOW, tick=False)
def test_an_implausible_temperature_is_refused(english, open_meteo):
    open_meteo.answer(200, openmeteo_current(NOW, float("nan"), 0, 1))
    report = weather_refresh(english[0])
    assert report.message.startswith("implausible temperature nan;")
    assert not Observation.objects.exists()
