"""Reads for curation, the public pages and the exports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, RowNumber

from curation.annotations.models import Entity, Event, EventType, Mention, Participant, Status
from curation.chronology.matching import bounds_agree
from curation.chronology.models import Chronology, Entry, EntryEvent


def date_conflict(events: Sequence[Event]) -> bool:
    """Whether the events' dates can't all describe one happening: two of them whose
    bounds don't agree (see matching.bounds_agree). Undated events don't count."""
    dated = [(e.date_lower, e.date_upper) for e in events if e.date_lower is not None]
    return any(not bounds_agree(a, b) for a, b in combinations(dated, 2))


# --- for curators: the entries list and an entry's page ----------------------------------


def conflicted() -> Exists:
    """For a queryset of entries: whether the dates of an entry's events can't all
    describe one happening, decided in the database exactly as ``date_conflict`` decides
    it (two single days a day apart agree; undated events don't count)."""
    single_day = Q(date_lower=F("date_upper"))
    held = Event.objects.filter(chronology_entry__entry=OuterRef(OuterRef("pk")))
    earlier = held.filter(date_upper__lt=OuterRef("date_lower"))
    too_early = earlier.filter(
        ~single_day
        | Q(date_upper__lt=Cast(OuterRef("date_lower") - timedelta(days=1), DateField()))
    )
    later = Event.objects.filter(chronology_entry__entry=OuterRef("pk"), date_lower__isnull=False)
    return Exists(later.filter((single_day & Exists(too_early)) | (~single_day & Exists(earlier))))


def entries_for_curators() -> QuerySet[Entry]:
    """Drafts and published entries with what the list shows: type, chronologies, how
    many events cite them, and whether their sources differ on the date."""
    return (
        Entry.objects.select_related("event_type__parent", "date_confirmed_by")
        .prefetch_related("chronologies")
        .annotate(
            event_count=Count("entry_events", distinct=True),
            sources_differ=conflicted(),
        )
    )


def entry_events(entry: Entry) -> list[Event]:
    """An entry's events in date order, each with its article and source, type, place and
    participants: what its page shows."""
    return list(
        Event.objects.filter(chronology_entry__entry=entry)
        .select_related("article__source", "event_type__parent", "location")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("entity").order_by("role", "id"),
            )
        )
        .order_by(F("date_lower").asc(nulls_last=True), F("date_upper").asc(nulls_last=True), "id")
    )


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
        # Two plain lists of entry ids, each found from the entity's own rows (an index
        # on each): no OR across a join, which PostgreSQL may re-run for every entry.
        cited = EntryEvent.objects.filter(event__status=Status.APPROVED).order_by()
        taking_part = cited.filter(event__participants__entity=entity).values("entry")
        placed = cited.filter(event__location=entity).values("entry")
        entries = entries.filter(Q(pk__in=taking_part) | Q(pk__in=placed))
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
    wikidata_id: str = ""  # for the public page's links and its JSON-LD's sameAs


@dataclass(frozen=True)
class PublicEntry:
    entry: Entry
    citations: list[Citation]
    participants: list[Taking]

    @property
    def source_count(self) -> int:
        return len({citation.source for citation in self.citations})


# A citation whose event a correction sent back to review keeps, for the public, the
# words it had when approved (chronology.corrections), until a curator resolves it.
_HELD_FOR_THE_PUBLIC = ~Q(chronology_entry__approved_quote="")


def _cited(name: str) -> Case:
    """The event's quote, prefix or suffix as the public page cites it."""
    return Case(
        When(_HELD_FOR_THE_PUBLIC, then=F(f"chronology_entry__approved_{name}")),
        default=F(name),
    )


