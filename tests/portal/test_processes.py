"""Several processes behave like one: what a management command changes in another process is
served at once by a running server (no per-process truth, see portal.models.revisions)."""

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from django.conf import settings

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def database_url():
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**database)


def in_another_process(*args):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=300,
    )


def links(html, selector):
    return [a["href"] for a in BeautifulSoup(html, "html.parser").select(selector)]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (live server)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_pages_stay_whole_while_another_process_adds_a_language(live_server, make_practice):
    make_practice(title="Language café", action_areas=["education-and-training"], countries=["se"])
    paths = ["/sv/", "/sv/practices/", "/sv/events/", "/en/"]
    before = {path: fetch(live_server.url + path)[0] for path in paths}  # warms every cache
    assert before["/en/"] == 200

    in_another_process("sync_locales", "--languages=sv")

    for path in paths:
        status, html = fetch(live_server.url + path)
        assert status == 200, (path, status)
        menu = links(html, "header nav a")
        assert len(menu) >= 3 and all(href.startswith("/") for href in menu), (path, menu)
    _status, html = fetch(live_server.url + "/sv/")
    assert "/sv/events/" in links(html, "header nav a")  # the Swedish listing, new


def test_a_term_renamed_in_another_process_is_shown_at_once(live_server, make_practice):
    make_practice(title="Shared flats", action_areas=["housing"], countries=["se"])
    status, html = fetch(live_server.url + "/en/practices/")
    assert status == 200 and "Housing" in html

    in_another_process(
        "shell",
        "-c",
        "from portal.models import ActionArea;"
        "area = ActionArea.objects.get(code='housing', locale__language_code='en');"
        "area.name = 'Homes and neighbourhoods'; area.save()",
    )

    status, html = fetch(live_server.url + "/en/practices/")
    labels = [
        label.get_text(" ", strip=True)
        for label in BeautifulSoup(html, "html.parser").select(".facet label")
    ]
    assert any(label.startswith("Homes and neighbourhoods") for label in labels), labels
