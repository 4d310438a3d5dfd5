from django.core.management.base import BaseCommand, CommandError

from dateline.public.demo.build import demo_content_create


class Command(BaseCommand):
    help = (
        "Create demo content: four editions of an invented news agency with pages, people, "
        "photos and about 220 published articles each. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles-per-edition", type=int, default=220)
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, **options):
        if options["articles_per_edition"] < 1:
            raise CommandError("--articles-per-edition must be at least 1.")
        summary = demo_content_create(
            articles_per_edition=options["articles_per_edition"], seed=options["seed"]
        )
        self.stdout.write(str(summary))
