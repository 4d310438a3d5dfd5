"""Refreshing from MET Norway: what is asked, what is stored, when not to ask."""

from datetime import timedelta
from decimal import Decimal

import time_machine

from dateline.weather.models import FetchState, Observation
from dateline.weather.providers.base import coordinate
from dateline.weather.refresh import weather_refresh

from .conftest import USER_AGENT
from .minsk import LAST_MODIFIED, NOW, START, answer_forecast, header_weather
from .server import http_date


@time_machine.travel(NOW, tick=False)
def test_refresh_stores_the_period_nearest_now_and_the_header_shows_it(client, english, met):
    edition, _, _ = english
    answer_forecast(met)
    report = weather_refresh(edition)
    assert report.outcome == "fetched"
    assert str(report) == "[en] Minsk: Mainly clear -23°C at 13:00 (MET Norway)"
    observation = Observation.objects.get()
    assert observation.observed_at == START + timedelta(hours=1)
    assert (observation.temperature_c, observation.weather_code, observation.is_day) == (
        Decimal("-23.2"),
        1,
        True,
    )
    assert observation.provider == "metno"
    assert header_weather(client) == ["Minsk Mainly clear -23°C"]


@time_machine.travel(NOW, tick=False)
def test_request_names_the_app_and_sends_coordinates_with_four_decimals(english, met):
    edition, _, _ = english
    answer_forecast(met)
    weather_refresh(edition)
    (request,) = met.requests
    assert request.path == "/weatherapi/locationforecast/2.0/compact"
    assert request.query == {"lat": "53.9023", "lon": "27.5619"}
    assert request.headers["User-Agent"] == USER_AGENT
    assert "If-Modified-Since" not in request.headers


def test_coordinates_are_rounded_to_at_most_four_decimals():
    assert coordinate(Decimal("53.902345678")) == "53.9023"
    assert coordinate(27.56189) == "27.5619"
    assert coordinate("27.5000") == "27.5"
    assert coordinate(Decimal("-0.00004")) == "0"


def test_expires_is_honoured_then_if_modified_since_is_sent_and_304_moves_to_the_hour(
    client, english, met
):
    edition, _, _ = english
    with time_machine.travel(NOW, tick=False) as clock:
        answer_forecast(met, expires_in=timedelta(minutes=30))
        weather_refresh(edition)

        clock.move_to(NOW + timedelta(minutes=10))
        report = weather_refresh(edition)
        assert len(met.requests) == 1
        assert report.outcome == "not_due"
        assert report.message == (
            "up to date until 13:16 (Expires); showing Mainly clear -23°C at 13:00 (MET Norway)"
        )

        # 13:36 in Minsk: the forecast has not changed, but now is nearer its 14:00 period.
        later = NOW + timedelta(minutes=50)
        clock.move_to(later)
        met.answer(304, b"", {"Expires": http_date(later + timedelta(minutes=30))})
        report = weather_refresh(edition)
        assert met.requests[1].headers["If-Modified-Since"] == LAST_MODIFIED
        assert report.outcome == "not_modified"
        assert str(report) == (
            "[en] Minsk: not modified since 26 November 2026, 12:30, "
            "kept Partly cloudy -24°C at 14:00 (MET Norway)"
        )
        assert header_weather(client) == ["Minsk Partly cloudy -24°C"]
        state = FetchState.objects.get()
        assert state.next_request_at == later + timedelta(minutes=30)
        assert state.last_modified == LAST_MODIFIED


@time_machine.travel(NOW, tick=False)
def test_a_second_worker_does_not_ask_while_the_first_is_asking(english, met):
    edition, _, _ = english
    FetchState.objects.create(
        edition=edition, provider="metno", claimed_until=NOW + timedelta(minutes=1)
    )
    report = weather_refresh(edition)
    assert (report.outcome, report.message) == ("busy", "another refresh is asking right now")
    assert met.requests == []


@time_machine.travel(NOW, tick=False)
def test_observations_older_than_two_days_are_pruned(english, met):
    edition, _, _ = english
    Observation.objects.create(
        edition=edition,
        observed_at=NOW - timedelta(days=3),
        temperature_c=1,
        weather_code=3,
        provider="metno",
    )
    answer_forecast(met)
    weather_refresh(edition)
    assert list(Observation.objects.values_list("observed_at", flat=True)) == [
        START + timedelta(hours=1)
    ]
