"""A long chronology (the issue asks for 10,000 published entries; these tests use a few
hundred, made in bulk, and tests/benchmarks/bench_chronology.py times 10,000): the public
page runs the same queries however long the chronology is and never draws more than a
page of entries, and the long exports stream, reading the entries a batch at a time."""

import csv
import io
import json

import feedparser
import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from curation.annotations.models import Entity
from curation.chronology import export_reads
from curation.chronology.exports import webannotation
from curation.chronology.views import public
from curation.chronology.views.exports import ChronologyFeed
from tests.chronology import public_data as data
from tests.chronology.reading import entries, jsonld, parse, with_class

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def long_chronology(count: int, slug: str = "long"):
    topic = data.chronology("A long chronology", slug=slug)
    data.bulk_entries(topic, count, start_year=2000)
    return topic


def queries_of(url: str, headers=None) -> int:
    client = Client()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(captured)


# --- the page ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "headers"),
    [
        ("", None),  # the whole page, with the filters' choices
        ("?page=2", HTMX),  # a page of the list, as htmx fetches it: no choices needed
        ("?entity={entity}&from=2000-01-01&to=2000-12-31", HTMX),  # checks the entity
        ("?type={type}", None),
    ],
)
def test_the_page_runs_the_same_queries_for_10_and_for_300_entries(
    query, headers, django_assert_num_queries
):
    counts = []
    for count, slug in ((10, "short"), (300, "long")):
        topic = long_chronology(count, slug)
        entity = Entity.objects.filter(name="Party 001").latest("pk")  # this topic's
        kind = topic.entries.first().event_type
        url = f"/c/{slug}/" + query.format(entity=entity.pk, type=kind.pk)
        Client().get(url, headers=headers)  # warm: nothing cached is counted
        counts.append(queries_of(url, headers))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 9, counts


def test_the_whole_page_runs_nine_queries(django_assert_num_queries):
    long_chronology(120)
    # The chronology; the types used and the types; the count; the page's entries, their
    # events, the events' participants, articles and entities. Not the filter's entities:
    # the page fetches them after.
    with django_assert_num_queries(9):
        response = Client().get("/c/long/")
    assert response.status_code == 200


# bulk_entries makes entry n with parties n and n+1 (of 40), and every third with the
# place n+2: ten entries take part 12 of them, three hundred all 40.
@pytest.mark.parametrize(("count", "entities"), [(10, 12), (300, 40)])
def test_the_entity_choices_take_three_queries_however_long(
    count, entities, django_assert_num_queries
):
    long_chronology(count)
    with django_assert_num_queries(3):  # the chronology, its entities' ids, the entities
        response = Client().get("/c/long/entity-options/")
    assert response.content.decode().count("<option") == 1 + entities  # and "All entities"


def test_a_long_chronology_draws_one_page_of_entries(monkeypatch):
    long_chronology(300)
    tree = parse(Client().get("/c/long/"))
    assert len(entries(tree)) == public.PER_PAGE == 100
    assert len(with_class(tree, "mark", "li")) == public.PER_PAGE
    assert len(jsonld(tree)["@graph"]) == public.PER_PAGE
    assert tree.xpath("//nav[contains(@class, 'chronology-pager')]//a[@rel='next']")
    last = parse(Client().get("/c/long/", {"page": "3"}))
    assert len(entries(last)) == 100
    assert not last.xpath("//a[@rel='next']")


# --- the exports -------------------------------------------------------------------------


@pytest.mark.parametrize("file", ["entries.csv", "timeline.json", "calendar.ics"])
def test_the_long_exports_stream_a_batch_at_a_time(file, monkeypatch):
    monkeypatch.setattr(export_reads, "EXPORT_BATCH_SIZE", 100)
    long_chronology(300)
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(f"/c/long/{file}")
        assert isinstance(response, StreamingHttpResponse)
        before_reading = len(captured)
        chunks = []
        per_chunk = []
        for chunk in response.streaming_content:
            chunks.append(chunk)
            per_chunk.append(len(captured) - before_reading - sum(per_chunk))
    # Before the stream is read: the chronology, and (to count the entries left out of
    # timeline.json and calendar.ics) the entries' dates.
    assert before_reading == (1 if file == "entries.csv" else 2)
    # Then the event types, every entry's citations and participants (four queries), and
    # the entries,
    # read as they are written: a head, three pieces of at most 100 entries, and
    # (JSON, iCalendar) a tail.
    assert sum(per_chunk) == 6, per_chunk
    body = [chunk if isinstance(chunk, bytes) else chunk.encode() for chunk in chunks]
    assert len([piece for piece in body if b"of the benchmark" in piece]) == 3
    text = b"".join(body).decode()
    if file == "entries.csv":
        assert len(list(csv.DictReader(io.StringIO(text)))) == 300
    elif file == "timeline.json":
        assert len(json.loads(text)["events"]) == 300
    else:  # days (approximate ones too) and runs of days are in the calendar; months not
        assert text.count("BEGIN:VEVENT") == 225
    assert data.SECRET not in text


def test_the_feed_and_the_annotations_stay_one_page_long(monkeypatch):
    monkeypatch.setattr(webannotation, "PAGE_SIZE", 50)
    long_chronology(300)
    feed = feedparser.parse(Client().get("/c/long/feed.atom").content)
    assert len(feed.entries) == ChronologyFeed.size == 50
    described = json.loads(Client().get("/c/long/annotations.jsonld").content)
    assert described["total"] == 600  # the cited events: one to three per entry
    assert len(described["first"]["items"]) == 50
