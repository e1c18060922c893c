"""The load run's figures: p50/p95 per kind of request as the clients saw them, and the
time Django itself spent, from the servers' request log. Printed, never asserted."""

from __future__ import annotations

import json
import math
import os
import re
from collections import defaultdict

from tests.load.driver import READ, WRITE, Run


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def figures(run: Run, *, seconds: float, label: str, load_before, load_after) -> str:
    groups: dict[str, list[float]] = defaultdict(list)
    for sample in run.warmup:
        groups[f"(before) {sample.category}: {sample.kind}"].append(sample.ms)
    for sample in run.samples:
        groups[f"{sample.category}: {sample.kind}"].append(sample.ms)
        if sample.category in (READ, WRITE):
            groups[f"ALL {sample.category}s"].append(sample.ms)
            if sample.category == WRITE and sample.kind != "API bulk import":
                groups[f"ALL {sample.category}s but bulk import"].append(sample.ms)
    lines = [
        f"load test, {label}: {len(run.samples)} requests in {seconds:.0f} s, "
        f"{os.cpu_count()} cores, load average before {_load(load_before)}, "
        f"after {_load(load_after)}",
        f"  {'kind':<40} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}",
    ]
    for name in sorted(groups):
        values = groups[name]
        lines.append(
            f"  {name:<40} {len(values):>6} {percentile(values, 0.5):>8.0f} "
            f"{percentile(values, 0.95):>8.0f} {max(values):>8.0f}"
        )
    lines.append(
        "  acknowledged writes: "
        + ", ".join(f"{kind} {len(items)}" for kind, items in sorted(run.acks.items()))
    )
    return "\n".join(lines)


def _load(averages) -> str:
    return " ".join(f"{value:.2f}" for value in averages)


def server_figures(logs: str) -> str:
    """The time Django itself spent (the request log's ``ms``, without the wait for a
    free worker), p50/p95 by route, from the servers' logs."""
    groups: dict[str, list[float]] = defaultdict(list)
    for line in logs.splitlines():
        if not line.startswith('{"method"'):
            continue
        entry = json.loads(line)
        if entry["path"].startswith("/static/"):
            continue
        groups[f"{entry['method']} {re.sub(r'/[0-9]+', '/N', entry['path'])}"].append(entry["ms"])
    lines = ["  time in Django (request log), by route:"]
    for name in sorted(groups):
        values = groups[name]
        lines.append(
            f"  {name:<40} {len(values):>6} {percentile(values, 0.5):>8.0f} "
            f"{percentile(values, 0.95):>8.0f} {max(values):>8.0f}"
        )
    return "\n".join(lines)