def public_details(entries: Sequence[Entry]) -> list[PublicEntry]:
    """Each entry with its citations (approved events only, quoted with a short context,
    never more of the article) and its participants and places, derived from its events.
    Three queries, however many entries. The events and participants are read as plain
    rows, not model instances: an export reads 10,000 entries through here."""
    ids = [entry.pk for entry in entries]
    events = list(
        Event.objects.filter(chronology_entry__entry__in=ids)
        .filter(Q(status=Status.APPROVED) | _HELD_FOR_THE_PUBLIC)
        .order_by("article__published_on", "pk")
        .values_list(
            "pk",
            "chronology_entry__entry",
            _cited("quote"),
            _cited("prefix"),
            _cited("suffix"),
            "article__title",
            "article__published_on",
            "article__source__name",
            "location",
            "location__name",
            "location__kind__slug",
            "location__kind__name",
            "location__wikidata_id",
        )
    )
    takings = (
        Participant.objects.filter(event__in=[row[0] for row in events])
        .order_by("role", "pk")
        .values_list(
            "event",
            "role",
            "entity",
            "entity__name",
            "entity__kind__slug",
            "entity__kind__name",
            "entity__wikidata_id",
        )
    )
    role_labels = dict(Participant.Role.choices)
    # entry id -> entity id -> (name, kind slug, kind name, wikidata id), [roles]
    roles: dict[int, dict[int, tuple[tuple[str, str, str, str], list[str]]]] = defaultdict(dict)
    entry_of = {row[0]: row[1] for row in events}
    for event_id, role, entity_id, *entity in takings:
        _, found = roles[entry_of[event_id]].setdefault(entity_id, (tuple(entity), []))
        label = role_labels.get(role, role)
        if label not in found:
            found.append(label)
    citations: dict[int, list[Citation]] = defaultdict(list)
    for (
        event_id,
        entry_id,
        quote,
        prefix,
        suffix,
        title,
        published_on,
        source,
        place_id,
        *place,
    ) in events:
        citations[entry_id].append(
            Citation(
                event_id=event_id,
                source=source or "Unknown source",
                article_title=title,
                published_on=published_on,
                before=prefix,
                quote=quote,
                after=suffix,
            )
        )
        if place_id is not None:
            _, found = roles[entry_id].setdefault(place_id, (tuple(place), []))
            if "Place" not in found:
                found.append("Place")
    return [
        PublicEntry(
            entry=entry,
            citations=citations[entry.pk],
            participants=sorted(
                (
                    Taking(pk, name, kind_slug, kind_name, tuple(found), wikidata_id)
                    for pk, ((name, kind_slug, kind_name, wikidata_id), found) in roles[
                        entry.pk
                    ].items()
                ),
                key=lambda taking: taking.name.casefold(),
            ),
        )
        for entry in entries
    ]


# --- the public pages: the index, the filters' choices, an entity's appearances ----------


def public_chronologies() -> QuerySet[Chronology]:
    """Public chronologies with their published entries' count and the EDTF dates of the
    first and the last of them in the public order. One query."""
    links = Entry.chronologies.through.objects.filter(
        chronology=OuterRef("pk"), entry__status=Entry.Status.PUBLISHED
    )
    dated = Entry.objects.filter(
        chronologies=OuterRef("pk"), status=Entry.Status.PUBLISHED, date_lower__isnull=False
    )
    last_first = [F("date_lower").desc(), F("date_days").desc(), F("date_upper").desc(), "-id"]
    return Chronology.objects.filter(is_public=True).annotate(
        entry_count=Coalesce(
            Subquery(links.order_by().values("chronology").annotate(n=Count("pk")).values("n")[:1]),
            0,
        ),
        first_date=Subquery(dated.order_by(*Entry._meta.ordering).values("date")[:1]),
        last_date=Subquery(dated.order_by(*last_first).values("date")[:1]),
    )


def _published_events(chronology: Chronology) -> QuerySet[Event]:
    """The approved events that the chronology's published entries cite, as joins from
    the events (not nested IN lists, which SQLite reads once per use)."""
    return Event.objects.filter(
        status=Status.APPROVED,
        chronology_entry__entry__chronologies=chronology,
        chronology_entry__entry__status=Entry.Status.PUBLISHED,
    ).order_by()


def chronology_entities(chronology: Chronology) -> QuerySet[Entity]:
    """The entities taking part in the chronology's published entries (participants and
    places of their approved events), by name: the choices of the entity filter. One
    query; the two sources of ids are one UNION, so each is read once."""
    events = _published_events(chronology)
    participants = (
        Participant.objects.filter(
            event__status=Status.APPROVED,
            event__chronology_entry__entry__chronologies=chronology,
            event__chronology_entry__entry__status=Entry.Status.PUBLISHED,
        )
        .order_by()
        .values_list("entity", flat=True)
    )
    places = events.filter(location__isnull=False).values_list("location", flat=True)
    return (
        Entity.objects.filter(pk__in=participants.union(places))
        .select_related("kind")
        .only("name", "kind__name", "kind__slug")
        .order_by("name", "id")
    )


