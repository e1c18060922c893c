"""The exports of a public chronology, each read back by an independent reader: TimelineJS
JSON against its documented fields, CSV with the csv module, Atom with feedparser,
iCalendar with the icalendar package, and the W3C Web Annotations against the data
model's required keys. Only published entries of public chronologies; no article text
beyond the stored short contexts; a constant number of queries per batch or page."""

import csv
import io
import json
from datetime import date, timedelta

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from curation.annotations.models import Entity, EntityKind, Event, EventType, Participant, Status
from curation.articles.models import Article
from curation.chronology import export_reads, services
from curation.chronology.exports import webannotation
from curation.chronology.models import Chronology, Entry, EntryEvent
from curation.chronology.views.exports import ChronologyFeed
from tests.factories import ArticleFactory, MentionFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

NEVER_PUBLISHED = "never published, however the page is read"
STAFF_ONLY = "only the desk's staff may read, behind a login"
BODY = (
    f"A paragraph of the article that is {NEVER_PUBLISHED}. " * 3
    + "The White House canceled the meeting. "
    + f"Another paragraph that {STAFF_ONLY}. " * 3
)
QUOTE = "The White House canceled the meeting"
EXPORTS = [
    "chronology:timeline-json",
    "chronology:entries-csv",
    "chronology:feed",
    "chronology:calendar",
    "chronology:annotations",
]


@pytest.fixture
def curator():
    return UserFactory(username="cura", role="curator")


@pytest.fixture
def topic():
    return Chronology.objects.create(
        title="Iran talks", slug="iran", description="US–Israel consultations.", is_public=True
    )


def article_with(
    body, *, source="Axios", url="", title="An article", published_on=date(2024, 6, 20)
):
    """An article with ``body`` (the factory's own text keeps its content hash unique)."""
    article = ArticleFactory(
        source=SourceFactory(name=source), url=url, title=title, published_on=published_on
    )
    Article.objects.filter(pk=article.pk).update(body=body)
    article.body = body
    return article


def approved_event(
    date_value="2024-06-20",
    *,
    source="Axios",
    url="",
    headline="",
    entities=(),
    place=None,
    published_on=date(2024, 6, 20),
):
    article = article_with(
        BODY, source=source, url=url, title=f"{source} reports", published_on=published_on
    )
    start = BODY.index(QUOTE)
    end = start + len(QUOTE)
    event = Event.objects.create(
        article=article,
        start=start,
        end=end,
        quote=QUOTE,
        prefix=BODY[max(0, start - 32) : start],
        suffix=BODY[end : end + 32],
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline=headline or "White House cancels the meeting",
        date=date_value,
        location=place,
    )
    for entity, role in entities:
        Participant.objects.create(event=event, entity=entity, role=role)
    Event.objects.filter(pk=event.pk).update(status=Status.APPROVED)
    event.refresh_from_db()
    return event


def publish(events, curator, topic, **kwargs) -> Entry:
    entry = services.entry_create(events=events, by=curator, **kwargs)
    services.entry_confirm_date(entry=entry, by=curator, expected_version=entry.version)
    entry.refresh_from_db()
    services.entry_publish(
        entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
    )
    return Entry.objects.get(pk=entry.pk)


def published(dates, curator, topic, **kwargs) -> list[Entry]:
    return [
        publish(
            [approved_event(value, headline=f"Entry {n}", **kwargs)],
            curator,
            topic,
            headline=f"Entry {n}",
        )
        for n, value in enumerate(dates)
    ]


def fetch(name, slug="iran", client=None, **query) -> tuple[object, bytes]:
    response = (client or Client()).get(reverse(f"chronology:{name}", args=[slug]), query)
    if response.streaming:
        return response, b"".join(response.streaming_content)
    return response, response.content


@pytest.fixture
def private_and_draft(curator, topic):
    """A draft entry and an unpublished one in the topic, and a published entry of a
    private chronology: none of them may appear in the topic's exports."""
    draft = services.entry_create(
        events=[approved_event("2024-05-01", headline="DRAFT ENTRY")], by=curator
    )
    draft.chronologies.add(topic)
    unpublished = publish([approved_event("2024-05-02", headline="UNPUBLISHED")], curator, topic)
    services.entry_unpublish(entry=unpublished, by=curator, expected_version=unpublished.version)
    hidden = Chronology.objects.create(title="Notes", slug="notes", is_public=False)
    publish([approved_event("2024-05-03", headline="PRIVATE CHRONOLOGY")], curator, hidden)
    return ["DRAFT ENTRY", "UNPUBLISHED", "PRIVATE CHRONOLOGY"]


