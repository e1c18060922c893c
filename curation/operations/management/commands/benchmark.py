"""``python manage.py benchmark``: every benchmark, then one table of their figures.

Each benchmark is a script in ``tests/benchmarks`` (it needs a source checkout), run in
its own process on its own fresh SQLite database, never the desk's. Each figure it
measures is also written as a JSON line (``tests/benchmarks/common.record_time`` and
``record_rate``), and the table lists them: name, workload, median, p95, target, and
whether the median meets the target. ``--quick`` runs small workloads, to check that
every benchmark still runs (CI does); its figures are not the ones to compare with the
targets.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

ROOT = Path(__file__).resolve().parents[4]
SCRIPTS = ROOT / "tests" / "benchmarks"


@dataclass(frozen=True)
class Benchmark:
    name: str
    script: str
    quick: tuple[str, ...]  # the arguments of --quick
    full: tuple[str, ...] = ()  # the full run's, beyond the script's defaults


BENCHMARKS = [
    Benchmark("import", "bench_import.py", ("--count", "500"), full=("--runs", "3")),
    Benchmark("workspace", "bench_workspace.py", ()),
    Benchmark("review", "bench_review.py", ("--items", "500", "--repeat", "3")),
    Benchmark(
        "chronology",
        "bench_chronology.py",
        ("--entries", "300", "--repeat", "3", "--export-repeat", "1"),
    ),
    Benchmark("anchoring", "bench_anchoring.py", ("--runs", "3")),
    Benchmark("corrections", "bench_corrections.py", ("--mentions", "100", "--repeat", "2")),
    Benchmark("find_dates", "bench_find_dates.py", ("--mb", "0.1", "--runs", "2")),
    Benchmark("api", "bench_api.py", ("--count", "200", "--runs", "1")),
    Benchmark("peers", "peers/run.py", ("--desk-only", "--quick"), full=("--desk-only",)),
]
COLUMNS = ("benchmark", "workload", "median", "p95", "target", "")


class Command(BaseCommand):
    help = "Run every benchmark and print one table: median, p95, target, pass or fail."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quick", action="store_true", help="Small workloads: check that each runs."
        )
        parser.add_argument(
            "--only",
            default="",
            help="Comma-separated, of: " + ", ".join(b.name for b in BENCHMARKS),
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with status 1 when a figure misses its target.",
        )

    def handle(self, *args, quick: bool, only: str, strict: bool, **options) -> None:
        chosen = _chosen(only)
        if not SCRIPTS.is_dir():
            raise CommandError(
                f"The benchmarks are not here ({SCRIPTS}): run this from a source checkout."
            )
        with tempfile.TemporaryDirectory() as folder:
            results = Path(folder) / "results.jsonl"
            for benchmark in chosen:
                self._run(benchmark, quick=quick, results=results, verbose=options["verbosity"])
            rows = [json.loads(line) for line in results.read_text().splitlines()]
        self.stdout.write(_machine())
        self.stdout.write(benchmark_table(rows))
        missed = [row["name"] for row in rows if row["passed"] is False]
        if missed:
            self.stdout.write(f"{len(missed)} of {len(rows)} figures miss their target.")
            if strict:
                raise CommandError("Missed: " + "; ".join(missed), returncode=1)

    def _run(self, benchmark: Benchmark, *, quick: bool, results: Path, verbose: int) -> None:
        arguments = list(benchmark.quick if quick else benchmark.full)
        self.stderr.write(f"running {benchmark.name} …")
        started = time.monotonic()
        environment = {**os.environ, "CURATION_BENCH_RESULTS": str(results)}
        done = subprocess.run(
            [sys.executable, str(SCRIPTS / benchmark.script), *arguments],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
        )
        if verbose > 1 or done.returncode:
            self.stderr.write(done.stdout + done.stderr)
        if done.returncode:
            raise CommandError(
                f"The {benchmark.name} benchmark stopped with status {done.returncode}; "
                "its output is above."
            )
        self.stderr.write(f"  {benchmark.name}: {time.monotonic() - started:.0f} s")


def _chosen(only: str) -> list[Benchmark]:
    if not only:
        return BENCHMARKS
    names = {name.strip() for name in only.split(",") if name.strip()}
    known = {benchmark.name for benchmark in BENCHMARKS}
    if unknown := names - known:
        raise CommandError(
            f"No benchmark named {', '.join(sorted(unknown))}. Choose from: "
            + ", ".join(benchmark.name for benchmark in BENCHMARKS)
        )
    return [benchmark for benchmark in BENCHMARKS if benchmark.name in names]


def benchmark_table(rows: list[dict]) -> str:
    """The figures as a Markdown table (readable as text, and pasted into the README)."""
    lines = [
        (
            row["name"],
            row["workload"],
            row["median"],
            row["p95"],
            row["target"],
            {True: "pass", False: "FAIL", None: ""}[row["passed"]],
        )
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [COLUMNS, *lines]) for i in range(len(COLUMNS))]

    def line(cells) -> str:
        padded = [
            cell.rjust(width) if 2 <= i <= 4 else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = (
        "|"
        + "|".join(
            "-" * (width + 1) + (":" if 2 <= i <= 4 else "-") for i, width in enumerate(widths)
        )
        + "|"
    )
    return "\n".join([line(COLUMNS), rule, *(line(cells) for cells in lines)])


def _machine() -> str:
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    return (
        f"Python {platform.python_version()} on {platform.machine()}, {cores} cores; "
        f"load average {load:.2f}"
    )
