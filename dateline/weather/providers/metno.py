"""MET Norway Locationforecast 2.0, the /compact product: free to use, credit "MET Norway".

Terms (https://api.met.no/doc/TermsOfService): an identifying User-Agent, at most four decimals
in coordinates, no request before Expires, If-Modified-Since with the Last-Modified we got.
"""

import json
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import urlencode

from dateline.lib.httpclient import http_date

from .base import Answer, Credit, Reading, WeatherError, coordinate
from .metno_symbols import symbol_parse
from .transport import http_get

# The first periods carry next_1_hours; later ones only the 6- and 12-hour summaries.
SUMMARY_PERIODS = ("next_1_hours", "next_6_hours", "next_12_hours")


class MetNorway:
    name = "metno"
    title = "MET Norway"
    credit = Credit("MET Norway", "https://www.met.no/en", "CC BY 4.0")

    def __init__(self, *, base_url: str, user_agent: str, timeout: float):
        self.base_url = base_url.rstrip("/")
        self.user_agent = user_agent
        self.timeout = timeout

    def fetch(self, *, latitude: Decimal, longitude: Decimal, last_modified: str = "") -> Answer:
        query = urlencode({"lat": coordinate(latitude), "lon": coordinate(longitude)})
        headers = {"User-Agent": self.user_agent, "Accept": "application/json"}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        answer = http_get(f"{self.base_url}/compact?{query}", headers=headers, timeout=self.timeout)
        expires_at = http_date(answer.headers.get("Expires"))
        if answer.status == 304:
            last_modified = answer.headers.get("Last-Modified", last_modified)
            return Answer((), not_modified=True, last_modified=last_modified, expires_at=expires_at)
        return Answer(
            forecast_parse(answer.body),
            last_modified=answer.headers.get("Last-Modified", ""),
            expires_at=expires_at,
            deprecated=answer.status == 203,
        )


def forecast_parse(body: bytes) -> tuple[Reading, ...]:
    """The forecast's periods as readings; entries with a symbol we do not know are left out."""
    try:
        document = json.loads(body)
    except ValueError:
        raise WeatherError("malformed", "malformed JSON") from None
    try:
        entries = [_entry(item) for item in document["properties"]["timeseries"]]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise WeatherError(
            "malformed", f"unexpected JSON ({type(error).__name__}: {error})"
        ) from None
    entries = [entry for entry in entries if entry is not None]
    if not entries:
        raise WeatherError("malformed", "no forecast period with a known symbol")
    return _with_daylight(entries)


def _entry(item: dict) -> tuple[datetime, float, int, bool | None] | None:
    data = item["data"]
    summary = next((data[period]["summary"] for period in SUMMARY_PERIODS if period in data), None)
    parsed = symbol_parse(summary["symbol_code"]) if summary else None
    if parsed is None:
        return None
    at = datetime.fromisoformat(item["time"])
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    temperature = float(data["instant"]["details"]["air_temperature"])
    return at, temperature, *parsed


def _with_daylight(entries: list) -> tuple[Reading, ...]:
    """Cloudy, rain, fog… have no day and night symbols: take the nearest period that does."""
    known = [(index, entry[3]) for index, entry in enumerate(entries) if entry[3] is not None]
    readings = []
    for index, (at, temperature, code, is_day) in enumerate(entries):
        if is_day is None:
            is_day = min(known, key=lambda k: abs(k[0] - index))[1] if known else True
        readings.append(Reading(at, temperature, code, is_day))
    return tuple(readings)
