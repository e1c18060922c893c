"""How every phase is timed, the same way for both apps: the wall-clock time of each
request on loopback (sent, answered and read to its last byte), checked for the answer
expected; warm-up requests first, untimed; and the servers' memory, read from /proc."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

REQUEST_TIMEOUT = 1800


class UnexpectedAnswer(RuntimeError):
    """A request answered other than expected: the figure would time the wrong work."""


def timed(
    session: requests.Session,
    method: str,
    url: str,
    *,
    expect: int = 200,
    check: Callable[[requests.Response], bool] | None = None,
    **options,
) -> tuple[float, requests.Response]:
    """The milliseconds one request took, and its response."""
    started = time.perf_counter()
    response = session.request(
        method, url, timeout=REQUEST_TIMEOUT, allow_redirects=False, **options
    )
    response.content  # noqa: B018  (read to the end: part of the time)
    milliseconds = (time.perf_counter() - started) * 1000
    if response.status_code != expect or (check is not None and not check(response)):
        raise UnexpectedAnswer(
            f"{method} {url}: {response.status_code} (expected {expect}) {response.content[:400]!r}"
        )
    return milliseconds, response


def repeated(call: Callable[[], float], *, warmup: int, repeats: int) -> list[float]:
    """``call()`` (which returns milliseconds) ``warmup`` times untimed, then ``repeats``
    times: their milliseconds."""
    for _ in range(warmup):
        call()
    return [call() for _ in range(repeats)]


def import_rates(
    sizes, import_once: Callable[[int], float], say: Callable[[str], None] = lambda line: None
) -> list[float]:
    """The rates of ``sizes.import_repeats`` bulk imports, after one untimed:
    ``import_once(round_)`` imports new documents and gives its rate. A server's first
    large request touches memory no request has yet, which on a virtual machine costs
    what the host makes it cost: a single first import varied from run to run by more
    than twice, for both apps. Each rate is told to ``say``: the median hides how far
    one import's rate is from another's."""
    first = import_once(0)
    rates = [import_once(round_) for round_ in range(1, 1 + sizes.import_repeats)]
    say(
        f"imported at {', '.join(f'{rate:,.0f}' for rate in rates)} docs/s (untimed first: {first:,.0f})"
    )
    return rates


def in_threads(work: Sequence[Callable[[], object]], threads: int) -> tuple[float, list]:
    """Each of ``work`` run by ``threads`` threads at once, started together: the wall
    seconds from the start to the last answer, and the errors (exceptions) there were."""
    start = threading.Barrier(threads + 1)
    errors = []
    lanes = [work[lane::threads] for lane in range(threads)]

    def lane(calls) -> None:
        start.wait()
        for call in calls:
            try:
                call()
            except Exception as error:  # counted and reported, not hidden
                errors.append(error)

    with ThreadPoolExecutor(threads) as pool:
        futures = [pool.submit(lane, calls) for calls in lanes]
        start.wait()
        began = time.perf_counter()
        for future in futures:
            future.result()
        return time.perf_counter() - began, errors


# -- memory ------------------------------------------------------------------------------


def children(pid: int) -> list[int]:
    try:
        return [
            int(child)
            for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()
        ]
    except OSError:
        return []


def descendants(pid: int) -> list[int]:
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        waiting += children(current)
    return found


def status_kb(pid: int, field: str) -> int:
    """A /proc/<pid>/status figure in kB (VmRSS, VmHWM); 0 for a process gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb(pids: Sequence[int]) -> float:
    return sum(status_kb(pid, "VmRSS") for pid in pids) / 1024


def peak_kb(pids: Sequence[int]) -> dict[int, int]:
    """Each process's peak resident memory so far (VmHWM)."""
    return {pid: status_kb(pid, "VmHWM") for pid in pids}


def peak_growth_mb(before: dict[int, int], after: dict[int, int]) -> float:
    """How far the highest peak of one worker rose between two readings."""
    return max((after[pid] - before.get(pid, 0) for pid in after), default=0) / 1024
