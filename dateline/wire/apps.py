from django.apps import AppConfig


class WireConfig(AppConfig):
    name = "dateline.wire"
    label = "wire"
    verbose_name = "Wire"

    def ready(self):
        from . import checks  # noqa: F401 — registers the system checks
