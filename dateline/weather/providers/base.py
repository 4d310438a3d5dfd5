"""What every weather provider answers, and how it fails."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class Reading:
    """The weather a provider gives for one moment."""

    at: datetime
    temperature_c: float
    weather_code: int  # WMO weather interpretation code
    is_day: bool

    def __post_init__(self):
        # NaN, infinities and sensor garbage must not reach the header (nor the DecimalField).
        if not -100 < self.temperature_c < 100:
            raise WeatherError("malformed", f"implausible temperature {self.temperature_c}")


@dataclass(frozen=True)
class Answer:
    """A provider's answer to one request.

    `readings` is MET Norway's hourly forecast or Open-Meteo's single current reading; empty
    when the provider answered 304 Not Modified.
    """

    readings: tuple[Reading, ...]
    not_modified: bool = False
    last_modified: str = ""  # verbatim, to be sent back as If-Modified-Since
    expires_at: datetime | None = None  # no new request before this
    deprecated: bool = False  # MET Norway's 203: the product version is being invalidated


@dataclass(frozen=True)
class Credit:
    name: str
    url: str
    license: str


class WeatherError(Exception):
    """A request that gave no usable weather.

    `kind` is stable ("timeout", "http_429", "malformed", …) so that a failure repeating on
    every refresh is logged once; `message` is what an operator reads.
    """

    def __init__(self, kind: str, message: str, *, retry_at: datetime | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_at = retry_at


class Provider(Protocol):
    name: str  # stored on observations: "metno", "openmeteo"
    title: str  # for reports: "MET Norway"
    credit: Credit

    def fetch(self, *, latitude: Decimal, longitude: Decimal, last_modified: str = "") -> Answer:
        """The weather at a place; raises WeatherError."""
        ...


def coordinate(value: Decimal | float | str) -> str:
    """At most four decimals (about 10 m), as MET Norway demands: "53.9023", "27.5"."""
    rounded = Decimal(str(value)).quantize(Decimal("0.0001")).normalize()
    return format(rounded if rounded else Decimal(0), "f")  # never "-0"
