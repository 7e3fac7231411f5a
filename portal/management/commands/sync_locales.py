from django.core.management.base import BaseCommand

from portal import locales


class Command(BaseCommand):
    help = (
        "Give every language its home page, the structural pages the apps register (practice "
        "library, events listing) and the taxonomy, translated through wagtail-localize from "
        "portal/translations/<language>.json (English where a text has no translation yet). "
        "Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--languages", help="Comma-separated codes (default: all but English).")
        parser.add_argument(
            "--update", action="store_true", help="Also refresh translations that already exist."
        )

    def handle(self, *args, **options):
        if locales.default_home() is None:
            self.stderr.write("No home page: run `manage.py migrate` first.")
            return
        codes = options["languages"].split(",") if options["languages"] else None
        languages = locales.target_languages(codes)
        created = locales.provision(languages, update=options["update"])
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(languages)} languages ready; {created} translated pages and terms created."
            )
        )
