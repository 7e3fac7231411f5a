"""Where imported practices came from, so that importing the same file again updates them
instead of creating copies; and the imports editors run from the admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .practice import PracticePage


class ImportedPractice(models.Model):
    """One practice as a source database knows it: its source, its id there, and a hash of the
    content last imported (an unchanged row is skipped)."""

    source = models.CharField(max_length=100)
    external_id = models.CharField(max_length=200)
    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="import_records"
    )
    content_hash = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="unique_imported_practice"
            )
        ]

    def __str__(self):
        return f"{self.source}: {self.external_id}"


class ImportRun(models.Model):
    """An import an editor started in the admin: the uploaded file, its options, its progress
    and its report (a dry run first, then the import itself)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    source = models.CharField(max_length=100)
    publish = models.BooleanField(default=False)
    all_or_nothing = models.BooleanField(default=False)
    dry_run = models.BooleanField(default=True)
    language = models.CharField(max_length=10, default="en")  # of the report's messages
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0
