"""The desk for the side-by-side benchmark: gunicorn (sync workers) on a loopback port,
on a fresh SQLite database with DEBUG off and the static files collected, seeded by
``desk_seed.py`` before any timing; and its clients: browser sessions (logged in, with
the CSRF token HTMX sends) for the pages and an API token for the API.

The server machinery is tests/load/stack.py's: the socket bound here and handed to
gunicorn, one process group per server, killed as a whole on the way out."""

from __future__ import annotations

from pathlib import Path

import requests

from tests.load.driver import CSRF_IN_FORM, CSRF_IN_PAGE
from tests.load.stack import SqliteDatabase, Stack, app_env, collect_static, run_seed

SEED_SCRIPT = Path(__file__).with_name("desk_seed.py")
SEED_TIMEOUT = 1800
REQUEST_TIMEOUT = 600


def collected_static(folder: Path) -> Path:
    """The static files (WhiteNoise's manifest), collected once for every run's server."""
    data_dir = folder / "static-build"
    data_dir.mkdir(exist_ok=True)
    collect_static(app_env(SqliteDatabase(data_dir), data_dir))
    return data_dir / "static"


class DeskServer:
    """``with DeskServer(...) as desk``: seeded and serving at ``desk.base``; stopped (its
    whole process group) on the way out, however the block ends."""

    def __init__(
        self, folder: Path, *, static: Path, workload_file: Path, workers: int, imported: int
    ) -> None:
        self.data_dir = folder
        self.data_dir.mkdir(parents=True)
        (self.data_dir / "static").symlink_to(static)
        database = SqliteDatabase(self.data_dir)
        self.env = app_env(database, self.data_dir) | {
            # One bulk import of the whole run (20,000 documents of 4 KB at scale 10).
            "CURATION_API_MAX_ITEMS": str(max(10_000, imported)),
            "CURATION_API_MAX_BODY_BYTES": str(max(48, imported * 10 // 1000) * 2**20),
        }
        self.workload_file = workload_file
        self.stack = Stack(env=self.env, log_dir=self.data_dir, vendor="sqlite", workers=workers)
        self.plan: dict = {}
        self.base = ""

    def __enter__(self) -> DeskServer:
        try:
            self.plan = self._seed()
            self.base = self.stack.start().base
        except BaseException:
            self.stack.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stack.stop()

    def _seed(self) -> dict:
        return run_seed(self.env, str(self.workload_file), script=SEED_SCRIPT, timeout=SEED_TIMEOUT)

    @property
    def master_pid(self) -> int:
        return self.stack.servers[0].process.pid

    def logs(self) -> str:
        return self.stack.logs()

    # -- clients ---------------------------------------------------------------------------

    def browser(self, role: str) -> requests.Session:
        """A session logged in through the login form, as ``role`` (annotator, reviewer,
        curator), carrying the headers of HTMX's requests' CSRF token."""
        session = requests.Session()
        form = session.get(f"{self.base}/accounts/login/", timeout=REQUEST_TIMEOUT)
        form.raise_for_status()
        done = session.post(
            f"{self.base}/accounts/login/",
            data={
                "username": self.plan["users"][role],
                "password": self.plan["password"],
                "csrfmiddlewaretoken": CSRF_IN_FORM.search(form.text).group(1),
                "next": "",
            },
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
        )
        if done.status_code != 302:
            raise RuntimeError(f"logging in as {role}: {done.status_code} {done.text[:300]}")
        page = session.get(f"{self.base}/articles/", timeout=REQUEST_TIMEOUT)
        page.raise_for_status()
        token = (CSRF_IN_PAGE.search(page.text) or CSRF_IN_FORM.search(page.text)).group(1)
        session.headers["X-CSRFToken"] = token
        return session

    def api(self) -> requests.Session:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {self.plan['token']}"
        return session

    def browsers(self, role: str, count: int) -> list[requests.Session]:
        return [self.browser(role) for _ in range(count)]
