"""The floor under the desk's one-span writes: the plain Django app's write
(plain_django.py), served the same way (gunicorn, the same sync workers, SQLite in a
fresh folder) and timed the same way as the desk's mention, on the same spans' sizes.

Its figure is the desk's side's ``write_plain``: what a write with a login costs on
this stack and this machine before any of the desk's own work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from tests.benchmarks.peers.timing import repeated, timed
from tests.benchmarks.peers.workload import Workload
from tests.load.stack import SqliteDatabase, Stack, app_env, run_seed

APP = Path(__file__).with_name("plain_django.py")
MODULE = "tests.benchmarks.peers.plain_django"


def floor_figures(folder: Path, *, workers: int, workload: Workload, say: Callable) -> dict:
    """``{"write_plain": [milliseconds, ...]}``: the plain app's one-row writes."""
    say("seeding and starting")
    with plain_django(folder, workers=workers) as (base, session):
        spans = workload.free_spans()

        def mark() -> float:
            index, (start, end, _) = next(spans)
            quote = workload.documents[index].body[start:end]
            return timed(
                session,
                "POST",
                f"{base}/mark/",
                data={"start": start, "end": end, "quote": quote},
                check=lambda response: response.text == "Marked",
            )[0]

        say("writes")
        sizes = workload.sizes
        return {"write_plain": repeated(mark, warmup=sizes.warmup, repeats=sizes.repeats)}


@contextmanager
def plain_django(folder: Path, *, workers: int) -> Iterator[tuple[str, requests.Session]]:
    """The plain app seeded in ``folder`` and served: its address, and a client session
    logged in with the CSRF token it must send. Stopped on the way out."""
    folder.mkdir(parents=True)
    env = app_env(SqliteDatabase(folder), folder) | {"PLAIN_DJANGO_DIR": str(folder)}
    cookies = run_seed(env, script=APP)
    stack = Stack(env=env, log_dir=folder, vendor="sqlite", workers=workers, app=MODULE)
    try:
        base = stack.start().base
        session = requests.Session()
        for name, value in cookies.items():
            session.cookies.set(name, value)
        session.headers["X-CSRFToken"] = cookies["csrftoken"]
        yield base, session
    finally:
        stack.stop()
