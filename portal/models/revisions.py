"""Revisions: the one cache discipline. Anything a process keeps in memory or in the cache is
keyed by a revision token read from the database, and every change that affects it bumps the
token, so no process serves what another process (a worker, a management command) changed."""

import threading
import uuid

from django.db import models
from django.utils import timezone

_request = threading.local()


class Revision(models.Model):
    """A named token that changes whenever what it stands for changes."""

    PRACTICES = "practices"  # listable practices and everything their filters show
    TAXONOMY = "taxonomy"  # terms, countries, languages and locales (labels, options)
    PAGES = "pages"  # anything else readers' pages show (see portal.pagecache)

    name = models.CharField(max_length=40, unique=True)
    token = models.UUIDField(default=uuid.uuid4)
    changed_at = models.DateTimeField(default=timezone.now)  # Last-Modified (portal.api)

    def __str__(self):
        return f"{self.name}: {self.token}"

    @classmethod
    def current(cls, name):
        """The token of `name` (read once per request: see `RevisionMiddleware`)."""
        known = getattr(_request, "tokens", None)
        if known is None:
            return cls._read().get(name)
        if not known:
            known.update(cls._read())
            known.setdefault("", None)  # read once, even when there are no rows yet
        return known.get(name)

    @classmethod
    def _read(cls):
        return {str(name): str(token) for name, token in cls.objects.values_list("name", "token")}

    @classmethod
    def last_changed(cls, names):
        """When the latest of these revisions changed (None if none has been bumped yet)."""
        return cls.objects.filter(name__in=names).aggregate(latest=models.Max("changed_at"))[
            "latest"
        ]

    @classmethod
    def bump(cls, *names):
        for name in names:
            token, now = uuid.uuid4(), timezone.now()
            if not cls.objects.filter(name=name).update(token=token, changed_at=now):
                cls.objects.get_or_create(name=name, defaults={"token": token, "changed_at": now})
            known = getattr(_request, "tokens", None)
            if known:
                known[name] = str(token)


def start_request():
    _request.tokens = {}


def end_request():
    _request.tokens = None
