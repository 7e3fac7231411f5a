from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = (
        "Compare the search index with the database: missing and stale documents (exit 1 if any)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Re-send what differs.")

    def handle(self, *args, **options):
        if not indexing.enabled():
            raise CommandError("SEARCH_URL is not set: the database search has no separate index.")
        report = indexing.drift(repair=options["fix"])
        missing, stale = len(report["missing"]), len(report["stale"])
        message = f"{report['documents']} documents indexed; {missing} missing, {stale} stale."
        if missing or stale:
            if options["fix"]:
                self.stdout.write(self.style.WARNING(message + " Repaired."))
                return
            self.stdout.write(self.style.ERROR(message))
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS(message))
