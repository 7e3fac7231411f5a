"""Benchmark: whole pages through gunicorn with production settings, beside a static file.

Seeds a throw-away SQLite database in a temporary folder (migrate, sync_locales, seed_demo),
starts gunicorn (portal/gunicorn.py, 2 sync workers) and the task worker, then, after a warm-up,
runs wrk (8 connections, 15 s each) on the home page, the library, a practice, a search and the
events, and in the same run on a static file that whitenoise serves through the same server: the
per-request floor of this stack. Once with the anonymous page cache as configured, once with
PAGE_CACHE_SECONDS=0 (a second gunicorn start). Prints req/s, p50/p99 latency, each page's
ratio to the static file and the goals, then the memory (RSS) of the worker and of gunicorn.
SEARCH_URL and CACHE_URL are passed on when set (default: database search, database cache).

    .venv/bin/python bench/pages.py [--duration 15] [--connections 8] [--workers 2]
"""

import argparse
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

# Goals for the cached anonymous pages (issue 11: 3× bakerydemo's equivalent on this 2-core
# machine), and a share of the static file's rate for every page.
GOALS = {"home": 100, "library": 150, "practice": 210, "search": 100}
STATIC_SHARE_GOAL = 0.5
WORKER_RSS_GOAL_MIB = 200


def environment(folder, settings, workers, port, extra=None):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "PAGE_CACHE_SECONDS", "GUNICORN_CMD_ARGS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        SECRET_KEY=secrets.token_urlsafe(40),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY=str(workers),
        **(extra or {}),
    )
    return env


def manage(env, *args, **kwargs):
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, **kwargs)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_wrk():
    if shutil.which("wrk"):
        return True
    apt = shutil.which("apt-get")
    if os.geteuid() == 0 and apt:
        print("Installing Debian's wrk…")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = [apt, "install", "-y", "-q", "wrk"]
        if subprocess.run(install, env=env, capture_output=True).returncode != 0:
            subprocess.run([apt, "update", "-q"], env=env, capture_output=True)
            subprocess.run(install, env=env, capture_output=True)
        return bool(shutil.which("wrk"))
    print("This benchmark needs wrk: `apt-get install wrk` (as root), then run it again.")
    return False


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our server)
        return response.read().decode()


def wait_until_up(url, process, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit code {process.returncode}); see its log.")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds} s.")


