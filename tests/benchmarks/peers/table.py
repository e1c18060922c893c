"""The rows of the side-by-side table: which desk figure is set against which Label Studio
figure, which way is better, and the ratio the desk aims at; the medians and ratios, and
the tables printed in Markdown (the machine's header line, the comparison, and with
``--scale 10`` how each figure grows from 1× to 10×)."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
from dataclasses import dataclass

from tests.benchmarks.common import cpu_model
from tests.benchmarks.peers.workload import Sizes

TIME, RATE, MEMORY = "time", "rate", "memory"


@dataclass(frozen=True)
class Row:
    key: str  # the desk's figure
    name: str  # the desk's figure in manage.py benchmark's table
    label: str  # in the side-by-side table; both formatted with the sizes
    ls_key: str | None  # the Label Studio figure it is set against
    kind: str  # TIME (ms), RATE (higher is better) or MEMORY (MB)
    unit: str = "ms"
    target: float | None = None  # the ratio the desk aims at (desk better: > 1)
    growth: str = ""  # what growing the workload tenfold should do to it


ROWS = [
    Row("read_big", "workspace of the {big:,}-span document", "1. reading a {big:,}-span document: LS GET /api/tasks/{{id}}, desk workspace page", "read_task", TIME, target=3, growth="≤ linear (10× the spans)"),
    Row("read_page", "workspace of {page_spans:,} spans, {page_chars:,} characters", "1. desk only: the workspace of {page_spans:,} spans, {page_chars:,} characters", None, TIME, growth="flat"),
    Row("list_articles", "article list, 100 rows", "2. a list of 100: LS task list, desk article list", "list_tasks", TIME, target=5, growth="flat per page"),
    Row("list_review", "review queue, 100 rows", "2. a list of 100: desk review queue", "list_tasks", TIME, target=5, growth="flat per page"),
    Row("list_entities", "entity directory, 100 rows", "2. a list of 100: desk entity directory", "list_tasks", TIME, target=5, growth="flat per page"),
    Row("write_mention", "marking a mention (one span)", "3. one write, per span: LS 5-span annotation ÷ 5, desk mention", "write_span", TIME, target=5, growth="flat"),
    Row("write_event", "recording an event (one span)", "3. one write, per span: LS annotation ÷ 5, desk event", "write_span", TIME, target=5, growth="flat"),
    Row("write_event_big", "recording an event in the {big:,}-span document", "3. desk only: recording an event in the {big:,}-span document", None, TIME, growth="flat"),
    Row("write_mention", "marking a mention (one span)", "3. one write, whole request: LS 5 spans, desk mention (1 span)", "write_request", TIME, growth="flat"),
    Row("write_refused", "a mention's request refused by its form (no write)", "3. desk only: the mention's request refused by its form, no write (the floor)", None, TIME, growth="flat"),
    Row("write_plain", "plain Django, not the desk: a one-row write with a login", "3. plain Django, not the desk: login, CSRF, one row written, no role or history", "write_span", TIME, growth="flat"),
    Row("write_marked", "marking 5 mentions in one API request, per span", "3. one write, per span: LS 5-span annotation ÷ 5, desk API 5 mentions ÷ 5", "write_span", TIME, target=5, growth="flat"),
    Row("write_marked_request", "marking 5 mentions in one API request", "3. one write, whole request: LS 5 spans, desk API 5 mentions", "write_request", TIME, growth="flat"),
    # The issue sets batches against Label Studio's annotation POST per span (as row 3);
    # Label Studio's own {batch}-span annotation is shown beside, without a target.
    Row("batch_preannotate", "{batch:,} API pre-annotations, per span", "4. batch of {batch:,}, per span: LS annotation POST ÷ 5, desk API pre-annotations", "write_span", TIME, target=10, growth="flat"),
    Row("batch_accept", "accepting {batch:,} suggestions, per span", "4. batch of {batch:,}, per span: desk accepting every suggestion", "write_span", TIME, target=10, growth="flat"),
    Row("batch_preannotate", "{batch:,} API pre-annotations, per span", "4. batch of {batch:,}, per span: LS one {batch:,}-span annotation, desk API pre-annotations", "batch_span", TIME, growth="flat"),
    Row("import_rate", "bulk import of {imported:,} documents", "5. bulk import of {imported:,} documents, one request", "import_rate", RATE, "docs/s", target=2, growth="flat rate (linear time)"),
    Row("export_csv", "entries.csv of {documents:,} entries", "6. export, {documents:,} documents: LS JSON, desk entries.csv", "export_json", TIME, target=5, growth="linear"),
    Row("export_timeline", "timeline.json of {documents:,} entries", "6. export: desk timeline.json", "export_json", TIME, target=5, growth="linear"),
    Row("export_calendar", "calendar.ics of {documents:,} entries", "6. export: desk calendar.ics", "export_json", TIME, target=5, growth="linear"),
    Row("export_annotations", "annotations.jsonld of {documents:,} entries, every page", "6. export: desk annotations.jsonld, collection and every page", "export_json", TIME, target=5, growth="linear"),
    Row("export_articles", "W3C annotations of {documents:,} documents, {threads} threads", "6. export: desk W3C annotations of every document, a request each, {threads} threads", "export_json", TIME, growth="linear"),
    Row("export_dump", "annotations.jsonl of {documents:,} documents, one request", "6. export: desk W3C annotations of every document, one request (annotations.jsonl)", "export_json", TIME, target=5, growth="linear"),
    Row("export_memory", "", "6. export: growth of a worker's peak memory (VmHWM)", "export_memory", MEMORY, "MB", growth="flat"),
    Row("concurrency", "{threads} threads × {writes} mentions: wall time a write", "7. {threads} threads × {writes} writes (LS annotations, desk mentions)", "concurrency", RATE, "req/s", growth="flat"),
    Row("memory", "", "8. server memory after the workload: master and {workers} workers (RSS)", "memory", MEMORY, "MB", growth="flat"),
    Row("memory_all", "", "8. desk only: with its import helper processes", None, MEMORY, "MB", growth="flat"),
]  # fmt: skip


def label(row: Row, sizes: Sizes, workers: int, text: str | None = None) -> str:
    return (row.label if text is None else text).format(
        big=sizes.big_spans,
        page_spans=sizes.page_spans,
        page_chars=sizes.page_chars,
        batch=sizes.batch_spans,
        imported=sizes.imported,
        documents=sizes.documents,
        threads=sizes.threads,
        writes=sizes.writes_per_thread,
        workers=workers,
    )


def medians(figures: dict[str, list[float]]) -> dict[str, float]:
    return {key: statistics.median(samples) for key, samples in figures.items() if samples}


def ratio(row: Row, ls: float | None, desk: float | None) -> float | None:
    """How many times better the desk is (> 1: better)."""
    if ls is None or desk is None or ls <= 0 or desk <= 0:
        return None
    return desk / ls if row.kind == RATE else ls / desk


def figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms" and value >= 10_000:
        return f"{value / 1000:,.1f} s"
    places = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:,.{places}f} {unit}"


def times(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.{1 if value < 100 else 0}f}×"


def target_for(row: Row, ls: float | None) -> float | None:
    """The desk figure that meets the target ratio against Label Studio's figure."""
    if row.target is None or ls is None:
        return None
    return ls * row.target if row.kind == RATE else ls / row.target


