"""docs/deploy.md works as written: every command of its ``sh`` blocks, in order, in one
shell that stops at the first failure, on a fresh clone of this repository. So the
backups and the import run while the two app servers the doc starts are serving, and
its last block stops them.

Blocks marked ``<!-- deploy-test: postgresql -->`` run only when the suite runs on
PostgreSQL (CI's second run), those marked ``sqlite`` only on SQLite; the others always.
What an admin's machine has and this one doesn't is replaced (``places``): the clone's
address, the folders under /srv, /var and /run, the ports, and the installation, which
is the step CI itself runs (checked against ``.ci/run``, as test_readme does) rather
than a second one here.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "deploy.md").read_text()
CI_SCRIPT = (ROOT / ".ci" / "run").read_text()
INSTALL = "python3 -m venv .venv && .venv/bin/pip install -e ."
DATABASE = "postgresql" if connection.vendor == "postgresql" else "sqlite"


def blocks(database: str) -> list[str]:
    """The sh blocks the doc shows for ``database``, in order."""
    found = re.finditer(r"(?:<!-- deploy-test: (\w+) -->\n)?```sh\n(.+?)\n```", DOC, re.S)
    return [block for only, block in (m.groups() for m in found) if only in (None, database)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def places(tmp_path: Path) -> dict[str, str]:
    ports = {"8001": str(free_port()), "8002": str(free_port())}
    replaced = {
        "https://example.org/newsroom/curation-desk.git": str(ROOT),
        "/srv/desk": str(tmp_path / "srv" / "desk"),
        "/var/lib/curation-desk": str(tmp_path / "var" / "lib"),
        "/var/backups/desk": str(tmp_path / "var" / "backups"),
        "/run/desk-": str(tmp_path / "run-desk-"),
        INSTALL: f"ln -s {ROOT / '.venv'} .venv",
        **{f"127.0.0.1:{port}": f"127.0.0.1:{new}" for port, new in ports.items()},
        **{f"desk-{port}.pid": f"desk-{new}.pid" for port, new in ports.items()},
    }
    if DATABASE == "postgresql":
        server = urlsplit(os.environ["DATABASE_URL"])
        replaced |= {
            "PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres": (
                f"PGHOST={server.hostname} PGPORT={server.port or 5432} "
                f"PGUSER={server.username or 'postgres'}"
            ),
            "@127.0.0.1:5432/": f"@{server.hostname}:{server.port or 5432}/",
        }
    return replaced


def script(tmp_path: Path) -> str:
    text = "\n".join(blocks(DATABASE))
    for place, here in places(tmp_path).items():
        text = text.replace(place, here)
    return "set -euo pipefail\n" + text + "\n"


@pytest.fixture
def fresh_postgres_names():
    """No role or database named as the doc names them, before and after."""
    if DATABASE != "postgresql":
        yield
        return
    # FORCE: an app server the doc started may still be closing its connections.
    drop = (
        "DROP DATABASE IF EXISTS desk_restored WITH (FORCE); "
        "DROP DATABASE IF EXISTS desk WITH (FORCE); DROP ROLE IF EXISTS desk;"
    )

    def run_drop():
        with connection.cursor() as cursor:
            for statement in drop.split(";"):
                if statement.strip():
                    cursor.execute(statement)

    run_drop()
    yield
    run_drop()


def test_the_installation_step_is_the_one_ci_runs():
    assert INSTALL in DOC
    assert INSTALL.replace("-e .", '-e ".[test]"') in CI_SCRIPT


def test_every_block_is_for_both_databases_or_marked_for_one():
    marks = re.findall(r"<!-- deploy-test: (\w+) -->", DOC)
    assert set(marks) <= {"sqlite", "postgresql"}
    assert "backup" in "".join(blocks("sqlite")) and "pg_dump" in "".join(blocks("postgresql"))


@pytest.mark.django_db(transaction=True)
def test_deploy_doc_runs_as_written(tmp_path, fresh_postgres_names):
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL", "CURATION_", "PG"))
    }
    postgres_tools = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if postgres_tools:
        environment["PATH"] = f"{postgres_tools[-1]}:{environment['PATH']}"
    for tool in (
        "git",
        "curl",
        *(("psql", "createdb", "pg_dump") if DATABASE == "postgresql" else ()),
    ):
        assert shutil.which(tool, path=environment["PATH"]), f"{tool} is needed, as the doc says"
    text = script(tmp_path)
    try:
        done = subprocess.run(
            ["bash", "-c", text],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        for pid_file in tmp_path.glob("run-desk-*.pid"):
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
            except (OSError, ValueError):
                pass
    assert done.returncode == 0, f"{text}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
    health = re.findall(r'\{"status": "ok", "database": "(\w+)"\}', done.stdout)
    assert health == [DATABASE] * 2  # both app servers answered
    if DATABASE == "sqlite":
        assert list((tmp_path / "var" / "backups").glob("desk-*.sqlite3"))
    else:
        assert list((tmp_path / "var" / "backups").glob("desk-*.dump"))
