"""Workspace benchmark: prints milliseconds and SQL query counts for

1. rendering the whole workspace of a 50,000-character article with 1,000 mentions;
   then marking, relinking and removing mentions inside that article through the HTMX
   endpoints (medians of 100, with the response's size), and marking while suggestions
   are shown;
2. creating a mention through the HTMX endpoint, fragments included (median of 200);
3. suggestions against a gazetteer of 100,000 aliases, once the automaton is built;
4. the entity directory with 10,000 entities.

    .venv/bin/python tests/benchmarks/bench_workspace.py

It runs against a fresh SQLite database in a temporary folder, through Django's test
client (no network), with DEBUG off.
"""

import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.common import plain_label, record_time, setup_django, target_ms  # noqa: E402


def timed(function, repeat: int = 1):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], 0
    for _ in range(repeat):
        connection.queries_log.clear()  # the log holds 9,000 queries: counts past that are 0
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = function()
            times.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return result, times, queries


WORKLOAD = {"article": ""}


def report(label: str, times: list[float], queries: int, target: str = "") -> None:
    record_time(f"workspace: {plain_label(label)}", WORKLOAD["article"], times, target_ms(target))
    figure = (
        f"median {statistics.median(times):7.1f} ms (min {min(times):.1f}, max {max(times):.1f})"
        if len(times) > 1
        else f"{times[0]:7.1f} ms"
    )
    print(f"{label:<58} {figure}, {queries} queries {target}")


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        run()


