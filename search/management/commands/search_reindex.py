from django.core.management.base import BaseCommand, CommandError

from search import indexing, registry


class Command(BaseCommand):
    help = (
        "Build a fresh search index per searchable type and switch its alias to it in one step: "
        "searches keep working during the rebuild. Then repair anything published or removed "
        "meanwhile."
    )

    def handle(self, *args, **options):
        if not indexing.enabled():
            raise CommandError(
                "SEARCH_URL is not set: the database search needs no index to rebuild."
            )
        for declaration in registry.declarations():
            name, count, report = indexing.rebuild(stdout=self.stdout, declaration=declaration)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {count} {declaration.name} into {name}; alias {declaration.alias} "
                    f"now points to it. Drift after rebuild: {len(report['missing'])} missing, "
                    f"{len(report['stale'])} stale (repaired)."
                )
            )
