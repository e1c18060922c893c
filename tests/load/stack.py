"""The real stack for the load and fault tests: a fresh database chosen as the app
chooses it (DATABASE_URL set: a new PostgreSQL database on that server, dropped
afterwards; otherwise SQLite in a temporary CURATION_DATA_DIR), seeded by
``tests/load/seed.py`` in a subprocess, and gunicorn instances on loopback sockets
bound here, on ports the system picks.

Each gunicorn runs in a session (process group) of its own, so that a kill takes its
master, workers and import helpers at once."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")
SERVER_START_TIMEOUT = 60
SEED_TIMEOUT = 300


def database_url_from_env() -> str:
    """DATABASE_URL as curation.settings reads it (curation.env.env_str)."""
    return os.environ.get("DATABASE_URL", "").strip()


class Database:
    """A fresh database for one test: ``url`` for the app (None: SQLite in the data
    folder), ``connect()`` for the test's own SQL checks."""

    vendor: str

    def connect(self):
        raise NotImplementedError

    def drop(self) -> None:
        raise NotImplementedError


class SqliteDatabase(Database):
    vendor = "sqlite"

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "curation.sqlite3"  # curation.settings' default file
        self.url = None

    def connect(self):
        import sqlite3

        return sqlite3.connect(self.path, timeout=30)

    def drop(self) -> None:
        pass  # the data folder goes with the test's tmp_path


class PostgresDatabase(Database):
    vendor = "postgresql"

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.name = f"curation_load_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        parts = urllib.parse.urlsplit(server_url)
        self.url = urllib.parse.urlunsplit(parts._replace(path="/" + self.name))
        with self._server() as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')

    def _server(self):
        import psycopg

        return psycopg.connect(_libpq_url(self.server_url), autocommit=True)

    def connect(self):
        import psycopg

        return psycopg.connect(_libpq_url(self.url), autocommit=True)

    def drop(self) -> None:
        with self._server() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _libpq_url(url: str) -> str:
    """dj-database-url also takes postgis:// and pgsql://; libpq takes postgresql://."""
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme in ("postgres", "postgis", "pgsql") else url


def fresh_database(data_dir: Path) -> Database:
    url = database_url_from_env()
    if url and not url.startswith("sqlite"):
        return PostgresDatabase(url)
    return SqliteDatabase(data_dir)


def app_env(database: Database, data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "curation.settings",
        "DJANGO_SECRET_KEY": "load-test-only-key-" + "x" * 40,
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        # Plain HTTP on loopback: cookies marked Secure would never come back.
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "CURATION_DATA_DIR": str(data_dir),
        "CURATION_API_RATE_LIMIT": "1000000",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    if database.url:
        env["DATABASE_URL"] = database.url
    return env


def run_seed(
    env: dict[str, str],
    *args: str,
    script: Path = ROOT / "tests" / "load" / "seed.py",
    timeout: int = SEED_TIMEOUT,
) -> dict:
    """Migrate and seed the fresh database in a subprocess (``script``, by default the
    load tests' seed); returns the plan it prints last (JSON)."""
    done = subprocess.run(
        [sys.executable, str(script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise RuntimeError(
            f"seeding with {script.name} failed ({done.returncode}):\n{done.stderr[-4000:]}"
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def collect_static(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=SEED_TIMEOUT,
    )


@dataclass
class Server:
    """One gunicorn (master and workers) on 127.0.0.1:port; its stderr goes to ``log``."""

    port: int
    log: Path
    process: subprocess.Popen
    killed: bool = False

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class Stack:
    """Gunicorn instances on one database; ``start()`` adds one, ``kill()`` SIGKILLs
    them all (whole process groups), ``stop()`` ends whatever is left."""

    env: dict[str, str]
    log_dir: Path
    vendor: str
    workers: int = 2
    app: str = "curation.wsgi"  # the WSGI module gunicorn serves
    servers: list[Server] = field(default_factory=list)

    def start(self) -> Server:
        # The socket is bound here, on a port the system picks, and handed to gunicorn:
        # no other process can take the port between choosing and binding it.
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(128)
            listener.set_inheritable(True)
            port = listener.getsockname()[1]
            log = self.log_dir / f"gunicorn-{len(self.servers) + 1}-{port}.log"
            with log.open("wb") as log_file:  # the child keeps its own copies
                process = self._spawn(listener.fileno(), log_file)
        server = Server(port=port, log=log, process=process)
        self.servers.append(server)
        self._wait_until_ready(server)
        return server

    def _spawn(self, listener: int, log_file) -> subprocess.Popen:
        return subprocess.Popen(
            [
                str(GUNICORN),
                self.app,
                "--bind",
                f"fd://{listener}",
                "--workers",
                str(self.workers),
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
            pass_fds=(listener,),
            start_new_session=True,
        )

    def _wait_until_ready(self, server: Server) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError("gunicorn stopped:\n" + server.log.read_text()[-3000:])
            try:
                with urllib.request.urlopen(server.base + "/healthz", timeout=5) as answer:
                    health = json.loads(answer.read())
            except OSError:
                time.sleep(0.2)
                continue
            if health != {"status": "ok", "database": self.vendor}:
                raise RuntimeError(f"{server.base}/healthz answered {health}")
            return
        raise RuntimeError(f"gunicorn did not answer on {server.base} in time")

    @property
    def running(self) -> list[Server]:
        return [server for server in self.servers if not server.killed]

    def kill(self) -> None:
        """SIGKILL every running instance's process group, and wait until none of its
        processes is left."""
        for server in self.running:
            _kill_group(server.process.pid)
            server.process.wait(timeout=30)
            server.killed = True

    def stop(self) -> None:
        for server in self.running:
            try:
                os.killpg(server.process.pid, signal.SIGTERM)
                server.process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
            _kill_group(server.process.pid)  # workers that outlived their master
            server.process.wait(timeout=30)
            server.killed = True

    def logs(self) -> str:
        return "\n".join(
            server.log.read_text(errors="replace") for server in self.servers if server.log.exists()
        )


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 30
    while _group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group is still running (zombies waiting for a parent
    to reap them hold no files and no locks)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":  # state, ppid, pgrp
            return True
    return False
