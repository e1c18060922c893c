"""The curation page's reads: approved events waiting for an entry, and for each the
events and entries that may report the same happening (matching.suggestions decides).

A newsroom holds thousands of approved events, so the pool of candidates is cut down
in the database before matching sees it: only waiting events and entries whose dates
come near one of the page's events, of a type in the same category, and sharing at
least one participant or place with the page. Everything is loaded in a fixed number
of queries, however long the page or large the desk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from curation.annotations.models import Event, Participant, Status
from curation.chronology.matching import DAY_TOLERANCE, Candidate, Match, suggestions
from curation.chronology.models import Entry, EntryEvent, NotSameEvent

SUGGESTIONS_SHOWN = 3
TOLERANCE = timedelta(days=DAY_TOLERANCE)


def waiting_events() -> QuerySet[Event]:
    """Approved events that no entry holds yet, in the order events are ordered
    (temporal.sort_key: earlier start, shorter span, earlier end, id; undated last).
    With the start fixed, the shorter span is the earlier end, so the database orders
    by (start, end, id), with the undated last on SQLite and PostgreSQL alike."""
    return (
        Event.objects.filter(status=Status.APPROVED)
        .filter(~Exists(EntryEvent.objects.filter(event=OuterRef("pk"))))
        .order_by(F("date_lower").asc(nulls_last=True), F("date_upper").asc(nulls_last=True), "id")
    )


def for_the_page(events: QuerySet[Event]) -> QuerySet[Event]:
    """What a card shows of each event: type, article and source, place, participants."""
    return events.select_related(
        "event_type__parent", "article__source", "location"
    ).prefetch_related(
        Prefetch(
            "participants",
            queryset=Participant.objects.select_related("entity__kind").order_by("role", "id"),
        )
    )


def category_of(event_type) -> int:
    return event_type.parent_id or event_type.pk


def event_candidate(event: Event, entities: dict[int, str]) -> Candidate:
    return Candidate(
        key=f"event-{event.pk}",
        type_id=event.event_type_id,
        category_id=category_of(event.event_type),
        type_label=str(event.event_type),
        lower=event.date_lower,
        upper=event.date_upper,
        date_label=event.date_display,
        participants=entities,
        event_ids=frozenset({event.pk}),
    )


def entry_candidate(entry: Entry, entities: dict[int, str], event_ids: Iterable[int]) -> Candidate:
    """An entry as matching sees it: its own type and date, and its events together
    (their participants and places, their ids)."""
    return Candidate(
        key=f"entry-{entry.pk}",
        type_id=entry.event_type_id,
        category_id=category_of(entry.event_type),
        type_label=str(entry.event_type),
        lower=entry.date_lower,
        upper=entry.date_upper,
        date_label=entry.date_display,
        participants=entities,
        event_ids=frozenset(event_ids),
    )


def _entities_of(event: Event) -> dict[int, str]:
    """An event's participants and its place, by entity id (from prefetched rows)."""
    entities = {p.entity_id: p.entity.name for p in event.participants.all()}
    if event.location_id is not None:
        entities[event.location_id] = event.location.name
    return entities


@dataclass(frozen=True)
class Suggested:
    """A suggestion on a card: the match, and the event or entry it names."""

    match: Match
    event: Event | None = None
    entry: Entry | None = None

    @property
    def key(self) -> str:
        return self.match.candidate.key

    @property
    def signature(self) -> tuple:
        """What the card shows of it: a change of any part redraws the card's list."""
        version = self.entry.version if self.entry else 0
        return (self.key, self.match.why, version)


@dataclass
class WaitingRow:
    """One card of the curation page: an approved event not yet in an entry."""

    event: Event
    candidate: Candidate
    suggestions: list[Suggested] = field(default_factory=list)

    @property
    def top(self) -> Suggested | None:
        return self.suggestions[0] if self.suggestions else None

    @property
    def signature(self) -> tuple:
        return tuple(suggested.signature for suggested in self.suggestions)


def _windows(candidates: Sequence[Candidate], *, prefix: str = "") -> Q:
    """Rows whose dates come within a day of one of ``candidates``' and whose type is in
    its category: a superset of what matching accepts, cut in the database."""
    windows = Q(pk__in=[])
    for candidate in candidates:
        if candidate.lower is None:
            continue  # undated: matching suggests nothing for it
        windows |= Q(
            **{
                f"{prefix}date_lower__lte": candidate.upper + TOLERANCE,
                f"{prefix}date_upper__gte": candidate.lower - TOLERANCE,
            }
        ) & (
            Q(**{f"{prefix}event_type": candidate.category_id})
            | Q(**{f"{prefix}event_type__parent": candidate.category_id})
        )
    return windows


def _pool_events(candidates: Sequence[Candidate], entity_ids: set[int]) -> list[Event]:
    shares = Exists(Participant.objects.filter(event=OuterRef("pk"), entity__in=entity_ids)) | Q(
        location__in=entity_ids
    )
    return list(
        waiting_events()
        .filter(_windows(candidates))
        .filter(shares)
        .select_related("event_type__parent", "article__source", "location")
    )


