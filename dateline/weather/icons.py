"""Which of the project's icons (templates/weather/icons/*.svg) shows a WMO weather code.

The icons are drawn for Dateline on a 24×24 grid in currentColor strokes; a cloud's `.cloud`
fill (site.css) hides what lies behind it. Day and night differ where the sky shows.
"""

ICON_BY_CODE: dict[int, str] = {
    0: "clear",
    1: "mainly-clear",
    2: "partly-cloudy",
    3: "overcast",
    45: "fog",
    48: "fog",
    51: "drizzle",
    53: "drizzle",
    55: "drizzle",
    56: "freezing-rain",
    57: "freezing-rain",
    61: "rain",
    63: "rain",
    65: "rain",
    66: "freezing-rain",
    67: "freezing-rain",
    68: "sleet",
    69: "sleet",
    71: "snow",
    73: "snow",
    75: "snow",
    77: "snow",
    80: "showers",
    81: "showers",
    82: "showers",
    83: "sleet",
    84: "sleet",
    85: "snow",
    86: "snow",
    95: "thunderstorm",
    96: "thunderstorm",
    99: "thunderstorm",
}
WITH_DAY_AND_NIGHT = {"clear", "mainly-clear", "partly-cloudy", "showers"}


def icon_template(code: int, is_day: bool) -> str | None:
    """The template of the icon: (0, False) → "weather/icons/clear-night.svg"; None if none."""
    name = ICON_BY_CODE.get(code)
    if name is None:
        return None
    if name in WITH_DAY_AND_NIGHT:
        name = f"{name}-day" if is_day else f"{name}-night"
    return f"weather/icons/{name}.svg"
