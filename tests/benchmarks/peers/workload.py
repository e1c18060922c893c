"""The seeded workload both apps get: the same generated news documents, names and spans,
from ``random.Random(seed)``. Plain Python: the desk's seed script reads it as JSON, the
Label Studio client sends it as tasks.

- ``documents``: N documents of about 4 KB (2,000 at scale 1), each with some 15 names
  in it; the first five are marked (approved mentions; one Label Studio annotation of
  five spans), the sixth waits for review at the desk, the rest are free for the timed
  writes;
- ``big``: one document with 500 marked names (5,000 at scale 10);
- ``page``: the desk's own 1,000-span page of about 50,000 characters;
- ``batch`` and ``suggest``: documents of 500 unmarked names, one per timed batch write
  (the desk's pre-annotations, and accepting its suggestions), plus one to warm up;
- ``import_documents(run, round_)``: the documents of one bulk import, new each time.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from tests.benchmarks.bench_import import WORDS

SEED = 2024
MARKED, SUBMITTED = 5, 1  # per document: approved mentions, then one waiting for review

FIRST_NAMES = (
    "Amira Boris Chen Dalia Emil Farah Goran Hana Ivo Jana Karim Lena Marek Nadia Omar "
    "Petra Rami Sara Tomas Vera Yusuf Zofia Aziz Beatriz Dmitri Elif Femi Greta Hugo Ines"
).split()
SYLLABLES = (
    "ba ko ri den mal su ve tor ni ska lu ran mo zel ta gor pe lin dra hu van ost ke mir"
).split()
ORGANISATIONS = ("Council", "Institute", "Bank", "Agency")
KINDS = ("person",) * 5 + ("organisation",) * 2 + ("place",) * 2 + ("group",)
LS_LABELS = {
    "person": "Person",
    "organisation": "Organization",
    "place": "Location",
    "group": "Group",
}
TAGGER_LABELS = {"person": "PERSON", "organisation": "ORG", "place": "GPE", "group": "NORP"}


@dataclass(frozen=True)
class Sizes:
    scale: int
    documents: int
    big_spans: int
    page_spans: int
    page_chars: int
    batch_spans: int
    imported: int
    entities: int
    threads: int
    writes_per_thread: int
    repeats: int  # each read, list and single write
    batch_repeats: int
    export_repeats: int
    warmup: int  # requests before the timed ones (4 workers: 4 reach each)
    import_repeats: int  # bulk imports timed, after one untimed


def sizes_for(scale: int, quick: bool) -> Sizes:
    if quick:
        return Sizes(
            scale=scale,
            documents=60 * scale,
            big_spans=100 * scale,
            page_spans=200,
            page_chars=10_000,
            batch_spans=100,
            imported=100 * scale,
            entities=200 * scale,
            threads=4,
            writes_per_thread=5,
            repeats=3,
            batch_repeats=2,
            export_repeats=1,
            warmup=2,
            import_repeats=1,
        )
    return Sizes(
        scale=scale,
        documents=2000 * scale,
        big_spans=500 * scale,
        page_spans=1000,
        page_chars=50_000,
        batch_spans=500,
        imported=2000 * scale,
        entities=1000 * scale,
        threads=4,
        writes_per_thread=50,
        repeats=20,
        batch_repeats=5,
        export_repeats=3,
        warmup=4,
        import_repeats=3,
    )


@dataclass
class Document:
    title: str
    body: str
    spans: list[tuple[int, int, int]]  # start, end (exclusive), entity index
    sentences: list[tuple[int, int]]  # the first sentences, without their full stop

    def span_quote(self, span: tuple[int, int, int]) -> str:
        return self.body[span[0] : span[1]]


@dataclass
class Workload:
    sizes: Sizes
    entities: list[tuple[str, str]]  # name, kind slug
    documents: list[Document]
    big: Document
    page: Document
    batch: list[Document]
    suggest: list[Document]
    seed: int = SEED
    names: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.names = [name for name, _ in self.entities]

    def to_json(self) -> dict:
        return {
            "entities": self.entities,
            "documents": [asdict(document) for document in self.documents],
            "big": asdict(self.big),
            "page": asdict(self.page),
            "batch": [asdict(document) for document in self.batch],
            "suggest": [asdict(document) for document in self.suggest],
        }

    def free_spans(self) -> Iterator[tuple[int, tuple[int, int, int]]]:
        """(document index, span) of names nobody marked, one document after another so
        that consecutive writes go to different documents; each document's last MARKED
        names are left to ``marked_together``."""
        longest = max(len(document.spans) for document in self.documents)
        for k in range(MARKED + SUBMITTED, longest - MARKED):
            for index, document in enumerate(self.documents):
                if k < len(document.spans) - MARKED:
                    yield index, document.spans[k]

    def marked_together(self) -> Iterator[tuple[int, list[tuple[int, int, int]]]]:
        """(document index, its last MARKED names), from the last document back: the
        names one request marks together, as Label Studio's annotation carries five."""
        for index in range(len(self.documents) - 1, -1, -1):
            yield index, self.documents[index].spans[-MARKED:]