def markdown(header: list[str], lines: list[list[str]], right: set[int]) -> str:
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                cell.rjust(width) if i in right else cell.ljust(width)
                for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
            )
            + " |"
        )

    rule = (
        "|"
        + "|".join(
            "-" * (width + 1) + (":" if i in right else "-") for i, width in enumerate(widths)
        )
        + "|"
    )
    return "\n".join([line(header), rule, *(line(cells) for cells in lines)])


def comparison(
    sizes: Sizes, workers: int, ls: dict[str, float], desk: dict[str, float], errors: str = ""
) -> str:
    lines = []
    for row in ROWS:
        ls_value = ls.get(row.ls_key) if row.ls_key else None
        desk_value = desk.get(row.key)
        found = ratio(row, ls_value, desk_value)
        verdict = (
            "" if row.target is None or found is None else "pass" if found >= row.target else "FAIL"
        )
        lines.append(
            [
                label(row, sizes, workers),
                figure(ls_value, row.unit),
                figure(desk_value, row.unit),
                times(found),
                times(row.target) if row.target else "show",
                verdict,
            ]
        )
    header = ["work", "Label Studio", "the desk", "ratio", "target", ""]
    return markdown(header, lines, right={1, 2, 3, 4}) + (f"\n{errors}" if errors else "")


def scaling(
    small: dict[str, dict[str, float]], large: dict[str, dict[str, float]], factor: int
) -> str:
    """Each figure at 1× and at ``factor``×, and how many times it grew."""
    lines = []
    for row in ROWS:
        cells = [f"{row.key} / {row.ls_key}" if row.ls_key else row.key]
        for app, key in (("ls", row.ls_key), ("desk", row.key)):
            one = small[app].get(key) if key else None
            many = large[app].get(key) if key else None
            grew = many / one if one and many is not None else None
            cells += [figure(one, row.unit), figure(many, row.unit), times(grew)]
        lines.append([*cells, row.growth])
    header = [
        "figure",
        "LS 1×",
        f"LS {factor}×",
        "growth",
        "desk 1×",
        f"desk {factor}×",
        "growth",
        "expected",
    ]
    return markdown(header, lines, right=set(range(1, 7)))


def machine(workers: int) -> str:
    try:
        memory_kb = next(
            int(line.split()[1])
            for line in open("/proc/meminfo").read().splitlines()
            if line.startswith("MemTotal:")
        )
        memory = f"{memory_kb / 2**20:.0f} GB RAM"
    except (OSError, StopIteration):
        memory = "RAM unknown"
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{cpu_model()}, {os.cpu_count()} cores, {memory}; Python {platform.python_version()} "
        f"(the desk), SQLite {sqlite3.sqlite_version}; gunicorn, {workers} sync workers each; "
        f"load average {load}"
    )
