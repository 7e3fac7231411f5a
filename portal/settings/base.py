"""Production-safe base settings. `dev`, `test` and `production` build on this module."""

from pathlib import Path

from django.conf import locale as django_locales
from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY", required=True)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "submissions",
    "practices",
    "agenda",
    "search",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "ninja",  # the read API's docs page from local static files (portal.api)
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.csp.ContentSecurityPolicyMiddleware",
    "portal.csp.PermissionsPolicyMiddleware",
    "portal.middleware.RevisionMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.middleware.RequestTooBigMiddleware",
    "portal.middleware.RequireMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, or an SQLite file under the git-ignored var/ folder.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'integra.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept (CONN_MAX_AGE) on SQLite too: opening one and setting its pragmas
    # costs more than answering a cached page.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every process (web workers, the task worker, management commands), so what one
# process changes no other serves stale: Redis when CACHE_URL is set (django-redis), else
# Django's database cache (its table is created by a migration).
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "integra"),
            # A Redis outage makes the cache miss (and logs), it does not fail pages.
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "integra_cache",
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "integra"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Whole pages for anonymous readers (portal.pagecache): exact invalidation on every change;
# this bounds what changes with the clock alone. 0 switches the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# A front cache (Varnish, nginx, a CDN) in front of the portal: purged through Wagtail's
# frontend_cache. FRONTEND_CACHE_URL = an HTTP cache accepting PURGE; other backends
# (Cloudflare, CloudFront, Azure) by setting WAGTAILFRONTENDCACHE in a settings module.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL", "")
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
    if FRONTEND_CACHE_URL
    else {}
)

# Background tasks (Django's tasks API): a queue in the database, run by `manage.py db_worker`
# (bin/run and bin/serve start it). Mail, search index updates and digests go through it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_submissions"
EDITOR_LOGIN_REDIRECT_URL = "review_queue"  # editors start at what waits for them

