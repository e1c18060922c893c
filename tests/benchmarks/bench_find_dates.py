"""find_dates benchmark: 1 MB of news text built from the seed articles. Prints MB/s.

    .venv/bin/python tests/benchmarks/bench_find_dates.py            # 1 MB, 5 runs
    .venv/bin/python tests/benchmarks/bench_find_dates.py --mb 4 --runs 3

The text is the three seeds over and over, each copy varied (weekdays, months, years and
numbers swapped at random, with a fixed seed) so that no two articles are the same. Each
article is searched on its own with its own reference date, as the workspace does; MB are
10^6 bytes of UTF-8. The target is at least 2 MB/s (issue 11). The median and best run are
printed, and the median in CPU time, which a busy machine's other processes disturb less.
"""

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from curation.temporal import find_dates  # noqa: E402
from tests.benchmarks.common import record_rate  # noqa: E402

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
NUMBERS = "two three four five six seven eight nine ten".split()
_WEEKDAY = re.compile("|".join(WEEKDAYS))
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
_YEAR = re.compile(r"\b20[0-9]{2}\b")
_NUMBER = re.compile(r"\b(?:" + "|".join(NUMBERS) + r")\b")


def seeds() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("0*.txt"))]


def varied(text: str, rng: random.Random) -> str:
    text = _WEEKDAY.sub(lambda _: rng.choice(WEEKDAYS), text)
    text = _MONTH.sub(lambda _: rng.choice(MONTHS), text)
    text = _YEAR.sub(lambda _: str(rng.randint(2000, 2029)), text)
    return _NUMBER.sub(lambda _: rng.choice(NUMBERS), text)


def corpus(megabytes: float) -> list[tuple[str, date]]:
    """Articles with reference dates, at least `megabytes` of UTF-8 in all."""
    rng = random.Random(2024)
    originals = seeds()
    articles: list[tuple[str, date]] = []
    size = 0
    while size < megabytes * 1_000_000:
        text = varied(rng.choice(originals), rng)
        reference = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
        articles.append((text, reference))
        size += len(text.encode("utf-8"))
    return articles


def run(articles: list[tuple[str, date]]) -> tuple[float, float, int]:
    """(wall-clock seconds, CPU seconds of this process, mentions found)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    mentions = sum(len(find_dates(text, reference)) for text, reference in articles)
    return time.perf_counter() - started, time.process_time() - cpu_started, mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text (default 1)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    articles = corpus(args.mb)
    megabytes = sum(len(text.encode("utf-8")) for text, _ in articles) / 1_000_000
    timings, cpu_timings = [], []
    for _ in range(args.runs):
        seconds, cpu_seconds, mentions = run(articles)
        timings.append(seconds)
        cpu_timings.append(cpu_seconds)
    median, best = statistics.median(timings), min(timings)
    cpu_median = statistics.median(cpu_timings)
    print(f"{len(articles):,} articles, {megabytes:.2f} MB, {mentions:,} date mentions")
    print(
        f"find_dates: median {megabytes / median:.2f} MB/s ({median:.2f} s), "
        f"best {megabytes / best:.2f} MB/s ({best:.2f} s) over {args.runs} runs"
    )
    print(
        f"CPU time of this process: median {megabytes / cpu_median:.2f} MB/s "
        "(what the machine's other work doesn't take away)"
    )
    workload = f"{megabytes:.1f} MB, {len(articles):,} articles"
    record_rate("find_dates", workload, timings, megabytes, "MB/s", 2)


if __name__ == "__main__":
    main()
