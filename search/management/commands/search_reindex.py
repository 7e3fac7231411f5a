from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import indexing


class Command(BaseCommand):
    help = (
        "Build a fresh search index and switch the alias to it in one step: searches keep "
        "working during the rebuild. Then repair anything published or removed meanwhile."
    )

    def handle(self, *args, **options):
        if not indexing.enabled():
            raise CommandError(
                "SEARCH_URL is not set: the database search needs no index to rebuild."
            )
        name, count, report = indexing.rebuild(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} practices into {name}; alias {settings.SEARCH_INDEX} now points "
                f"to it. Drift after rebuild: {len(report['missing'])} missing, "
                f"{len(report['stale'])} stale (repaired)."
            )
        )
