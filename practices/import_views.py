"""The import in the Wagtail admin, for editors: upload a file, read the dry run's report by
row and field, then run the import; both run in the background with their progress shown."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from portal import exports
from submissions.wagtail_hooks import EditorsOnly

from .import_files import FileProblem, format_of
from .models import ImportRun
from .records import FIELDS_BY_NAME, IMPORTED, json_schema
from .tasks import run_import

MAX_FILE_SIZE = 20 * 1024 * 1024
TEMPLATE_COLUMNS = [field.name for field in IMPORTED]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("CSV (UTF-8), Excel (.xlsx) or JSON, at most 20 MB.")
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=100,
        help_text=_(
            "The database the file comes from. Importing from the same source again updates "
            "its practices instead of copying them."
        ),
    )
    publish = forms.BooleanField(label=_("Publish at once (otherwise: drafts)"), required=False)
    all_or_nothing = forms.BooleanField(label=_("Import nothing if any row fails"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            format_of(upload.name)
        except FileProblem as problem:
            raise ValidationError(str(problem)) from problem
        if upload.size > MAX_FILE_SIZE:
            raise ValidationError(_("The file is larger than 20 MB: split it in several."))
        return upload


class ImportView(EditorsOnly, FormView):
    template_name = "practices/admin/import.html"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "runs": ImportRun.objects.defer("content", "report")[:10],
                "header_title": _("Import practices"),
                "page_title": _("Import practices"),
                "header_icon": "upload",
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        run = ImportRun.objects.create(
            user=self.request.user,
            file_name=data["file"].name[:255],
            content=data["file"].read(),
            source=data["source"],
            publish=data["publish"],
            all_or_nothing=data["all_or_nothing"],
            dry_run=True,
            language=get_language(),
        )
        run_import.enqueue(run.pk)
        return redirect("practice_import_run", run.pk)


class ImportRunView(EditorsOnly, TemplateView):
    """A run's progress (the page reloads itself until it is done), then its report; after a
    dry run, the button that runs the import itself."""

    template_name = "practices/admin/import_run.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = get_object_or_404(ImportRun.objects.defer("content"), pk=self.kwargs["pk"])
        report = run.report or {}
        failures = [
            {"row": row["row"], "id": row["id"], "field": name, "message": message}
            for row in report.get("rows", [])
            if row["action"] == "failed"
            for name, messages in row["errors"].items()
            for message in messages
        ]
        for failure in failures:
            spec = FIELDS_BY_NAME.get(failure["field"])
            failure["label"] = failure["field"] or "—"
            failure["help"] = spec.description if spec else ""
        finished = run.status in (ImportRun.Status.DONE, ImportRun.Status.FAILED)
        context.update(
            {
                "run": run,
                "report": report,
                "failures": failures,
                "finished": finished,
                "header_title": _("Dry run: %(file)s") % {"file": run.file_name}
                if run.dry_run
                else _("Import: %(file)s") % {"file": run.file_name},
                "page_title": _("Import practices"),
                "header_icon": "upload",
            }
        )
        return context

    def post(self, request, pk):
        """Run the import the dry run checked, with the same file and options."""
        dry_run = get_object_or_404(ImportRun, pk=pk, dry_run=True, status=ImportRun.Status.DONE)
        run = ImportRun.objects.create(
            user=request.user,
            file_name=dry_run.file_name,
            content=dry_run.content,
            source=dry_run.source,
            publish=dry_run.publish,
            all_or_nothing=dry_run.all_or_nothing,
            dry_run=False,
            language=get_language(),
        )
        run_import.enqueue(run.pk)
        return redirect("practice_import_run", run.pk)


def schema(request):
    """The JSON Schema of an import file (documented in the README)."""
    url = request.build_absolute_uri(reverse("practice_import_schema"))
    response = JsonResponse(json_schema(url), json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def template(request, export_format):
    """An empty import file with the columns the import reads (CSV or Excel)."""
    return exports.export_response(
        export_format, "practice-import-template", "practices", TEMPLATE_COLUMNS, iter(())
    )
