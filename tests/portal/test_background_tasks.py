"""Mail leaves the request: the page answers and the user's action is saved whatever the mail
server does; the real worker (`manage.py db_worker`, run as bin/run runs it) delivers, and when
the server refuses or hangs it records the failure and tries again later. Rate limits live in
the shared cache, so two processes count together."""

import os
import socket
import subprocess
import sys
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from portal.models import User
from tests.portal.test_accounts import signup
from tests.portal.test_processes import ROOT, database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run(*args, **environment):
    """A management command in another process, on this test's database (dev settings, as
    bin/run uses)."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "EMAIL_TIMEOUT": "1",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def worker(**environment):
    return run("db_worker", "--batch", "--no-startup-delay", **environment).stdout


def smtp_at(port):
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
    }


@pytest.fixture
def refused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again: connecting is refused


@pytest.fixture
def hung_port():
    """A mail server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


def deliveries():
    return DBTaskResult.objects.filter(task_path="portal.mail.deliver")


def test_a_refused_mail_server_loses_nothing_and_the_mail_goes_out_later(
    client, home, refused_port, make_user
):
    response = signup(client)
    assert response.status_code == 302  # to "verify your email", not an error
    assert User.objects.filter(email="nadia@example.org").exists()
    assert deliveries().get().status == "READY"

    worker(**smtp_at(refused_port))
    failed = deliveries().get(status="FAILED")
    assert failed.exception_class_path.endswith("ConnectionRefusedError")
    retry = deliveries().get(status="READY")
    assert retry.run_after > timezone.now() + timedelta(seconds=30)  # backs off
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    admin = Client()
    admin.force_login(make_user("admin@example.org", superuser=True))
    report = admin.get("/admin/background-tasks/").content.decode()
    assert "ConnectionRefusedError" in report and "deliver" in report
    editor = Client()
    editor.force_login(make_user("editor@example.org", editor=True))
    refused = editor.get("/admin/background-tasks/", follow=True)
    assert "ConnectionRefusedError" not in refused.content.decode()  # administrators only

    deliveries().filter(pk=retry.pk).update(run_after=timezone.now())
    printed = worker()  # the mail server is back (here: the console)
    assert deliveries().get(pk=retry.pk).status == "SUCCESSFUL"
    assert "To: nadia@example.org" in printed and "Subject: [Integra]" in printed


def test_a_hung_mail_server_costs_the_worker_one_timeout_and_a_retry(client, home, hung_port):
    signup(client)
    worker(**smtp_at(hung_port))
    assert (
        deliveries()
        .get(status="FAILED")
        .exception_class_path.endswith(("TimeoutError", "SMTPServerDisconnected"))
    )
    assert deliveries().filter(status="READY").count() == 1


def test_the_worker_delivers_every_message_once(client, home):
    signup(client, "one@example.org")
    signup(client, "two@example.org")
    printed = worker()
    assert printed.count("To: one@example.org") == 1
    assert printed.count("To: two@example.org") == 1
    assert set(deliveries().values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_failed_logins_count_across_processes(make_user):
    make_user("target@example.org")
    for _ in range(5):
        Client().post(
            reverse("account_login"), {"login": "target@example.org", "password": "wrong"}
        )
    printed = run(
        "shell",
        "-c",
        "from django.test import Client;"
        "r = Client().post('/en/accounts/login/',"
        " {'login': 'target@example.org', 'password': 'wrong'});"
        "print(r.status_code, 'Too many failed login attempts' in r.content.decode())",
        DJANGO_SETTINGS_MODULE="portal.settings.test",
    ).stdout
    assert printed.split()[-2:] == ["200", "True"]