# --- access ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPORTS)
def test_a_private_or_unknown_chronology_has_no_exports(name, curator):
    Chronology.objects.create(title="Notes", slug="notes", is_public=False)
    client = Client()
    client.force_login(curator)  # even for the desk's staff: exports are public things
    for slug in ("notes", "nowhere"):
        assert client.get(reverse(name, args=[slug])).status_code == 404


@pytest.mark.parametrize("name", EXPORTS)
def test_exports_show_only_published_entries_and_only_the_short_contexts(
    name, curator, topic, private_and_draft
):
    published(["2024-06-20"], curator, topic)
    response, content = fetch(name.split(":")[1])
    assert response.status_code == 200
    text = content.decode()
    assert "Entry 0" in text
    for hidden in private_and_draft:
        assert hidden not in text
    assert NEVER_PUBLISHED not in text and STAFF_ONLY not in text


# --- TimelineJS --------------------------------------------------------------------------


def test_timelinejs_has_the_documented_fields_and_no_invented_date_parts(curator, topic):
    published(
        ["2024-07-11/2024-07-20", "2024-07", "2024", "2023-22", "2024-06-13~"], curator, topic
    )
    undated = published(["2024-01-01"], curator, topic)[0]
    Entry.objects.filter(pk=undated.pk).update(date="", date_lower=None, date_upper=None)
    response, content = fetch("timeline-json")
    assert response["Content-Type"].startswith("application/json")
    timeline = json.loads(content)
    assert timeline["title"]["text"]["headline"] == "Iran talks"
    assert "1 entry has no date" in timeline["title"]["text"]["text"]
    events = timeline["events"]
    for slide in events:  # the documented required fields, with numbers for the dates
        assert isinstance(slide["start_date"]["year"], int)
        assert set(slide["start_date"]) <= {"year", "month", "day"}
        assert isinstance(slide["text"]["headline"], str) and slide["text"]["text"]
    by_display = {slide["display_date"]: slide for slide in events}
    assert list(by_display) == [  # the public order; the undated entry is left out
        "summer 2023",
        "2024",
        "c. 13 June 2024",
        "July 2024",
        "mid-July 2024",
    ]
    assert by_display["2024"]["start_date"] == {"year": 2024}
    assert "end_date" not in by_display["2024"]
    assert by_display["July 2024"]["start_date"] == {"year": 2024, "month": 7}
    assert by_display["summer 2023"]["end_date"] == {"year": 2023, "month": 8}
    assert by_display["mid-July 2024"]["end_date"] == {"year": 2024, "month": 7, "day": 20}
    mid_july = by_display["mid-July 2024"]
    assert f"<mark>{QUOTE}</mark>" in mid_july["text"]["text"]
    assert "Axios, <cite>Axios reports</cite>" in mid_july["text"]["text"]
    entry_slug = mid_july["unique_id"].removeprefix("entry-")
    assert f'href="http://testserver/c/iran/#entry-{entry_slug}"' in mid_july["text"]["text"]


