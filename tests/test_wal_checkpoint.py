"""SQLite's write-ahead log goes back into the database after a response
(curation/operations/wal_checkpoint.py), not inside whichever commit fills it."""

import pytest
from django.conf import settings
from django.core.signals import request_finished
from django.db import close_old_connections
from django.db.backends.sqlite3.base import DatabaseWrapper

from curation.operations import wal_checkpoint

PAGE = 4096
WRITTEN_PAGES = 1500  # past SQLite's own threshold (1,000 pages), below the desk's


@pytest.fixture
def desk_file(tmp_path, monkeypatch, django_db_blocker):
    """A SQLite file opened as the desk opens its database, and the only connection
    the checkpoint sees."""
    database = DatabaseWrapper(
        {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp_path / "desk.sqlite3"),
            "OPTIONS": settings.SQLITE_OPTIONS,
            "ATOMIC_REQUESTS": False,
            "AUTOCOMMIT": True,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "TIME_ZONE": None,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        },
        alias="wal-test",
    )

    class Only:
        def all(self, initialized_only=False):
            return [database]

    monkeypatch.setattr(wal_checkpoint, "connections", Only())
    with django_db_blocker.unblock():  # a file of the test's own, not the test database
        with database.cursor() as cursor:
            cursor.execute("CREATE TABLE page (body TEXT)")
        yield database, tmp_path / "desk.sqlite3"
        database.close()


def _write_pages(database) -> None:
    with database.cursor() as cursor:
        cursor.execute("BEGIN IMMEDIATE")
        cursor.executemany("INSERT INTO page (body) VALUES (%s)", [("x" * PAGE,)] * WRITTEN_PAGES)
        cursor.execute("COMMIT")


def _response_finished() -> None:
    """``request_finished``, as Django's test client sends it: without closing the test
    database's own connections on the way."""
    request_finished.disconnect(close_old_connections)
    try:
        request_finished.send(sender=None)
    finally:
        request_finished.connect(close_old_connections)


def test_a_commit_leaves_the_log_and_the_end_of_the_response_copies_it(desk_file):
    database, path = desk_file
    _write_pages(database)
    assert path.stat().st_size < 100 * PAGE  # in the log only: no checkpoint in the commit
    _response_finished()
    assert path.stat().st_size > WRITTEN_PAGES * PAGE
    with database.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        busy, in_log, copied = cursor.fetchone()
    assert (busy, copied) == (0, in_log)  # nothing was left to copy


def test_no_checkpoint_inside_a_transaction(desk_file):
    database, path = desk_file
    _write_pages(database)
    database.in_atomic_block = True  # as inside transaction.atomic()
    try:
        wal_checkpoint.checkpoint_after_response()
    finally:
        database.in_atomic_block = False
    assert path.stat().st_size < 100 * PAGE


def test_a_closed_connection_is_not_opened_again_for_it(desk_file):
    database, path = desk_file
    _write_pages(database)
    database.close()  # as close_old_connections does, before this runs
    wal_checkpoint.checkpoint_after_response()
    assert database.connection is None


def test_a_checkpoint_that_fails_is_logged_not_raised(desk_file, monkeypatch, caplog):
    database, _ = desk_file

    def fails(connection):
        from django.db import OperationalError

        raise OperationalError("disk I/O error")

    monkeypatch.setattr(wal_checkpoint, "checkpoint", fails)
    wal_checkpoint.checkpoint_after_response()
    assert "The WAL checkpoint after a response failed: disk I/O error" in caplog.text