def run() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from curation.annotations import known_names, selectors
    from curation.annotations.models import Alias, Entity, EntityKind, Mention
    from curation.articles.importing import content_hash
    from curation.articles.models import Article

    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} "
        "cores; SQLite"
    )
    rng = random.Random(7)
    kinds = list(EntityKind.objects.all())
    user = get_user_model().objects.create_user("bench", password="x")
    user.groups.add(Group.objects.get(name="annotator"))
    client = Client()
    client.force_login(user)

    # A 50,000-character article with 1,000 names in it, some nested in longer ones.
    names = [f"Name{n} Surname{n}" for n in range(1000)]
    filler = (
        "officials said talks would resume after the meeting was cancelled last week "
        "and both sides described the call as constructive "
    ).split()
    words = []
    for n, name in enumerate(names):
        words.extend(rng.choices(filler, k=5))
        words.append(name)
        if n % 100 == 99:
            words.append("\n\n")
    body = " ".join(words).replace(" \n\n ", "\n\n")
    body = body + " " + " ".join(rng.choices(filler, k=max(0, (50_000 - len(body)) // 7)))
    body = body[:50_000]
    article = Article.objects.create(
        title="Benchmark", body=body, raw_text=body, content_hash=content_hash(body), format="text"
    )
    entities = Entity.objects.bulk_create(
        Entity(name=name, kind=kinds[n % len(kinds)]) for n, name in enumerate(names)
    )
    mentions = []
    for entity in entities:
        start = body.find(entity.name)
        if start >= 0:
            end = start + len(entity.name)
            mentions.append(
                Mention(article=article, entity=entity, start=start, end=end, quote=body[start:end])
            )
            # every tenth name is also marked by its surname alone: nested spans
            if len(mentions) % 10 == 0:
                surname_start = start + entity.name.index("Surname")
                mentions.append(
                    Mention(
                        article=article,
                        entity=entity,
                        start=surname_start,
                        end=end,
                        quote=body[surname_start:end],
                    )
                )
    Mention.objects.bulk_create(mentions[:1000])
    print(f"article: {len(body):,} characters, {min(len(mentions), 1000):,} mentions")
    WORKLOAD["article"] = f"{len(body):,} characters, {min(len(mentions), 1000):,} mentions"

    workspace = f"/articles/{article.pk}/annotate/"
    client.get(workspace)  # warm up templates
    _, times, queries = timed(lambda: client.get(workspace), repeat=10)
    report("1. workspace page (full render)", times, queries, "(target <= 100 ms)")

    # 1b. Changes inside that article: each response holds only what the change touched.
    changes_in_the_long_article(client, article, kinds)

    # 2. Mentions created through the endpoint, on a fresh article with plain words.
    plain = " ".join(f"Word{n}" for n in range(5000))
    target_article = Article.objects.create(
        title="Target", body=plain, raw_text=plain, content_hash=content_hash(plain), format="text"
    )
    entity = entities[0]
    create = f"/articles/{target_article.pk}/annotate/mentions/"
    offsets = iter(range(200))

    def create_one():
        n = next(offsets)
        word = f"Word{n * 20}"
        start = plain.index(word + " ")
        return client.post(
            create,
            {"start": start, "end": start + len(word), "quote": word, "entity": entity.pk},
            HTTP_HX_REQUEST="true",
        )

    response, times, queries = timed(create_one, repeat=200)
    assert response.status_code == 200, response.content[:300]
    report(
        "2. create a mention via HTMX (fragments included)",
        times,
        queries,
        "(target median <= 20 ms)",
    )

    # 3. A gazetteer of 100,000 aliases.
    Alias.objects.bulk_create(
        Alias(
            entity=entities[n % len(entities)],
            text=f"Alias {n} of {n % 977}",
            normalised=f"alias {n} of {n % 977}",
        )
        for n in range(100_000 - len(entities))
    )
    started = time.perf_counter()
    gazetteer = known_names.gazetteer()
    print(
        f"   gazetteer built: {len(gazetteer):,} names in "
        f"{(time.perf_counter() - started) * 1000:,.0f} ms (once per change)"
    )
    loaded = list(Mention.objects.filter(article=article))
    Mention.objects.filter(article=article).delete()
    _, times, queries = timed(lambda: selectors.suggestions_for(article, []), repeat=10)
    found = len(selectors.suggestions_for(article, []))
    report(
        f"3. suggestions, 100,000 aliases ({found:,} found)", times, queries, "(target <= 50 ms)"
    )
    Mention.objects.bulk_create(loaded)

    # 4. The entity directory with 10,000 entities.
    Entity.objects.bulk_create(
        Entity(name=f"Extra entity {n}", kind=kinds[n % len(kinds)]) for n in range(9000)
    )
    directory = "/entities/"
    client.get(directory)
    _, times, queries = timed(lambda: client.get(directory), repeat=10)
    report(f"4. entity directory, {Entity.objects.count():,} entities (first page)", times, queries)
    _, times, queries = timed(lambda: client.get(directory + "?q=entity+99"), repeat=10)
    report("   ... searching it", times, queries)


def changes_in_the_long_article(client, article, kinds, count: int = 100) -> None:
    """Mark ``count`` more words in the 1,000-mention article, relink each, then remove
    each, through the HTMX endpoints; then the same marks while suggestions are shown."""
    import gzip
    import re

    from curation.annotations.models import Entity, Mention

    # The words are the entity's name (and the other's, but for case), so no alias is
    # learnt and no clash asked about: the figures are of the change and its response.
    marked_as = Entity.objects.create(name="officials", kind=kinds[0])
    relinked_to = Entity.objects.create(name="Officials", kind=kinds[1])
    taken = bytearray(len(article.body))
    for start, end in Mention.objects.filter(article=article).values_list("start", "end"):
        taken[start:end] = b"\x01" * (end - start)
    free = [
        match.start()
        for match in re.finditer(r"\bofficials\b", article.body)
        if not any(taken[match.start() : match.end()])
    ]
    step = max(1, len(free) // (2 * count))
    starts = free[::step][: 2 * count]
    base = f"/articles/{article.pk}/annotate/mentions/"

    def measure(label: str, requests, target: str) -> None:
        sizes, packed = [], []

        def one():
            response = next(requests)()
            assert response.status_code == 200, response.content[:300]
            assert b"popover-done" in response.content, response.content[:300]
            sizes.append(len(response.content))
            packed.append(len(gzip.compress(response.content)))

        _, times, queries = timed(one, repeat=count)
        report(label, times, queries, target)
        print(
            f"{'':<58} response median {statistics.median(sizes) / 1024:.1f} KB "
            f"(max {max(sizes) / 1024:.1f} KB; gzipped {statistics.median(packed) / 1024:.1f} KB)"
            " (target <= 20 KB)"
        )

    def creations(offsets, extra):
        for start in offsets:
            yield lambda start=start: client.post(
                base,
                {"start": start, "end": start + 9, "quote": "officials", "entity": marked_as.pk}
                | extra,
                HTTP_HX_REQUEST="true",
            )

    def created(offsets) -> list[int]:
        return list(
            Mention.objects.filter(
                article=article, start__in=offsets, end__in=[s + 9 for s in offsets]
            )
            .order_by("start")
            .values_list("pk", flat=True)
        )

    first, second = starts[:count], starts[count:]
    measure(
        "1b. create a mention in that article (HTMX)", creations(first, {}), "(target <= 20 ms)"
    )
    ids = created(first)
    relinks = (
        lambda pk=pk: client.post(
            f"{base}{pk}/", {"entity": relinked_to.pk, "version": 1}, HTTP_HX_REQUEST="true"
        )
        for pk in ids
    )
    measure("    relink one of them", relinks, "(target <= 20 ms)")
    deletions = (
        lambda pk=pk: client.post(f"{base}{pk}/delete/", {"version": 2}, HTTP_HX_REQUEST="true")
        for pk in ids
    )
    measure("    remove one of them", deletions, "(target <= 20 ms)")
    measure(
        "    create one while suggestions are shown",
        creations(second, {"suggest": "on"}),
        "",
    )
    Mention.objects.filter(pk__in=created(second)).delete()


if __name__ == "__main__":
    main()
