"""Reads for curation, the public pages and the exports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from curation.annotations.models import Event, Participant, Status
from curation.chronology.matching import bounds_agree
from curation.chronology.models import Chronology, Entry, EntryEvent


def date_conflict(events: Sequence[Event]) -> bool:
    """Whether the events' dates can't all describe one happening: two of them whose
    bounds don't agree (see matching.bounds_agree). Undated events don't count."""
    dated = [(e.date_lower, e.date_upper) for e in events if e.date_lower is not None]
    return any(not bounds_agree(a, b) for a, b in combinations(dated, 2))


# --- published entries, for the public pages and the exports -----------------------------


def published_entries(chronology: Chronology) -> QuerySet[Entry]:
    """A chronology's published entries, in the order events are ordered (earlier start,
    shorter span, earlier end; undated last)."""
    return (
        chronology.entries.filter(status=Entry.Status.PUBLISHED)
        .select_related("event_type__parent")
        .order_by(*Entry._meta.ordering)
    )


def filter_entries(
    entries: QuerySet[Entry],
    *,
    entity: int | None = None,
    event_type: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[Entry]:
    """Entries taking part of ``entity`` (as participant or place), of ``event_type`` or
    its subtypes, and whose dates touch [date_from, date_to]."""
    if entity is not None:
        approved = Event.objects.filter(status=Status.APPROVED)
        by_entity = approved.filter(Q(participants__entity=entity) | Q(location=entity))
        entries = entries.filter(
            Exists(EntryEvent.objects.filter(entry=OuterRef("pk"), event__in=by_entity))
        )
    if event_type is not None:
        entries = entries.filter(Q(event_type=event_type) | Q(event_type__parent=event_type))
    if date_from is not None:
        entries = entries.filter(date_upper__gte=date_from)
    if date_to is not None:
        entries = entries.filter(date_lower__lte=date_to)
    return entries


@dataclass(frozen=True)
class Citation:
    event_id: int
    source: str
    article_title: str
    published_on: date | None
    before: str
    quote: str
    after: str


@dataclass(frozen=True)
class Taking:
    """An entity taking part in an entry, with its roles across the entry's events."""

    entity_id: int
    name: str
    kind_slug: str
    kind_name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class PublicEntry:
    entry: Entry
    citations: list[Citation]
    participants: list[Taking]

    @property
    def source_count(self) -> int:
        return len({citation.source for citation in self.citations})


def public_details(entries: Sequence[Entry]) -> list[PublicEntry]:
    """Each entry with its citations (approved events only, quoted with a short context,
    never more of the article) and its participants and places, derived from its events.
    Three queries, however many entries."""
    ids = [entry.pk for entry in entries]
    events = list(
        Event.objects.filter(chronology_entry__entry__in=ids, status=Status.APPROVED)
        .select_related("article__source", "location__kind")
        .only(
            "quote",
            "prefix",
            "suffix",
            "location__name",
            "location__kind__slug",
            "location__kind__name",
            "article__title",
            "article__published_on",
            "article__source__name",
        )
        .annotate(entry_id=F("chronology_entry__entry"))
        .order_by("article__published_on", "pk")
    )
    takings = (
        Participant.objects.filter(event__in=[event.pk for event in events])
        .select_related("entity__kind")
        .only("event_id", "role", "entity__name", "entity__kind__slug", "entity__kind__name")
    )
    roles: dict[int, dict[int, tuple[object, list[str]]]] = defaultdict(dict)
    entry_of = {event.pk: event.entry_id for event in events}
    for taking in takings:
        entity, found = roles[entry_of[taking.event_id]].setdefault(
            taking.entity_id, (taking.entity, [])
        )
        if taking.get_role_display() not in found:
            found.append(taking.get_role_display())
    citations: dict[int, list[Citation]] = defaultdict(list)
    for event in events:
        citations[event.entry_id].append(
            Citation(
                event_id=event.pk,
                source=event.article.source.name if event.article.source else "Unknown source",
                article_title=event.article.title,
                published_on=event.article.published_on,
                before=event.prefix,
                quote=event.quote,
                after=event.suffix,
            )
        )
        if event.location is not None:
            entity, found = roles[event.entry_id].setdefault(
                event.location_id, (event.location, [])
            )
            if "Place" not in found:
                found.append("Place")
    return [
        PublicEntry(
            entry=entry,
            citations=citations[entry.pk],
            participants=sorted(
                (
                    Taking(pk, entity.name, entity.kind.slug, entity.kind.name, tuple(found))
                    for pk, (entity, found) in roles[entry.pk].items()
                ),
                key=lambda taking: taking.name.casefold(),
            ),
        )
        for entry in entries
    ]