def test_timelinejs_escapes_what_editors_wrote(curator, topic):
    publish([approved_event()], curator, topic, headline="<script>alert(1)</script>")
    Chronology.objects.filter(pk=topic.pk).update(title="<b>Talks</b>")
    _, content = fetch("timeline-json")
    timeline = json.loads(content)
    assert timeline["title"]["text"]["headline"] == "&lt;b&gt;Talks&lt;/b&gt;"
    assert timeline["events"][0]["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "<script" not in content.decode()


# --- CSV ---------------------------------------------------------------------------------


def test_csv_reads_back_with_the_csv_module_in_the_public_order(curator, topic):
    org = EntityKind.objects.get(slug="organisation")
    white_house = Entity.objects.create(name="White House", kind=org)
    israel = Entity.objects.create(name="Israel", kind=EntityKind.objects.get(slug="place"))
    publish(
        [
            approved_event("2024-06-20", entities=[(white_house, "actor")], place=israel),
            approved_event("2024-06-20", source="JNS"),
        ],
        curator,
        topic,
        headline='=HYPERLINK("http://evil")',
    )
    publish([approved_event("2024-07")], curator, topic, headline="+1 for the talks")
    publish([approved_event("2024-06-13~")], curator, topic, headline="@everyone: talks")
    response, content = fetch("entries-csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="iran.csv"'
    rows = list(csv.DictReader(io.StringIO(content.decode())))
    assert [row["date"] for row in rows] == ["2024-06-13~", "2024-06-20", "2024-07"]
    assert [row["precision"] for row in rows] == ["day", "day", "month"]
    assert [row["date_display"] for row in rows] == ["c. 13 June 2024", "20 June 2024", "July 2024"]
    assert [row["headline"] for row in rows] == [
        "'@everyone: talks",
        '\'=HYPERLINK("http://evil")',
        "'+1 for the talks",
    ]
    cancelled = rows[1]
    assert cancelled["type"] == "REJECT › meeting cancelled or postponed"
    assert cancelled["participants"] == "Israel (Place: Place) | White House (Organisation: Actor)"
    assert cancelled["sources"] == (
        "Axios, “Axios reports”, 20 June 2024 | JNS, “JNS reports”, 20 June 2024"
    )
    assert cancelled["quotes"] == f"{QUOTE} | {QUOTE}"


def test_csv_writes_every_entrys_details_in_their_order(curator, topic):
    """Participants by name, case aside (equal names in the order first read: by role,
    then as recorded), each with its roles and "Place" last; citations by their
    articles' publication dates, across entries; an event a correction sent back keeps
    its approved words, one sent back without them drops out; undated entries last."""
    org, place = (EntityKind.objects.get(slug=slug) for slug in ("organisation", "place"))
    white_house = Entity.objects.create(name="White House", kind=org)
    israel = Entity.objects.create(name="Israel", kind=place)
    un_upper = Entity.objects.create(name="UN", kind=org)
    un_lower = Entity.objects.create(name="un", kind=org)
    undated = publish([approved_event(source="AP")], curator, topic, headline="-1 undated")
    Entry.objects.filter(pk=undated.pk).update(date="", date_lower=None, date_upper=None)
    Article.objects.filter(events__chronology_entry__entry=undated).update(source=None)
    late = approved_event(
        source="JNS",
        entities=[(white_house, "target"), (un_upper, "target")],
        place=white_house,
        published_on=date(2024, 6, 22),
    )
    early = approved_event(
        source="Axios",
        entities=[(white_house, "actor"), (israel, "target"), (un_lower, "actor")],
        published_on=date(2024, 6, 19),
    )
    publish([late, early], curator, topic, headline="Talks called off")
    held = approved_event(
        "2024-06-21",
        source="Reuters",
        entities=[(israel, "other")],
        published_on=date(2024, 6, 21),
    )
    dropped = approved_event("2024-06-21", source="AFP", entities=[(un_upper, "actor")])
    publish([held, dropped], curator, topic, headline="Talks moved")
    EntryEvent.objects.filter(event=held).update(approved_quote="The talks were moved")
    Event.objects.filter(pk__in=[held.pk, dropped.pk]).update(status=Status.SUBMITTED)
    _, content = fetch("entries-csv")
    text = content.decode()
    assert text.endswith("\r\n") and text.count("\r\n") == 4
    assert list(csv.reader(io.StringIO(text)))[1:] == [
        [
            "2024-06-20",
            "20 June 2024",
            "day",
            "REJECT › meeting cancelled or postponed",
            "Talks called off",
            "Israel (Place: Target) | un (Organisation: Actor) | UN (Organisation: Target)"
            " | White House (Organisation: Actor, Target, Place)",
            "Axios, “Axios reports”, 19 June 2024 | JNS, “JNS reports”, 22 June 2024",
            f"{QUOTE} | {QUOTE}",
        ],
        [
            "2024-06-21",
            "21 June 2024",
            "day",
            "REJECT › meeting cancelled or postponed",
            "Talks moved",
            "Israel (Place: Other)",
            "Reuters, “Reuters reports”, 21 June 2024",
            "The talks were moved",
        ],
        [
            "",
            "date unknown",
            "unknown",
            "REJECT › meeting cancelled or postponed",
            "'-1 undated",
            "",
            "Unknown source, “AP reports”, 20 June 2024",
            QUOTE,
        ],
    ]


def test_csv_streams_in_batches(curator, topic, monkeypatch):
    monkeypatch.setattr(export_reads, "EXPORT_BATCH_SIZE", 2)
    published([f"2024-06-{day:02d}" for day in range(1, 6)], curator, topic)
    response = Client().get(reverse("chronology:entries-csv", args=["iran"]))
    assert response.streaming
    chunks = [chunk.decode() for chunk in response.streaming_content]
    assert len(chunks) == 4  # the header, then three batches of at most two entries
    assert (
        chunks[0]
        == ",".join(
            [
                "date",
                "date_display",
                "precision",
                "type",
                "headline",
                "participants",
                "sources",
                "quotes",
            ]
        )
        + "\r\n"
    )
    assert [len(list(csv.reader(io.StringIO(chunk)))) for chunk in chunks[1:]] == [2, 2, 1]


# --- Atom --------------------------------------------------------------------------------


def test_atom_reads_back_with_feedparser_newest_first(curator, topic, monkeypatch):
    monkeypatch.setattr(ChronologyFeed, "size", 2)
    first, second, third = published(
        ["2024-06-20", "2024-07-11/2024-07-20", "2024-05"], curator, topic
    )
    moments = {
        entry.pk: timezone.now() - timedelta(days=n)
        for n, entry in enumerate([third, first, second])
    }
    for pk, moment in moments.items():
        Entry.objects.filter(pk=pk).update(published_at=moment)
    Entry.objects.filter(pk=first.pk).update(headline="Talks & <threats>")
    response, content = fetch("feed")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Iran talks"
    assert feed.feed.link == "http://testserver/c/iran/"
    # the last two published: third (today), then first (yesterday)
    assert [item.title for item in feed.entries] == ["Entry 2", "Talks & <threats>"]
    newest, older = feed.entries
    assert newest.link == f"http://testserver/c/iran/#entry-{third.slug}"
    assert newest.id == newest.link
    assert newest.updated_parsed[:6] == moments[third.pk].utctimetuple()[:6]
    assert older.published_parsed[:6] == moments[first.pk].utctimetuple()[:6]
    assert newest.summary.startswith("<p><strong>May 2024</strong></p>")
    assert QUOTE in older.summary and "Axios reports" in older.summary
    assert [tag.term for tag in older.tags] == ["REJECT › meeting cancelled or postponed"]


# --- iCalendar ---------------------------------------------------------------------------


def test_icalendar_reads_back_with_day_events_spans_and_a_count_of_the_rest(curator, topic):
    day, span, approximate, month, year = published(
        ["2024-06-20", "2024-06-17/2024-06-23", "2024-06-13~", "2024-07", "2024"], curator, topic
    )
    response, content = fetch("calendar")
    assert response.streaming and response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["x-curation-left-out"]) == "2"
    assert "2 entries are not in this calendar" in str(calendar["description"])
    assert str(calendar["x-wr-calname"]) == "Iran talks"
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {f"entry-{entry.pk}@testserver" for entry in (day, span, approximate)}
    the_day = events[f"entry-{day.pk}@testserver"]
    assert (the_day.decoded("dtstart"), the_day.decoded("dtend")) == (
        date(2024, 6, 20),
        date(2024, 6, 21),
    )
    the_span = events[f"entry-{span.pk}@testserver"]
    assert (the_span.decoded("dtstart"), the_span.decoded("dtend")) == (
        date(2024, 6, 17),
        date(2024, 6, 24),
    )
    assert str(events[f"entry-{approximate.pk}@testserver"]["summary"]).endswith(
        "(c. 13 June 2024)"
    )
    assert str(the_day["url"]) == f"http://testserver/c/iran/#entry-{day.slug}"
    assert QUOTE in str(the_day["description"])
    # The same UIDs on every download.
    again = icalendar.Calendar.from_ical(fetch("calendar")[1])
    assert {str(event["uid"]) for event in again.walk("VEVENT")} == set(events)


# --- W3C Web Annotations -----------------------------------------------------------------


def assert_annotation(annotation):
    """The model's MUSTs for an annotation inside a page, and the two text selectors."""
    assert isinstance(annotation["id"], str) and annotation["id"].startswith("http")
    assert annotation["type"] == "Annotation"
    target = annotation["target"]
    assert target["source"].startswith("http")
    selectors_by_type = {selector["type"]: selector for selector in target["selector"]}
    assert set(selectors_by_type) == {"TextQuoteSelector", "TextPositionSelector"}
    quote, position = (
        selectors_by_type["TextQuoteSelector"],
        selectors_by_type["TextPositionSelector"],
    )
    assert isinstance(quote["exact"], str) and quote["exact"]
    assert isinstance(position["start"], int) and isinstance(position["end"], int)
    assert 0 <= position["start"] < position["end"]
    assert position["end"] - position["start"] == len(quote["exact"])
    assert annotation["body"]


def walk_pages(client, collection_url) -> tuple[dict, list[dict]]:
    """The collection and every annotation, following first and next."""
    response = client.get(collection_url)
    assert (
        response["Content-Type"]
        == 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    )
    collection = response.json()
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["id"] == "http://testserver" + collection_url
    items, page = [], collection.get("first")
    while page is not None:
        assert page["type"] == "AnnotationPage" and page["partOf"] == collection["id"]
        assert page["startIndex"] == len(items)
        assert page["items"]
        items += page["items"]
        if "next" not in page:
            assert page["id"] == collection["last"]
            break
        page = client.get(page["next"].removeprefix("http://testserver")).json()
        assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert len(items) == collection["total"]
    return collection, items


def test_chronology_annotations_are_the_cited_events_in_pages(curator, topic, monkeypatch):
    monkeypatch.setattr(webannotation, "PAGE_SIZE", 2)
    israel = Entity.objects.create(
        name="Israel", kind=EntityKind.objects.get(slug="place"), wikidata_id="Q801"
    )
    washington = Entity.objects.create(name="Washington", kind=israel.kind)
    publish(
        [
            approved_event(
                "2024-06-20",
                url="https://www.axios.com/scoop",
                entities=[(israel, "target")],
                place=washington,
            ),
            approved_event("2024-06-20", source="JNS"),
        ],
        curator,
        topic,
    )
    published(["2024-07-11/2024-07-20", "2024-08"], curator, topic)
    MentionFactory(
        article=Event.objects.first().article, quote_text="White House", status="approved"
    )
    collection, items = walk_pages(Client(), reverse("chronology:annotations", args=["iran"]))
    assert collection["total"] == 4 and collection["label"] == "Iran talks: the cited passages"
    for annotation in items:
        assert_annotation(annotation)
        assert annotation["motivation"] == "describing"  # events only: no mentions here
    sources = {annotation["target"]["source"] for annotation in items}
    assert "https://www.axios.com/scoop" in sources
    desk = [source for source in sources if source.startswith("http://testserver/articles/")]
    assert len(desk) == 3  # the articles without a URL of their own: their desk address
    axios = next(a for a in items if a["target"]["source"] == "https://www.axios.com/scoop")
    assert axios["target"]["state"]["type"] == "TimeState"
    assert axios["target"]["selector"][0]["exact"] == QUOTE
    assert axios["target"]["selector"][1]["start"] == BODY.index(QUOTE)
    values = [(b["purpose"], b.get("value") or b.get("source")) for b in axios["body"]]
    assert values == [
        ("describing", "White House cancels the meeting"),
        ("classifying", "REJECT › meeting cancelled or postponed"),
        ("describing", "2024-06-20"),
        ("tagging", "Israel"),
        ("tagging", "http://www.wikidata.org/entity/Q801"),
        ("tagging", "Washington"),  # the place, after the participants
    ]


def test_each_annotation_page_has_the_cited_events_of_its_place(curator, topic):
    """A page's events are found by their ids, then read: every slice holds the events
    that slice of the cited events in article and position order holds."""
    entries = published(["2024-06-01", "2024-06-02", "2024-06-03"], curator, topic)
    article = entries[0].events.first().article  # two more of its events, by position
    more = [approved_event_in(article, headline=f"Also {n}").pk for n in range(2)]
    Event.objects.filter(pk__in=more).update(date="2024-06-04")
    publish(list(Event.objects.filter(pk__in=more)), curator, topic)
    cited = Event.objects.filter(chronology_entry__isnull=False)
    expected = [event.pk for event in sorted(cited, key=lambda e: (e.article_id, e.start, e.pk))]
    assert len(expected) == 5
    ids = export_reads.chronology_annotation_event_ids(topic)
    places = {event.pk: (event.article_id, event.start, event.pk) for event in cited}
    assert len({places[pk][:2] for pk in expected}) < len(expected)  # a tie, that ids order
    for size in (1, 2, 3, 5):
        for offset in range(len(expected)):
            page = export_reads.annotation_events_of(ids[offset : offset + size])
            assert [row.pk for row in page] == expected[offset : offset + size]
            if offset:  # and found from the place of the one before it
                after = places[expected[offset - 1]]
                from_place = export_reads.chronology_annotation_event_ids(topic, after=after)
                page = export_reads.annotation_events_of(from_place[:size])
                assert [row.pk for row in page] == expected[offset : offset + size]


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="reads SQLite's query plan; PostgreSQL's planner chooses by table statistics",
)
def test_an_annotation_page_is_found_in_an_index_then_read_by_id(curator, topic):
    """Skipping to a late page walks the (status, article, start) index, not the events
    with their articles, types and places (five lookups a skipped event); the page's
    events are then looked up by id, not found again among every approved event."""
    publish([approved_event("2024-06-20")], curator, topic)
    ids = export_reads.chronology_annotation_event_ids(topic)
    with CaptureQueriesContext(connection) as read:
        export_reads.annotation_events_of(ids[500:1000])
    events = read.captured_queries[0]["sql"]  # the statement itself, its values written in
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + events)
        steps = [str(row[-1]) for row in cursor.fetchall()]
    finding = [step for step in steps if "annotations_status_1aac6f_idx" in step]
    assert len(finding) == 1, steps  # the subquery's walk, and only it
    assert finding[0].endswith("USING COVERING INDEX annotations_status_1aac6f_idx (status=?)")
    assert "SEARCH annotations_event USING INTEGER PRIMARY KEY (rowid=?)" in steps, steps
    for joined in ("articles_article", "annotations_eventtype", "annotations_entity"):
        assert joined not in str(ids.query)


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="reads SQLite's query plan; PostgreSQL's planner chooses by table statistics",
)
def test_a_page_after_a_place_starts_there_in_the_index(curator, topic):
    publish([approved_event("2024-06-20")], curator, topic)
    ids = export_reads.chronology_annotation_event_ids(topic, after=(7, 120, 31))
    with CaptureQueriesContext(connection) as read:
        export_reads.annotation_events_of(ids[:501])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + read.captured_queries[0]["sql"])
        steps = [str(row[-1]) for row in cursor.fetchall()]
    finding = [step for step in steps if "annotations_status_1aac6f_idx" in step]
    assert finding == [
        "SEARCH V0 USING COVERING INDEX annotations_status_1aac6f_idx (status=? AND article_id>?)"
    ], steps


