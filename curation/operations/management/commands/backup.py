"""``manage.py backup PATH``: a consistent copy of the SQLite database while the desk
runs, through SQLite's online backup API (writers wait only for each step, and the
copy is of one moment). PostgreSQL is backed up with pg_dump (docs/deploy.md)."""

import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

PAGES_PER_STEP = 1024  # copied between the writers' turns


class Command(BaseCommand):
    help = (
        "Copy the SQLite database to PATH while the desk runs (SQLite's online backup). "
        "For PostgreSQL use pg_dump: see docs/deploy.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the new file; it must not exist yet")

    def handle(self, *args, path: Path, **options) -> None:
        if connection.vendor != "sqlite":
            raise CommandError(
                f"The database is {connection.vendor}, not SQLite: back it up with pg_dump, "
                'e.g. pg_dump --format=custom --file=desk.dump "$DATABASE_URL" '
                "(docs/deploy.md, Backups)."
            )
        if path.exists():
            raise CommandError(
                f"{path} already exists: give a new file name, so no backup is overwritten."
            )
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent} is not a folder: create it first.")
        connection.ensure_connection()
        partial = path.with_name(path.name + ".partial")
        try:
            with sqlite3.connect(partial) as target:
                connection.connection.backup(target, pages=PAGES_PER_STEP)
                check = target.execute("PRAGMA integrity_check").fetchone()[0]
            target.close()
            if check != "ok":
                raise CommandError(f"The copy failed SQLite's integrity check: {check}")
            partial.rename(path)  # a file at PATH is always a whole backup
        finally:
            partial.unlink(missing_ok=True)
        self.stdout.write(f"Backed up to {path} ({path.stat().st_size:,} bytes).")
