"""MET Norway's symbol codes as WMO weather interpretation codes.

The codes are listed in dateline/weather/data/metno-weathericons-legend.csv (from
metno/weathericons). MET reports no hail, so every "…andthunder" is WMO 95; its sleet is WMO's
"rain and snow" (68/69, showers 83/84).
"""

WMO_BY_SYMBOL: dict[str, int] = {
    "clearsky": 0,
    "fair": 1,
    "partlycloudy": 2,
    "cloudy": 3,
    "fog": 45,
    "lightrain": 61,
    "rain": 63,
    "heavyrain": 65,
    "lightsleet": 68,
    "sleet": 69,
    "heavysleet": 69,
    "lightsnow": 71,
    "snow": 73,
    "heavysnow": 75,
    "lightrainshowers": 80,
    "rainshowers": 81,
    "heavyrainshowers": 82,
    "lightsleetshowers": 83,
    "sleetshowers": 84,
    "heavysleetshowers": 84,
    "lightsnowshowers": 85,
    "snowshowers": 85,
    "heavysnowshowers": 86,
    "lightrainandthunder": 95,
    "rainandthunder": 95,
    "heavyrainandthunder": 95,
    "lightsleetandthunder": 95,
    "sleetandthunder": 95,
    "heavysleetandthunder": 95,
    "lightsnowandthunder": 95,
    "snowandthunder": 95,
    "heavysnowandthunder": 95,
    "lightrainshowersandthunder": 95,
    "rainshowersandthunder": 95,
    "heavyrainshowersandthunder": 95,
    # MET spells these two with a double "s"; the correct spelling is accepted in case they fix it.
    "lightssleetshowersandthunder": 95,
    "lightsleetshowersandthunder": 95,
    "sleetshowersandthunder": 95,
    "heavysleetshowersandthunder": 95,
    "lightssnowshowersandthunder": 95,
    "lightsnowshowersandthunder": 95,
    "snowshowersandthunder": 95,
    "heavysnowshowersandthunder": 95,
}

# Polar twilight is the lit midday of the polar night: the sun stays below the horizon but the
# sky is bright, so it takes the day icons.
DAYLIGHT_BY_SUFFIX = {"day": True, "night": False, "polartwilight": True}


def symbol_parse(symbol_code: str) -> tuple[int, bool | None] | None:
    """("fair_night") → (1, False); daylight is None for symbols without variants ("cloudy").

    None for a symbol we do not know.
    """
    base, _, suffix = symbol_code.strip().partition("_")
    code = WMO_BY_SYMBOL.get(base)
    if code is None or (suffix and suffix not in DAYLIGHT_BY_SUFFIX):
        return None
    return code, DAYLIGHT_BY_SUFFIX.get(suffix)