def pages(base):
    """(name, path) of what the bench requests: the static file first, as found on the pages."""
    home = fetch(base + "/en/")
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
    library = fetch(base + "/en/practices/")
    practice = re.search(r'href="(/en/practices/[a-z0-9-]+/)"', library).group(1)
    return [
        ("static file", stylesheet),
        ("home", "/en/"),
        ("library", "/en/practices/"),
        ("practice", practice),
        ("search", "/en/search/?q=housing"),
        ("events", "/en/events/"),
    ]


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(url, duration, connections):
    threads = min(connections, os.cpu_count() or 1)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
    command += ["--latency", url]  # slow answers are measured, not dropped after wrk's 2 s
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if not latency:
        raise SystemExit(f"wrk measured no response from {url}:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", output)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def load():
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def rss_mib(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def goal_text(name, figures, static_rate):
    if name == "static file":
        return ""
    share = figures["rate"] / static_rate
    checks = [
        f"≥ {STATIC_SHARE_GOAL:.0%} static {'ok' if share >= STATIC_SHARE_GOAL else 'MISSED'}"
    ]
    if name in GOALS:
        met = figures["rate"] >= GOALS[name]
        checks.insert(0, f"≥ {GOALS[name]} req/s {'ok' if met else 'MISSED'}")
    return ", ".join(checks)


def run(label, env, args, log, goals):
    """Start gunicorn, warm up, measure every page; returns gunicorn's RSS (master, workers)."""
    process = subprocess.Popen(
        [GUNICORN, "--config", "portal/gunicorn.py", "portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{env['PORT']}"
        wait_until_up(base + "/en/", process)
        targets = pages(base)
        for _name, path in targets:
            fetch(base + path)  # the first request of each page, before wrk's warm-up
        print(f"\n{label}")
        print(f"{'page':<12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'× static':>9}  goal")
        static_rate = None
        for name, path in targets:
            wrk(base + path, args.warmup, args.connections)
            figures = wrk(base + path, args.duration, args.connections)
            static_rate = static_rate or figures["rate"]
            ratio = figures["rate"] / static_rate
            goal = goal_text(name, figures, static_rate) if goals else ""
            errors = "".join(
                f"  ({figures[key]} {label}!)"
                for key, label in (("errors", "non-2xx/3xx"), ("timeouts", "timeouts"))
                if figures[key]
            )
            print(
                f"{name:<12} {figures['rate']:>8.1f} {figures['p50']:>8.1f} {figures['p99']:>8.1f}"
                f" {ratio:>8.0%}  {goal}{errors}  {path}"
            )
        return rss_mib(process.pid), [rss_mib(pid) for pid in children(process.pid)]
    finally:
        stop(process)


def bench(env, args, log):
    start = time.monotonic()
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"], ["sync_locales"]):
        manage(env, *command, check=True, stdout=log, stderr=subprocess.STDOUT)
    manage(env, "seed_demo", check=True, stdout=log, stderr=subprocess.STDOUT)
    print(
        f"Seeded in {time.monotonic() - start:.0f} s; {args.workers} gunicorn sync workers, "
        f"wrk {args.connections} connections × {args.duration} s after {args.warmup} s of "
        f"warm-up per page; search: {env.get('SEARCH_URL') or 'database'}, "
        f"cache: {env.get('CACHE_URL') or 'default'}; load average {load()}."
    )
    worker = None
    if manage(env, "help", "db_worker", capture_output=True).returncode == 0:
        # What seeding queued (search index, references) first, so that the bench runs alone.
        manage(env, "db_worker", "--batch", check=True, stdout=log, stderr=subprocess.STDOUT)
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "db_worker"], cwd=ROOT, env=env, stdout=log, stderr=log
        )
    else:
        print("No db_worker command (django_tasks_db is not an installed app): no task worker.")
    try:
        run("Page cache as configured (anonymous reader)", env, args, log, goals=True)
        uncached = {**env, "PAGE_CACHE_SECONDS": "0"}
        master, workers = run("Uncached (PAGE_CACHE_SECONDS=0)", uncached, args, log, False)
        print(
            f"\nLoad average after the bench: {load()} ({os.cpu_count()} cores; other work counts)"
        )
        sizes = ", ".join(f"{rss:.0f}" for rss in workers)
        print(
            f"Memory (RSS) after the bench: gunicorn master {master:.0f} MiB, workers {sizes} MiB"
        )
        if worker is None:
            return
        if worker.poll() is not None:
            raise SystemExit(f"The task worker stopped (exit code {worker.returncode}).")
        rss = rss_mib(worker.pid)
        met = "ok" if rss <= WORKER_RSS_GOAL_MIB else "MISSED"
        print(f"task worker (db_worker): {rss:.0f} MiB (goal ≤ {WORKER_RSS_GOAL_MIB} MiB: {met})")
    finally:
        if worker is not None:
            stop(worker)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=15, help="seconds of load per page")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--settings", default="portal.settings.production")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures as they come, also into a file
    if not ensure_wrk():
        return 1

    folder = Path(tempfile.mkdtemp(prefix="integra-bench-pages-"))
    env = environment(folder, args.settings, args.workers, free_port())
    with open(folder / "server.log", "w") as log:
        try:
            bench(env, args, log)
        except (subprocess.CalledProcessError, SystemExit):
            print(f"The bench failed: see {folder}/server.log", file=sys.stderr)
            raise
    shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
