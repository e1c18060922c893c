"""A plain Django app with a single write, to show what the least write with a login costs
on this stack: the floor under the desk's one-span writes.

It keeps only what any such write must do: Django's default middleware (as
``startproject`` writes it: sessions in the database, CSRF, authentication), the desk's
SQLite settings (WAL, IMMEDIATE transactions, connections kept), and a view that checks
the login, inserts one row in a transaction and answers "Marked". No role, no history,
no page fragments: the desk does all of those on top.

Served by gunicorn as ``tests.benchmarks.peers.plain_django`` (its ``application``), in
the folder ``PLAIN_DJANGO_DIR``, after ``python tests/benchmarks/peers/plain_django.py``
made its tables and a logged-in session there (printed as JSON)."""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

import django
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from curation.settings import SQLITE_OPTIONS  # noqa: E402  (the desk's pragmas)

MARKS_TABLE = "CREATE TABLE IF NOT EXISTS mark (id integer PRIMARY KEY, start_offset integer, end_offset integer, quote text)"  # fmt: skip

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "plain-django-benchmark-" + "x" * 40),
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    USE_TZ=True,
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "django.contrib.sessions",
    ],
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": Path(os.environ["PLAIN_DJANGO_DIR"]) / "plain.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
            "CONN_MAX_AGE": 600,
        }
    },
)
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402


def health(request) -> JsonResponse:
    return JsonResponse({"status": "ok", "database": connection.vendor})


@require_POST
def mark(request) -> HttpResponse:
    if not request.user.is_authenticated:
        return HttpResponseForbidden("Log in first.")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO mark (start_offset, end_offset, quote) VALUES (%s, %s, %s)",
            [int(request.POST["start"]), int(request.POST["end"]), request.POST["quote"]],
        )
    return HttpResponse("Marked")


urlpatterns = [path("healthz", health), path("mark/", mark)]


def seed() -> dict[str, str]:
    """The tables, a user and a session logged in as that user; the cookies to send."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(MARKS_TABLE)
    user = User.objects.create_user("annotator", password=secrets.token_urlsafe())
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {"sessionid": session.session_key, "csrftoken": secrets.token_hex(16)}


if __name__ == "__main__":
    print(json.dumps(seed()))
else:
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
