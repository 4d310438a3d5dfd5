from django.apps import AppConfig


class WeatherConfig(AppConfig):
    name = "dateline.weather"
    label = "weather"
    verbose_name = "Weather"

    def ready(self):
        from . import checks  # noqa: F401 — registers the system checks
