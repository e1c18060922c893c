"""The desk side by side with Label Studio 1.23.2: the same seeded workload (workload.py)
on both, each behind gunicorn with the same number of sync workers on a fresh SQLite
database, on loopback; one Markdown table of medians with the ratio and its target.

    .venv/bin/python tests/benchmarks/peers/run.py                # 3 runs at scale 1
    .venv/bin/python tests/benchmarks/peers/run.py --scale 10     # also 10×, and how each grows
    .venv/bin/python tests/benchmarks/peers/run.py --quick --runs 1   # tiny, to check it works
    .venv/bin/python tests/benchmarks/peers/run.py --desk-only    # the desk against stored figures

The first run installs Label Studio into its own venv (``--ls-venv``, by default
``var/peers/ls-venv`` in the checkout, which git ignores): python3.11 and
``pip install label-studio==1.23.2 gunicorn``, about 1 GB, a minute or two from a
nearby package index (longer over a slow link); then its database is initialised once
(half a minute). Later runs reuse both. A full run at scale 1 then takes about
three minutes on two cores; ``--quick --runs 1`` about a minute.

Each run starts fresh servers on fresh databases, the desk then Label Studio, seeds them
outside the timing, and runs the phases (desk_phases.py, ls_phases.py); between the two,
a plain Django app's one-row write shows the floor under the desk's one-span writes
(floor.py). A full run (not
``--quick``, not ``--desk-only``) rewrites ``label_studio_figures.json`` beside this
script: Label Studio's medians, which ``--desk-only`` (and ``manage.py benchmark``) sets
the desk's figures against. Every server is killed on the way out, on Ctrl-C, a kill
(SIGTERM) or an error too.

Prints figures; asserts nothing about time. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.common import record_rate, record_time  # noqa: E402
from tests.benchmarks.peers import label_studio  # noqa: E402
from tests.benchmarks.peers.desk import DeskServer, collected_static  # noqa: E402
from tests.benchmarks.peers.desk_phases import DeskPhases  # noqa: E402
from tests.benchmarks.peers.floor import floor_figures  # noqa: E402
from tests.benchmarks.peers.ls_phases import LabelStudioPhases  # noqa: E402
from tests.benchmarks.peers.table import (  # noqa: E402
    MEMORY,
    ROWS,
    TIME,
    comparison,
    figure,
    label,
    machine,
    medians,
    scaling,
    target_for,
)
from tests.benchmarks.peers.workload import build, sizes_for  # noqa: E402

STORED = Path(__file__).with_name("label_studio_figures.json")
DEFAULT_VENV = ROOT / "var" / "peers" / "ls-venv"


def arguments(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="Default 3 (1 with --quick).")
    parser.add_argument("--scale", type=int, choices=(1, 10), default=1)
    parser.add_argument("--desk-only", action="store_true", help="Skip Label Studio.")
    parser.add_argument("--quick", action="store_true", help="Tiny sizes: check that it runs.")
    parser.add_argument("--ls-venv", type=Path, default=DEFAULT_VENV)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    if args.runs is None:
        args.runs = 1 if args.quick else 3
    return args


def progress(prefix: str):
    started = time.monotonic()

    def say(phase: str) -> None:
        print(f"  {prefix}: {phase} ({time.monotonic() - started:.0f} s)", file=sys.stderr)

    return say


def main(argv=None) -> None:
    args = arguments(argv)
    # A kill, like Ctrl-C, leaves through the with-blocks that stop the servers.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    scales = [1] if args.scale == 1 else [1, args.scale]
    workloads = {scale: build(sizes_for(scale, args.quick)) for scale in scales}
    venv = args.ls_venv.resolve()
    package = None
    if not args.desk_only:
        label_studio.ensure_installed(venv)
        package = label_studio.package_dir(venv)
        label_studio.data_template(venv)
    found = {scale: {"desk": defaultdict(list), "ls": defaultdict(list)} for scale in scales}
    with tempfile.TemporaryDirectory(prefix="peers-") as temporary:
        folder = Path(temporary)
        static = collected_static(folder)
        for scale in scales:
            workload = workloads[scale]
            workload_file = folder / f"workload-{scale}.json"
            workload_file.write_text(json.dumps(workload.to_json()))
            for run in range(args.runs):
                where = f"{scale}×, run {run + 1} of {args.runs}"
                print(f"{where}: the desk", file=sys.stderr)
                desk = DeskServer(
                    folder / f"desk-{scale}-{run}",
                    static=static,
                    workload_file=workload_file,
                    workers=args.workers,
                    imported=workload.sizes.imported,
                )
                with desk, logs_on_failure(desk.stack):
                    phases = DeskPhases(desk, workload, run, progress("desk"))
                    _add(found[scale]["desk"], phases.run())
                shutil.rmtree(desk.data_dir)
                plain = folder / f"plain-{scale}-{run}"
                floor = floor_figures(
                    plain, workers=args.workers, workload=workload, say=progress("plain Django")
                )
                _add(found[scale]["desk"], floor)
                shutil.rmtree(plain)
                if package is None:
                    continue
                print(f"{where}: Label Studio", file=sys.stderr)
                ls = label_studio.LabelStudioServer(
                    folder / f"ls-{scale}-{run}", venv=venv, package=package, workers=args.workers
                )
                with ls, logs_on_failure(ls.stack):
                    phases = LabelStudioPhases(ls, workload, run, progress("LS"))
                    _add(found[scale]["ls"], phases.run())
                shutil.rmtree(ls.data_dir)
    report(args, workloads, found)


@contextmanager
def logs_on_failure(stack):
    """The end of a server's log when its phases fail: the why is usually there."""
    try:
        yield
    except Exception:
        print(stack.logs()[-3000:], file=sys.stderr)
        raise