def takes_part(chronology: Chronology, entity_id: int) -> bool:
    """Whether the entity is a participant or the place of an approved event of one of
    the chronology's published entries. One query, from the entity's own rows."""
    events = _published_events(chronology)
    participants = Participant.objects.filter(
        entity=OuterRef("pk"),
        event__status=Status.APPROVED,
        event__chronology_entry__entry__chronologies=chronology,
        event__chronology_entry__entry__status=Entry.Status.PUBLISHED,
    )
    return (
        Entity.objects.filter(pk=entity_id)
        .filter(Exists(participants) | Exists(events.filter(location=OuterRef("pk"))))
        .exists()
    )


def chronology_event_types(chronology: Chronology) -> list[EventType]:
    """The types of the chronology's published entries, and their parents (a parent's
    filter takes in its subtypes): the choices of the type filter. Two queries: the
    types used, then the types themselves (a short table), picked here."""
    used = set(
        Entry.objects.filter(chronologies=chronology, status=Entry.Status.PUBLISHED)
        .order_by()
        .values_list("event_type", flat=True)
        .distinct()
    )
    types = list(
        EventType.objects.select_related("parent").order_by(
            Coalesce("parent__name", "name"), F("parent_id").asc(nulls_first=True), "name"
        )
    )
    parents = {kind.parent_id for kind in types if kind.pk in used}
    return [kind for kind in types if kind.pk in used or kind.pk in parents]


@dataclass(frozen=True)
class Appearance:
    """A published entry an entity takes part in, with its roles there and its place in
    the chronology's list filtered by that entity (1 is the first)."""

    entry: Entry
    roles: tuple[str, ...]
    position: int


@dataclass(frozen=True)
class Appearances:
    chronology: Chronology
    total: int  # entries of the chronology the entity takes part in
    entries: list[Appearance]


def entity_appearances(
    entity: Entity, *, include_private: bool = False, per_chronology: int = 50
) -> list[Appearances]:
    """The published entries ``entity`` takes part in (as a participant or the place of an
    approved event), grouped by chronology (by title; public ones only unless
    ``include_private``), the first ``per_chronology`` of each in the public order, with
    how many there are in all. Three queries, however many entries."""
    events = Event.objects.filter(status=Status.APPROVED).filter(
        Q(participants__entity=entity) | Q(location=entity)
    )
    taking_part = EntryEvent.objects.filter(event__in=events).order_by().values("entry")
    links = Entry.chronologies.through.objects.filter(
        entry__status=Entry.Status.PUBLISHED, entry__in=taking_part
    )
    if not include_private:
        links = links.filter(chronology__is_public=True)
    in_order = [
        F("entry__date_lower").asc(nulls_last=True),
        F("entry__date_days").asc(),
        F("entry__date_upper").asc(),
        F("entry_id").asc(),
    ]
    links = list(
        links.annotate(
            position=Window(RowNumber(), partition_by=F("chronology_id"), order_by=in_order),
            total=Window(Count("pk"), partition_by=F("chronology_id")),
        )
        .filter(position__lte=per_chronology)
        .select_related("chronology", "entry__event_type__parent")
        .order_by("chronology__title", "chronology_id", "position")
    )
    ids = {link.entry_id for link in links}
    roles: dict[int, list[str]] = defaultdict(list)
    takings = (
        Participant.objects.filter(
            entity=entity, event__status=Status.APPROVED, event__chronology_entry__entry__in=ids
        )
        .values_list("event__chronology_entry__entry", "role")
        .order_by("role")
        .distinct()
    )
    labels = dict(Participant.Role.choices)
    for entry_id, role in takings:
        roles[entry_id].append(labels.get(role, role))
    places = Event.objects.filter(
        location=entity, status=Status.APPROVED, chronology_entry__entry__in=ids
    ).values_list("chronology_entry__entry", flat=True)
    for entry_id in set(places):
        roles[entry_id].append("Place")
    grouped: list[Appearances] = []
    for link in links:
        if not grouped or grouped[-1].chronology.pk != link.chronology_id:
            grouped.append(Appearances(link.chronology, link.total, []))
        grouped[-1].entries.append(
            Appearance(link.entry, tuple(roles[link.entry_id]), link.position)
        )
    return grouped


# --- the exports: batches of published entries, the feed, the Web Annotations -------------

EXPORT_BATCH_SIZE = 500
"""Entries read per batch when an export streams: three queries per batch."""


