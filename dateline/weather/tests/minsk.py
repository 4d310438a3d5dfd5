"""The scenario most weather tests share: a Thursday in Minsk, as MET Norway forecasts it."""

from datetime import UTC, datetime, timedelta

from lxml import html

from .server import http_date, metno_forecast

# 12:46 in Minsk; the forecast's periods start at 12:00 local (09:00 UTC).
NOW = datetime(2026, 11, 26, 9, 46, tzinfo=UTC)
START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
FORECAST = metno_forecast(
    START,
    [
        (-22.6, "fair_day"),  # 12:00
        (-23.2, "fair_day"),  # 13:00, nearest to 12:46
        (-23.8, "partlycloudy_day"),  # 14:00
        (-24.4, "cloudy"),  # 15:00
        (-25.0, "clearsky_night"),  # 16:00
    ],
)
LAST_MODIFIED = http_date(datetime(2026, 11, 26, 9, 30, tzinfo=UTC))


def answer_forecast(server, *, now=NOW, status=200, expires_in=timedelta(minutes=30)):
    server.answer(
        status,
        FORECAST,
        {
            "Content-Type": "application/json",
            "Last-Modified": LAST_MODIFIED,
            "Expires": http_date(now + expires_in),
        },
    )


def header_weather(client, language="en") -> list[str]:
    """The weather slot's text as a reader sees it; the page must render whatever happened."""
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    return [" ".join(node.text_content().split()) for node in tree.cssselect(".weather")]


def warnings(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("dateline.weather") and record.levelname == "WARNING"
    ]
