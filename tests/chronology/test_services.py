"""Curating entries: approved events only, one entry per event, date conflicts confirmed
before publishing, and detach / split / merge / "not the same"."""

import pytest

from curation.annotations.errors import StaleVersion
from curation.annotations.models import Event, EventType, Status
from curation.chronology import services
from curation.chronology.models import Chronology, Entry, EntryEvent, NotSameEvent
from curation.chronology.selectors import date_conflict
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator():
    return UserFactory(username="cura", role="curator")


@pytest.fixture
def topic(curator):
    return Chronology.objects.create(title="Iran talks", slug="iran-talks", created_by=curator)


def event(date="2024-06-20", status=Status.APPROVED, headline="White House cancels SCG meeting"):
    article = ArticleFactory()
    item = Event.objects.create(
        article=article,
        start=0,
        end=9,
        quote=article.body[:9],
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline=headline,
        date=date,
    )
    Event.objects.filter(pk=item.pk).update(status=status)
    item.refresh_from_db()
    return item


def test_an_entry_gathers_approved_events_and_starts_from_the_most_precise(curator):
    week, day = event("2024-06-17/2024-06-23", headline="SCG meeting called off"), event()
    entry = services.entry_create(events=[week, day], by=curator)
    assert entry.headline == "White House cancels SCG meeting"
    assert entry.date == "2024-06-20" and entry.status == Entry.Status.DRAFT
    assert set(entry.entry_events.values_list("event", flat=True)) == {week.pk, day.pk}
    assert entry.history.latest().history_user == curator


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED])
def test_only_approved_events_go_in(curator, status):
    with pytest.raises(services.ChronologyError, match="only approved events"):
        services.entry_create(events=[event(status=status)], by=curator)
    assert not Entry.objects.exists()


def test_an_event_is_in_one_entry_at_most(curator):
    shared = event()
    first = services.entry_create(events=[shared], by=curator)
    with pytest.raises(services.ChronologyError, match="already in the entry"):
        services.entry_create(events=[event(), shared], by=curator)
    assert Entry.objects.get() == first and EntryEvent.objects.count() == 1


def test_sources_that_differ_on_the_date_block_publishing_until_confirmed(curator, topic):
    entry = services.entry_create(events=[event("2024-06-20"), event("2024-07")], by=curator)
    assert date_conflict(list(Event.objects.all()))
    with pytest.raises(services.ChronologyError, match="differ on the date"):
        services.entry_publish(
            entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
        )
    assert Entry.objects.get().status == Entry.Status.DRAFT
    services.entry_confirm_date(entry=entry, by=curator, expected_version=entry.version)
    services.entry_publish(
        entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
    )
    published = Entry.objects.get()
    assert published.status == Entry.Status.PUBLISHED and published.published_at
    assert list(published.chronologies.all()) == [topic]


def test_a_new_event_undoes_the_confirmation(curator, topic):
    entry = services.entry_create(events=[event("2024-06-20"), event("2024-07")], by=curator)
    services.entry_confirm_date(entry=entry, by=curator, expected_version=entry.version)
    services.entry_add_events(
        entry=entry, events=[event("2024-05")], by=curator, expected_version=entry.version
    )
    with pytest.raises(services.ChronologyError, match="differ on the date"):
        services.entry_publish(
            entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
        )


@pytest.mark.parametrize(
    ("dates", "conflict"),
    [
        (["2024-06-20", "2024-06-17/2024-06-23"], False),
        (["2024-06-20", "2024-06-21"], False),  # single days a day apart
        (["2024-06-20", "2024-06-22"], True),
        (["2024-06", "2024-07-11/2024-07-20"], True),
        (["2024-06-20", ""], False),  # undated events don't count
    ],
)
def test_the_conflict_flag(dates, conflict):
    assert date_conflict([event(date) for date in dates]) is conflict


def test_an_event_sent_back_to_review_blocks_publishing(curator, topic):
    item = event()
    entry = services.entry_create(events=[item], by=curator)
    Event.objects.filter(pk=item.pk).update(status=Status.SUBMITTED)
    with pytest.raises(services.ChronologyError, match="only approved events are published"):
        services.entry_publish(
            entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
        )


def test_publishing_needs_a_chronology(curator):
    entry = services.entry_create(events=[event()], by=curator)
    with pytest.raises(services.ChronologyError, match="Choose the chronology"):
        services.entry_publish(entry=entry, chronologies=[], by=curator, expected_version=1)


def test_detach_split_and_merge(curator, topic):
    a, b, c = event(), event(), event()
    entry = services.entry_create(events=[a, b, c], by=curator)
    split = services.entry_split(entry=entry, events=[c], by=curator, expected_version=1)
    assert list(split.entry_events.values_list("event", flat=True)) == [c.pk]
    entry.refresh_from_db()
    services.entry_detach_event(entry=entry, event=b, by=curator, expected_version=entry.version)
    assert list(entry.entry_events.values_list("event", flat=True)) == [a.pk]
    split.chronologies.add(topic)
    entry.refresh_from_db()
    merged = services.entries_merge(
        survivor=entry, merged=split, by=curator, expected_versions=(entry.version, split.version)
    )
    assert set(merged.entry_events.values_list("event", flat=True)) == {a.pk, c.pk}
    assert list(merged.chronologies.all()) == [topic]
    assert Entry.objects.count() == 1


def test_each_change_of_an_entrys_events_takes_one_new_version(curator):
    a, b, c = event(), event(), event()
    entry = services.entry_create(events=[a, b], by=curator)
    assert entry.version == 1
    services.entry_add_events(entry=entry, events=[c], by=curator, expected_version=1)
    entry.refresh_from_db()
    assert entry.version == 2
    services.entry_detach_event(entry=entry, event=c, by=curator, expected_version=2)
    entry.refresh_from_db()
    assert entry.version == 3
    # A form of version 3 is the latest: it is taken, not refused.
    services.entry_split(entry=entry, events=[b], by=curator, expected_version=3)
    entry.refresh_from_db()
    assert entry.version == 4


def test_detaching_the_last_event_deletes_the_entry(curator):
    only = event()
    entry = services.entry_create(events=[only], by=curator)
    services.entry_detach_event(entry=entry, event=only, by=curator, expected_version=1)
    assert not Entry.objects.exists()


def test_an_edit_against_an_old_version_is_refused(curator):
    entry = services.entry_create(events=[event()], by=curator)
    services.entry_confirm_date(entry=entry, by=curator, expected_version=1)
    with pytest.raises(StaleVersion):
        services.entry_update(
            entry=Entry.objects.get(),
            by=curator,
            expected_version=1,
            headline="Old page",
            event_type=entry.event_type,
            date="2024-06-20",
        )
    assert Entry.objects.get().headline == "White House cancels SCG meeting"


def test_not_the_same_is_remembered_once_per_pair(curator):
    a, b, c = event(), event(), event()
    assert services.not_same(event=c, others=[a, b], by=curator) == 2
    assert services.not_same(event=a, others=[c], by=curator) == 0
    assert set(NotSameEvent.objects.values_list("first", "second")) == {(a.pk, c.pk), (b.pk, c.pk)}
