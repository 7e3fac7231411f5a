"""The admin's imports run in the background (portal.tasks): a file of thousands of rows takes
longer than a request may; the page shows the progress meanwhile."""

from django.utils import translation

from portal.tasks import background_task

from .import_files import FileProblem, read_rows
from .importing import Importer
from .models import ImportRun


@background_task()
def run_import(run_id):
    run = ImportRun.objects.select_related("user").get(pk=run_id)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)

    def progress(done, total):
        ImportRun.objects.filter(pk=run.pk).update(done=done, total=total)

    with translation.override(run.language):
        try:
            rows, ignored = read_rows(run.file_name, bytes(run.content))
        except FileProblem as problem:
            run.status, run.report = ImportRun.Status.FAILED, {"problem": str(problem)}
            run.save(update_fields=["status", "report"])
            return
        ImportRun.objects.filter(pk=run.pk).update(total=len(rows))
        importer = Importer(
            run.source,
            user=run.user,
            publish=run.publish,
            dry_run=run.dry_run,
            all_or_nothing=run.all_or_nothing,
            progress=progress,
        )
        report = importer.run(rows, ignored)
    run.status, run.report = ImportRun.Status.DONE, report.as_dict()
    run.done = run.total = len(rows)
    run.save(update_fields=["status", "report", "done", "total"])
