"""Benchmark: the monitoring dashboard with 10,000 practices, cold and cached.

Creates a throw-away database (as bench/library.py does), generates practices in bulk, then
requests /en/monitoring/ through Django's full request cycle and prints p50/p95 per scenario:
"cold" renders every request (page cache off; the library's facet index is in memory, as it is
after the first request of a process), "cached" is an anonymous reader answered from the page
cache, "after a change" is the first request after a change (the facet index is rebuilt).
Goals: cold ≤ 300 ms, cached ≤ 20 ms.

    .venv/bin/python bench/dashboard.py [--practices 10000] [--requests 100]
"""

import argparse
import statistics
import time

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from generate import drop_database, generate, throwaway_database

SCENARIOS = [
    ("no filters", ""),
    ("one filter", "?area=housing"),
    ("three filters", "?area=education-and-training&country=se&orgtype=ngo"),
    ("several values", "?area=health&area=housing&target=refugees&target=women&status=ongoing"),
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    state = throwaway_database("dashboard")
    try:
        seconds = generate(args.practices)
        print(f"Generated {args.practices:,} practices in {seconds:.1f} s on {connection.vendor}")
        client = Client()
        print(f"{'scenario':<18} {'mode':<7} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for name, query in SCENARIOS:
            url = "/en/monitoring/" + query
            for mode, cache_seconds in (("cold", 0), ("cached", 300)):
                settings.PAGE_CACHE_SECONDS = cache_seconds
                p50, p95 = timed(client, url, args.requests)
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                print(f"{name:<18} {mode:<7} {p50:>8.1f} {p95:>8.1f} {len(captured):>8}")
        from portal.models import Revision

        settings.PAGE_CACHE_SECONDS = 0
        rebuilds = []
        for _ in range(5):
            Revision.bump(Revision.PRACTICES)
            start = time.perf_counter()
            client.get("/en/monitoring/")
            rebuilds.append((time.perf_counter() - start) * 1000)
        print(
            f"{'after a change':<18} {'':<7} {statistics.median(rebuilds):>8.1f} "
            f"{max(rebuilds):>8.1f}   (the first request rebuilds the facet index; max of 5)"
        )
    finally:
        drop_database(state)


if __name__ == "__main__":
    main()
