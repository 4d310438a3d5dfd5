"""Open-Meteo's current conditions. Its free host is for non-commercial use only: a news site
uses the paid host (customer-api.open-meteo.com with an API key) or its own server."""

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import urlencode

from dateline.weather.labels import LABELS

from .base import Answer, Credit, Reading, WeatherError, coordinate
from .transport import http_get


class OpenMeteo:
    name = "openmeteo"
    title = "Open-Meteo"
    credit = Credit("Open-Meteo", "https://open-meteo.com/", "CC BY 4.0")

    def __init__(self, *, base_url: str, api_key: str, user_agent: str, timeout: float):
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.user_agent = user_agent
        self.timeout = timeout

    def fetch(self, *, latitude: Decimal, longitude: Decimal, last_modified: str = "") -> Answer:
        params = {
            "latitude": coordinate(latitude),
            "longitude": coordinate(longitude),
            "current": "temperature_2m,weather_code,is_day",
            "timezone": "GMT",
        }
        if self.api_key:
            params["apikey"] = self.api_key
        answer = http_get(
            f"{self.base_url}/v1/forecast?{urlencode(params)}",
            headers={"User-Agent": self.user_agent, "Accept": "application/json"},
            timeout=self.timeout,
        )
        return Answer((current_parse(answer.body),))


def current_parse(body: bytes) -> Reading:
    try:
        document = json.loads(body)
    except ValueError:
        raise WeatherError("malformed", "malformed JSON") from None
    try:
        current = document["current"]
        at = datetime.fromisoformat(current["time"])
        if at.tzinfo is None:
            offset = timedelta(seconds=int(document.get("utc_offset_seconds", 0)))
            at = at.replace(tzinfo=UTC) - offset
        reading = Reading(
            at=at,
            temperature_c=float(current["temperature_2m"]),
            weather_code=int(current["weather_code"]),
            is_day=bool(int(current["is_day"])),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise WeatherError(
            "malformed", f"unexpected JSON ({type(error).__name__}: {error})"
        ) from None
    if reading.weather_code not in LABELS:
        raise WeatherError("malformed", f"unknown weather code {reading.weather_code}")
    return reading
