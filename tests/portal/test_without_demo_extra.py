"""A production install leaves out the `demo` extra (factory-boy, wagtail-factories): the
portal starts and serves without it, and `seed_demo` says what to install."""

import json
import os
import subprocess
import sys

import pytest

from tests.portal.test_processes import ROOT, database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WITHOUT_DEMO_EXTRA = """
import json, sys
for name in ("factory", "wagtail_factories", "faker"):
    sys.modules[name] = None  # as if they were not installed: importing them fails
import django
django.setup()
from django.core.management import CommandError, call_command
from django.test import Client
call_command("check")
response = Client().get("/en/")
try:
    call_command("seed_demo")
    seed = "seeded"
except CommandError as error:
    seed = str(error)
print(json.dumps({"status": response.status_code, "seed": seed}))
"""


def test_the_portal_serves_without_the_demo_extra_and_seed_demo_says_what_is_missing(home):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_DEMO_EXTRA],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outcome = json.loads(result.stdout.splitlines()[-1])
    assert outcome["status"] == 200
    assert 'install it with `pip install -e ".[demo]"`' in outcome["seed"]