def entity_names(count: int) -> list[tuple[str, str]]:
    """``count`` distinct names (up to 13,824), of four kinds."""
    if count > len(SYLLABLES) ** 3:
        raise ValueError(f"at most {len(SYLLABLES) ** 3:,} entities")
    entities = []
    for n in range(count):
        size = len(SYLLABLES)
        root = SYLLABLES[n // size**2 % size] + SYLLABLES[n // size % size] + SYLLABLES[n % size]
        root = root.capitalize()
        kind = KINDS[n % len(KINDS)]
        name = {
            "person": f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {root}",
            "organisation": f"{root} {ORGANISATIONS[n % len(ORGANISATIONS)]}",
            "place": f"Port {root}",
            "group": f"{root} Front",
        }[kind]
        entities.append((name, kind))
    return entities


def compose(
    rng: random.Random,
    names: list[str],
    *,
    title: str,
    spans: int,
    min_chars: int,
    gap: tuple[int, int],
) -> Document:
    """A document of plain paragraphs (sentences of WORDS) with ``spans`` names put in,
    one every ``gap`` words (never first in a sentence), at least ``min_chars`` long."""
    parts: list[str] = []
    offset = 0
    placed: list[tuple[int, int, int]] = []
    sentences: list[tuple[int, int]] = []
    until_name = rng.randint(*gap)

    def add(text: str) -> None:
        nonlocal offset
        parts.append(text)
        offset += len(text)

    while len(placed) < spans or offset < min_chars:
        if parts:
            add("\n\n")
        for number in range(rng.randint(3, 5)):
            if number:
                add(" ")
            start = offset
            for position in range(rng.randint(10, 18)):
                if position:
                    add(" ")
                if position and len(placed) < spans and until_name <= 0:
                    entity = rng.randrange(len(names))
                    placed.append((offset, offset + len(names[entity]), entity))
                    add(names[entity])
                    until_name = rng.randint(*gap)
                else:
                    word = rng.choice(WORDS)
                    add(word.capitalize() if position == 0 else word)
                    until_name -= 1
            if len(sentences) < 3:
                sentences.append((start, offset))
            add(".")
    return Document(title=title, body="".join(parts), spans=placed, sentences=sentences)


def news(rng: random.Random, names: list[str], title: str) -> Document:
    """About 4 KB with some 15 names spread through it."""
    return compose(rng, names, title=title, spans=15, min_chars=3_900, gap=(25, 50))


def build(sizes: Sizes, seed: int = SEED) -> Workload:
    rng = random.Random(seed)
    entities = entity_names(sizes.entities)
    names = [name for name, _ in entities]

    def dense(title: str, spans: int, min_chars: int = 0, gap=(3, 8)) -> Document:
        return compose(rng, names, title=title, spans=spans, min_chars=min_chars, gap=gap)

    documents = [
        news(rng, names, f"Peers dispatch {n}: " + " ".join(rng.choices(WORDS, k=6)))
        for n in range(sizes.documents)
    ]
    return Workload(
        sizes=sizes,
        entities=entities,
        documents=documents,
        big=dense(f"Peers dossier of {sizes.big_spans:,} names", sizes.big_spans),
        page=dense(
            f"Peers long read of {sizes.page_spans:,} names",
            sizes.page_spans,
            min_chars=sizes.page_chars,
            gap=(4, 8),
        ),
        batch=[
            dense(f"Peers tagger batch {n}", sizes.batch_spans)
            for n in range(sizes.batch_repeats + 1)
        ],
        suggest=[
            dense(f"Peers suggestions {n}", sizes.batch_spans)
            for n in range(sizes.batch_repeats + 1)
        ],
        seed=seed,
    )


def import_documents(workload: Workload, run: int, round_: int = 0) -> list[dict]:
    """The documents of one bulk import (``round_`` of a run's): new titles and texts
    each time, so that nothing is a duplicate of what is already there."""
    rng = random.Random(f"{workload.seed}-import-{run}-{round_}")
    return [
        {
            "title": f"Peers import {run}.{round_}.{n}: " + " ".join(rng.choices(WORDS, k=6)),
            "body": news(rng, workload.names, "").body,
        }
        for n in range(workload.sizes.imported)
    ]
