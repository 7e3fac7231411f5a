"""Benchmark: importing 10,000 practices as drafts (manage.py import_practices' code path).

Creates a throw-away database (SQLite file, or `test_<name>` on the PostgreSQL server named by
DATABASE_URL), writes a CSV file of generated practices (codes and labels in several
languages, a few hundred organisations, some new), imports it and prints practices/s; then
imports it again (every row unchanged) and prints that rate too; then publishes them and
prints the p50/p95 of the API's filtered list page.

    .venv/bin/python bench/import.py [--practices 10000] [--requests 200] [--profile FILE]
"""

import argparse
import cProfile
import csv
import gc
import random
import statistics
import tempfile
import time
from pathlib import Path

from django.test.utils import override_settings

from generate import WORDS, drop_database, throwaway_database

# As in production: index updates are queued for the worker (the test settings run them at once).
override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()

GOAL = 370  # practices/s: 10× bakerydemo's 37 pages/s page creation on this machine
P95_GOAL = 50  # ms for a filtered page of the practices API, at 10,000 practices


def write_file(path, count, seed=2026):
    from portal.factories import OrganisationFactory
    from portal.models import ActionArea, Country, OrganisationType, SubTheme, TargetGroup
    from practices.importing import IMPORTED

    rng = random.Random(seed)
    countries = list(Country.objects.filter(group="eu").values_list("code", flat=True))
    org_types = list(OrganisationType.objects.default_locale())
    organisations = [
        OrganisationFactory(
            organisation_type=rng.choice(org_types),
            country_id=Country.objects.get(code=rng.choice(countries)).pk,
            name=f"Organisation {n}",
            slug=f"organisation-{n}",
        )
        for n in range(300)
    ]
    areas = list(ActionArea.objects.default_locale())
    themes = list(SubTheme.objects.default_locale())
    groups = list(TargetGroup.objects.default_locale().values_list("name", flat=True))
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, [field.name for field in IMPORTED])
        writer.writeheader()
        for n in range(1, count + 1):
            language = rng.choice(list(WORDS))
            words = WORDS[language]
            area = rng.choice(areas)
            organisation = rng.choice(organisations)
            new_organisation = rng.random() < 0.02
            writer.writerow(
                {
                    "id": f"bench-{n}",
                    "language": language,
                    "title": " ".join(rng.sample(words, 3)).capitalize() + f" {n}",
                    "summary": " ".join(rng.choices(words, k=25)).capitalize() + ".",
                    "organisation": f"New organisation {n}"
                    if new_organisation
                    else organisation.name,
                    "organisation_country": rng.choice(countries)
                    if new_organisation
                    else organisation.country.code,
                    "organisation_type": rng.choice(org_types).code,
                    "countries": "; ".join(rng.sample(countries, rng.choice([1, 1, 2]))),
                    "action_areas": area.name if rng.random() < 0.5 else area.code,
                    "sub_themes": "; ".join(
                        t.code for t in themes if t.action_area_id == area.pk and rng.random() < 0.3
                    ),
                    "target_groups": "; ".join(rng.sample(groups, rng.randint(1, 2))),
                    "implementation_level": "local",
                    "start_date": f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-01",
                    "continuation": "ongoing",
                    "budget_currency": "EUR",
                    "approach": "<p>" + " ".join(rng.choices(words, k=60)) + "</p>",
                    "evidence_level": "none",
                    "migrant_participation": "neither",
                }
            )


def timed_import(path, source, profile=None):
    from practices.import_files import read_rows
    from practices.importing import Importer

    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    rows, ignored = read_rows(path.name, path.read_bytes())
    report = Importer(source).run(rows, ignored)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    print(f"  ({time.process_time() - cpu:.1f} s of CPU in this process)")
    return time.perf_counter() - started, report


API_URL = "/api/v1/practices?area=housing&target=refugees&status=ongoing"  # a filtered list page


def api_p95(requests, profile=None):
    """Publish the imported practices (as an editor would, in bulk), then time the API's
    filtered list page: (p50, p95 in ms, results, queries a request)."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from portal.models import Revision
    from practices.models import PracticePage

    now = timezone.now()
    PracticePage.objects.update(
        live=True, has_unpublished_changes=False, first_published_at=now, last_published_at=now
    )
    Revision.bump(Revision.PRACTICES)
    settings.API_RATE_LIMIT = 0  # one client asks far more than a reader would
    client = Client()
    results = client.get(API_URL).json()["count"]
    gc.collect()
    gc.freeze()  # as portal/gunicorn.py does in the master before forking its workers
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        assert client.get(API_URL).status_code == 200
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    cpu = time.process_time()
    for _ in range(20):
        client.get(API_URL)
    print(f"  ({(time.process_time() - cpu) * 50:.1f} ms of CPU a request)")
    with CaptureQueriesContext(connection) as captured:
        client.get(API_URL)
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [client.get(API_URL) for _ in range(20)])
        profiler.dump_stats(profile)
    p95 = timings[int(len(timings) * 0.95) - 1]
    return statistics.median(timings), p95, results, len(captured)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="write cProfile stats: the first import's, FILE.api the API's",
    )
    args = parser.parse_args()
    state = throwaway_database("import")
    try:
        from django.db import connection

        from practices.models import PracticeIndexPage

        for language in WORDS:  # the libraries (and translated labels) sync_locales makes
            PracticeIndexPage.for_language(language)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "practices.csv"
            write_file(path, args.practices)
            seconds, report = timed_import(path, "bench", args.profile)
            counts = report.as_dict()["counts"]
            rate = counts["created"] / seconds
            print(
                f"Imported {counts['created']:,} practices as drafts ({counts['failed']} failed) "
                f"in {seconds:.1f} s on {connection.vendor}: {rate:,.0f} practices/s "
                f"(goal ≥ {GOAL}/s)"
            )
            for row in report.failed[:5]:
                print("  failed:", row.row, row.errors)
            seconds, report = timed_import(path, "bench")
            unchanged = report.as_dict()["counts"]["unchanged"]
            print(f"Rerun: {unchanged:,} unchanged rows in {seconds:.1f} s")
        p50, p95, results, queries = api_p95(args.requests, args.profile and f"{args.profile}.api")
        print(
            f"API {API_URL} ({results:,} of {args.practices:,} practices, {queries} queries): "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (goal ≤ {P95_GOAL} ms)"
        )
    finally:
        drop_database(state)


if __name__ == "__main__":
    main()
