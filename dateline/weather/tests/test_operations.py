"""What operators and the scheduler get: the command, the task, the system checks."""

from io import StringIO

import pytest
import time_machine
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django_tasks import TaskResultStatus

from dateline.weather.tasks import refresh_weather

from .minsk import NOW, answer_forecast


@time_machine.travel(NOW, tick=False)
def test_command_reports_what_it_fetched_for_each_edition(russian, met):
    answer_forecast(met)
    met.answer(500)
    out = StringIO()
    call_command("weather_refresh", stdout=out, no_color=True)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[en] Minsk: Mainly clear -23°C at 13:00 (MET Norway) [")
    assert lines[1].startswith(
        "[ru] Минск: HTTP 500; showing no observation (the slot is hidden) ["
    )


@time_machine.travel(NOW, tick=False)
def test_command_fails_when_no_edition_could_be_refreshed(english):
    out = StringIO()
    with pytest.raises(CommandError, match="No edition's weather could be refreshed"):
        call_command("weather_refresh", stdout=out, no_color=True)
    assert out.getvalue().startswith("[en] Minsk: cannot connect: ")


@time_machine.travel(NOW, tick=False)
def test_task_returns_the_report_and_never_raises(english, met, settings):
    answer_forecast(met)
    result = refresh_weather.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == ["[en] Minsk: Mainly clear -23°C at 13:00 (MET Norway)"]

    settings.WEATHER_PROVIDER = "metoffice"
    result = refresh_weather.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == [
        "[en] Minsk: not configured: Unknown WEATHER_PROVIDER 'metoffice'."
    ]


@time_machine.travel(NOW, tick=False)
def test_a_crash_for_one_edition_does_not_stop_the_others(russian, met, monkeypatch, caplog):
    from dateline.weather import refresh

    store = refresh._observation_store

    def store_fails_for_english(edition, *args):
        if edition.language == "en":
            raise RuntimeError("disk full")
        return store(edition, *args)

    monkeypatch.setattr(refresh, "_observation_store", store_fails_for_english)
    answer_forecast(met)
    answer_forecast(met)
    reports = refresh.weather_refresh_all()
    assert [str(report) for report in reports] == [
        "[en] Minsk: internal error, see the log",
        "[ru] Минск: Преимущественно ясно -23°C at 13:00 (MET Norway)",
    ]
    assert "Weather refresh for [en] Minsk crashed" in caplog.messages


def check_ids(**kwargs) -> set[str]:
    return {message.id for message in run_checks(**kwargs) if message.id.startswith("weather.")}


def test_checks_catch_configuration_mistakes(settings):
    assert check_ids() == set()
    settings.WEATHER_PROVIDER = "metoffice"
    settings.METNO_BASE_URL = "file:///etc/passwd"
    settings.WEATHER_TIMEOUT = 0
    assert check_ids() == {"weather.E001", "weather.E002", "weather.E003"}


def test_deploy_checks_ask_for_a_contact_and_a_commercial_open_meteo(settings):
    assert check_ids(include_deployment_checks=True) == set()
    settings.WEATHER_USER_AGENT = "Dateline/0.1"
    assert check_ids(include_deployment_checks=True) == {"weather.W001"}
    settings.WEATHER_PROVIDER = "openmeteo"
    settings.OPEN_METEO_BASE_URL = "https://api.open-meteo.com"
    assert check_ids(include_deployment_checks=True) == {"weather.W002"}
    settings.OPEN_METEO_BASE_URL = "https://customer-api.open-meteo.com"
    assert check_ids(include_deployment_checks=True) == set()
