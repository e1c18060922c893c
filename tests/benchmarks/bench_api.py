"""API benchmark, against a running gunicorn on 127.0.0.1 and a fresh SQLite database:

- bulk import: 2,000 generated articles of about 4 KB in one POST /api/v1/articles/import
  (JSON array), in docs/s; the import pipeline (cleaning, metadata detection, the
  duplicate check) and the commit are inside the timing, as is sending the JSON;
- pre-annotations: 500 mentions in one POST /api/v1/articles/{id}/mentions, in ms;
- GET /api/v1/articles, 100 a page, in ms (the median of 30, with the database holding
  every imported article).

Each figure comes with the CPU time the server's processes spent on it (gunicorn's
workers and their import helpers, read from /proc), which another load on the machine
changes less than the wall-clock time; the header gives the load average.

    .venv/bin/python tests/benchmarks/bench_api.py
    .venv/bin/python tests/benchmarks/bench_api.py --count 2000 --runs 3 --workers 2

Prints figures; asserts nothing about time.
"""

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_import import WORDS  # noqa: E402
from tests.benchmarks.common import record_rate, record_time  # noqa: E402

SERVER_START_TIMEOUT = 30


def article(n: int, rng: random.Random, run: int) -> dict:
    paragraphs = []
    while sum(len(p) for p in paragraphs) < 3900:
        sentences = [
            " ".join(rng.choices(WORDS, k=rng.randint(12, 24))).capitalize() + "."
            for _ in range(rng.randint(2, 4))
        ]
        paragraphs.append(" ".join(sentences))
    return {
        "title": f"Run {run}, article {n}: " + " ".join(rng.choices(WORDS, k=6)).capitalize(),
        "body": "\n\n".join(paragraphs),
        "source": "Bench Wire",
        "published_on": "2024-06-27",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(env: dict) -> str:
    """Migrate the fresh database and make a token; returns the token."""
    script = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "from django.contrib.auth.models import Group, User\n"
        "from curation.api.tokens import token_create\n"
        "user = User.objects.create(username='bench')\n"
        "user.groups.add(Group.objects.get(name='annotator'))\n"
        "print(token_create(user=user, name='bench', created_by=user)[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def call(base: str, token: str, method: str, path: str, body: bytes | None = None):
    request = urllib.request.Request(
        base + path,
        data=body,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as response:
        payload = response.read()
    return time.perf_counter() - started, json.loads(payload)


def server_cpu(master: int) -> float:
    """CPU seconds (user and system) spent so far by gunicorn's master, its workers and
    their import helper processes."""
    ticks = os.sysconf("SC_CLK_TCK")
    pids, total = [master], 0
    while pids:
        pid = pids.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            pids += [int(child) for child in _children(pid)]
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _children(pid: int) -> list[str]:
    return [
        child
        for task in Path(f"/proc/{pid}/task").iterdir()
        for child in (task / "children").read_text().split()
    ]


def wait_for(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped: " + log.read_text()[-2000:])
        try:
            urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
        f"gunicorn, {args.workers} workers; SQLite (WAL), fresh database; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "curation.settings",
            "DJANGO_SECRET_KEY": "benchmark-only-key-" + "x" * 40,
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "CURATION_DATA_DIR": data_dir,
            "CURATION_API_RATE_LIMIT": "1000000",
        }
        env.pop("DATABASE_URL", None)
        token = prepare(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        # Its log (a line a request) goes to a file: a pipe nobody reads fills up.
        log = Path(data_dir) / "gunicorn.log"
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "curation.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--timeout",
                "300",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stderr=log.open("wb"),
        )
        try:
            wait_for(base, server, log)
            run_all(base, token, args, cpu=lambda: server_cpu(server.pid))
        finally:
            server.terminate()
            server.wait(timeout=30)


def run_all(base: str, token: str, args, cpu) -> None:
    rng = random.Random(2024)
    rates, cpu_rates, durations = [], [], []
    for run in range(args.runs):
        items = [article(n, rng, run) for n in range(args.count)]
        body = json.dumps(items).encode()
        cpu_before = cpu()
        seconds, answer = call(base, token, "POST", "/api/v1/articles/import", body)
        cpu_seconds = cpu() - cpu_before
        assert answer["imported"] == args.count, answer if answer["failed"] else ""
        rates.append(args.count / seconds)
        durations.append(seconds)
        cpu_rates.append(args.count / cpu_seconds if cpu_seconds else float("nan"))
        print(
            f"bulk import, run {run + 1}: {args.count:,} articles, "
            f"{len(body) / args.count / 1024:.1f} KB each, {len(body) / 2**20:.1f} MB: "
            f"{seconds:.2f} s = {args.count / seconds:,.0f} docs/s "
            f"(server CPU {cpu_seconds * 1e6 / args.count:.0f} µs a doc)"
        )
    print(
        f"bulk import: median {statistics.median(rates):,.0f} docs/s "
        f"(by server CPU time: {statistics.median(cpu_rates):,.0f} docs/s)"
    )
    size = f"{args.count:,} articles of 4.2 KB in one request"
    record_rate("API bulk import", size, durations, args.count, "docs/s", 5000)

    names = [f"Person{n}" for n in range(500)]
    text = "\n\n".join(
        " ".join(f"{name} met officials." for name in names[start : start + 10])
        for start in range(0, 500, 10)
    )
    _, imported = call(
        base, token, "POST", "/api/v1/articles/import", json.dumps([{"body": text}]).encode()
    )
    article_id = imported["results"][0]["id"]
    timings = []
    cpu_before = cpu()
    for run in range(5):
        items = []
        position = 0
        for name in names:
            start = text.index(name, position)
            items.append({"start": start, "end": start + len(name), "label": "PERSON"})
            position = start + len(name)
        payload = json.dumps({"origin": f"bench tagger {run}", "items": items}).encode()
        seconds, answer = call(
            base, token, "POST", f"/api/v1/articles/{article_id}/mentions", payload
        )
        assert answer["created"] == 500, answer["results"][:3]
        timings.append(seconds * 1000)
    print(
        "500 pre-annotations in one request: median "
        f"{statistics.median(timings):.0f} ms (fastest {min(timings):.0f} ms; "
        f"server CPU {(cpu() - cpu_before) * 1000 / len(timings):.0f} ms a request)"
    )
    record_time("API pre-annotations", "500 mentions in one request", timings, 200)

    for _ in range(3):  # warm both workers
        call(base, token, "GET", "/api/v1/articles?page_size=100")
    timings = []
    cpu_before = cpu()
    for _ in range(30):
        seconds, page = call(base, token, "GET", "/api/v1/articles?page_size=100")
        assert len(page["results"]) == 100
        timings.append(seconds * 1000)
    total = args.count * args.runs + 1
    print(
        f"GET /api/v1/articles, 100 a page ({total:,} articles): median "
        f"{statistics.median(timings):.1f} ms (fastest {min(timings):.1f} ms; "
        f"server CPU {(cpu() - cpu_before) * 1000 / len(timings):.1f} ms a request)"
    )
    record_time("API GET /articles", f"100 a page of {total:,}", timings, 30)


if __name__ == "__main__":
    main()
