"""Benchmark: the daily digests of 10,000 saved searches after 1,000 newly published
practices.

Creates a throw-away database (SQLite file, or `test_<name>` on the PostgreSQL server named by
DATABASE_URL), generates the practices in bulk (published over the last day), 10,000 verified
readers in the benchmark's languages, each with one daily saved search (library filters, an
organisation type, a few searches by words, some events), then runs the alert sender once with
the real database task queue and prints the time to compute and queue the digests (goal:
≤ 60 s), how many were queued, and the process's peak memory (resident set).

    .venv/bin/python bench/alerts.py [--practices 1000] [--searches 10000]
"""

import argparse
import datetime
import random
import resource
import time

from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone

from generate import WORDS, drop_database, generate, throwaway_database

QUERIES = [
    ("practices", "area=housing"),
    ("practices", "area=education-and-training&country=se"),
    ("practices", "area=health&area=housing"),
    ("practices", "country=de"),
    ("practices", "orgtype=ngo&status=ongoing"),
    ("practices", "evidence=external"),
    ("practices", "target=refugees"),
    ("practices", ""),
    ("events", "area=housing"),
    ("search", "q=language"),
]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def readers_and_searches(count, seed=2026):
    """`count` verified readers, each with one daily saved search last checked a day ago."""
    from allauth.account.models import EmailAddress

    from portal.models import SavedSearch, User

    rng = random.Random(seed)
    languages = list(WORDS)
    users = User.objects.bulk_create(
        User(email=f"reader{n}@example.org", language=rng.choice(languages), password="!")  # noqa: S106 (unusable)
        for n in range(count)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    yesterday = timezone.now() - datetime.timedelta(days=1, hours=1)
    searches = []
    for user in users:
        kind, query = rng.choice(QUERIES)
        searches.append(
            SavedSearch(
                user=user,
                name=query or "All",
                kind=kind,
                query=query,
                frequency="daily",
                created_at=yesterday,
                checked_until=yesterday,
            )
        )
    SavedSearch.objects.bulk_create(searches, batch_size=2000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--practices", type=int, default=1_000)
    parser.add_argument("--searches", type=int, default=10_000)
    args = parser.parse_args()
    state = throwaway_database("alerts")
    try:
        seconds = generate(args.practices)
        print(f"Generated {args.practices:,} practices in {seconds:.1f} s on {connection.vendor}")
        start = time.perf_counter()
        readers_and_searches(args.searches)
        print(
            f"Created {args.searches:,} readers with a daily saved search in "
            f"{time.perf_counter() - start:.1f} s"
        )

        from django_tasks_db.models import DBTaskResult

        from portal import alerts

        with override_settings(
            TASKS=DATABASE_TASKS, EMAIL_BACKEND="portal.mail.QueuedEmailBackend"
        ):
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            start, cpu = time.perf_counter(), time.process_time()
            queued = alerts.send_due()
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            waiting = DBTaskResult.objects.count()
        verdict = "ok" if elapsed <= 60 else "over the 60 s goal"
        print(f"Daily digests: {queued:,} emails queued ({waiting:,} tasks waiting for the worker)")
        print(f"Time to compute and queue: {elapsed:.1f} s ({verdict}; CPU time {cpu:.1f} s)")
        print(
            f"Peak memory of the process: {peak / 1024:.0f} MiB (before the run: {before / 1024:.0f} MiB)"
        )
        start = time.perf_counter()
        again = alerts.send_due()
        print(f"Rerun at once: {again} emails, {time.perf_counter() - start:.1f} s")
    finally:
        drop_database(state)


if __name__ == "__main__":
    main()
