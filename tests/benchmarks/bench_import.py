"""Import benchmark: N generated articles of ~5,000 characters into a fresh SQLite database,
once as text files and once as one JSONL file. Prints articles/s and peak memory.

    .venv/bin/python tests/benchmarks/bench_import.py            # 10,000 articles
    .venv/bin/python tests/benchmarks/bench_import.py --count 1000

Each import runs in its own process, so peak memory (max RSS) is that import's alone.
The database is migrated before the clock starts; reading, parsing, cleaning, metadata
detection, duplicate checks and the commit are all inside the timing.
"""

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.common import record_rate  # noqa: E402

WORDS = (
    "the minister said talks on the nuclear programme would resume after officials "
    "from both countries met in Washington last week to discuss security cooperation "
    "and a possible agreement over the border while the government denied reports "
    "that it had cancelled the visit"
).split()


def article_text(n: int, rng: random.Random) -> tuple[str, str]:
    title = f"Generated article {n}: " + " ".join(rng.choices(WORDS, k=6)).capitalize()
    paragraphs = []
    while sum(len(p) for p in paragraphs) < 4900:
        sentences = [
            " ".join(rng.choices(WORDS, k=rng.randint(12, 24))).capitalize() + "."
            for _ in range(rng.randint(2, 4))
        ]
        paragraphs.append(" ".join(sentences))
    return title, "\n\n".join(paragraphs)


def generate(folder: Path, count: int) -> tuple[Path, Path]:
    rng = random.Random(2024)
    files = folder / "files"
    files.mkdir()
    jsonl = folder / "bulk.jsonl"
    with jsonl.open("w") as bulk:
        for n in range(count):
            title, body = article_text(n, rng)
            (files / f"{n:06d}.txt").write_text(f"{title}\n\n{body}\n")
            bulk.write(
                json.dumps(
                    {
                        "title": title,
                        "body": body,
                        "source": "Bench Wire",
                        "published_on": "2024-06-27",
                    }
                )
                + "\n"
            )
    return files, jsonl


def child(target: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("import_articles", target, "--no-progress", verbosity=0)
    elapsed = time.perf_counter() - started
    from curation.articles.models import Article

    print(
        json.dumps(
            {
                "seconds": elapsed,
                "articles": Article.objects.count(),
                "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


def measure(target: Path, label: str, runs: int, target_rate: int) -> None:
    durations = []
    for _ in range(runs):
        figures = measure_once(target)
        durations.append(figures["seconds"])
        rate = figures["articles"] / figures["seconds"]
        print(
            f"{label:<12} {figures['articles']:>7,} articles in {figures['seconds']:6.2f} s "
            f"= {rate:7,.0f} articles/s, peak memory {figures['max_rss_kib'] / 1024:5.0f} MiB"
        )
    workload = f"{figures['articles']:,} articles"
    record_rate(
        f"command-line import, {label}",
        workload,
        durations,
        figures["articles"],
        "articles/s",
        target_rate,
    )


def measure_once(target: Path) -> dict:
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "curation.settings",
            "DJANGO_SECRET_KEY": "benchmark-only-key-" + "x" * 40,
            "DJANGO_DEBUG": "0",
            "CURATION_DATA_DIR": data_dir,
        }
        env.pop("DATABASE_URL", None)
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(target)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", metavar="TARGET", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        child(args.child)
        return
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} cores; SQLite, fresh database"
    )
    with tempfile.TemporaryDirectory() as folder:
        files, jsonl = generate(Path(folder), args.count)
        size = sum(f.stat().st_size for f in files.iterdir()) / args.count
        print(f"{args.count:,} articles, {size:,.0f} bytes each on average")
        measure(files, "text files", args.runs, target_rate=1500)
        measure(jsonl, "JSONL", args.runs, target_rate=5000)


if __name__ == "__main__":
    main()
