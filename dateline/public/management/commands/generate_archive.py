import sys

from django.core.management.base import BaseCommand, CommandError

from dateline.public.demo.archive import archive_generate


class Command(BaseCommand):
    help = (
        "Fill the database with generated published stories spread over years, for scale "
        "tests and benchmarks. Resumable: run it again with the same options to finish."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--editions", default="en,ru,be,zh", help="Comma-separated.")
        parser.add_argument("--years", type=float, default=20)
        parser.add_argument("--batch-size", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--index",
            action="store_true",
            help="Also put the stories in the search index, as publishing does (slower).",
        )

    def handle(self, *args, **options):
        if options["articles"] < 1 or options["batch_size"] < 1 or options["years"] <= 0:
            raise CommandError("--articles, --batch-size and --years must be positive.")
        languages = [code.strip() for code in options["editions"].split(",") if code.strip()]
        try:
            progress = archive_generate(
                articles=options["articles"],
                languages=languages,
                years=options["years"],
                batch_size=options["batch_size"],
                seed=options["seed"],
                index=options["index"],
                report=self._report,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        sys.stderr.write("\n")
        self.stdout.write(
            f"Inserted {progress.done} stories ({progress.skipped} already there), "
            f"{progress.rate():.0f} stories/s."
        )

    def _report(self, progress, total) -> None:
        done = progress.done + progress.skipped
        width = 30
        filled = int(width * done / total)
        rate = progress.rate()
        eta = (total - done) / rate if rate else 0
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} "
            f"{rate:,.0f}/s ETA {eta:,.0f} s "
        )
        sys.stderr.flush()
