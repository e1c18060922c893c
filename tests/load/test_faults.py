"""Crashes: the whole gunicorn (master, workers, import helpers) killed with SIGKILL in
the middle of work, then started again on the same database.

- during a bulk import of 3,000 articles: the database is intact (SQLite's integrity
  check, no orphaned rows on either database), and sending the same import again ends
  with every item imported or already there, and no article twice;
- during a short load run: the database is intact, and every write acknowledged before
  the kill is there, as it was sent.
"""

import json
import random
import threading
import time
from collections import Counter

import requests

from tests.load.checks import integrity_problems, missing_writes, scalar
from tests.load.conftest import instances_for
from tests.load.driver import WORDS, Run, drive

BIG_IMPORT = 3000
KILL_WAIT_LIMIT = 120  # seconds to wait for the first saved rows (a bound, not a timing)


def big_import(count: int) -> list[dict]:
    rng = random.Random(3000)

    def sentence() -> str:
        return " ".join(rng.choices(WORDS, k=rng.randint(10, 18))).capitalize() + "."

    return [
        {
            "title": f"Crash wire {n}: " + " ".join(rng.choices(WORDS, k=5)),
            "body": "\n\n".join(" ".join(sentence() for _ in range(4)) for _ in range(5))
            + f"\n\nCrash wire item {n}.",
            "source": "Crash Wire",
            "published_on": "2024-06-27",
        }
        for n in range(count)
    ]


def import_request(base: str, token: str, payload: bytes) -> requests.Response:
    return requests.post(
        base + "/api/v1/articles/import",
        data=payload,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        timeout=600,
    )


def test_sigkill_during_a_bulk_import_loses_nothing_it_reported(desk, capsys):
    stack, database, plan = desk("--minimal")
    (token,) = plan["api_tokens"]
    server = stack.start()
    payload = json.dumps(big_import(BIG_IMPORT)).encode()
    answer: dict = {}

    def send() -> None:
        try:
            answer["response"] = import_request(server.base, token, payload)
        except requests.RequestException as error:
            answer["error"] = error

    sender = threading.Thread(target=send, daemon=True)
    started = time.monotonic()
    sender.start()
    deadline = started + KILL_WAIT_LIMIT
    # Kill as soon as the first batch is saved, while the others are not.
    while time.monotonic() < deadline and sender.is_alive():
        if scalar(database, "SELECT COUNT(*) FROM articles_article"):
            break
        time.sleep(0.01)
    stack.kill()
    killed_after = time.monotonic() - started
    sender.join(timeout=60)
    saved = scalar(database, "SELECT COUNT(*) FROM articles_article")
    assert "error" in answer, "the import ended before the kill: nothing was interrupted"
    assert integrity_problems(database) == []

    server = stack.start()
    assert integrity_problems(database) == []
    again = import_request(server.base, token, payload)
    assert again.status_code == 200, again.text[:500]
    statuses = Counter(result["status"] for result in again.json()["results"])
    with capsys.disabled():
        print(
            f"\nbulk import killed after {killed_after:.2f} s with {saved:,} of "
            f"{BIG_IMPORT:,} articles saved; sent again: {dict(statuses)}"
        )
    assert statuses == +Counter({"imported": BIG_IMPORT - saved, "already": saved})
    assert scalar(database, "SELECT COUNT(*) FROM articles_article") == BIG_IMPORT
    assert scalar(database, "SELECT COUNT(DISTINCT body) FROM articles_article") == BIG_IMPORT
    assert integrity_problems(database) == []


def test_sigkill_during_load_keeps_every_acknowledged_write(desk, capsys):
    stack, database, plan = desk()
    for _ in range(instances_for(database.vendor)):
        stack.start()
    run, stop = Run(), threading.Event()
    driver = threading.Thread(
        target=drive,
        args=(plan, [server.base for server in stack.running], 120),
        kwargs={"run": run, "stop": stop},
        daemon=True,
    )
    driver.start()
    deadline = time.monotonic() + 300  # logging in comes first, then the writes
    while time.monotonic() < deadline and driver.is_alive():
        if {"mentions", "events", "approvals", "imports"} <= {k for k, v in run.acks.items() if v}:
            break
        time.sleep(0.1)
    in_flight_by = time.monotonic() + 10
    while run.writes_in_flight == 0 and time.monotonic() < in_flight_by and driver.is_alive():
        time.sleep(0.001)  # kill while a write is on its way
    writes_cut = run.writes_in_flight
    stack.kill()
    stop.set()
    driver.join(timeout=300)
    acknowledged = {kind: list(items) for kind, items in run.acks.items()}
    assert run.server_errors() == []
    assert run.unexpected == []
    assert integrity_problems(database) == []

    server = stack.start()
    assert integrity_problems(database) == []
    assert missing_writes(database, plan, acknowledged, exact=False) == []
    with capsys.disabled():
        print(
            "\nload killed with acknowledged writes: "
            + ", ".join(f"{kind} {len(items)}" for kind, items in sorted(acknowledged.items()))
            + f"; {len(run.errors)} requests cut short by the kill"
            + f" ({writes_cut} writes)"
        )
    # And the desk works again: a write after the restart is saved.
    after = requests.post(
        server.base + "/api/v1/articles/import",
        json=[{"title": "After the crash", "body": "Written after the restart."}],
        headers={"Authorization": f"Bearer {plan['api_tokens'][0]}"},
        timeout=60,
    )
    assert after.status_code == 200 and after.json()["imported"] == 1, after.text[:300]
