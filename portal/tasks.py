"""Background work through Django's tasks API (django-tasks), run by a database-backed worker
(django-tasks-db: `manage.py db_worker`; tests use the immediate backend).

`background_task` makes a module-level function a task that survives passing trouble: when it
raises one of `retry_on`, it is queued again with exponential back-off (`delay`, 2 × `delay`, …)
up to `attempts` runs, and every failed run stays in the task table with its traceback
(Admin → Reports → Background tasks).
"""

import functools
import logging
from datetime import timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from wagtail.models import ReferenceIndex

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult
from modelsearch import index

logger = logging.getLogger(__name__)


def background_task(*, retry_on=(), attempts=5, delay=30):
    def decorate(function):
        @functools.wraps(function)
        def run(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except retry_on as error:
                if attempt >= attempts:
                    logger.error("%s failed %d times, giving up: %s", run.__name__, attempt, error)
                    raise
                again = background.using(
                    run_after=timezone.now() + timedelta(seconds=delay * 2 ** (attempt - 1))
                )
                if not background.get_backend().supports_defer:
                    again = background  # the immediate backend (tests): retry at once
                logger.warning(
                    "%s failed (run %d of %d): %s", run.__name__, attempt, attempts, error
                )
                again.enqueue(*args, attempt=attempt + 1, **kwargs)
                raise

        background = task()(run)
        return background

    return decorate


@task()
def update_indexes(app_label, model_name, pks):
    """Wagtail's search index and reference index for many new or changed objects at once
    (what its per-object tasks do after a save, in one task for a batch of bulk-made ones)."""
    model = apps.get_model(app_label, model_name)
    for instance in model.objects.filter(pk__in=pks):
        index.insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(model):
            with transaction.atomic():
                ReferenceIndex.create_or_update_for_object(instance)


def queued(task_function):
    """Whether a run of this task waits in the worker's queue or is running (a recurring task
    is started once: `manage.py send_alerts --schedule`, `send_reminders --schedule`)."""
    return DBTaskResult.objects.filter(
        task_path=task_function.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).exists()


def run_again(task_function, interval):
    """Queue the next run of a recurring task `interval` from now (where the backend can
    defer a task; the immediate backend of the tests cannot)."""
    if task_function.get_backend().supports_defer:
        task_function.using(run_after=timezone.now() + interval).enqueue()
