"""The weather providers as a real HTTP server on 127.0.0.1, and the documents they send."""

import json
from datetime import datetime, timedelta
from email.utils import format_datetime

from dateline.fake_http import Answer, ScriptedServer


class FakeWeatherServer(ScriptedServer):
    """Answers each GET as scripted (500 when the script has run out); bodies may be JSON."""

    def __init__(self):
        super().__init__(unscripted=Answer(500, b"unscripted"))

    @property
    def url(self) -> str:
        return self.base_url

    def answer(self, status=200, body=b"", headers=None, delay=0.0) -> None:
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        self.script.append(Answer(status, body, headers or {}, delay))


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def metno_forecast(start: datetime, periods: list[tuple[float, str]]) -> dict:
    """A Locationforecast /compact document: hourly periods from `start` (temperature, symbol)."""
    timeseries = [
        {
            "time": (start + timedelta(hours=hour)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "data": {
                "instant": {"details": {"air_temperature": temperature, "wind_speed": 3.1}},
                "next_1_hours": {
                    "summary": {"symbol_code": symbol},
                    "details": {"precipitation_amount": 0.0},
                },
                "next_6_hours": {"summary": {"symbol_code": symbol}},
            },
        }
        for hour, (temperature, symbol) in enumerate(periods)
    ]
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [27.5619, 53.9023, 222]},
        "properties": {
            "meta": {"updated_at": start.strftime("%Y-%m-%dT%H:%M:%SZ"), "units": {}},
            "timeseries": timeseries,
        },
    }


def openmeteo_current(moment: datetime, temperature: float, code: int, is_day: int) -> dict:
    return {
        "latitude": 53.9,
        "longitude": 27.5625,
        "utc_offset_seconds": 0,
        "timezone": "GMT",
        "current_units": {"time": "iso8601", "temperature_2m": "°C", "weather_code": "wmo code"},
        "current": {
            "time": moment.strftime("%Y-%m-%dT%H:%M"),
            "interval": 900,
            "temperature_2m": temperature,
            "weather_code": code,
            "is_day": is_day,
        },
    }
