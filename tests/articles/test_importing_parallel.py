"""A large batch read with helper processes: the same items, in the same order, as
read in one process, with every chunk but the first read elsewhere, and nothing lost
when a helper dies. These start real (spawned) processes."""

import json
import logging
import os

import pytest

from curation.articles.importing import bulk, parallel
from curation.articles.importing.bulk import read_bulk
from tests.articles.loaded_in_helper import has_loaded


def _pids(chunk: tuple[int, list[int]]) -> list[tuple[int, int]]:
    """(item, the process that read it) for each item of the chunk."""
    return [(item, os.getpid()) for item in chunk[1]]


def _dies_outside(chunk: tuple[int, list[int]]) -> list[tuple[int, int]]:
    """Reads the chunk in the process given as its first part; kills any other."""
    reader, items = chunk
    if os.getpid() != reader:
        os._exit(3)
    return _pids(chunk)


@pytest.fixture(autouse=True)
def fresh_pool():
    parallel._forget()
    yield
    parallel._forget()


def mixed_batch(count: int) -> bytes:
    """Good items and each kind of bad one, spread over every chunk."""
    items: list[object] = []
    for n in range(count):
        if n % 97 == 5:
            items.append(["not", "an", "object"])
        elif n % 89 == 7:
            items.append({"body": "x" * 20_000})  # over the size limit
        elif n % 83 == 3:
            items.append({"body": 3})
        else:
            body = f"Talks resumed on day {n}.\n\nOfficials met in Doha, a café nearby."
            items.append({"title": f"Day {n}", "body": body, "published_on": "2024-06-27"})
    return json.dumps(items).encode()


def summary(items) -> list[tuple]:
    return [
        (
            item.index,
            item.article,
            item.problem and (item.problem.message, item.problem.where, item.problem.log_detail),
        )
        for item in items
    ]


@pytest.mark.parametrize("shape", ["array", "lines"])
def test_helpers_read_the_same_items_in_the_same_order(shape):
    body = mixed_batch(1_234)
    if shape == "lines":
        body = b"\n".join(json.dumps(item).encode() for item in json.loads(body)) + b"\n\n"
    count, alone = read_bulk(body, max_bytes=10_000, helpers=0, chunk_size=200)
    _, helped = read_bulk(body, max_bytes=10_000, helpers=1, chunk_size=200)
    alone, helped = summary(alone), summary(helped)
    assert count == len(alone) == 1_234
    assert helped == alone
    assert sum(1 for _, article, _ in helped if article is None) > 20


def test_every_chunk_but_the_first_is_read_by_a_helper():
    chunks = [(0, list(range(start, start + 10))) for start in range(0, 50, 10)]
    read = list(parallel.mapped_in_order(_pids, chunks, processes=1))
    assert [item for item, _ in read] == list(range(50))
    here = os.getpid()
    assert {pid for _, pid in read[:10]} == {here}
    helpers = {pid for _, pid in read[10:]}
    assert len(helpers) == 1 and here not in helpers


@pytest.mark.parametrize("processes", [0, 1])
def test_no_chunks_read_nothing(processes):
    assert list(parallel.mapped_in_order(_pids, [], processes=processes)) == []


def test_without_helpers_everything_is_read_here():
    chunks = [(0, list(range(start, start + 10))) for start in range(0, 30, 10)]
    read = list(parallel.mapped_in_order(_pids, chunks, processes=0))
    assert {pid for _, pid in read} == {os.getpid()}


def test_a_helper_that_dies_loses_nothing_and_the_next_batch_gets_a_new_one(caplog):
    here = os.getpid()
    chunks = [(here, list(range(start, start + 10))) for start in range(0, 40, 10)]
    with caplog.at_level(logging.WARNING, logger=parallel.__name__):
        read = list(parallel.mapped_in_order(_dies_outside, chunks, processes=1))
    assert [item for item, _ in read] == list(range(40))
    assert {pid for _, pid in read} == {here}
    assert "helper process stopped" in caplog.text
    again = list(parallel.mapped_in_order(_pids, chunks, processes=1))
    assert len({pid for _, pid in again[10:]} - {here}) == 1


def test_items_read_by_a_helper_keep_their_text_exactly_as_sent():
    texts = [f'{{ "title" :"Day {n}",\n  "body": "Talks resumed on day {n}." }}' for n in range(7)]
    body = ("[" + " ,\n".join(texts) + "]").encode()
    _, items = read_bulk(body, helpers=1, chunk_size=2)
    assert [item.article.raw_text for item in items] == texts


def test_helpers_started_with_the_server_have_the_reading_code_loaded():
    reading = bulk.__name__
    parallel.start_helpers(1)
    assert not parallel._pool.submit(has_loaded, reading).result()
    parallel._forget()
    bulk.start_readers(1)
    assert parallel._pool.submit(has_loaded, reading).result()
