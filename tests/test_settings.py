"""Settings come from the environment and fail loudly when production would be unsafe."""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[1]


def manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "CURATION_"))
    }
    clean |= {
        "DJANGO_SETTINGS_MODULE": "curation.settings",
        "CURATION_DATA_DIR": str(tmp_path),
    } | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    result = manage("check", env={}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_deploy_check_passes_with_debug_off_and_key_and_hosts_set(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        env={
            "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-looking-key-9f8e7d6c5b4a3210",
            "DJANGO_ALLOWED_HOSTS": "desk.example.org",
        },
    )
    assert result.returncode == 0, result.stderr


def test_a_bad_boolean_is_a_clear_error(tmp_path):
    result = manage("check", env={"DJANGO_DEBUG": "maybe"}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DJANGO_DEBUG='maybe' is not a yes/no value" in result.stderr


@pytest.mark.parametrize(
    "api_limit, django_limit", [(1_000, 64 * 2**20), (200 * 2**20, 200 * 2**20)]
)
def test_django_reads_every_body_the_api_s_limit_allows(tmp_path, api_limit, django_limit):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)",
        env={"DJANGO_DEBUG": "1", "CURATION_API_MAX_BODY_BYTES": str(api_limit)},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) == django_limit


def test_database_url_picks_the_database(tmp_path):
    target = tmp_path / "elsewhere.sqlite3"
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['NAME']); print(d['OPTIONS']['transaction_mode'])",
        env={"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{target}"},
        tmp_path=tmp_path,
    )
    assert result.stdout.split() == [str(target), "IMMEDIATE"], result.stderr


def test_the_default_sqlite_database_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    # The test database may be in memory (no WAL) or PostgreSQL: check the default file.
    # Its connections are kept between requests: opening one (and reading the schema)
    # was about 3 ms of every request.
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]); "
        "print(connection.settings_dict['OPTIONS']['transaction_mode']); "
        "print(connection.settings_dict['CONN_MAX_AGE'])",
        env={"DJANGO_DEBUG": "1"},
        tmp_path=tmp_path,
    )
    assert result.stdout.split() == ["wal", "IMMEDIATE", "600"], result.stderr


def test_a_postgres_database_url_selects_psycopg(tmp_path):
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'], d['USER'])",
        env={"DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://desk:pw@db.internal:5433/curation"},
        tmp_path=tmp_path,
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "curation",
        "db.internal",
        "5433",
        "desk",
    ], result.stderr


def test_a_malformed_database_url_says_what_to_use(tmp_path):
    result = manage(
        "check", env={"DJANGO_DEBUG": "1", "DATABASE_URL": "nonsense://x"}, tmp_path=tmp_path
    )
    assert result.returncode != 0
    assert "DATABASE_URL is not a database URL" in result.stderr


@pytest.mark.django_db
def test_pages_and_fragments_are_sent_compressed(annotator_client):
    article = ArticleFactory(body="Talks with Tehran resumed. " * 200)
    response = annotator_client.get(
        f"/articles/{article.pk}/annotate/", HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert "Talks with Tehran resumed." in html
    assert len(response.content) < len(html) / 4


PRODUCTION_RESPONSES = """
import json
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("collectstatic", "--no-input", verbosity=0)
User.objects.create_user("rita", password="correct horse battery staple")
plain = Client().get("/accounts/login/")
client = Client(enforce_csrf_checks=True)
page = client.get("/accounts/login/", secure=True)
token = page.cookies["csrftoken"].value
done = client.post(
    "/accounts/login/",
    {"username": "rita", "password": "correct horse battery staple", "csrfmiddlewaretoken": token},
    secure=True,
    HTTP_REFERER="https://testserver/accounts/login/",
)
def attributes(morsel):
    return {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]),
            "samesite": morsel["samesite"]}
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location", "")],
    "hsts": page.get("Strict-Transport-Security", ""),
    "login": done.status_code,
    "session": attributes(done.cookies["sessionid"]),
    "csrf": attributes(page.cookies["csrftoken"]),
}))
"""


def test_production_sends_https_only_cookies_and_hsts(tmp_path):
    result = manage(
        "shell",
        "-c",
        PRODUCTION_RESPONSES,
        tmp_path=tmp_path,
        env={
            "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-looking-key-9f8e7d6c5b4a3210",
            "DJANGO_ALLOWED_HOSTS": "testserver",
        },
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain"] == [301, "https://testserver/accounts/login/"]
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["login"] == 302
    assert seen["session"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    # The CSRF cookie is read by the desk's own script for HTMX requests: not HttpOnly.
    assert seen["csrf"] == {"secure": True, "httponly": False, "samesite": "Lax"}