def test_next_links_find_the_pages_their_numbers_find(curator, topic, monkeypatch):
    monkeypatch.setattr(webannotation, "PAGE_SIZE", 2)
    published(["2024-06-01", "2024-06-02", "2024-06-03"], curator, topic)
    article = Event.objects.first().article
    more = [approved_event_in(article, headline=f"Also {n}").pk for n in range(3)]
    Event.objects.filter(pk__in=more).update(date="2024-06-04")
    publish(list(Event.objects.filter(pk__in=more)), curator, topic)
    url = reverse("chronology:annotations", args=["iran"])
    collection, items = walk_pages(Client(), url)  # by the next links
    assert len(items) == 6
    page = collection["first"]
    while "next" in page:
        assert "&after=" in page["next"]
        linked = Client().get(page["next"].removeprefix("http://testserver")).json()
        number = linked["startIndex"] // 2
        assert Client().get(url, {"page": number}).json() == linked
        page = linked
    # The place decides where a page starts: the number names it.
    after = collection["first"]["next"].split("&after=")[1]
    from_place = Client().get(url, {"page": "0", "after": after}).json()
    assert from_place["items"] == items[2:4]


@pytest.mark.parametrize(
    ("after", "status", "says"),
    [
        ("1.2", 400, "not a place in this collection"),
        ("1.2.x", 400, "not a place"),
        ("1.2.3.4", 400, "not a place"),
        ("-1.2.3", 400, "not a place"),
        ("1.².3", 400, "not a place"),
        ("9" * 19 + ".0.0", 400, "not a place"),
        ("999999.0.0", 404, "There is no page 1"),
        (".".join(["9" * 18] * 3), 404, "There is no page 1"),
    ],
)
def test_a_bad_place_is_refused_with_a_reason(curator, topic, after, status, says):
    published(["2024-06-20"], curator, topic)
    url = reverse("chronology:annotations", args=["iran"])
    response = Client().get(url, {"page": "1", "after": after})
    assert response.status_code == status
    assert says in response.content.decode()


