"""Settings, read from the environment. README.md lists every variable."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from curation.env import (
    data_dir,
    development_secret_key,
    env_bool,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
# The default SQLite file, collected static files and the development key live here.
DATA_DIR = data_dir(BASE_DIR)

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string before running "
            "with DEBUG off, e.g. DJANGO_SECRET_KEY=\"$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))')\". For local development set DJANGO_DEBUG=1."
        )
    # A local demo (quickstart, or DJANGO_DEBUG=1): a generated key kept in DATA_DIR.
    SECRET_KEY = development_secret_key(DATA_DIR)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tables2",
    "django_filters",
    "simple_history",
    "axes",  # login throttling
    "ninja",  # the API's docs page is served from its static files, not a CDN
    "curation.articles",
    "curation.annotations",
    "curation.chronology",
    "curation.review",
    "curation.api",
    "curation.operations",
]

MIDDLEWARE = [
    "curation.operations.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Pages and HTMX fragments are text that compresses about six-fold; Django's
    # middleware at zlib level 1 (curation/compression.py), which pads compressed
    # responses against BREACH; CSRF tokens are masked per response.
    "curation.middleware.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "curation.middleware.HtmxLoginRedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "curation.urls"
WSGI_APPLICATION = "curation.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
            "builtins": ["curation.inert"],
        },
    },
]

# The embedded default is one SQLite file under CURATION_DATA_DIR. WAL lets readers
# run beside a writer; IMMEDIATE transactions take the write lock up front, so two
# editors saving at once wait for each other (busy timeout) instead of failing with
# "database is locked" halfway through a transaction. Its connections are kept between
# requests (CONN_MAX_AGE), as PostgreSQL's are: a new one, with its pragmas and a read
# of the schema, cost about 3 ms a request. The log is copied back into the database
# after each response rather than inside a commit (curation/operations/wal_checkpoint.py);
# a commit still checkpoints past this many 4 KB pages of log (40 MB: two bulk imports of
# 2,000 articles).
SQLITE_WAL_AUTOCHECKPOINT = 10_000
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        f"PRAGMA wal_autocheckpoint={SQLITE_WAL_AUTOCHECKPOINT};"
    ),
}


def _database_from_env() -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{DATA_DIR / 'curation.sqlite3'}"
    try:
        database = dj_database_url.parse(url, conn_max_age=600 if "sqlite" in url else 60)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL dj-database-url understands ({error}). "
            "Use sqlite:///path/to/file.sqlite3 or postgres://user:password@host:port/name."
        ) from error
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    return database


DATABASES = {"default": _database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What is kept between requests (the workspace's rendered text): in the database, so
# every app server shares it; the table is made by a migration (operations 0001).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "curation_cache",
        "TIMEOUT": 7 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": env_int("CURATION_CACHE_MAX_ENTRIES", default=2000)},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# History records keep their reason whole: a correction's reason (up to 500 characters)
# and the chronologies an entry is published in go there, over simple_history's 100.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Login throttling (django-axes): after CURATION_LOGIN_FAILURE_LIMIT wrong passwords for
# one user name from one address, that pair waits CURATION_LOGIN_COOLOFF_MINUTES; a 429
# says so. An admin unlocks early by deleting the attempts in Django admin ("Access
# attempts") or with `manage.py axes_reset_username NAME`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "curation.permissions.OneQueryModelBackend",
]
AXES_FAILURE_LIMIT = env_int("CURATION_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("CURATION_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["password"]
# The address a login comes from: the connection's, or behind CURATION_TRUSTED_PROXIES
# reverse proxies the one the nearest of them saw (operations/client_address.py).
CURATION_TRUSTED_PROXIES = env_int("CURATION_TRUSTED_PROXIES", default=0)
AXES_CLIENT_IP_CALLABLE = "curation.operations.client_address.client_address"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "articles:list"
LOGOUT_REDIRECT_URL = "articles:list"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("DJANGO_TIME_ZONE") or "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Uploads: the import form posts several files, and its preview posts them back.
# The import form itself refuses more than 50 files or 20 MB with a message that says
# what to do; these outer limits sit above it so that message can be shown.
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024 * 1024  # raised below to the API's own limit
FILE_UPLOAD_MAX_MEMORY_SIZE = 4 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 100

# Four-eyes: nobody approves their own mention or event. A one-person desk turns it off.
CURATION_FOUR_EYES = env_bool("CURATION_FOUR_EYES", default=True)

# The largest article text an import accepts, per file (per line for JSONL).
CURATION_IMPORT_MAX_BYTES = env_int("CURATION_IMPORT_MAX_BYTES", default=2 * 1024 * 1024)

# Processes that help each server process read a large bulk import (more than 200 items)
# on another core; 0 reads everything in the request's own process.
CURATION_IMPORT_HELPER_PROCESSES = env_int("CURATION_IMPORT_HELPER_PROCESSES", default=1)

# The JSON API's limits (curation/api/limits.py): the largest request body, the most items
# in one request, and the requests one token may make in a minute.
CURATION_API_MAX_BODY_BYTES = env_int("CURATION_API_MAX_BODY_BYTES", default=48 * 1024 * 1024)
# Django refuses a larger body before the API's check sees it, and would say so with
# the API's (higher) limit in its message.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(DATA_UPLOAD_MAX_MEMORY_SIZE, CURATION_API_MAX_BODY_BYTES)
CURATION_API_MAX_ITEMS = env_int("CURATION_API_MAX_ITEMS", default=10_000)
CURATION_API_RATE_LIMIT = env_int("CURATION_API_RATE_LIMIT", default=600)

DJANGO_TABLES2_TEMPLATE = "tables/htmx_table.html"

# Production hardening. Each can be relaxed from the environment (docs/deploy.md).
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_HTTPS_PROXY") else None
)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer checks it over plain HTTP
SESSION_COOKIE_SECURE = not DEBUG and env_bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("DJANGO_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy, on every response (and so in every browser test): scripts
# only from the desk's own files or with this response's nonce, never eval; no plugins,
# no framing, forms post only to the desk. Styles only from the desk's own stylesheets
# or a style element with the nonce (Django admin's change list has one); no style
# attributes (type colours come from /event-types.css, the timeline's places from
# classes in static/css/timeline.css).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Logs go to standard error. curation.requests writes one JSON line per request
# (curation/operations/request_log.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"bare": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {"class": "logging.StreamHandler", "formatter": "bare"},
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL") or "INFO"},
    "loggers": {
        "curation.requests": {"handlers": ["requests"], "level": "INFO", "propagate": False},
    },
}