def _add(into: dict[str, list[float]], figures: dict[str, list[float]]) -> None:
    for key, samples in figures.items():
        into[key] += samples


def report(args, workloads, found) -> None:
    stored = json.loads(STORED.read_text()) if STORED.exists() else {"scales": {}}
    largest = max(workloads)
    tables = {}
    for scale, workload in workloads.items():
        desk = medians(found[scale]["desk"])
        if args.desk_only:
            kept = stored["scales"].get(str(scale), {})
            ls, source = kept.get("figures", {}), kept
        else:
            ls, source = medians(found[scale]["ls"]), None
        tables[scale] = {"desk": desk, "ls": ls}
        if scale == largest:
            _print_comparison(args, workload, scale, desk, ls, found[scale], source)
            _record(workload.sizes, args.workers, found[scale]["desk"], ls)
    if len(workloads) > 1:
        print(f"\nHow each figure grows from 1× to {largest}× (medians):\n")
        print(scaling(tables[1], tables[largest], largest))
    if not args.desk_only and not args.quick:
        for scale in workloads:
            stored["scales"][str(scale)] = {
                "measured": date.today().isoformat(),
                "machine": machine(args.workers),
                "runs": args.runs,
                "figures": {key: round(value, 4) for key, value in tables[scale]["ls"].items()},
            }
        stored["label_studio"] = label_studio.VERSION
        STORED.write_text(json.dumps(stored, indent=2, sort_keys=True) + "\n")


def _print_comparison(args, workload, scale, desk, ls, samples, source) -> None:
    sizes = workload.sizes
    print(f"\n{machine(args.workers)}")
    print(
        f"Label Studio {label_studio.VERSION} and the desk at {scale}× "
        f"({sizes.documents:,} documents{', quick sizes' if args.quick else ''}): medians of "
        f"{args.runs} run(s), each on fresh servers and databases, the desk then Label Studio."
    )
    if source is not None:
        print(
            "Label Studio's figures are stored ones "
            f"(label_studio_figures.json, {source.get('measured', 'never measured')}"
            f"{', full sizes' if args.quick else ''})."
        )
    failed = {
        app: int(sum(figures.get("concurrency_errors", [])))
        for app, figures in (("Label Studio", samples["ls"]), ("the desk", samples["desk"]))
    }
    errors = ", ".join(f"{app} {count}" for app, count in failed.items() if count)
    print()
    print(
        comparison(
            sizes, args.workers, ls, desk, f"Concurrent writes refused: {errors}" if errors else ""
        )
    )


def _record(sizes, workers: int, desk: dict[str, list[float]], ls: dict[str, float]) -> None:
    """The desk's figures for ``manage.py benchmark``: each target is Label Studio's
    figure divided by the target ratio (times it, for a rate)."""
    recorded = set()
    for row in ROWS:
        samples = desk.get(row.key)
        name = "peers: " + label(row, sizes, workers, row.name)
        if not samples or row.kind == MEMORY or name in recorded:
            continue
        recorded.add(name)
        ls_value = ls.get(row.ls_key) if row.ls_key else None
        workload = f"{sizes.documents:,} docs; Label Studio {figure(ls_value, row.unit)}"
        target = target_for(row, ls_value)
        if target is not None:
            target = float(f"{target:.3g}")
        if row.kind == TIME:
            record_time(name, workload, samples, target)
        elif row.key == "import_rate" and target is not None:
            seconds = [sizes.imported / rate for rate in samples]
            record_rate(name, workload, seconds, sizes.imported, "docs/s", target)
        elif row.key == "import_rate":  # no Label Studio figure to aim at
            record_time(name, workload, [sizes.imported * 1000 / rate for rate in samples], None)
        else:  # concurrency, to show: the wall time per write
            record_time(name, workload, [1000 / rate for rate in samples], None)


if __name__ == "__main__":
    main()
