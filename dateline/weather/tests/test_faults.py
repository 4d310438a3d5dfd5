"""When the provider fails: the page renders, the last good observation stays until it is too
old, the failure is logged once, and the next refresh recovers. A real server plays MET."""

import logging
import time
from datetime import timedelta

import pytest
import time_machine

from dateline.weather.models import FetchState, Observation
from dateline.weather.refresh import weather_refresh

from .minsk import NOW, answer_forecast, header_weather, warnings

SHOWN = ["Minsk Mainly clear -23°C"]
# Each fault as the server plays it, and the report's words for it.
FAULTS = {
    "timeout": ({"body": b"{}", "delay": 1.0}, "timeout after 0.5 s"),
    "server error": ({"status": 500, "body": b"<h1>Internal error</h1>"}, "HTTP 500"),
    "malformed json": ({"body": b'{"type": "Feature", "properties": {'}, "malformed JSON"),
    "unexpected json": ({"body": {"type": "Feature"}}, "unexpected JSON (KeyError: 'properties')"),
}


@pytest.fixture
def caplog_weather(caplog):
    caplog.set_level(logging.INFO, logger="dateline.weather")
    return caplog


@pytest.mark.parametrize("fault", FAULTS)
def test_fault_keeps_the_observation_is_logged_once_and_the_next_refresh_recovers(
    fault, client, english, met, caplog_weather
):
    edition, _, _ = english
    script, words = FAULTS[fault]
    with time_machine.travel(NOW, tick=False) as clock:
        answer_forecast(met)
        weather_refresh(edition)
        for minutes in (31, 46, 61):  # three scheduled refreshes, all failing
            clock.move_to(NOW + timedelta(minutes=minutes))
            met.answer(**script)
            started = time.monotonic()
            report = weather_refresh(edition)
            assert time.monotonic() - started < 0.9  # never waits for the slow server
            assert report.failed
            assert report.message == (f"{words}; showing Mainly clear -23°C at 13:00 (MET Norway)")
            assert header_weather(client) == SHOWN
        assert warnings(caplog_weather) == [f"Weather for [en] Minsk from MET Norway: {words}"]

        clock.move_to(NOW + timedelta(minutes=76))
        answer_forecast(met, now=NOW + timedelta(minutes=76))
        report = weather_refresh(edition)
    assert report.outcome == "fetched"
    assert FetchState.objects.get().failure == ""
    assert "Weather for [en] Minsk from MET Norway is back" in caplog_weather.messages


def test_a_new_kind_of_failure_is_logged_again(english, met, caplog_weather):
    edition, _, _ = english
    with time_machine.travel(NOW, tick=False) as clock:
        for minutes, status in ((0, 500), (15, 500), (30, 502), (45, 502)):
            clock.move_to(NOW + timedelta(minutes=minutes))
            met.answer(status)
            weather_refresh(edition)
    assert warnings(caplog_weather) == [
        "Weather for [en] Minsk from MET Norway: HTTP 500",
        "Weather for [en] Minsk from MET Norway: HTTP 502",
    ]


def test_429_waits_for_retry_after_before_asking_again(client, english, met, caplog_weather):
    edition, _, _ = english
    with time_machine.travel(NOW, tick=False) as clock:
        answer_forecast(met)
        weather_refresh(edition)
        throttled_at = NOW + timedelta(minutes=31)
        clock.move_to(throttled_at)
        met.answer(429, b"Too many requests", {"Retry-After": "120"})
        report = weather_refresh(edition)
        assert report.message.startswith("HTTP 429, retry after 120 s;")
        assert FetchState.objects.get().next_request_at == throttled_at + timedelta(seconds=120)

        clock.move_to(throttled_at + timedelta(seconds=60))
        report = weather_refresh(edition)
        assert len(met.requests) == 2  # no request inside Retry-After
        assert (report.outcome, report.message) == (
            "not_due",
            "HTTP 429, retry after 120 s; no request before 13:19",
        )
        assert header_weather(client) == SHOWN

        clock.move_to(throttled_at + timedelta(seconds=121))
        answer_forecast(met, now=throttled_at + timedelta(seconds=121))
        assert weather_refresh(edition).outcome == "fetched"
    assert len(met.requests) == 3
    assert warnings(caplog_weather) == [
        "Weather for [en] Minsk from MET Norway: HTTP 429, retry after 120 s"
    ]


def test_203_deprecation_uses_the_data_and_warns_once(client, english, met, caplog_weather):
    edition, _, _ = english
    with time_machine.travel(NOW, tick=False) as clock:
        answer_forecast(met, status=203)
        report = weather_refresh(edition)
        assert report.outcome == "fetched"
        assert report.message == (
            "Mainly clear -23°C at 13:00 (MET Norway)"
            " — the provider says this product is deprecated (HTTP 203)"
        )
        assert header_weather(client) == SHOWN
        clock.move_to(NOW + timedelta(minutes=31))
        answer_forecast(met, status=203, now=NOW + timedelta(minutes=31))
        assert weather_refresh(edition).outcome == "fetched"
    assert len(met.requests) == 2
    assert len(warnings(caplog_weather)) == 1
    assert "MET Norway answers 203" in warnings(caplog_weather)[0]


def test_observation_older_than_three_hours_is_hidden_while_the_provider_fails(
    client, english, met
):
    edition, _, _ = english
    with time_machine.travel(NOW, tick=False) as clock:
        answer_forecast(met)
        weather_refresh(edition)  # the 13:00 period
        clock.move_to(NOW + timedelta(hours=3, minutes=10))  # 15:56, before 16:00
        met.answer(500)
        weather_refresh(edition)
        assert header_weather(client) == SHOWN
        clock.move_to(NOW + timedelta(hours=3, minutes=20))  # 16:06
        met.answer(500)
        report = weather_refresh(edition)
        assert report.message == "HTTP 500; showing no observation (the slot is hidden)"
        assert header_weather(client) == []


def test_pages_never_ask_the_provider_nor_log(client, english, met, caplog_weather):
    edition, _, _ = english
    with time_machine.travel(NOW, tick=False) as clock:
        answer_forecast(met, expires_in=timedelta(minutes=5))
        weather_refresh(edition)
        clock.move_to(NOW + timedelta(hours=1))  # long past Expires
        caplog_weather.clear()
        for _ in range(3):
            assert header_weather(client) == SHOWN
    assert len(met.requests) == 1
    assert caplog_weather.records == []


@time_machine.travel(NOW, tick=False)
def test_an_observation_the_site_cannot_label_still_renders(client, english):
    edition, _, _ = english
    Observation.objects.create(
        edition=edition, observed_at=NOW, temperature_c=4, weather_code=42, provider="elsewhere"
    )
    assert header_weather(client) == ["Minsk 4°C"]


def test_connection_refused_is_a_failure_not_an_exception(english, caplog_weather):
    edition, _, _ = english  # the autouse fixture points MET at a closed port
    report = weather_refresh(edition)
    assert report.failed
    assert report.message.startswith("cannot connect: ")
    assert len(warnings(caplog_weather)) == 1
