from django.core.management.base import BaseCommand, CommandError

from dateline.weather.refresh import weather_refresh_all


class Command(BaseCommand):
    help = (
        "Refresh each edition's home-city weather now, as the periodic task does, and report "
        "what was fetched or why not. Honours the provider's Expires and Retry-After."
    )

    def handle(self, *args, **options):
        reports = weather_refresh_all()
        if not reports:
            self.stdout.write("No editions: nothing to refresh.")
            return
        for report in reports:
            style = self.style.ERROR if report.failed else self.style.SUCCESS
            took = f" [{report.seconds:.2f} s]" if report.seconds else ""
            self.stdout.write(style(f"{report}{took}"))
        if all(report.failed for report in reports):
            raise CommandError("No edition's weather could be refreshed.")