def test_offsets_count_code_points(curator, topic):
    body = "🇮🇱 Israel, then " + BODY
    article = article_with(body, title="Emoji first")
    start = body.index(QUOTE)
    event = Event.objects.create(
        article=article,
        start=start,
        end=start + len(QUOTE),
        quote=QUOTE,
        prefix=body[start - 32 : start],
        suffix=body[start + len(QUOTE) :][:32],
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Emoji",
        date="2024-06-20",
        status=Status.APPROVED,
    )
    publish([event], curator, topic)
    _, items = walk_pages(Client(), reverse("chronology:annotations", args=["iran"]))
    position = items[0]["target"]["selector"][1]
    assert body[position["start"] : position["end"]] == QUOTE  # Python str indices
    assert position["start"] == len("🇮🇱 Israel, then ") + BODY.index(QUOTE)


def test_an_article_annotations_are_its_approved_events_and_mentions_for_staff(
    curator, monkeypatch
):
    monkeypatch.setattr(webannotation, "PAGE_SIZE", 2)
    event = approved_event("2024-06-20")
    article = event.article
    for n in range(2):
        approved_event_in(article, headline=f"Another {n}")
    draft = Event.objects.create(
        article=article, start=0, end=1, quote="A", event_type=event.event_type, headline="Draft"
    )
    mention = MentionFactory(
        article=article,
        entity=Entity.objects.create(
            name="White House",
            kind=EntityKind.objects.get(slug="organisation"),
            wikidata_id="Q35525",
        ),
        status="approved",
    )
    MentionFactory(article=article, quote_text="paragraph", status="submitted")
    url = reverse("chronology:article-annotations", args=[article.pk])
    assert Client().get(url).status_code == 302  # to the login page
    stranger = Client()
    stranger.force_login(UserFactory(username="nobody"))
    assert stranger.get(url).status_code == 403
    staff = Client()
    staff.force_login(curator)
    collection, items = walk_pages(staff, url)
    assert collection["total"] == 4
    for annotation in items:
        assert_annotation(annotation)
    assert [a["motivation"] for a in items] == ["describing"] * 3 + ["identifying"]
    assert draft.headline not in json.dumps(items)
    named = items[-1]
    assert named["id"] == f"http://testserver/history/mention/{mention.pk}/"
    assert named["body"][0] == {
        "type": "SpecificResource",
        "purpose": "identifying",
        "source": "http://www.wikidata.org/entity/Q35525",
    }
    assert named["target"]["selector"][0]["exact"] == "White House"


