"""Weather configuration mistakes, as system checks (`manage.py check [--deploy]`)."""

from django.conf import settings
from django.core import checks

from .providers import PROVIDERS

FREE_OPEN_METEO = "https://api.open-meteo.com"


def names_a_contact(user_agent: str) -> bool:
    """MET Norway wants to reach whoever runs the client: an e-mail or a web address."""
    return "@" in user_agent or "http://" in user_agent or "https://" in user_agent


@checks.register()
def check_weather_provider(app_configs, **kwargs):
    errors = []
    if settings.WEATHER_PROVIDER not in PROVIDERS:
        errors.append(
            checks.Error(
                f"WEATHER_PROVIDER is {settings.WEATHER_PROVIDER!r}.",
                hint=f"Use one of: {', '.join(PROVIDERS)}.",
                id="weather.E001",
            )
        )
    for name in ("METNO_BASE_URL", "OPEN_METEO_BASE_URL"):
        if not getattr(settings, name).startswith(("http://", "https://")):
            errors.append(checks.Error(f"{name} must be an http(s) URL.", id="weather.E002"))
    if settings.WEATHER_TIMEOUT <= 0:
        errors.append(
            checks.Error("WEATHER_TIMEOUT must be positive (seconds).", id="weather.E003")
        )
    return errors


@checks.register(deploy=True)
def check_weather_terms(app_configs, **kwargs):
    warnings = []
    if settings.WEATHER_PROVIDER == "metno" and not names_a_contact(settings.WEATHER_USER_AGENT):
        warnings.append(
            checks.Warning(
                "WEATHER_USER_AGENT names no contact; MET Norway may block the site.",
                hint='e.g. "Dateline/0.1 https://agency.example newsroom@agency.example".',
                id="weather.W001",
            )
        )
    free_host = settings.OPEN_METEO_BASE_URL.rstrip("/") == FREE_OPEN_METEO
    if settings.WEATHER_PROVIDER == "openmeteo" and free_host:
        warnings.append(
            checks.Warning(
                "Open-Meteo's free API is for non-commercial use only.",
                hint="Set OPEN_METEO_BASE_URL=https://customer-api.open-meteo.com with "
                "OPEN_METEO_API_KEY, or point it at a self-hosted Open-Meteo.",
                id="weather.W002",
            )
        )
    return warnings
