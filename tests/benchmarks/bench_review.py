"""Review queue benchmark: prints milliseconds and SQL query counts for the queue with
10,000 submitted items (mentions and events, over 50 articles by 5 annotators):

1. the queue's first page (the oldest first), as a reviewer opens it, and the counts per
   state it then fetches;
2. a filtered page (events of the last 7 days from one article), as HTMX fetches it;
3. a page sorted by annotator, deep in the queue;
4. "My work" of one annotator (2,000 items waiting for review).

    .venv/bin/python tests/benchmarks/bench_review.py [--items 10000] [--repeat 20]

It runs against a fresh SQLite database in a temporary folder, through Django's test
client (no network), with DEBUG off, and prints the medians of ``--repeat`` requests.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.common import cpu_model, plain_label, record_time, setup_django, target_ms  # noqa: E402


def timed(function, repeat: int):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries, response = [], 0, None
    for _ in range(repeat):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = function()
            times.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return response, times, queries


WORKLOAD = {"items": ""}


def report(label: str, times: list[float], queries: int, target: str = "") -> None:
    record_time(f"review: {plain_label(label)}", WORKLOAD["items"], times, target_ms(target))
    print(
        f"{label:<52} median {statistics.median(times):6.1f} ms "
        f"(min {min(times):.1f}, max {max(times):.1f}), {queries} queries {target}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        run(options.items, options.repeat)


def run(items: int, repeat: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from curation.annotations.models import Entity, EntityKind, EventType
    from curation.articles.importing import content_hash
    from curation.articles.models import Article, Source
    from tests.review.work import BODY, bulk_work

    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores "
        f"({cpu_model()}); SQLite {__import__('sqlite3').sqlite_version}"
    )
    users = get_user_model().objects
    reviewer = users.create_user("bench-reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    authors = []
    for n in range(5):
        author = users.create_user(f"annotator{n}", password="x")
        author.groups.add(Group.objects.get(name="annotator"))
        authors.append(author)
    sources = [Source.objects.create(name=f"Outlet {n}", slug=f"outlet-{n}") for n in range(3)]
    articles = []
    for n in range(50):
        body = f"{BODY}\n\nReport {n}."
        articles.append(
            Article.objects.create(
                title=f"Article {n}",
                body=body,
                raw_text=body,
                content_hash=content_hash(body),
                format="text",
                source=sources[n % len(sources)],
            )
        )
    person = EntityKind.objects.get(slug="person")
    entities = Entity.objects.bulk_create(
        Entity(name=f"Person {n}", kind=person) for n in range(max(1, items // 100 + 1))
    )
    event_type = EventType.objects.get(slug="reject-meeting-cancelled")
    started = time.perf_counter()
    bulk_work(items, authors=authors, articles=articles, entities=entities, event_type=event_type)
    print(f"{items:,} submitted items made in {time.perf_counter() - started:.1f} s")
    WORKLOAD["items"] = f"{items:,} waiting"

    client = Client()
    client.force_login(reviewer)
    first = client.get("/review/")  # warm up templates
    assert first.status_code == 200, first.status_code
    response, times, queries = timed(lambda: client.get("/review/"), repeat)
    assert b"queue-row" in response.content
    report("1. the queue's first page (full page)", times, queries, "(target <= 100 ms)")
    response, times, queries = timed(
        lambda: client.get("/review/counts/", HTTP_HX_REQUEST="true"), repeat
    )
    assert b"review-counts" in response.content
    report("1. the counts per state it then fetches", times, queries)

    filtered = f"/review/?kind=event&age=week&article={articles[7].pk}"
    response, times, queries = timed(lambda: client.get(filtered, HTTP_HX_REQUEST="true"), repeat)
    assert b"queue-row" in response.content
    report("2. a filtered page, through HTMX (table only)", times, queries, "(target <= 100 ms)")

    response, times, queries = timed(
        lambda: client.get("/review/?sort=-annotator&page=150", HTTP_HX_REQUEST="true"), repeat
    )
    assert b"queue-row" in response.content
    report("3. page 150 sorted by annotator (table only)", times, queries)

    mine = Client()
    mine.force_login(authors[0])
    response, times, queries = timed(lambda: mine.get("/review/mine/?state=submitted"), repeat)
    assert b"queue-row" in response.content
    report(f"4. My work, {items // len(authors):,} waiting (full page)", times, queries)


if __name__ == "__main__":
    main()