def approved_event_in(article, *, headline):
    start = BODY.index("canceled")
    return Event.objects.create(
        article=article,
        start=start,
        end=start + len("canceled"),
        quote="canceled",
        prefix=BODY[start - 32 : start],
        suffix=BODY[start + 8 : start + 40],
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline=headline,
        status=Status.APPROVED,
    )


# Not "page": pytest-playwright takes a test asking for "page" as a browser test.
@pytest.mark.parametrize(
    ("asked", "status", "says"),
    [
        ("x", 400, "not a page number"),
        ("-1", 400, "not a page number"),
        ("²", 400, "not a page number"),
        ("0000000000", 200, ""),
        ("9", 404, "There is no page 9"),
        ("1", 404, "this collection has 1 page of"),
        ("9" * 30, 404, "There is no page 999"),
    ],
)
def test_a_bad_page_number_is_refused_with_a_reason(curator, topic, asked, status, says):
    published(["2024-06-20"], curator, topic)
    response = Client().get(reverse("chronology:annotations", args=["iran"]), {"page": asked})
    assert response.status_code == status
    assert says in response.content.decode()


def test_an_empty_collection_has_no_pages(topic):
    response = Client().get(reverse("chronology:annotations", args=["iran"]))
    collection = response.json()
    assert collection["total"] == 0 and "first" not in collection


