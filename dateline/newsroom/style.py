"""The agency's house style: datelines and dates, in each edition's language and time zone."""

from datetime import datetime

from babel.dates import format_datetime

from .models import Edition


def format_local(moment: datetime, pattern: str, edition: Edition) -> str:
    """Format an aware datetime with a CLDR pattern in the edition's language and zone."""
    return format_datetime(moment, pattern, tzinfo=edition.tz, locale=edition.language)


def dateline(*, city: str, published_at: datetime, edition: Edition) -> str:
    """“MINSK, 30 November (DNA) -”; Russian and Belarusian take the genitive month."""
    return edition.dateline_pattern.format(
        city=city.upper(),
        date=format_local(published_at, edition.dateline_date_format, edition),
        agency=edition.agency_short_name,
    )


def published_time(moment: datetime, edition: Edition) -> str:
    """“30 November 2020, 12:46”."""
    return format_local(moment, edition.published_format, edition)


def header_date(moment: datetime, edition: Edition) -> str:
    """“Thursday, 26 November 2026”, by the edition's local calendar."""
    return format_local(moment, edition.header_date_format, edition)


def day_heading(moment: datetime, edition: Edition) -> str:
    return format_local(moment, edition.day_heading_format, edition)


def clock_time(moment: datetime, edition: Edition) -> str:
    return format_local(moment, edition.time_format, edition)


def same_local_day(first: datetime, second: datetime, edition: Edition) -> bool:
    tz = edition.tz
    return first.astimezone(tz).date() == second.astimezone(tz).date()


def list_time(moment: datetime, edition: Edition, *, now: datetime) -> str:
    """In lists: “12:46” for today's articles, the full “30 November 2020, 12:46” otherwise."""
    if same_local_day(moment, now, edition):
        return clock_time(moment, edition)
    return published_time(moment, edition)


def temperature(celsius: float, edition: Edition) -> str:
    """Whole degrees with the minus sign the agency uses: “-23°C”, “+5°C” or “5°C”."""
    degrees = round(celsius)
    if degrees == 0:
        return "0°C"
    sign = "+" if degrees > 0 and edition.plus_sign_on_temperatures else ""
    return f"{sign}{degrees}°C"
