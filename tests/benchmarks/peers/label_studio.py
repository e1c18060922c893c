"""Label Studio 1.23.2 for the side-by-side benchmark, in a throwaway venv of its own
(Python 3.11; ``pip install label-studio==1.23.2 gunicorn``: about 1 GB, a minute or two
the first time, reused afterwards), served like the desk: gunicorn with sync workers on a loopback
port, on a fresh SQLite database in a temporary folder.

It calls nobody: no Sentry (``SENTRY_DSN`` empty), no version check
(``LATEST_VERSION_CHECK``), no usage analytics (``COLLECT_ANALYTICS``), feature flags
offline, and no resources downloaded by the export converter.

Its API takes the user's token as ``Authorization: Token ...`` only when the organisation
allows legacy tokens; ``label-studio init --enable-legacy-api-token --user-token ...``
makes both. ``init`` (migrations, the user, the organisation) takes half a minute, so it
runs once into a template folder kept in the venv, and each run copies it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.benchmarks.peers.workload import LS_LABELS, Document
from tests.load.stack import Server, Stack

VERSION = "1.23.2"
USERNAME = "peers@localhost"
PASSWORD = "peers-benchmark-password"
TOKEN = "peers0benchmark0token0not0for0real0use00"  # 40 characters, as LS's tokens
START_TIMEOUT = 300
REQUEST_TIMEOUT = 1800
LABEL_CONFIG = (
    '<View><Labels name="label" toName="text">'
    '<Label value="Person"/><Label value="Organization"/>'
    '<Label value="Location"/><Label value="Group"/>'
    '</Labels><Text name="text" value="$text"/></View>'
)


def _quiet_env(data_dir: Path) -> dict[str, str]:
    # LS reads LABEL_STUDIO_<X>, HEARTEX_<X> and <X> alike (HOST, PORT, DEBUG...): none of
    # the desk's or the shell's may leak in.
    dropped = ("DJANGO_", "CURATION_", "LABEL_STUDIO_", "HEARTEX_", "VIRTUAL_ENV", "PYTHON")
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(dropped)
        and name not in ("HOST", "PORT", "USERNAME", "PASSWORD", "DATABASE_URL", "DEBUG")
    }
    return env | {
        "LABEL_STUDIO_BASE_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "core.settings.label_studio",
        "DJANGO_DB": "sqlite",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
        "LATEST_VERSION_CHECK": "false",
        "COLLECT_ANALYTICS": "false",
        "FEATURE_FLAGS_OFFLINE": "true",
        "CONVERTER_DOWNLOAD_RESOURCES": "false",
        "PYTHONUNBUFFERED": "1",
    }


def installed_version(venv: Path) -> str | None:
    python = venv / "bin" / "python"
    if not python.exists() or not (venv / "bin" / "gunicorn").exists():
        return None
    done = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('label-studio'))"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip() if done.returncode == 0 else None


def ensure_installed(venv: Path) -> None:
    """Label Studio in ``venv``, unless it is there already."""
    if installed_version(venv) == VERSION:
        return
    python = shutil.which("python3.11")
    if python is None:
        raise SystemExit("Label Studio 1.23.2 needs python3.11 on the PATH for its own venv.")
    log = venv.with_name(venv.name + "-install.log")
    print(
        f"Installing Label Studio {VERSION} into {venv} (a minute or two; log: {log}) …",
        file=sys.stderr,
    )
    venv.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as output:
        subprocess.run([python, "-m", "venv", str(venv)], check=True, stdout=output, stderr=output)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", f"label-studio=={VERSION}", "gunicorn"],
            check=True,
            stdout=output,
            stderr=output,
        )
    if installed_version(venv) != VERSION:
        raise SystemExit(f"Label Studio {VERSION} did not install; see {log}")


def package_dir(venv: Path) -> Path:
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import label_studio; print(label_studio.__path__[0])",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=_quiet_env(Path(tempfile.gettempdir())),
    )
    return Path(done.stdout.strip())


def data_template(venv: Path) -> Path:
    """A migrated data folder with the user, its legacy token and the organisation."""
    template = venv / "peers-data-template"
    if (template / "label_studio.sqlite3").exists():
        return template
    building = Path(tempfile.mkdtemp(prefix="peers-template-", dir=venv))
    print("Initialising Label Studio's database (about half a minute) …", file=sys.stderr)
    done = subprocess.run(
        [
            str(venv / "bin" / "label-studio"),
            "init",
            "--username",
            USERNAME,
            "--password",
            PASSWORD,
            "--user-token",
            TOKEN,
            "--enable-legacy-api-token",
            "--quiet",
            "--no-browser",
        ],
        cwd=building,
        env=_quiet_env(building),
        capture_output=True,
        text=True,
    )
    if done.returncode:
        shutil.rmtree(building, ignore_errors=True)
        raise RuntimeError(f"label-studio init failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    shutil.rmtree(template, ignore_errors=True)
    building.rename(template)
    return template


@dataclass
class LabelStudioStack(Stack):
    """tests/load/stack.py's Stack, serving Label Studio from its own venv."""

    venv: Path = Path()
    package: Path = Path()

    def _spawn(self, listener: int, log_file) -> subprocess.Popen:
        return subprocess.Popen(
            [
                str(self.venv / "bin" / "gunicorn"),
                "label_studio.core.wsgi:application",
                "--pythonpath",
                str(self.package),
                "--bind",
                f"fd://{listener}",
                "--workers",
                str(self.workers),
                "--timeout",
                str(REQUEST_TIMEOUT),
                "--log-level",
                "warning",
            ],
            cwd=self.env["LABEL_STUDIO_BASE_DATA_DIR"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
            pass_fds=(listener,),
            start_new_session=True,
        )

    def _wait_until_ready(self, server: Server) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError("Label Studio stopped:\n" + server.log.read_text()[-3000:])
            try:
                with urllib.request.urlopen(server.base + "/health", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"Label Studio did not answer on {server.base} in time")


class LabelStudioServer:
    """``with LabelStudioServer(...) as ls``: a copy of the template's database, served
    at ``ls.base``; stopped (its whole process group) on the way out."""

    def __init__(self, folder: Path, *, venv: Path, package: Path, workers: int) -> None:
        self.data_dir = folder
        shutil.copytree(data_template(venv), self.data_dir)
        self.stack = LabelStudioStack(
            env=_quiet_env(self.data_dir),
            log_dir=self.data_dir,
            vendor="sqlite",
            workers=workers,
            venv=venv,
            package=package,
        )
        self.base = ""

    def __enter__(self) -> LabelStudioServer:
        try:
            self.base = self.stack.start().base
        except BaseException:
            self.stack.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stack.stop()

    @property
    def master_pid(self) -> int:
        return self.stack.servers[0].process.pid

    def api(self) -> requests.Session:
        session = requests.Session()
        session.headers["Authorization"] = f"Token {TOKEN}"
        return session

    # -- seeding (never timed) ---------------------------------------------------------------

    def project(self, session: requests.Session, title: str) -> int:
        answer = session.post(
            f"{self.base}/api/projects/",
            json={"title": title, "label_config": LABEL_CONFIG},
            timeout=REQUEST_TIMEOUT,
        )
        if answer.status_code != 201:
            raise RuntimeError(f"creating a project: {answer.status_code} {answer.text[:500]}")
        return answer.json()["id"]

    def import_tasks(self, session: requests.Session, project: int, tasks: list[dict]) -> list[int]:
        """The tasks' ids, in order (with their annotations, if they have some)."""
        ids = []
        for start in range(0, len(tasks), 2000):
            answer = session.post(
                f"{self.base}/api/projects/{project}/import?return_task_ids=true",
                json=tasks[start : start + 2000],
                timeout=REQUEST_TIMEOUT,
            )
            if answer.status_code != 201:
                raise RuntimeError(f"importing tasks: {answer.status_code} {answer.text[:500]}")
            ids += answer.json()["task_ids"]
        return ids


def result(
    document: Document, spans: list[tuple[int, int, int]], entities: list[tuple[str, str]]
) -> list[dict]:
    """Label Studio's annotation result for ``spans`` of ``document``: one region each."""
    return [
        {
            "id": f"r{start}-{end}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "origin": "manual",
            "value": {
                "start": start,
                "end": end,
                "text": document.body[start:end],
                "labels": [LS_LABELS[entities[entity][1]]],
            },
        }
        for start, end, entity in spans
    ]
