"""Configuration: production passes Django's deployment checks; base refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k3y-" + "x9Q!r7Lm#2vB" * 6,
        ALLOWED_HOSTS="integra.example.eu",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_base_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_debug_must_be_a_clear_boolean():
    result = manage(
        "check", DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="x", DEBUG="maybe"
    )
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


S3 = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x",
    "MEDIA_S3_BUCKET": "integra-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.example.eu",
    "MEDIA_S3_REGION": "eu-central-1",
    "MEDIA_S3_CUSTOM_DOMAIN": "media.example.eu",
}
SHOW_STORAGE = (
    "from django.core.files.storage import storages; s = storages['default'];"
    "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.default_acl, s.url('images/a.jpg'))"
)


def test_media_go_to_the_s3_bucket_when_one_is_configured_never_with_a_public_acl():
    result = manage("shell", "-c", SHOW_STORAGE, **S3)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "S3Storage",
        "integra-media",
        "https://s3.example.eu",
        "None",
        "https://media.example.eu/images/a.jpg",
    ]


def test_a_configured_s3_bucket_without_django_storages_says_what_to_install():
    without_storages = (
        "import sys; sys.modules['storages'] = None; sys.argv = ['manage.py', 'check'];"
        "exec(open('manage.py').read())"
    )
    environment = {**os.environ, **S3}
    result = subprocess.run(
        [sys.executable, "-c", without_storages],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert 'django-storages is missing: pip install -e ".[s3]"' in result.stderr
