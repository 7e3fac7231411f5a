from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Send the index updates that were missed while the search cluster was down (run from cron)."
    )

    def handle(self, *args, **options):
        if not indexing.enabled():
            raise CommandError("SEARCH_URL is not set: nothing to synchronise.")
        sent = indexing.catch_up()
        left = PendingIndexUpdate.objects.count()
        style = self.style.SUCCESS if not left else self.style.WARNING
        self.stdout.write(style(f"Caught up {sent} page(s); {left} still waiting."))
