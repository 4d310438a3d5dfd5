"""Weather providers behind one interface (base.Provider); WEATHER_PROVIDER picks one."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import Answer, Credit, Provider, Reading, WeatherError
from .metno import MetNorway
from .openmeteo import OpenMeteo

PROVIDERS: dict[str, type[MetNorway] | type[OpenMeteo]] = {
    MetNorway.name: MetNorway,
    OpenMeteo.name: OpenMeteo,
}

__all__ = ["Answer", "Credit", "Provider", "Reading", "WeatherError", "PROVIDERS"]


def provider_configured() -> Provider:
    """The provider WEATHER_PROVIDER names, set up from settings (see the weather.E001 check)."""
    if settings.WEATHER_PROVIDER not in PROVIDERS:
        raise ImproperlyConfigured(f"Unknown WEATHER_PROVIDER {settings.WEATHER_PROVIDER!r}.")
    if PROVIDERS[settings.WEATHER_PROVIDER] is OpenMeteo:
        return OpenMeteo(
            base_url=settings.OPEN_METEO_BASE_URL,
            api_key=settings.OPEN_METEO_API_KEY,
            user_agent=settings.WEATHER_USER_AGENT,
            timeout=settings.WEATHER_TIMEOUT,
        )
    return MetNorway(
        base_url=settings.METNO_BASE_URL,
        user_agent=settings.WEATHER_USER_AGENT,
        timeout=settings.WEATHER_TIMEOUT,
    )


def provider_credit(name: str) -> Credit | None:
    """Whom to credit for data a provider gave; None for observations from elsewhere."""
    provider = PROVIDERS.get(name)
    return provider.credit if provider else None


def provider_title(name: str) -> str:
    provider = PROVIDERS.get(name)
    return provider.title if provider else name
