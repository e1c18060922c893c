"""Correction benchmark: prints milliseconds for ``articles.corrections.article_correct``
on a 50,000-character article with 1,000 mentions, after a one-paragraph edit a third of
the way in (so about two thirds of the mentions move): the new revision, the
re-anchoring (``annotations.anchoring``), the writes of the moved mentions with their
history records, and a re-anchoring record per mention, all in one transaction.

    .venv/bin/python tests/benchmarks/bench_corrections.py [--mentions 1000] [--repeat 5]

It runs against a fresh SQLite database in a temporary folder, with DEBUG off, and
prints the median of ``--repeat`` corrections (each of its own article).
"""

import argparse
import random
import re
import statistics
import tempfile
import time

from bench_review import cpu_model, setup_django

from tests.benchmarks.common import record_time

WORDS = (
    "the minister said talks on the nuclear programme would resume after officials "
    "from both countries met in Washington last week"
).split()


def article_body(rng: random.Random, length: int = 50_000) -> str:
    paragraphs, size = [], 0
    while size < length:
        paragraph = " ".join(rng.choices(WORDS, k=rng.randint(40, 60))).capitalize() + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:length].rstrip()


def article_with_mentions(n: int, mentions: int, rng: random.Random):
    from curation.annotations.models import Entity, EntityKind, Mention
    from curation.annotations.spans import anchor
    from curation.articles.importing import content_hash
    from curation.articles.models import Article

    body = article_body(rng) + f" Article {n}."
    article = Article.objects.create(
        title=f"Article {n}",
        body=body,
        raw_text=body,
        content_hash=content_hash(body),
        format="text",
    )
    kind = EntityKind.objects.first()
    entities = [Entity.objects.create(name=f"Entity {n}.{i}", kind=kind) for i in range(50)]
    words = list(re.finditer(r"\w+", body))
    rows = []
    for i, index in enumerate(sorted(rng.sample(range(len(words)), mentions))):
        span = anchor(body, words[index].start(), words[index].end())
        rows.append(
            Mention(
                article=article,
                entity=entities[i % len(entities)],
                start=span.start,
                end=span.end,
                quote=span.quote,
                prefix=span.prefix,
                suffix=span.suffix,
            )
        )
    Mention.objects.bulk_create(rows)
    return article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from curation.articles.corrections import article_correct

        rng = random.Random(7)
        articles = [article_with_mentions(n, options.mentions, rng) for n in range(options.repeat)]
        times, counts = [], None
        for article in articles:
            third = article.body.index("\n\n", len(article.body) // 3)
            new_body = article.body[:third] + " A sentence the update added." + article.body[third:]
            start = time.perf_counter()
            result = article_correct(article=article, new_body=new_body, by=None, reason="bench")
            times.append((time.perf_counter() - start) * 1000)
            counts = result.counts
        print(f"{cpu_model()}; SQLite, fresh database")
        print(
            f"correcting a {len(articles[0].body):,}-character article with "
            f"{options.mentions:,} mentions: {statistics.median(times):.0f} ms "
            f"(median of {options.repeat}); outcomes {dict(counts)}"
        )
        workload = f"{len(articles[0].body):,} characters, {options.mentions:,} mentions"
        record_time("a whole correction (article_correct)", workload, times, None)


if __name__ == "__main__":
    main()
