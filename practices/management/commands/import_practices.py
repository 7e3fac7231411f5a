"""manage.py import_practices FILE: import practices from a CSV, Excel or JSON file."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.permissions import is_editor
from practices.import_files import FileProblem, read_rows
from practices.importing import Importer


class Command(BaseCommand):
    help = (
        "Import practices (CSV, XLSX or JSON following /api/v1/schema/practice-import.json) as "
        "drafts; importing the same source again updates changed rows and skips the others."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--source", help="Name of the database the file comes from (default: file name)"
        )
        parser.add_argument("--dry-run", action="store_true", help="Validate and report only")
        parser.add_argument(
            "--all-or-nothing",
            action="store_true",
            help="Import nothing if any row fails (one transaction)",
        )
        parser.add_argument("--publish", action="store_true", help="Publish at once (an editor)")
        parser.add_argument("--user", help="Email of the editor the practices are imported by")

    def handle(self, *args, file, source, dry_run, all_or_nothing, publish, user, **options):
        user = self._user(user, publish)
        try:
            rows, ignored = read_rows(file.name, file.read_bytes())
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except FileProblem as error:
            raise CommandError(str(error)) from error
        if ignored:
            self.stderr.write(self.style.WARNING("Ignored columns: " + ", ".join(ignored)))
        importer = Importer(
            source or file.stem,
            user=user,
            publish=publish,
            dry_run=dry_run,
            all_or_nothing=all_or_nothing,
            progress=self._progress,
        )
        report = importer.run(rows, ignored)
        self._report(report)

    def _user(self, email, publish):
        if email is None:
            if publish:
                raise CommandError("--publish needs --user EMAIL (an editor).")
            return None
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with the email address {email}.")
        if publish and not is_editor(user):
            raise CommandError(f"{email} is not an editor: only editors may publish.")
        return user

    def _progress(self, done, total):
        end = "\n" if done == total else ""
        self.stderr.write(f"\rImporting: {done}/{total} ({100 * done // total}%)", ending=end)
        self.stderr.flush()

    def _report(self, report):
        for row in report.failed:
            for field, messages in row.errors.items():
                for message in messages:
                    where = f"row {row.row}" + (f" (id {row.id})" if row.id else "")
                    self.stdout.write(f"{where}, {field or 'row'}: {message}")
        counts = report.as_dict()["counts"]
        verb = "would be " if report.dry_run else ""
        summary = (
            f"{counts['created']} {verb}created, {counts['updated']} {verb}updated, "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed"
        )
        if report.rolled_back:
            raise CommandError(f"Nothing imported (--all-or-nothing): {summary}.")
        style = self.style.WARNING if counts["failed"] else self.style.SUCCESS
        prefix = "Dry run, nothing saved: " if report.dry_run else ""
        self.stdout.write(style(prefix + summary + "."))
