"""Short labels for WMO weather interpretation codes, written for each edition's language."""

# code: (en, ru, be, zh)
LABELS: dict[int, tuple[str, str, str, str]] = {
    0: ("Clear", "Ясно", "Ясна", "晴"),
    1: ("Mainly clear", "Преимущественно ясно", "Пераважна ясна", "大部晴朗"),
    2: ("Partly cloudy", "Переменная облачность", "Пераменная воблачнасць", "局部多云"),
    3: ("Overcast", "Пасмурно", "Пахмурна", "阴"),
    45: ("Fog", "Туман", "Туман", "雾"),
    48: ("Rime fog", "Изморозь и туман", "Шэрань і туман", "雾凇"),
    51: ("Light drizzle", "Слабая морось", "Слабая імжа", "小毛毛雨"),
    53: ("Drizzle", "Морось", "Імжа", "毛毛雨"),
    55: ("Dense drizzle", "Сильная морось", "Моцная імжа", "大毛毛雨"),
    56: ("Freezing drizzle", "Ледяная морось", "Ледзяная імжа", "冻毛毛雨"),
    57: ("Dense freezing drizzle", "Сильная ледяная морось", "Моцная ледзяная імжа", "强冻毛毛雨"),
    61: ("Light rain", "Небольшой дождь", "Невялікі дождж", "小雨"),
    63: ("Rain", "Дождь", "Дождж", "中雨"),
    65: ("Heavy rain", "Сильный дождь", "Моцны дождж", "大雨"),
    66: ("Freezing rain", "Ледяной дождь", "Ледзяны дождж", "冻雨"),
    67: ("Heavy freezing rain", "Сильный ледяной дождь", "Моцны ледзяны дождж", "强冻雨"),
    # 68/69 and 83/84 are WMO's rain-and-snow codes; Open-Meteo never sends them, but MET
    # Norway's sleet symbols need them.
    68: ("Light sleet", "Небольшой дождь со снегом", "Невялікі дождж са снегам", "小雨夹雪"),
    69: ("Sleet", "Дождь со снегом", "Дождж са снегам", "雨夹雪"),
    71: ("Light snow", "Небольшой снег", "Невялікі снег", "小雪"),
    73: ("Snow", "Снег", "Снег", "中雪"),
    75: ("Heavy snow", "Сильный снег", "Моцны снег", "大雪"),
    77: ("Snow grains", "Снежная крупа", "Снежная крупа", "米雪"),
    80: ("Light showers", "Небольшой ливень", "Невялікая залева", "小阵雨"),
    81: ("Showers", "Ливень", "Залева", "阵雨"),
    82: ("Violent showers", "Сильный ливень", "Моцная залева", "强阵雨"),
    83: (
        "Light sleet showers",
        "Небольшой ливень со снегом",
        "Невялікая залева са снегам",
        "小阵雨夹雪",
    ),
    84: ("Sleet showers", "Ливень со снегом", "Залева са снегам", "阵雨夹雪"),
    85: ("Snow showers", "Снегопад", "Снегапад", "阵雪"),
    86: ("Heavy snow showers", "Сильный снегопад", "Моцны снегапад", "强阵雪"),
    95: ("Thunderstorm", "Гроза", "Навальніца", "雷暴"),
    96: ("Thunderstorm with hail", "Гроза с градом", "Навальніца з градам", "雷暴伴冰雹"),
    99: (
        "Thunderstorm with heavy hail",
        "Гроза с сильным градом",
        "Навальніца з моцным градам",
        "雷暴伴强冰雹",
    ),
}
LANGUAGES = ("en", "ru", "be", "zh")
# Before the provider's name in the header's credit: "Data: MET Norway".
DATA_CREDIT = ("Data: ", "Данные: ", "Даныя: ", "数据：")


def _index(language: str) -> int:
    return LANGUAGES.index(language) if language in LANGUAGES else 0


def weather_label(code: int, language: str) -> str:
    """The label for a WMO code in the language, English where the language is unknown."""
    labels = LABELS.get(code)
    if labels is None:
        return ""
    return labels[_index(language)]


def data_credit_label(language: str) -> str:
    return DATA_CREDIT[_index(language)]
