"""Re-anchoring benchmark: 1,000 annotations on a 50,000-character article after a
one-paragraph correction. Prints milliseconds (median and best run) and what became of
the annotations.

    .venv/bin/python tests/benchmarks/bench_anchoring.py              # 20 runs
    .venv/bin/python tests/benchmarks/bench_anchoring.py --runs 50 --spans 5000

The article is the three seed articles' paragraphs over and over, each copy varied
(weekdays, months and numbers swapped at random, with a fixed seed), cut at 50,000
characters. The annotations are runs of one to four words (names, mostly) and one in ten
a whole sentence (an event's evidence), anywhere in the article, stored as the app stores
them (``annotations.spans.anchor``). The correction is to one long paragraph in the
middle: a typo made, a name respelled and a sentence added. Each run is one ``reanchor`` call over
all the annotations, as a correction does. The target is at most 100 ms.
"""

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from curation.annotations.anchoring import Span, reanchor  # noqa: E402
from curation.annotations.spans import anchor  # noqa: E402
from tests.annotations.anchoring_seed_bodies import (  # noqa: E402
    ARTICLE_000,
    ARTICLE_001,
    ARTICLE_002,
)
from tests.benchmarks.common import cpu_model, record_time  # noqa: E402

LENGTH = 50_000
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "March June July October November".split()
NUMBERS = "two three four five six seven eight nine ten".split()
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
_NUMBER = re.compile(r"\b(?:" + "|".join(NUMBERS) + r")\b")
_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


def article(rng: random.Random) -> str:
    paragraphs = [
        paragraph
        for body in (ARTICLE_000, ARTICLE_001, ARTICLE_002)
        for paragraph in body.split("\n\n")
    ]
    text = ""
    while len(text) < LENGTH:
        paragraph = rng.choice(paragraphs)
        paragraph = _WEEKDAY.sub(lambda _: rng.choice(WEEKDAYS), paragraph)
        paragraph = _MONTH.sub(lambda _: rng.choice(MONTHS), paragraph)
        paragraph = _NUMBER.sub(lambda _: rng.choice(NUMBERS), paragraph)
        text += paragraph + "\n\n"
    return text[:LENGTH]


def annotations(body: str, count: int, rng: random.Random) -> list[Span]:
    words = list(_WORD.finditer(body))
    sentences = list(_SENTENCE.finditer(body))
    spans = []
    for key in range(count):
        if key % 10 == 9:
            sentence = rng.choice(sentences)
            start, end = sentence.start(), sentence.end()
            start += len(body[start:end]) - len(body[start:end].lstrip())
        else:
            first = rng.randrange(len(words) - 4)
            start, end = words[first].start(), words[first + rng.randrange(4)].end()
        stored = anchor(body, start, end)
        spans.append(Span(key, start, end, stored.quote, stored.prefix, stored.suffix))
    return spans


def corrected(body: str) -> tuple[str, str]:
    """The body with the first long paragraph after the middle that names Netanyahu
    corrected, and where."""
    middle = body.index("\n\n", LENGTH // 2) + 2
    end = body.index("\n\n", middle)
    while end - middle < 300 or "Netanyahu" not in body[middle:end]:
        middle = end + 2
        end = body.index("\n\n", middle)
    paragraph = body[middle:end]
    edit = paragraph
    for old, new in (("Hizbollah", "Hezbollah"), ("Netanyahu", "Netanyahou"), (" the ", " teh ")):
        edit = edit.replace(old, new, 1)
    edit += " The White House declined to comment on Wednesday."
    return body[:middle] + edit + body[end:], f"paragraph at {middle}: {paragraph[:60]!r}…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--spans", type=int, default=1000)
    options = parser.parse_args()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} cores ({cpu_model()})"
    )
    rng = random.Random(2024)
    old = article(rng)
    spans = annotations(old, options.spans, rng)
    new, what = corrected(old)
    print(f"{len(old):,} characters, {len(spans):,} annotations; corrected the {what}")
    timings = []
    for _ in range(options.runs):
        started = time.perf_counter()
        placements = reanchor(old, new, spans)
        timings.append((time.perf_counter() - started) * 1000)
    rules = Counter(placement.rule.value for placement in placements)
    print("rules: " + ", ".join(f"{rule} {count}" for rule, count in rules.most_common()))
    print(
        f"reanchor: median {statistics.median(timings):.1f} ms, best {min(timings):.1f} ms "
        f"over {options.runs} runs (target <= 100 ms)"
    )
    workload = f"{len(spans):,} annotations, {len(old):,} characters"
    record_time("re-anchoring after a correction", workload, timings, 100)


if __name__ == "__main__":
    main()
