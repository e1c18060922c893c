import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, override_settings

from curation.articles.models import Article, Source

pytestmark = pytest.mark.django_db(transaction=True)


ANNOTATE = ["articles.add_article", "annotations.add_mention", "annotations.add_event"]
REVIEW = [
    "annotations.review_mention",
    "annotations.review_event",
    "annotations.change_others_event",
    "annotations.delete_entity",
]
CURATE = ["chronology.add_entry", "chronology.publish_entry", "chronology.add_notsameevent"]
ADMINISTER = ["articles.add_source", "annotations.change_eventtype", "auth.change_user"]


def may(allowed: list[str], refused: list[str]) -> dict[str, bool]:
    return {perm: True for perm in allowed} | {perm: False for perm in refused}


# What each demo account may do, by the permissions of its role (curation/roles.py).
DEMO_ROLES = {
    "annotator": may(ANNOTATE, REVIEW + CURATE + ADMINISTER),
    "reviewer": may(ANNOTATE + REVIEW, CURATE + ADMINISTER),
    "curator": may(ANNOTATE + REVIEW + CURATE, ADMINISTER),
    "admin": may(ANNOTATE + REVIEW + CURATE + ADMINISTER, []),
}


@override_settings(DEBUG=True)
def test_quickstart_sets_up_accounts_and_seeds_idempotently(capsys):
    call_command("quickstart", "--no-serve")
    first = capsys.readouterr().out
    call_command("quickstart", "--no-serve")
    second = capsys.readouterr().out

    assert "annotator  password: annotate-demo" in first
    assert "Seed articles: 3 imported, 0 already there." in first
    assert "Seed articles: 0 imported, 3 already there." in second
    assert Article.objects.count() == 3
    ft = Article.objects.get(title="Israel cancels defence minister's visit to US")
    assert ft.source == Source.objects.get(name="Financial Times")

    users = get_user_model().objects
    wrong = [
        f"{username} {'lacks' if expected else 'has'} {perm}"
        for username, perms in DEMO_ROLES.items()
        for perm, expected in perms.items()
        if users.get(username=username).has_perm(perm) is not expected
    ]
    assert not wrong, "\n".join(wrong)
    staff = {user.username: (user.is_staff, user.is_superuser) for user in users.all()}
    assert staff == {
        "annotator": (False, False),
        "reviewer": (False, False),
        "curator": (False, False),
        "admin": (True, True),
    }

    client = Client()
    assert log_in(client, "admin", "admin-demo")
    assert client.get("/admin/articles/source/").status_code == 200
    editor = Client()
    assert log_in(editor, "annotator", "annotate-demo")
    page = editor.get("/", follow=True).content.decode()
    for article in Article.objects.all():
        assert article.title.replace("'", "&#x27;") in page


def test_quickstart_refuses_to_run_with_debug_off():
    with pytest.raises(SystemExit):
        call_command("quickstart", "--no-serve")
    assert not get_user_model().objects.filter(username="admin").exists()


def test_quickstart_reads_the_seed_folder_by_the_import_rules_so_not_its_readme(settings, capsys):
    settings.DEBUG = True
    call_command("quickstart", "--no-serve")
    assert "Seed articles: 3 imported, 0 already there." in capsys.readouterr().out
    assert not Article.objects.filter(title="Seed articles").exists()


ROOT = Path(__file__).resolve().parents[1]


def manage(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """manage.py as a newcomer runs it: none of the test suite's settings."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL", "CURATION_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean | {"CURATION_DATA_DIR": str(data_dir)} | env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_busy_port_is_refused_before_anything_is_printed_or_set_up(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        result = manage("quickstart", "--port", str(port), data_dir=tmp_path)

    assert result.returncode == 2
    assert "Open http" not in result.stdout and result.stdout == ""
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"manage.py quickstart --port {port + 1}" in result.stderr
    assert not (tmp_path / "curation.sqlite3").exists()


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_port_that_is_not_a_port_is_refused(port, tmp_path):
    result = manage("quickstart", "--port", port, data_dir=tmp_path)
    assert result.returncode == 2
    assert f"{port!r} is not a port: use a number from 1 to 65535" in result.stderr


def test_after_quickstart_every_command_in_the_checkout_runs_in_the_demo(tmp_path):
    script = "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)"
    before = manage("shell", "-v", "0", "-c", script, data_dir=tmp_path)
    assert before.returncode != 0 and "DJANGO_SECRET_KEY is not set" in before.stderr

    assert manage("quickstart", "--no-serve", data_dir=tmp_path).returncode == 0

    key = (tmp_path / "development-secret-key").read_text().strip()
    assert len(key) >= 50
    assert (tmp_path / "development-secret-key").stat().st_mode & 0o077 == 0
    after = manage("shell", "-v", "0", "-c", script, data_dir=tmp_path)
    assert after.stdout.split() == ["True", key], after.stderr
    imported = manage("import_articles", "seeds/", data_dir=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "0 imported, 3 already there, 0 failed" in imported.stdout

    # A real key, or DJANGO_DEBUG=0, still means production.
    real_key = "a-real-key-" + "x" * 50
    production = manage(
        "shell", "-v", "0", "-c", script, data_dir=tmp_path, DJANGO_SECRET_KEY=real_key
    )
    assert production.stdout.split() == ["False", real_key], production.stderr
    off = manage("shell", "-v", "0", "-c", script, data_dir=tmp_path, DJANGO_DEBUG="0")
    assert "DJANGO_SECRET_KEY is not set" in off.stderr


def test_the_development_key_is_made_once_and_kept(tmp_path):
    from curation.env import development_secret_key

    first = development_secret_key(tmp_path / "var")
    assert development_secret_key(tmp_path / "var") == first
    assert development_secret_key(tmp_path / "other") != first


def log_in(client: Client, username: str, password: str) -> bool:
    """Through the login form, as a person does (the login throttle needs the request)."""
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302
