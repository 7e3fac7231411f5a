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

from django.utils import timezone

from django_tasks import task

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
