"""Reading through the API: an article's mentions and events, the entities, the event
types, an article's W3C Web Annotations, and the chronologies with their citations."""

import json

import pytest

from curation.annotations.models import Alias, EntityKind, Event, EventType, Mention
from tests.chronology import public_data
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db

BODY = "Israel and Iran met in Vienna. Iran spoke first."


def test_an_article_s_mentions_in_every_state(annotator_api):
    article = ArticleFactory(body=BODY)
    iran = EntityFactory(name="Iran", kind=EntityKind.objects.get(slug="place"))
    MentionFactory(article=article, entity=iran)
    Mention.objects.filter(entity=iran).update(status="approved")
    (row,) = annotator_api.get(f"/api/v1/articles/{article.pk}/mentions").json()
    assert (row["start"], row["end"], row["quote"], row["status"]) == (11, 15, "Iran", "approved")
    assert row["entity"] == {"id": iran.pk, "name": "Iran", "kind": "place"}
    assert row["suffix"].startswith(" met in Vienna")


def test_an_article_s_events_with_their_participants_and_dates(annotator_api):
    article = ArticleFactory(body=BODY)
    iran = EntityFactory(name="Iran")
    event = Event.objects.create(
        article=article,
        start=0,
        end=29,
        quote=BODY[:29],
        headline="Talks in Vienna",
        event_type=EventType.objects.get(slug="consult-meeting"),
        date="2024-06~",
        location=EntityFactory(name="Vienna", kind=EntityKind.objects.get(slug="place")),
    )
    event.participants.create(entity=iran, role="actor")
    (row,) = annotator_api.get(f"/api/v1/articles/{article.pk}/events").json()
    assert row["type"] == "consult-meeting"
    assert row["date"] == "2024-06~" and row["date_lower"] == "2024-06-01"
    assert row["location"]["name"] == "Vienna"
    assert row["participants"] == [
        {"entity": {"id": iran.pk, "name": "Iran", "kind": "person"}, "role": "actor"}
    ]


def test_entities_by_search_and_kind_with_their_aliases(annotator_api):
    place = EntityKind.objects.get(slug="place")
    iran = EntityFactory(name="Iran", kind=place)
    Alias.objects.create(entity=iran, text="Islamic Republic")
    EntityFactory(name="Irene", kind=EntityKind.objects.get(slug="person"))
    EntityFactory(name="Vienna", kind=place)

    def names(**query):
        page = annotator_api.get("/api/v1/entities", query).json()
        return [row["name"] for row in page["results"]]

    assert names(search="Ir") == ["Iran", "Irene"]
    assert names(search="islamic") == ["Iran"]
    assert names(kind="place") == ["Iran", "Vienna"]
    (row,) = annotator_api.get("/api/v1/entities", {"search": "Iran"}).json()["results"]
    assert row["aliases"] == ["Islamic Republic"] and row["kind"] == "place"


def test_the_event_types_are_listed_for_senders_of_events(annotator_api):
    types = {row["slug"]: row for row in annotator_api.get("/api/v1/event-types").json()}
    meeting = EventType.objects.get(slug="consult-meeting")
    assert types["consult-meeting"] == {
        "slug": "consult-meeting",
        "name": meeting.name,
        "parent": "consult",
    }
    assert types["consult"]["parent"] is None
    assert len(types) == EventType.objects.count()


def test_an_article_s_web_annotations_are_the_export_s(annotator_api):
    article = public_data.article()
    public_data.approved_event(article)
    response = annotator_api.get(f"/api/v1/articles/{article.pk}/annotations")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    collection = response.json()
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
    (annotation,) = collection["first"]["items"]
    selectors = {selector["type"] for selector in annotation["target"]["selector"]}
    assert selectors == {"TextQuoteSelector", "TextPositionSelector"}
    past_the_end = annotator_api.get(f"/api/v1/articles/{article.pk}/annotations", {"page": 5})
    assert past_the_end.status_code == 404
    assert "There is no page 5" in past_the_end.json()["error"]["message"]


def test_every_article_s_web_annotations_stream_one_a_line(annotator_api):
    first, second = public_data.article(), public_data.article()
    public_data.approved_event(first)
    public_data.approved_event(second)
    response = annotator_api.get("/api/v1/annotations")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    lines = b"".join(response.streaming_content).decode().splitlines()
    annotations = [json.loads(line) for line in lines]
    assert [a["@context"] for a in annotations] == ["http://www.w3.org/ns/anno.jsonld"] * 2
    sources = [a["target"]["source"] for a in annotations]
    assert sources == [
        f"http://testserver/articles/{first.pk}/",
        f"http://testserver/articles/{second.pk}/",
    ]


def test_chronologies_and_their_published_entries_with_citations(annotator_api, settings):
    talks = public_data.chronology("Iran talks", slug="iran-talks")
    public_data.chronology("Notes", slug="notes", public=False)
    hezbollah = public_data.entity("Hezbollah", "group")
    event = public_data.approved_event(public_data.article(), participants=[(hezbollah, "actor")])
    public_data.entry([talks], "2024-06-20", headline="Meeting cancelled", events=[event])
    public_data.entry([talks], "2024-06-22", status="draft")
    (listed,) = annotator_api.get("/api/v1/chronologies").json()
    assert (listed["slug"], listed["entry_count"]) == ("iran-talks", 1)
    assert listed["url"].endswith("/c/iran-talks/")
    page = annotator_api.get("/api/v1/chronologies/iran-talks/entries").json()
    assert page["count"] == 1 and page["next"] is None
    (entry,) = page["items"]
    assert entry["headline"] == "Meeting cancelled" and entry["date"] == "2024-06-20"
    (citation,) = entry["citations"]
    assert citation["quote"] == public_data.QUOTE and citation["source"] == "Axios"
    assert public_data.SECRET not in str(page)
    assert entry["participants"][0]["name"] == "Hezbollah"
    assert annotator_api.get("/api/v1/chronologies/notes/entries").status_code == 404


def test_entries_are_paged_by_offset(annotator_api, monkeypatch):
    from curation.chronology import api as chronology_api

    monkeypatch.setattr(chronology_api, "ENTRIES_PAGE", 2)
    talks = public_data.chronology("Iran talks", slug="iran-talks")
    for day in range(1, 6):
        public_data.entry([talks], f"2024-06-{day:02d}")
    first = annotator_api.get("/api/v1/chronologies/iran-talks/entries").json()
    assert [e["date"] for e in first["items"]] == ["2024-06-01", "2024-06-02"]
    second = annotator_api.get(first["next"]).json()
    assert [e["date"] for e in second["items"]] == ["2024-06-03", "2024-06-04"]
    assert second["count"] == 5