def published_entry_dates(chronology: Chronology) -> list[tuple[int, str]]:
    """(id, EDTF date) of each published entry, in the public order: ids and short strings
    only, so an export can plan its batches (and count what it leaves out) before it reads
    any entry in full. One query."""
    return list(published_entries(chronology).values_list("pk", "date"))


def event_types_by_id() -> dict[int, EventType]:
    """Every event type with its parent, by id: a stream reads them once and shares them
    among its entries, rather than making two more objects for each entry. One query."""
    return EventType.objects.select_related("parent").in_bulk()


def public_entries_in(
    chronology: Chronology,
    ids: Sequence[int],
    *,
    event_types: dict[int, EventType] | None = None,
) -> list[PublicEntry]:
    """The published entries among ``ids`` with their details, in the order of ``ids``.
    An entry unpublished since the ids were read is left out. Three queries. With
    ``event_types`` (``event_types_by_id``), the entries' types are taken from it."""
    entries = published_entries(chronology).filter(pk__in=ids)
    if event_types is not None:
        entries = entries.select_related(None)
    found = {entry.pk: entry for entry in entries}
    if event_types is not None:
        for entry in found.values():
            entry.event_type = event_types[entry.event_type_id]
    return public_details([found[pk] for pk in ids if pk in found])


def feed_entries(chronology: Chronology, *, limit: int = 50) -> list[PublicEntry]:
    """The last ``limit`` entries published in the chronology, newest first. Three queries."""
    newest = published_entries(chronology).order_by(F("published_at").desc(nulls_last=True), "-pk")
    entries = newest[:limit]
    return public_details(list(entries))


def _annotation_events(events: QuerySet[Event]) -> QuerySet[Event]:
    """Approved events with what an annotation of them says, and of their article only
    the URL and import time (never the body)."""
    return (
        events.filter(status=Status.APPROVED, start__isnull=False)  # orphans have no place
        .select_related("article", "event_type__parent", "location__kind")
        .only(
            "start",
            "end",
            "quote",
            "prefix",
            "suffix",
            "headline",
            "date",
            "created_at",
            "article__url",
            "article__imported_at",
            "event_type__name",
            "event_type__parent__name",
            "location__name",
            "location__wikidata_id",
            "location__kind__name",
        )
        .order_by("article_id", "start", "pk")
    )


def chronology_annotation_events(chronology: Chronology) -> QuerySet[Event]:
    """The approved events cited by the chronology's published entries, by article and
    position: what its public page quotes, and nothing more of the articles."""
    entries = published_entries(chronology).order_by()
    return _annotation_events(Event.objects.filter(chronology_entry__entry__in=entries))


def article_annotation_events(article_id: int) -> QuerySet[Event]:
    """An article's approved events, by position."""
    return _annotation_events(Event.objects.filter(article_id=article_id))


def article_annotation_mentions(article_id: int) -> QuerySet[Mention]:
    """An article's approved mentions with their entities, by position."""
    return (
        Mention.objects.filter(article_id=article_id, status=Status.APPROVED, start__isnull=False)
        .select_related("entity__kind")
        .only(
            "article_id",
            "start",
            "end",
            "quote",
            "prefix",
            "suffix",
            "created_at",
            "entity__name",
            "entity__wikidata_id",
            "entity__kind__name",
        )
        .order_by("start", "pk")
    )


@dataclass(frozen=True)
class Tag:
    """An entity named in an annotation: a participant or place of an event, or the
    entity a mention names."""

    name: str
    kind: str
    wikidata_id: str


def event_tags(events: Sequence[Event]) -> dict[int, list[Tag]]:
    """Each event's participants and then its place, by event id; ``events`` come from
    the queries above (their places already read). One query."""
    tags: dict[int, list[Tag]] = defaultdict(list)
    if not events:
        return tags
    takings = (
        Participant.objects.filter(event__in=[event.pk for event in events])
        .select_related("entity__kind")
        .only("event_id", "entity__name", "entity__wikidata_id", "entity__kind__name")
        .order_by("event_id", "role", "pk")
    )
    for taking in takings:
        entity = taking.entity
        tag = Tag(entity.name, entity.kind.name, entity.wikidata_id)
        if tag not in tags[taking.event_id]:
            tags[taking.event_id].append(tag)
    for event in events:
        if event.location is not None:
            place = event.location
            tag = Tag(place.name, place.kind.name, place.wikidata_id)
            if tag not in tags[event.pk]:
                tags[event.pk].append(tag)
    return tags
