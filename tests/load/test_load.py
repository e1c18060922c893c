"""Sixteen clients at once against the real stack (gunicorn, two workers, WhiteNoise) on
a fresh, seeded database: one gunicorn on SQLite, two on PostgreSQL. Afterwards: no
5xx, no "database is locked" in the servers' logs, and every acknowledged write in the
database, as it was sent. Latencies are printed (p50/p95 per kind), never asserted.

CURATION_LOAD_SECONDS shortens the run (default 60)."""

import os

from tests.load.checks import integrity_problems, log_problems, missing_writes
from tests.load.conftest import instances_for
from tests.load.driver import drive, load_seconds
from tests.load.figures import figures, server_figures


def test_sixteen_clients_reading_and_writing_lose_nothing(desk, capsys):
    stack, database, plan = desk()
    for _ in range(instances_for(database.vendor)):
        stack.start()
    seconds = load_seconds()
    load_before = os.getloadavg()
    run = drive(plan, [server.base for server in stack.running], seconds)
    load_after = os.getloadavg()
    stack.stop()
    label = f"{database.vendor}, {len(stack.servers)} gunicorn x {stack.workers} workers"
    with capsys.disabled():
        print(
            "\n"
            + figures(
                run, seconds=seconds, label=label, load_before=load_before, load_after=load_after
            )
        )
        print(server_figures(stack.logs()))

    assert [s for s in run.server_errors()] == []
    assert run.errors == []
    assert run.unexpected == []
    assert log_problems(stack.logs()) == []
    written = sorted(kind for kind, items in run.acks.items() if items)
    assert written == ["approvals", "events", "imports", "mentions"]
    assert missing_writes(database, plan, run.acks) == []
    assert integrity_problems(database) == []
