"""What the benchmarks share: a Django set up on a fresh SQLite database in a temporary
folder, and the machine's CPU for the figures' header line. Each benchmark runs as a
script (``.venv/bin/python tests/benchmarks/bench_<name>.py``) and puts the project's
root on ``sys.path`` before it imports this."""

import json
import os
import platform
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def setup_django(data_dir: str) -> None:
    """Django with the test settings, DEBUG off, on a new SQLite database in
    ``data_dir`` (never a DATABASE_URL from the environment), migrated."""
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "CURATION_DATA_DIR": data_dir,
            "DJANGO_DEBUG": "0",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


RESULTS_ENV = "CURATION_BENCH_RESULTS"
"""When set, the file each figure is also appended to, as a JSON line
(``manage.py benchmark`` reads them into its table)."""


def percentile_95(samples: list[float]) -> float:
    """The 95th percentile, interpolated; a single sample is its own."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def record_time(
    name: str, workload: str, milliseconds: list[float], target_ms: float | None
) -> None:
    """A figure measured as a duration (lower is better): its median must be at most
    ``target_ms`` (None: no target, a figure to watch)."""
    median = statistics.median(milliseconds)
    _record(
        name,
        workload,
        median=f"{median:,.1f} ms",
        p95=f"{percentile_95(milliseconds):,.1f} ms",
        target="—" if target_ms is None else f"≤ {target_ms:,g} ms",
        passed=None if target_ms is None else median <= target_ms,
    )


def record_rate(
    name: str, workload: str, seconds: list[float], amount: float, unit: str, target: float
) -> None:
    """A figure measured as a rate (higher is better): ``amount`` of ``unit`` in each run
    of ``seconds``; the median run's rate must be at least ``target``. Its p95 is the
    rate of the slow tail (the 95th percentile of the durations)."""
    median = amount / statistics.median(seconds)
    _record(
        name,
        workload,
        median=f"{median:,.{_places(median)}f} {unit}",
        p95=f"{amount / percentile_95(seconds):,.{_places(median)}f} {unit}",
        target=f"≥ {target:,g} {unit}",
        passed=median >= target,
    )


def _places(rate: float) -> int:
    return 0 if rate >= 100 else 2


def _record(name: str, workload: str, **figures) -> None:
    path = os.environ.get(RESULTS_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as results:
            results.write(json.dumps({"name": name, "workload": workload, **figures}) + "\n")


def target_ms(text: str) -> float | None:
    """The milliseconds a label such as "(target <= 100 ms)" or "(target <= 1 s)" sets."""
    found = re.search(r"<=\s*([\d.,]+)\s*(ms|s)\b", text)
    if found is None:
        return None
    value = float(found.group(1).replace(",", ""))
    return value if found.group(2) == "ms" else value * 1000


def plain_label(label: str) -> str:
    """A printed label without its numbering ("1b. ", "... ") for the table."""
    return re.sub(r"^(?:\d+[a-z]?\.|\.\.\.|\+)\s*", "", label.strip())
