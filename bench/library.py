"""Benchmark: the practice library page with 10,000 practices.

Creates a throw-away database (SQLite file, or `test_<name>` on the PostgreSQL server named by
DATABASE_URL), generates practices in bulk, then requests the library page through Django's
full request cycle and prints p50/p95 per scenario, with facet counts included.

    .venv/bin/python bench/library.py [--practices 10000] [--requests 200]
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
)
from django.utils import timezone  # noqa: E402

SCENARIOS = [
    ("no filters", ""),
    ("one filter", "?area=housing"),
    ("three filters", "?area=education-and-training&country=se&orgtype=ngo"),
    ("several values", "?area=health&area=housing&target=refugees&target=women&status=ongoing"),
    ("sorted, page 20", "?sort=title&page=20"),
    ("year + evidence", "?year=2019&evidence=external&level=local"),
]


def generate(count, rng):
    from wagtail.models import Locale, Page

    from portal.factories import OrganisationFactory
    from portal.models import (
        ActionArea,
        Country,
        FundingInstrument,
        OrganisationType,
        SubTheme,
        TargetGroup,
    )
    from practices.choices import (
        Continuation,
        EvidenceLevel,
        ImplementationLevel,
        MigrantParticipation,
    )
    from practices.models import LibraryRevision, PracticeIndexPage, PracticePage

    library = PracticeIndexPage.objects.get()
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(PracticePage)
    countries = list(Country.objects.filter(group="eu"))
    org_types = list(OrganisationType.objects.all())
    organisations = [
        OrganisationFactory(
            organisation_type=rng.choice(org_types),
            country=rng.choice(countries),
            name=f"Organisation {n}",
            slug=f"organisation-{n}",
        )
        for n in range(300)
    ]
    areas = list(ActionArea.objects.all())
    themes = list(SubTheme.objects.all())
    targets = list(TargetGroup.objects.all())
    funds = list(FundingInstrument.objects.all())
    now = timezone.now()
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def encode(number):
        out = ""
        while number:
            number, remainder = divmod(number, 36)
            out = alphabet[remainder] + out
        return out.rjust(4, "0")

    words = [
        "language",
        "housing",
        "mentor",
        "health",
        "school",
        "work",
        "women",
        "youth",
        "city",
        "welcome",
        "digital",
    ]
    pages = []
    for n in range(1, count + 1):
        title = f"{rng.choice(words).title()} {rng.choice(words)} practice {n}"
        published = now - timezone.timedelta(minutes=n)
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=f"practice-{n}",
                path=library.path + encode(n),
                depth=library.depth + 1,
                numchild=0,
                url_path=f"{library.url_path}practice-{n}/",
                content_type=content_type,
                locale=locale,
                live=True,
                first_published_at=published,
                last_published_at=published,
                translation_key=uuid.uuid4(),
            )
        )
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=500)
        Page.objects.filter(pk=library.pk).update(numchild=count)
        saved = Page.objects.filter(path__startswith=library.path, depth=library.depth + 1)
        through_rows = {
            name: []
            for name in (
                "action_areas",
                "sub_themes",
                "countries",
                "target_groups",
                "funding_instruments",
            )
        }
        for page in saved.order_by("path"):
            year = rng.randint(2012, 2025)
            finished = rng.random() < 0.3
            start = timezone.datetime(year, rng.randint(1, 12), 1).date()
            practice = PracticePage(
                page_ptr_id=page.pk,
                summary="A generated practice for the benchmark. " * 4,
                organisation=rng.choice(organisations),
                implementation_level=rng.choice(ImplementationLevel.values),
                start_date=start,
                end_date=start.replace(year=min(year + 2, 2026)) if finished else None,
                continuation=Continuation.FINISHED
                if finished
                else rng.choice([Continuation.ONGOING, Continuation.REGULAR_SERVICE]),
                approach="<p>Generated.</p>",
                evidence_level=rng.choice(EvidenceLevel.values),
                migrant_participation=rng.choice(MigrantParticipation.values),
                last_confirmed=now.date(),
            )
            practice.__dict__.update(
                {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
            )
            practice.save_base(raw=True)
            chosen_areas = rng.sample(areas, rng.randint(1, 2))
            choices = {
                "action_areas": chosen_areas,
                "sub_themes": [
                    t
                    for t in themes
                    if t.action_area_id in {a.pk for a in chosen_areas} and rng.random() < 0.3
                ],
                "countries": rng.sample(countries, rng.choice([1, 1, 1, 2, 3])),
                "target_groups": rng.sample(targets, rng.randint(1, 3)),
                "funding_instruments": rng.sample(funds, rng.randint(0, 2)),
            }
            for name, terms in choices.items():
                through = getattr(PracticePage, name).through
                column = getattr(PracticePage, name).field.m2m_reverse_field_name()
                through_rows[name] += [
                    through(practicepage_id=page.pk, **{f"{column}_id": term.pk}) for term in terms
                ]
        for name, rows in through_rows.items():
            getattr(PracticePage, name).through.objects.bulk_create(rows, batch_size=2000)
        LibraryRevision.bump()  # bulk inserts send no signals


def measure(client, query, requests):
    url = "/practices/" + query
    client.get(url)  # warm-up: template loading, first connection
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "queries": len(captured),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        bench_file = ROOT / "var" / "bench-library.sqlite3"
        bench_file.parent.mkdir(exist_ok=True)
        bench_file.unlink(missing_ok=True)
        database["TEST"]["NAME"] = str(bench_file)
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        rng = random.Random(2026)
        started = time.perf_counter()
        generate(args.practices, rng)
        print(
            f"Generated {args.practices:,} practices in {time.perf_counter() - started:.1f} s "
            f"on {connection.vendor}"
        )
        client = Client()
        print(f"{'scenario':<18} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for name, query in SCENARIOS:
            response = client.get("/practices/" + query)
            total = response.context["paginator"].count
            figures = measure(client, query, args.requests)
            print(
                f"{name:<18} {total:>8,} {figures['p50']:>8.1f} {figures['p95']:>8.1f} "
                f"{figures['queries']:>8}"
            )
        from practices.models import LibraryRevision

        rebuilds = []
        for _ in range(10):
            LibraryRevision.bump()
            start = time.perf_counter()
            client.get("/practices/")
            rebuilds.append((time.perf_counter() - start) * 1000)
        print(
            f"{'after a change':<18} {'':>8} {statistics.median(rebuilds):>8.1f} "
            f"{max(rebuilds):>8.1f}   (first request rebuilds the facet index; max of 10)"
        )
    finally:
        from django.test.utils import teardown_databases

        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
