"""Wire configuration mistakes, as system checks (`manage.py check`)."""

from django.conf import settings
from django.core import checks


@checks.register()
def check_wire_settings(app_configs, **kwargs):
    errors = []
    if not settings.WIRE_BASE_URL.startswith(("http://", "https://")):
        errors.append(
            checks.Error(
                "WIRE_BASE_URL must be an absolute http(s) URL.",
                hint="Partners get picture and story links built on it; set SITE_URL or "
                "WIRE_BASE_URL, e.g. https://agency.example.",
                id="wire.E001",
            )
        )
    positive = ("WIRE_RATE_LIMIT", "WIRE_RATE_WINDOW", "WIRE_PUSH_MAX_ATTEMPTS")
    for name in (*positive, "WIRE_PUSH_TIMEOUT"):
        if getattr(settings, name) <= 0:
            errors.append(checks.Error(f"{name} must be positive.", id="wire.E002"))
    for name in ("WIRE_PUSH_RETRY_BASE", "WIRE_PUSH_RETRY_LONGEST"):
        if getattr(settings, name) < 0:
            errors.append(checks.Error(f"{name} cannot be negative.", id="wire.E003"))
    return errors
