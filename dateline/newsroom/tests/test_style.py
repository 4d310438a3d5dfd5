"""The house style readers see: datelines, published times, header dates, temperatures."""

from datetime import UTC, datetime

import pytest
from wagtail.models import Locale

from dateline.newsroom import style
from dateline.newsroom.models import Edition

# 09:46 UTC is 12:46 in Minsk (UTC+3).
PUBLISHED = datetime(2020, 11, 30, 9, 46, tzinfo=UTC)


def edition(language: str, **fields) -> Edition:
    defaults = {"agency_short_name": "DNA", "timezone": "Europe/Minsk"}
    # Unsaved: the house style is pure formatting, no database needed.
    return Edition(locale=Locale(language_code=language), **{**defaults, **fields})


def test_english_dateline_reads_like_the_agency_wire():
    result = style.dateline(city="Minsk", published_at=PUBLISHED, edition=edition("en"))
    assert result == "MINSK, 30 November (DNA) -"


@pytest.mark.parametrize(
    ("language", "city", "agency", "expected"),
    [
        ("ru", "Минск", "ДНА", "МИНСК, 30 ноября (ДНА) -"),
        ("be", "Мінск", "ДНА", "МІНСК, 30 лістапада (ДНА) -"),
    ],
)
def test_cyrillic_datelines_put_the_month_in_the_genitive(language, city, agency, expected):
    result = style.dateline(
        city=city, published_at=PUBLISHED, edition=edition(language, agency_short_name=agency)
    )
    assert result == expected


def test_chinese_dateline_follows_the_editions_own_pattern():
    zh = edition("zh", dateline_pattern="{agency}{city}{date}电 —", dateline_date_format="M月d日")
    result = style.dateline(city="明斯克", published_at=PUBLISHED, edition=zh)
    assert result == "DNA明斯克11月30日电 —"


def test_dateline_date_is_the_local_date_not_utc():
    late_evening_utc = datetime(2020, 11, 30, 22, 30, tzinfo=UTC)  # 01:30 on 1 Dec in Minsk
    result = style.dateline(city="Minsk", published_at=late_evening_utc, edition=edition("en"))
    assert result == "MINSK, 1 December (DNA) -"


def test_published_time_in_edition_zone_and_language():
    assert style.published_time(PUBLISHED, edition("en")) == "30 November 2020, 12:46"
    assert style.published_time(PUBLISHED, edition("ru")) == "30 ноября 2020, 12:46"
    zh = edition("zh", published_format="y年M月d日 HH:mm")
    assert style.published_time(PUBLISHED, zh) == "2020年11月30日 12:46"


def test_header_date_names_the_weekday_in_the_editions_language():
    thursday = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    assert style.header_date(thursday, edition("en")) == "Thursday, 26 November 2026"
    assert style.header_date(thursday, edition("ru")) == "четверг, 26 ноября 2026"
    assert style.header_date(thursday, edition("be")) == "чацвер, 26 лістапада 2026"
    zh = edition("zh", header_date_format="y年M月d日EEEE")
    assert style.header_date(thursday, zh) == "2026年11月26日星期四"


def test_header_date_turns_at_local_midnight():
    before_midnight_local = datetime(2026, 11, 26, 20, 59, tzinfo=UTC)  # 23:59 in Minsk
    after_midnight_local = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)  # 00:00 in Minsk
    assert style.header_date(before_midnight_local, edition("en")).startswith("Thursday, 26")
    assert style.header_date(after_midnight_local, edition("en")).startswith("Friday, 27")


@pytest.mark.parametrize(
    ("celsius", "plus", "expected"),
    [(-23.4, False, "-23°C"), (5.2, True, "+5°C"), (5.2, False, "5°C"), (-0.4, True, "0°C")],
)
def test_temperature_in_whole_degrees_with_the_editions_sign_style(celsius, plus, expected):
    assert style.temperature(celsius, edition("en", plus_sign_on_temperatures=plus)) == expected


def test_lists_show_the_time_for_today_and_the_date_for_older_stories():
    now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    today = datetime(2026, 11, 25, 21, 30, tzinfo=UTC)  # 00:30 on the 26th in Minsk
    yesterday = datetime(2026, 11, 25, 20, 30, tzinfo=UTC)  # 23:30 on the 25th in Minsk
    assert style.list_time(today, edition("en"), now=now) == "00:30"
    assert style.list_time(yesterday, edition("en"), now=now) == "25 November 2026, 23:30"