# Accounts (django-allauth): email login, mandatory verification, rate limits, no enumeration.
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Integra] "
ACCOUNT_FORMS = {"signup": "portal.accounts.SignupForm"}
ACCOUNT_RATE_LIMITS = {"contact_owner": "5/h/user,20/h/ip", "adoption_request": "5/h/user,20/h/ip"}
# Behind a reverse proxy, the client's address is the n-th from the right in X-Forwarded-For:
# set the number of proxies so rate limits tell clients apart (0: REMOTE_ADDR, no proxy).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Integra"
# Editors and admins must have two-factor authentication (see portal.middleware).
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", True)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation
LANGUAGE_CODE = "en"
# The 24 official EU languages, plus Arabic and Ukrainian (see portal/languages.py).
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("bg", "Bulgarian"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("ga", "Irish"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("it", "Italian"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("mt", "Maltese"),
    ("nl", "Dutch"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("sv", "Swedish"),
    ("ar", "Arabic"),
    ("uk", "Ukrainian"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]
# Django has no language information for Maltese (an official EU language): add it.
django_locales.LANG_INFO.setdefault(
    "mt", {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"}
)
# Maltese day and month names (Django has none) live apart, where makemessages leaves them alone.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "portal" / "formats" / "mt" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]  # European date formats per language (portal/formats/)

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Let Django serve uploaded files itself (small deployments, development, browser tests).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# --- Media on S3-compatible storage (django-storages, the `s3` extra), when MEDIA_S3_BUCKET is
# set. Keep the bucket private: documents/ and original_images/ must never be public (Django
# serves documents after its permission checks); grant public read on images/ only (the
# renditions pages link to), by bucket policy or through MEDIA_S3_CUSTOM_DOMAIN (a CDN).
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    try:
        import storages  # noqa: F401 (an optional dependency, needed only here)
    except ModuleNotFoundError as exc:
        raise ImproperlyConfigured(
            'MEDIA_S3_BUCKET is set but django-storages is missing: pip install -e ".[s3]".'
        ) from exc
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            # Unset: boto3's own defaults (AWS_* variables, instance roles, AWS S3 itself).
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env_str("MEDIA_S3_REGION") or None,
            "access_key": env_str("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,  # objects get the bucket's policy, never a public ACL
            "querystring_auth": False,  # stable image URLs, safe in cached pages
            "file_overwrite": False,
        },
    }
# --- end of S3 media
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The text of one form (files not counted): well above what the forms accept (50,000
# characters per rich-text field), so that an over-long field gets the form's own message with
# the text kept; beyond it, portal.middleware.RequestTooBigMiddleware explains.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Email: Django's backend only queues (portal.mail); the worker delivers through
# EMAIL_DELIVERY_BACKEND (SMTP by default) and retries while the mail server is unavailable.
EMAIL_BACKEND = "portal.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Alerts of saved searches (portal.alerts): how often the worker looks for due alerts, and how
# long the unsubscribe link in an alert keeps working.
ALERT_INTERVAL_MINUTES = env_int("ALERT_INTERVAL_MINUTES", 15)
ALERT_LINK_MAX_AGE = env_int("ALERT_LINK_MAX_AGE_DAYS", 180) * 24 * 3600
# Freshness reminders (practices.reminders): hours between the worker's runs, and how long the
# "confirm it is still current" link in a reminder keeps working.
REMINDER_INTERVAL_HOURS = env_int("REMINDER_INTERVAL_HOURS", 24)
REMINDER_LINK_MAX_AGE = env_int("REMINDER_LINK_MAX_AGE_DAYS", 60) * 24 * 3600
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Integra <no-reply@integra.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security defaults that hold everywhere
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# What the browser may run (django-csp; see portal/csp.py). Readers' pages: our own scripts and
# styles only; an inline script runs only with the request's nonce (`{{ request.csp_nonce }}`).
from csp.constants import NONCE  # noqa: E402 (kept beside the policy it serves)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": "/csp-report/",  # portal.csp.csp_report
    }
}
# The Wagtail admin (under /admin/, including previews) still needs inline scripts and styles,
# may be framed by itself (preview panel), shows Gravatar pictures and checks for new releases.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "www.gravatar.com"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "report-uri": "/csp-report/",  # portal.csp.csp_report
    }
}
# Browser features no page uses: off everywhere (fullscreen only for our own pages).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
ACCOUNT_RATE_LIMITS["csp_report"] = "60/m/ip"

# Wagtail
WAGTAIL_SITE_NAME = "Integra"
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://localhost:8000")
WAGTAILIMAGES_IMAGE_MODEL = "portal.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Web photos: 24 megapixels (6000 × 4000) is plenty, and decoding one stays under ~100 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 24_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.CheckedImageForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.CheckedDocumentForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Search: unset = the database engine; set to an OpenSearch/Elasticsearch URL for a cluster.
SEARCH_URL = env_str("SEARCH_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "portal": {"level": "INFO"},
        "practices": {"level": "INFO"},
        "search": {"level": "INFO"},
    },
}

# Search engine (see search/): kind of cluster behind SEARCH_URL, index alias, timeouts.
SEARCH_ENGINE = env_str("SEARCH_ENGINE", "opensearch")  # "opensearch" or "elasticsearch"
SEARCH_INDEX = env_str("SEARCH_INDEX", "integra-practices")
SEARCH_TIMEOUT = float(env_str("SEARCH_TIMEOUT", "1.5"))
# Wait until each write is searchable (tests); production relies on the refresh interval.
SEARCH_REFRESH_ON_WRITE = env_bool("SEARCH_REFRESH_ON_WRITE", False)
# After a cluster failure, answer from the database this long before one request probes again.
SEARCH_BREAKER_SECONDS = float(env_str("SEARCH_BREAKER_SECONDS", "30"))
# The index's primary shards and replicas of each (a replica needs a second node).
SEARCH_SHARDS = env_int("SEARCH_SHARDS", 1)
SEARCH_REPLICAS = env_int("SEARCH_REPLICAS", 0)

# Open data (portal.api, portal.catalog): the licence of the published practices and events,
# who publishes them in the DCAT-AP catalogue, and the read API's anonymous rate limit.
OPEN_DATA_LICENCE = env_str("OPEN_DATA_LICENCE", "https://creativecommons.org/licenses/by/4.0/")
OPEN_DATA_PUBLISHER = env_str("OPEN_DATA_PUBLISHER", WAGTAIL_SITE_NAME)
OPEN_DATA_PUBLISHER_TYPE = env_str(
    "OPEN_DATA_PUBLISHER_TYPE", "http://purl.org/adms/publishertype/NonProfitOrganisation"
)
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 300)  # requests a minute per address; 0 = none

# Machine translation in wagtail-localize: DeepL when a key is configured; the portal works without.
DEEPL_API_KEY = env_str("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
