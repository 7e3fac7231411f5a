"""Benchmark: the practice library page, and the same lists from the read API, with 10,000
practices.

Creates a throw-away database (SQLite file, or `test_<name>` on the PostgreSQL server named by
DATABASE_URL), generates practices in bulk, then requests the library page and
/api/v1/practices (20 full records a page, facet counts included) through Django's full
request cycle and prints p50/p95 per scenario.

    .venv/bin/python bench/library.py [--practices 10000] [--requests 200]
"""

import argparse
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from generate import drop_database, generate, throwaway_database

SCENARIOS = [
    ("no filters", ""),
    ("one filter", "?area=housing"),
    ("three filters", "?area=education-and-training&country=se&orgtype=ngo"),
    ("several values", "?area=health&area=housing&target=refugees&target=women&status=ongoing"),
    ("sorted, page 20", "?sort=title&page=20"),
    ("year + evidence", "?year=2019&evidence=external&level=local"),
]


def timed(client, url, requests):
    client.get(url)  # warm-up
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    state = throwaway_database("library")
    try:
        seconds = generate(args.practices)
        print(f"Generated {args.practices:,} practices in {seconds:.1f} s on {connection.vendor}")
        client = Client()
        print(f"{'scenario':<18} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for name, query in SCENARIOS:
            url = "/en/practices/" + query
            total = client.get(url).context["paginator"].count
            p50, p95 = timed(client, url, args.requests)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            print(f"{name:<18} {total:>8,} {p50:>8.1f} {p95:>8.1f} {len(captured):>8}")

        from django.conf import settings

        settings.API_RATE_LIMIT = 0  # one client asks far more than a reader would
        print(f"{'API':<18} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for name, query in SCENARIOS:
            url = "/api/v1/practices" + query
            total = client.get(url).json()["count"]
            p50, p95 = timed(client, url, args.requests)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            print(f"{name:<18} {total:>8,} {p50:>8.1f} {p95:>8.1f} {len(captured):>8}")

        from portal.models import Revision

        rebuilds = []
        for _ in range(10):
            Revision.bump(Revision.PRACTICES)
            start = time.perf_counter()
            client.get("/en/practices/")
            rebuilds.append((time.perf_counter() - start) * 1000)
        print(
            f"{'after a change':<18} {'':>8} {statistics.median(rebuilds):>8.1f} "
            f"{max(rebuilds):>8.1f}   (first request rebuilds the facet index; max of 10)"
        )
    finally:
        drop_database(state)


if __name__ == "__main__":
    main()
