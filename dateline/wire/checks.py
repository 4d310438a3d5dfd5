"""Wire configuration mistakes, as system checks (`manage.py check`)."""

import ipaddress

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
    return errors + _allowed_hosts_errors()


def _allowed_hosts_errors() -> list[checks.Error]:
    # A mistyped network would otherwise be read as a host name and match nothing.
    errors = []
    for entry in settings.WIRE_PUSH_ALLOWED_HOSTS:
        try:
            ipaddress.ip_network(entry.strip("[]"), strict=False)
        except ValueError:
            if "/" in entry or ":" in entry or entry.replace(".", "").isdigit():
                errors.append(
                    checks.Error(
                        f"WIRE_PUSH_ALLOWED_HOSTS: “{entry}” is neither a network nor a host name.",
                        hint="Networks as 10.20.0.0/16 or fd00::/8, hosts as cms.partner.lan.",
                        id="wire.E004",
                    )
                )
    return errors
