from django.core.management.base import BaseCommand, CommandError

from search import indexing, registry


class Command(BaseCommand):
    help = (
        "Compare the search index with the database: missing and stale documents (exit 1 if any)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Re-send what differs.")

    def handle(self, *args, **options):
        if not indexing.enabled():
            raise CommandError("SEARCH_URL is not set: the database search has no separate index.")
        drifted = False
        for declaration in registry.declarations():
            report = indexing.drift(repair=options["fix"], declaration=declaration)
            missing, stale = len(report["missing"]), len(report["stale"])
            message = f"{report['documents']} documents indexed; {missing} missing, {stale} stale."
            if len(registry.declarations()) > 1:
                message = f"{declaration.name}: {message}"
            if missing or stale:
                if options["fix"]:
                    self.stdout.write(self.style.WARNING(message + " Repaired."))
                    continue
                self.stdout.write(self.style.ERROR(message))
                drifted = True
            else:
                self.stdout.write(self.style.SUCCESS(message))
        if drifted:
            raise SystemExit(1)
