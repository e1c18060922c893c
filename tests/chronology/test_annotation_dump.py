"""Every article's approved work as W3C Web Annotations, one per line, streamed."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curation.annotations.models import Entity, EntityKind, Event
from curation.chronology.views import annotation_dump
from tests.chronology.test_exports import (
    BODY,
    approved_event,
    approved_event_in,
    assert_annotation,
)
from tests.factories import MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("chronology:all-annotations")


@pytest.fixture
def staff() -> Client:
    client = Client()
    client.force_login(UserFactory(username="reader", role="annotator"))
    return client


def lines_of(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode()
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def approved_mention(article, text: str, **fields):
    return MentionFactory(article=article, quote_text=text, status="approved", **fields)


def test_it_holds_every_articles_approved_events_then_mentions(staff):
    first = approved_event("2024-06-20", url="https://axios.com/talks")
    second = approved_event("2024-06-21", source="Reuters").article
    approved_event_in(second, headline="Second report")
    Event.objects.create(
        article=second, start=0, end=1, quote="A", event_type=first.event_type, headline="Draft"
    )
    house = Entity.objects.create(
        name="White House", kind=EntityKind.objects.get(slug="organisation"), wikidata_id="Q35525"
    )
    approved_mention(first.article, "White House", entity=house)
    MentionFactory(article=second, quote_text="White House", status="submitted")

    response = staff.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    annotations = lines_of(response)

    assert [a["motivation"] for a in annotations] == ["describing"] * 3 + ["identifying"]
    for annotation in annotations:
        assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert_annotation(annotation)
    assert "Draft" not in json.dumps(annotations)
    sources = {a["target"]["source"] for a in annotations}
    assert sources == {"https://axios.com/talks", f"http://testserver/articles/{second.pk}/"}
    named = annotations[-1]
    assert named["target"]["selector"][0]["exact"] == "White House"
    assert named["body"][0]["source"] == "http://www.wikidata.org/entity/Q35525"
    position = annotations[0]["target"]["selector"][1]
    assert (
        BODY[position["start"] : position["end"]]
        == annotations[0]["target"]["selector"][0]["exact"]
    )


def test_it_is_for_the_desks_people():
    assert Client().get(URL).status_code == 302
    stranger = Client()
    stranger.force_login(UserFactory(username="nobody"))
    assert stranger.get(URL).status_code == 403


@pytest.mark.parametrize("count", [4, 12])
def test_it_streams_batch_by_batch_with_the_same_queries_per_batch(staff, monkeypatch, count):
    monkeypatch.setattr(annotation_dump, "BATCH", 2)
    article = approved_event("2024-06-20").article
    words = BODY.split()
    for word in dict.fromkeys(w.strip(".,") for w in words[:count] if len(w) > 3):
        approved_mention(article, word)
    mentions = article.mentions.count()

    response = staff.get(URL)
    chunks = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first_batch:
        next(chunks)
    with CaptureQueriesContext(connection) as the_rest:
        rest = list(chunks)
    # the first batch of events (and their participants) is read before anything is
    # written; each further batch is read only when the one before is out
    assert len(first_batch) == 2
    mention_batches = -(-mentions // 2)  # after the one batch of events
    assert len(rest) == mention_batches
    # an empty read ends the events and the mentions
    assert len(the_rest) == 1 + mention_batches + 1


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="reads SQLite's query plan; PostgreSQL's planner chooses by table statistics",
)
@pytest.mark.parametrize("reads", ["events", "mentions"])
def test_each_batch_is_read_in_id_order_from_an_index_not_sorted(reads):
    from curation.chronology import export_reads

    if reads == "events":
        batch = export_reads.all_annotation_events()
    else:
        batch = export_reads.Mention.objects.filter(
            status="approved", start__isnull=False
        ).values_list(*export_reads._MENTION_ROW)
    sql, params = batch.filter(pk__gt=10).order_by("pk")[:1000].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    # a sort would read every approved one for each batch: quadratic in the export
    assert "TEMP B-TREE" not in plan, plan
