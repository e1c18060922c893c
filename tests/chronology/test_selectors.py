"""What the public pages and exports read: published entries in order, filtered, with
citations and participants derived from their approved events."""

import pytest

from curation.annotations.models import Entity, EntityKind, Event, EventType, Participant, Status
from curation.chronology import services
from curation.chronology.models import Chronology, Entry
from curation.chronology.selectors import filter_entries, public_details, published_entries
from tests.factories import ArticleFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = (
    "A paragraph of the article that is never published, however the page is read. " * 3
    + "The White House canceled the meeting. "
    + "Another paragraph that only the desk's staff may read, behind a login. " * 3
)


@pytest.fixture
def curator():
    return UserFactory(username="cura", role="curator")


@pytest.fixture
def topic():
    return Chronology.objects.create(title="Iran talks", slug="iran", is_public=True)


def approved_event(date, *, source="Axios", entities=(), type_slug="reject-meeting-cancelled"):
    article = ArticleFactory(source=SourceFactory(name=source))
    article.body = BODY
    article.save()
    start = BODY.index("The White House")
    end = start + len("The White House canceled the meeting")
    event = Event.objects.create(
        article=article,
        start=start,
        end=end,
        quote=BODY[start:end],
        prefix=BODY[max(0, start - 32) : start],
        suffix=BODY[end : end + 32],
        event_type=EventType.objects.get(slug=type_slug),
        headline="White House cancels the meeting",
        date=date,
    )
    for entity, role in entities:
        Participant.objects.create(event=event, entity=entity, role=role)
    Event.objects.filter(pk=event.pk).update(status=Status.APPROVED)
    event.refresh_from_db()
    return event


def publish(events, curator, topic, **kwargs):
    entry = services.entry_create(events=events, by=curator, **kwargs)
    services.entry_confirm_date(entry=entry, by=curator, expected_version=entry.version)
    services.entry_publish(
        entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
    )
    return Entry.objects.get(pk=entry.pk)


def test_entries_are_ordered_as_events_with_mixed_precision(curator, topic):
    dates = ["2024-07", "2024-07-11/2024-07-20", "2024-06-20", "2024", "2024-07-11"]
    for date in dates:
        publish([approved_event(date)], curator, topic)
    draft = services.entry_create(events=[approved_event("2024-01-01")], by=curator)
    assert draft.status == Entry.Status.DRAFT
    assert [e.date for e in published_entries(topic)] == [
        "2024",  # starts on 1 January
        "2024-06-20",
        "2024-07",  # starts on 1 July
        "2024-07-11",  # starts on 11 July, and is shorter than...
        "2024-07-11/2024-07-20",
    ]


def test_filters(curator, topic):
    person = EntityKind.objects.get(slug="organisation")
    white_house = Entity.objects.create(name="White House", kind=person)
    publish([approved_event("2024-06-20", entities=[(white_house, "actor")])], curator, topic)
    publish([approved_event("2024-08-01", type_slug="consult-meeting")], curator, topic)
    entries = published_entries(topic)
    assert [e.date for e in filter_entries(entries, entity=white_house.pk)] == ["2024-06-20"]
    consult = EventType.objects.get(slug="consult")
    assert [e.date for e in filter_entries(entries, event_type=consult.pk)] == ["2024-08-01"]
    from datetime import date

    assert [e.date for e in filter_entries(entries, date_from=date(2024, 7, 1))] == ["2024-08-01"]
    assert [e.date for e in filter_entries(entries, date_to=date(2024, 6, 30))] == ["2024-06-20"]


def test_citations_and_participants_come_from_approved_events_with_a_short_context(
    curator, topic, django_assert_num_queries
):
    org = EntityKind.objects.get(slug="organisation")
    white_house = Entity.objects.create(name="White House", kind=org)
    israel = Entity.objects.create(name="Israel", kind=EntityKind.objects.get(slug="place"))
    axios = approved_event("2024-06-20", source="Axios", entities=[(white_house, "actor")])
    jns = approved_event(
        "2024-06-17/2024-06-23",
        source="JNS",
        entities=[(white_house, "actor"), (israel, "target")],
    )
    entry = publish([axios, jns], curator, topic)
    with django_assert_num_queries(4):
        [details] = public_details([entry])
    assert details.source_count == 2
    assert [c.source for c in details.citations] and {c.source for c in details.citations} == {
        "Axios",
        "JNS",
    }
    citation = details.citations[0]
    assert citation.quote == "The White House canceled the meeting"
    assert len(citation.before) <= 32 and len(citation.after) <= 32
    assert "never published" not in citation.before + citation.after
    assert [(t.name, t.roles) for t in details.participants] == [
        ("Israel", ("Target",)),
        ("White House", ("Actor",)),
    ]
    # An event sent back to review drops out of the citations.
    Event.objects.filter(pk=jns.pk).update(status=Status.SUBMITTED)
    [details] = public_details([entry])
    assert [c.source for c in details.citations] == ["Axios"]
