from django.core.management.base import BaseCommand

from portal.tasks import queued
from practices import reminders


class Command(BaseCommand):
    help = (
        "Remind the managers of the organisations whose practices have not been confirmed for "
        "a year (from cron, e.g. daily), or with --schedule let the task worker do it every "
        "REMINDER_INTERVAL_HOURS. Safe to rerun: a practice is reminded once a year at most."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the worker's recurring run (once; does nothing if it is queued).",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            if queued(reminders.send_reminders_task):
                self.stdout.write("The worker's reminder run is already queued.")
            else:
                reminders.send_reminders_task.enqueue()
                self.stdout.write(self.style.SUCCESS("Queued the worker's recurring reminder run."))
            return
        report = reminders.send_due()
        for page in report.without_manager:
            self.stdout.write(
                self.style.WARNING(
                    f"Nobody reminded about “{page.title}” (#{page.pk}): "
                    f"{page.organisation.name} has no manager."
                )
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued {report.emails} reminder email(s) about {len(report.practices)} "
                "practice(s)."
            )
        )
