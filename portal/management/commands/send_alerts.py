from django.core.management.base import BaseCommand

from portal import alerts
from portal.tasks import queued


class Command(BaseCommand):
    help = (
        "Send the alerts and digests of saved searches that are due (from cron, e.g. every 15 "
        "minutes), or with --schedule let the task worker do it every ALERT_INTERVAL_MINUTES. "
        "Safe to rerun: nothing is sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the worker's recurring run (once; does nothing if it is queued).",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            if queued(alerts.send_alerts_task):
                self.stdout.write("The worker's alert run is already queued.")
            else:
                alerts.send_alerts_task.enqueue()
                self.stdout.write(self.style.SUCCESS("Queued the worker's recurring alert run."))
            return
        sent = alerts.send_due()
        self.stdout.write(self.style.SUCCESS(f"Queued {sent} alert email(s)."))
