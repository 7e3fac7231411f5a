"""Admin → Reports → Background tasks: what the worker has waiting, and what failed (mail,
index updates), with the error, so that an administrator sees a mail server outage."""

from datetime import timedelta

from django.contrib.auth.mixins import UserPassesTestMixin
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from django_tasks_db.models import DBTaskResult

STATUSES = {
    "READY": _("Waiting"),
    "RUNNING": _("Running"),
    "FAILED": _("Failed"),
    "SUCCESSFUL": _("Done"),
}
SHOWN_FAILURES = 50


class BackgroundTasksView(UserPassesTestMixin, TemplateView):
    template_name = "portal/admin/background_tasks.html"
    raise_exception = True

    def test_func(self):
        return self.request.user.is_superuser

    def get_context_data(self, **kwargs):
        since = timezone.now() - timedelta(days=7)
        counts = dict(
            DBTaskResult.objects.filter(enqueued_at__gte=since)
            .values_list("status")
            .annotate(n=Count("id"))
        )
        failures = DBTaskResult.objects.failed().order_by("-finished_at")[:SHOWN_FAILURES]
        return super().get_context_data(
            counts=[(label, counts.get(status, 0)) for status, label in STATUSES.items()],
            failures=[
                {
                    "task": task.task_path.rsplit(".", 1)[-1],
                    "finished_at": task.finished_at,
                    "error": task.exception_class_path.rsplit(".", 1)[-1],
                    "detail": (task.traceback.strip().splitlines() or [""])[-1],
                    "attempt": task.args_kwargs.get("kwargs", {}).get("attempt", 1),
                }
                for task in failures
            ],
            header_title=_("Background tasks"),
            page_title=_("Background tasks"),
            header_icon="cogs",
            **kwargs,
        )
