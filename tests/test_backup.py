"""``manage.py backup PATH``: SQLite's online backup, restored into a fresh data folder,
gives the same row counts and byte-identical public pages. On PostgreSQL the command
says to use pg_dump."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from tests.chronology import public_data as data

SQLITE = connection.vendor == "sqlite"
PER_RESPONSE = re.compile(r'(nonce=)"[\w-]+"|("X-CSRFToken": )"\w+"')
PAGES = ["/c/", "/c/backed-up/", "/c/backed-up/entries.csv", "/c/backed-up/feed.atom"]

# Run in a fresh process on the restored file: every table's row count, and the pages.
READ_RESTORED = """
import json, django
django.setup()
from django.apps import apps
from django.test import Client
counts = {m._meta.db_table: m._default_manager.count() for m in apps.get_models()}
client = Client()
pages = {p: client.get(p).getvalue().decode() for p in json.loads(input())}
print(json.dumps({"counts": counts, "pages": pages}))
"""


def per_database(pages: dict[str, str]) -> dict[str, str]:
    """The pages without the two values each response draws afresh: the CSP nonce and
    the masked CSRF token. Everything else must be the same, byte for byte."""
    return {
        path: PER_RESPONSE.sub(lambda match: f'{match[1] or match[2]}""', page)
        for path, page in pages.items()
    }


def a_published_chronology() -> None:
    topic = data.chronology("Backed up", slug="backed-up")
    event = data.approved_event(data.article(source_name="Axios", title="Talks off"))
    data.entry([topic], "2024-06-20", headline="The meeting is cancelled", events=[event])


def restored(backup: Path, tmp_path: Path) -> dict:
    fresh = tmp_path / "fresh-data"
    fresh.mkdir()
    (fresh / "curation.sqlite3").write_bytes(backup.read_bytes())
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CURATION_DATA_DIR": str(fresh),
        "DATABASE_URL": f"sqlite:///{fresh / 'curation.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", READ_RESTORED],
        input=json.dumps(PAGES),
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.skipif(not SQLITE, reason="PostgreSQL is backed up with pg_dump (next test)")
@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_has_the_same_rows_and_the_same_public_pages(tmp_path, event_types):
    a_published_chronology()
    backup = tmp_path / "desk-backup.sqlite3"
    call_command("backup", str(backup))
    assert backup.exists() and not backup.with_name(backup.name + ".partial").exists()
    counts = {m._meta.db_table: m._default_manager.count() for m in apps.get_models()}
    pages = {path: Client().get(path).getvalue().decode() for path in PAGES}
    assert counts["chronology_entry"] == 1 and "The meeting is cancelled" in pages[PAGES[1]]
    copy = restored(backup, tmp_path)
    assert copy["counts"] == counts
    assert per_database(copy["pages"]) == per_database(pages)


@pytest.mark.skipif(not SQLITE, reason="PostgreSQL is backed up with pg_dump (next test)")
@pytest.mark.django_db(transaction=True)
def test_a_backup_never_overwrites_a_file(tmp_path):
    existing = tmp_path / "old.sqlite3"
    existing.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists: give a new file name"):
        call_command("backup", str(existing))
    assert existing.read_bytes() == b"an older backup"
    with pytest.raises(CommandError, match="is not a folder: create it first"):
        call_command("backup", str(tmp_path / "missing" / "new.sqlite3"))


@pytest.mark.skipif(SQLITE, reason="on SQLite the command makes the backup (tests above)")
@pytest.mark.django_db
def test_on_postgresql_it_points_to_pg_dump(tmp_path):
    with pytest.raises(CommandError, match="back it up with pg_dump"):
        call_command("backup", str(tmp_path / "x.sqlite3"))
    assert not (tmp_path / "x.sqlite3").exists()
