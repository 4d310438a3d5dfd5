"""A real HTTP server on 127.0.0.1 that answers as the weather providers do, as scripted."""

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Scripted:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Seen:
    path: str
    query: dict[str, str]
    headers: dict[str, str]


class FakeWeatherServer:
    """Answers each GET with the next scripted answer (500 when the script has run out)."""

    def __init__(self):
        self.script: deque[Scripted] = deque()
        self.requests: list[Seen] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def answer(self, status=200, body=b"", headers=None, delay=0.0) -> None:
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        self.script.append(Scripted(status, body, headers or {}, delay))

    def start(self) -> "FakeWeatherServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                query = {key: values[0] for key, values in parse_qs(parts.query).items()}
                fake.requests.append(Seen(parts.path, query, dict(self.headers.items())))
                scripted = fake.script.popleft() if fake.script else Scripted(500, b"unscripted")
                time.sleep(scripted.delay)
                try:
                    self.send_response(scripted.status)
                    for name, value in scripted.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(scripted.body)))
                    self.end_headers()
                    self.wfile.write(scripted.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, as the timeout test wants

            def log_message(self, format, *args):
                pass

        return Handler


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
