"""Month grids for the date archive, in the edition's language, weeks from Monday."""

import calendar
from dataclasses import dataclass
from datetime import date

from babel.dates import format_skeleton, get_day_names
from django.urls import reverse


@dataclass(frozen=True)
class Day:
    day: date
    articles: int
    url: str  # empty when the day has no articles


@dataclass(frozen=True)
class Month:
    first: date
    title: str
    url: str
    weeks: list[list[Day | None]]  # None: a day of the neighbouring month


def weekday_names(language: str) -> list[tuple[str, str]]:
    """(short, full) names of the days of the week, Monday first."""
    short = get_day_names("abbreviated", locale=language)
    full = get_day_names("wide", locale=language)
    return [(short[i], full[i]) for i in range(7)]


def month_title(first: date, language: str) -> str:
    """“November 2026”, “ноябрь 2026 г.”, “2026年11月”."""
    return format_skeleton("yMMMM", first, locale=language)


def month_grid(year: int, month: int, counts: dict[date, int], language: str) -> Month:
    weeks = [
        [_day(day, counts.get(day, 0)) if day.month == month else None for day in week]
        for week in calendar.Calendar(calendar.MONDAY).monthdatescalendar(year, month)
    ]
    first = date(year, month, 1)
    return Month(first, month_title(first, language), month_url(first), weeks)


def _day(day: date, articles: int) -> Day:
    return Day(day, articles, day_url(day) if articles else "")


def year_url(year: int) -> str:
    return reverse("search:archive_year", kwargs={"year": year})


def month_url(day: date) -> str:
    return reverse("search:archive_month", kwargs={"year": day.year, "month": f"{day.month:02d}"})


def day_url(day: date) -> str:
    return reverse(
        "search:archive_day",
        kwargs={"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}"},
    )
