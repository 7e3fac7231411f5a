"""Benchmark: search with facets on both engines, at 10,000 and 100,000 practices.

For each size: generates multilingual practices in a throw-away database, builds each engine's
index (database: Wagtail's `update_index`; cluster: `search_reindex` into OpenSearch), then runs
the same 200 mixed queries (one to three words in eight languages, some misspelt, with 0-2
filters) through the search service and prints index time and p50/p95 latency.

    .venv/bin/python bench/search.py [--sizes 10000 100000] [--queries 200] [--engines cluster]

The cluster needs SEARCH_URL, or Java and Maven to start tests/opensearch/node.sh.
"""

import argparse
import os
import random
import statistics
import subprocess
import time
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from generate import ROOT, WORDS, drop_database, generate, throwaway_database

FILTERS = [
    {},
    {"area": ["housing"]},
    {"area": ["education-and-training"], "country": ["se"]},
    {"target": ["refugees", "women"]},
    {"status": ["ongoing"], "level": ["local"]},
    {"funding": ["amif"]},
]


def mixed_queries(count, seed=7):
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        words = WORDS[rng.choice(list(WORDS))]
        text = " ".join(rng.sample(words, rng.randint(1, 3)))
        if rng.random() < 0.15:  # a typo
            position = rng.randrange(len(text) - 1)
            text = text[:position] + text[position + 1] + text[position] + text[position + 2 :]
        queries.append((text, rng.choice(FILTERS)))
    return queries


def run(queries):
    from portal.models.revisions import end_request, start_request
    from search import service

    def search(text, filters):
        # As in a request: revisions are read once (portal.middleware.RevisionMiddleware).
        start_request()
        try:
            return service.search(text, filters)
        finally:
            end_request()

    # Warm up with 50 other queries: a running node has its JIT and caches warm.
    for text, filters in mixed_queries(50, seed=99):
        search(text, filters)
    timings, engines = [], set()
    for text, filters in queries:
        start = time.perf_counter()
        outcome = search(text, filters)
        timings.append((time.perf_counter() - start) * 1000)
        engines.add(outcome.engine)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], engines


def start_node():
    if os.environ.get("SEARCH_URL"):
        return os.environ["SEARCH_URL"], False
    env = {**os.environ, "OPENSEARCH_HEAP": os.environ.get("OPENSEARCH_HEAP", "2g")}
    url = subprocess.run(
        [str(ROOT / "tests/opensearch/node.sh"), "start"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.strip()
    return url, True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--engines", nargs="+", choices=["database", "cluster"], default=["database", "cluster"]
    )
    args = parser.parse_args()
    url, started = start_node() if "cluster" in args.engines else ("", False)
    queries = mixed_queries(args.queries)
    rows = []
    try:
        for size in args.sizes:
            state = throwaway_database(f"search-{size}")
            try:
                generate(size)
                for engine in args.engines:
                    if engine == "database":
                        settings.SEARCH_URL = ""
                        begin = time.perf_counter()
                        call_command("update_index", verbosity=0)
                    else:
                        settings.SEARCH_URL, settings.SEARCH_INDEX = url, f"bench-{size}"
                        settings.SEARCH_TIMEOUT = 10
                        begin = time.perf_counter()
                        call_command("search_reindex", stdout=StringIO())
                        settings.SEARCH_TIMEOUT = 1.5
                    index_time = time.perf_counter() - begin
                    p50, p95, engines = run(queries)
                    assert engines == {engine}, engines
                    rows.append((engine, size, index_time, p50, p95))
                    print(
                        f"{engine:<8} {size:>7,}: index {index_time:7.1f} s  "
                        f"p50 {p50:6.1f} ms  p95 {p95:6.1f} ms",
                        flush=True,
                    )
            finally:
                settings.SEARCH_URL = ""
                drop_database(state)
    finally:
        if started:
            subprocess.run([str(ROOT / "tests/opensearch/node.sh"), "stop"], check=False)
    print(f"\n{len(queries)} mixed queries with facets, {connection.vendor} database\n")
    print(f"| {'engine':<9}| {'practices':>10} | {'index time':>11} | {'p50':>8} | {'p95':>8} |")
    print(f"|{'-' * 10}|{'-' * 12}|{'-' * 13}|{'-' * 10}|{'-' * 10}|")
    for engine, size, index_time, p50, p95 in rows:
        print(
            f"| {engine:<9}| {size:>10,} | {index_time:>9.1f} s | {p50:>5.1f} ms | {p95:>5.1f} ms |"
        )


if __name__ == "__main__":
    main()