def _pool_entries(candidates: Sequence[Candidate], entity_ids: set[int]) -> list[Entry]:
    taking_part = Q(event__participants__entity__in=entity_ids) | Q(event__location__in=entity_ids)
    shares = Exists(EntryEvent.objects.filter(taking_part, entry=OuterRef("pk")))
    return list(
        Entry.objects.filter(_windows(candidates))
        .filter(shares)
        .select_related("event_type__parent")
        .order_by()
    )


def _participants_by_event(event_ids: Iterable[int]) -> dict[int, dict[int, str]]:
    found: dict[int, dict[int, str]] = defaultdict(dict)
    rows = Participant.objects.filter(event__in=list(event_ids)).values_list(
        "event_id", "entity_id", "entity__name"
    )
    for event_id, entity_id, name in rows:
        found[event_id][entity_id] = name
    return found


def _entries_together(entry_ids: list[int]) -> tuple[dict, dict]:
    """Each entry's events (ids) and their participants and places together."""
    event_ids: dict[int, set[int]] = defaultdict(set)
    entities: dict[int, dict[int, str]] = defaultdict(dict)
    if not entry_ids:
        return event_ids, entities
    held = Event.objects.filter(chronology_entry__entry__in=entry_ids).values_list(
        "chronology_entry__entry", "pk", "location_id", "location__name"
    )
    for entry_id, event_id, location_id, location_name in held:
        event_ids[entry_id].add(event_id)
        if location_id is not None:
            entities[entry_id][location_id] = location_name
    taking = Participant.objects.filter(event__chronology_entry__entry__in=entry_ids).values_list(
        "event__chronology_entry__entry", "entity_id", "entity__name"
    )
    for entry_id, entity_id, name in taking:
        entities[entry_id][entity_id] = name
    return event_ids, entities


def not_same_pairs(event_ids: Iterable[int]) -> set[frozenset[int]]:
    """The pairs a curator called different that involve any of ``event_ids``."""
    ids = list(event_ids)
    rows = NotSameEvent.objects.filter(Q(first__in=ids) | Q(second__in=ids)).values_list(
        "first", "second"
    )
    return {frozenset(pair) for pair in rows}


def waiting_rows(events: Sequence[Event], *, limit: int = SUGGESTIONS_SHOWN) -> list[WaitingRow]:
    """The cards for ``events`` (loaded through ``for_the_page``), each with its best
    suggestions, best first. Six queries, however many events and candidates."""
    rows = [WaitingRow(event, event_candidate(event, _entities_of(event))) for event in events]
    entity_ids = {entity for row in rows for entity in row.candidate.participants}
    if not entity_ids or not any(row.candidate.lower for row in rows):
        return rows
    page = [row.candidate for row in rows]
    pool_events = _pool_events(page, entity_ids)
    pool_entries = _pool_entries(page, entity_ids)
    participants = _participants_by_event(e.pk for e in pool_events)
    held, together = _entries_together([entry.pk for entry in pool_entries])
    named: dict[str, tuple[Event | None, Entry | None]] = {}
    pool = []
    for event in pool_events:
        entities = dict(participants[event.pk])
        if event.location_id is not None:
            entities[event.location_id] = event.location.name
        candidate = event_candidate(event, entities)
        pool.append(candidate)
        named[candidate.key] = (event, None)
    for entry in pool_entries:
        candidate = entry_candidate(entry, together[entry.pk], held[entry.pk])
        pool.append(candidate)
        named[candidate.key] = (None, entry)
    refused = not_same_pairs(event.pk for event in events)
    for row in rows:
        row.suggestions = [
            Suggested(found, *named[found.candidate.key])
            for found in suggestions(row.candidate, pool, not_same=refused, limit=limit)
        ]
    return rows


def similar_entries(entry: Entry, *, limit: int = SUGGESTIONS_SHOWN) -> list[Suggested]:
    """Other entries that may report the same happening as ``entry``: what its page
    offers to merge into it. Four queries."""
    held, together = _entries_together([entry.pk])
    candidate = entry_candidate(entry, together[entry.pk], held[entry.pk])
    if not candidate.participants or candidate.lower is None:
        return []
    pool_entries = [
        other
        for other in _pool_entries([candidate], set(candidate.participants))
        if other.pk != entry.pk
    ]
    held, together = _entries_together([other.pk for other in pool_entries])
    named = {f"entry-{other.pk}": other for other in pool_entries}
    pool = [entry_candidate(other, together[other.pk], held[other.pk]) for other in pool_entries]
    refused = not_same_pairs(candidate.event_ids)
    return [
        Suggested(found, entry=named[found.candidate.key])
        for found in suggestions(candidate, pool, not_same=refused, limit=limit)
    ]