# --- queries -----------------------------------------------------------------------------


def count_queries(name) -> int:
    """The queries of a whole export, its stream read to the end."""
    with CaptureQueriesContext(connection) as captured:
        response, _ = fetch(name)
    assert response.status_code == 200
    return len(captured)


# The chronology, the entries' ids and dates, the event types (once, shared by every
# batch), then per batch the entries, their events and the events' participants; the
# feed reads its 50 entries in one batch; the Web Annotations' collection counts, then
# reads its first page of events and their participants.
QUERIES = {"timeline-json": 7, "entries-csv": 6, "feed": 5, "calendar": 7, "annotations": 4}


@pytest.mark.parametrize(("name", "queries"), QUERIES.items())
def test_each_export_runs_the_same_queries_for_few_and_many_entries(
    name, queries, curator, topic, django_assert_num_queries
):
    published(["2024-06-20", "2024-07-11/2024-07-20"], curator, topic)
    with django_assert_num_queries(queries):
        fetch(name)
    published([f"2024-08-{day:02d}" for day in range(1, 9)], curator, topic)
    with django_assert_num_queries(queries):
        fetch(name)


def test_annotation_pages_run_the_same_queries_for_few_and_many(
    curator, topic, monkeypatch, django_assert_num_queries, django_assert_max_num_queries
):
    monkeypatch.setattr(webannotation, "PAGE_SIZE", 2)
    published(["2024-06-01", "2024-06-02", "2024-06-03"], curator, topic)
    article = Event.objects.first().article
    for n in range(3):
        approved_event_in(article, headline=f"More {n}")
    staff = Client()
    staff.force_login(curator)
    article_page = reverse("chronology:article-annotations", args=[article.pk])
    staff.get(article_page)  # the session is read once before counting
    # the chronology, a page of events (one more than it holds, to know whether another
    # follows: no count) and their participants; for an article (staff), the session,
    # the user, the permissions, the article, its events counted (where its mentions
    # start), its events with their participants, and its mentions (when the page, and
    # the one item more, reach them)
    after = "0.0.0"  # a place before every event
    with django_assert_num_queries(3):
        fetch("annotations", page="1")
    with django_assert_num_queries(3):
        fetch("annotations", page="1", after=after)
    with django_assert_max_num_queries(8):
        staff.get(article_page, {"page": "1"})
    published([f"2024-07-{day:02d}" for day in range(1, 8)], curator, topic)
    for n in range(6):
        approved_event_in(article, headline=f"Yet more {n}")
        MentionFactory(article=article, quote_text="paragraph", status="approved")
    with django_assert_num_queries(3):
        fetch("annotations", page="1")
    with django_assert_num_queries(3):
        fetch("annotations", page="1", after=after)
    with django_assert_max_num_queries(8):
        staff.get(article_page, {"page": "1"})


def test_streamed_exports_run_the_same_queries_however_many_entries(curator, topic, monkeypatch):
    monkeypatch.setattr(export_reads, "EXPORT_BATCH_SIZE", 2)
    published(["2024-06-01", "2024-06-02"], curator, topic)
    counts = {}
    for name in ("timeline-json", "entries-csv", "calendar"):
        counts[name] = [count_queries(name)]
    published(["2024-06-03", "2024-06-04"], curator, topic)
    for name in ("timeline-json", "entries-csv", "calendar"):
        counts[name].append(count_queries(name))
    assert all(more == fewer for fewer, more in counts.values()), counts
