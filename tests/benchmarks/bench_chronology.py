"""Public chronology benchmark: prints milliseconds and SQL query counts for a chronology
of 10,000 published entries (each citing one to three approved events from 20 articles
of 4 sources, with participants, at mixed date precision over 25 years):

1. the public page (its first 100 entries, the timeline, the JSON-LD), as a visitor opens it,
   and the entity filter's choices, which the page fetches once it has loaded;
2. a filtered page (one entity and a year), as HTMX fetches it;
3. page 50 of the unfiltered list, as HTMX fetches it;
4. the exports, each read to its last byte: the full CSV, timeline.json, calendar.ics,
   feed.atom (the last 50 published) and annotations.jsonld (the collection with its
   first page).

    .venv/bin/python tests/benchmarks/bench_chronology.py [--entries 10000] [--repeat 10]
        [--export-repeat 3] [--only pages,csv,timeline,calendar,feed,annotations]

``--only`` measures just the parts named (``--only csv``: the full CSV alone); the
chronology is made all the same.

It runs against a fresh SQLite database in a temporary folder, through Django's test
client (no network), with DEBUG off, and prints the median and the fastest of
``--repeat`` requests of each page (``--export-repeat`` of each export) after one
warm-up request each. It prints the load average too: other work on the machine slows
every figure.
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


def fetch(client, url: str, **headers) -> tuple[int, bytes]:
    """The status and the whole body, a streamed one read to its end."""
    response = client.get(url, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def timed(function, repeat: int) -> tuple[bytes, list[float], list[float], int]:
    """The last body, the wall-clock and the CPU milliseconds of each request, and its
    queries. CPU time is this process's own (Python and SQLite): what other work on the
    machine changes least."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    status, body = function()  # warm up: templates, the first read of the tables
    assert status == 200, status
    times, cpu, queries = [], [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            status, body = function()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        queries = len(captured)
    return body, times, cpu, queries


WORKLOAD = {"entries": ""}


def report(label: str, timing, target: str = "") -> None:
    body, times, cpu, queries = timing
    record_time(f"chronology: {plain_label(label)}", WORKLOAD["entries"], times, target_ms(target))
    print(
        f"{label:<44} median {statistics.median(times):7.1f} ms (min {min(times):.1f}; "
        f"CPU {statistics.median(cpu):.1f}), {queries:>2} queries, "
        f"{len(body) / 1024:5.0f} KiB {target}"
    )


PARTS = ["pages", "csv", "timeline", "calendar", "feed", "annotations"]
"""What ``--only`` may name: the three pages (1-3), then each export (4-8)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--export-repeat", type=int, default=3)
    parser.add_argument(
        "--only",
        type=lambda names: set(names.split(",")),
        default=set(PARTS),
        help=f"comma-separated, of {','.join(PARTS)} (default: all)",
    )
    options = parser.parse_args()
    if unknown := options.only - set(PARTS):
        parser.error(f"--only: unknown {','.join(sorted(unknown))}; choose from {','.join(PARTS)}")
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        run(options.entries, options.repeat, options.export_repeat, options.only)


def run(count: int, repeat: int, export_repeat: int, only: set[str]) -> None:
    from django.test import Client

    from tests.chronology.public_data import SECRET, bulk_entries, chronology

    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores "
        f"({cpu_model()}); SQLite {__import__('sqlite3').sqlite_version}; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    topic = chronology("Benchmark chronology", slug="bench")
    started = time.perf_counter()
    bulk_entries(topic, count, start_year=2000)
    print(f"{count:,} published entries made in {time.perf_counter() - started:.1f} s")
    WORKLOAD["entries"] = f"{count:,} published entries"

    client = Client()
    page = "/c/bench/"
    if "pages" in only:
        measure_pages(client, page, count, repeat)
    exports = [
        ("csv", "entries.csv", f"4. the full CSV ({count:,} rows, streamed)", "(target <= 1 s)"),
        ("timeline", "timeline.json", "5. timeline.json (streamed)", ""),
        ("calendar", "calendar.ics", "6. calendar.ics (streamed)", ""),
        ("feed", "feed.atom", "7. feed.atom (the last 50 published)", ""),
        ("annotations", "annotations.jsonld", "8. annotations.jsonld (collection, page 0)", ""),
    ]
    for part, file, label, target in exports:
        if part in only:
            timing = timed(lambda file=file: fetch(client, page + file), export_repeat)
            assert SECRET.encode() not in timing[0]
            report(label, timing, target)


def measure_pages(client, page: str, count: int, repeat: int) -> None:
    from curation.annotations.models import Entity
    from curation.chronology.views.public import PER_PAGE
    from tests.chronology.public_data import SECRET

    timing = timed(lambda: fetch(client, page), repeat)
    assert timing[0].count(b'class="entry-item"') == min(count, PER_PAGE)
    assert SECRET.encode() not in timing[0]
    report("1. the public page (full page)", timing, "(target <= 100 ms)")

    timing = timed(lambda: fetch(client, f"{page}entity-options/"), repeat)
    assert timing[0].count(b"<option") > 1
    report("   + the entity choices it fetches after", timing)

    entity = Entity.objects.get(name="Party 007")
    filtered = f"{page}?entity={entity.pk}&from=2000-01-01&to=2000-12-31"
    timing = timed(lambda: fetch(client, filtered, HTTP_HX_REQUEST="true"), repeat)
    assert b'class="entry-item"' in timing[0]
    report("2. one entity in one year, through HTMX", timing)

    deep = min(50, max(1, count // PER_PAGE))
    timing = timed(lambda: fetch(client, f"{page}?page={deep}", HTTP_HX_REQUEST="true"), repeat)
    assert b'class="entry-item"' in timing[0]
    report(f"3. page {deep} of the list, through HTMX", timing)


if __name__ == "__main__":
    main()
