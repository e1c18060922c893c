"""Settings for the test suite: the real settings, with test-only secrets and speed-ups.

DATABASE_URL still picks the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-any-real-deployment")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")

from curation.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the app folders, as in development: tests don't run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# SQLite tests use a file, not Django's shared in-memory database: the live server then
# answers concurrent requests on connections of their own, as in production (WAL,
# IMMEDIATE transactions), so concurrency tests are real on both databases.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"curation-tests-{os.getpid()}.sqlite3")
    }
else:
    # One test database per run, so that two runs on one server don't drop each other's.
    DATABASES["default"]["TEST"] = {"NAME": f"test_curation_{os.getpid()}"}  # noqa: F405
