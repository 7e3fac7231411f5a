"""Local development: convenient defaults, nothing to configure."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Two-factor authentication for editors is on everywhere else; locally it is opt-in.
os.environ.setdefault("MFA_REQUIRED_FOR_STAFF", "0")
# Template and code changes show at once: no page cache unless asked for.
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")

from .base import *  # noqa: E402,F403

# Mail is printed by the worker (bin/run shows its output), unless EMAIL_BACKEND says otherwise.
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
