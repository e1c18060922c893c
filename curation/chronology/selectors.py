"""Reads for curation and the public pages, and the citations and participants of
published entries that the exports read too (``export_reads``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import batched, combinations, groupby
from operator import itemgetter
from typing import NamedTuple

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
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, RowNumber

from curation.annotations.models import Entity, Event, EventType, Participant, Status
from curation.articles.models import Article
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


# Citations, takings and public entries are named tuples: an export makes tens of
# thousands of them, and a tuple is made several times faster than a frozen dataclass.


class Citation(NamedTuple):
    event_id: int
    source: str
    article_title: str
    published_on: date | None
    before: str
    quote: str
    after: str


class Taking(NamedTuple):
    """An entity taking part in an entry, with its roles across the entry's events."""

    entity_id: int
    name: str
    kind_slug: str
    kind_name: str
    roles: tuple[str, ...]
    wikidata_id: str = ""  # for the public page's links and its JSON-LD's sameAs


class PublicEntry(NamedTuple):
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


def _cited_by(entries, *, through: str = "") -> Q:
    """The events that ``entries`` cite to the public, as seen from a model ``through``
    a relation to Event ("event__" from Participant): approved ones, and ones a
    correction sent back to review, which keep their approved words (``_cited``)."""
    return Q(**{f"{through}chronology_entry__entry__in": entries}) & (
        Q(**{f"{through}status": Status.APPROVED})
        | ~Q(**{f"{through}chronology_entry__approved_quote": ""})
    )


def citing_events(entries) -> QuerySet[Event]:
    """The events that entries cite to the public (``_cited_by``). ``entries`` is a list
    of entry ids or a queryset of entries."""
    return Event.objects.filter(_cited_by(entries))


ROWS_PER_LOOKUP = 5_000
"""Ids sent in one ``pk IN (…)``: far below SQLite's limit on a statement's parameters."""


def _rows_of(model, ids: set[int], *fields: str) -> Iterator[tuple]:
    """``fields`` of the rows of ``model`` with those ids: one query for each
    ``ROWS_PER_LOOKUP`` ids (a list of ids is much faster here than a subquery)."""
    for chunk in batched(sorted(ids), ROWS_PER_LOOKUP):
        yield from model.objects.filter(pk__in=chunk).values_list(*fields)


def _add_role(by_entity: dict[int, list[str]], entity_id: int, label: str) -> None:
    found = by_entity.get(entity_id)
    if found is None:
        by_entity[entity_id] = [label]
    elif label not in found:
        found.append(label)


def entry_details(
    entries, *, contexts: bool = True
) -> Iterator[tuple[int, list[Citation], list[Taking]]]:
    """The citations (quoted with a short context, never more of the article; with
    ``contexts`` off, ``before`` and ``after`` are left empty) and the participants and
    places (from the events, with their roles) of each of ``entries`` (entry ids, or a
    queryset of entries) that cites an event, one entry at a time by id.

    Four queries, however many entries (unless they name over ``ROWS_PER_LOOKUP``
    articles or entities): the events and their participants as narrow rows of ids and
    quotes, then the articles and entities they name, each once. An export reads every
    entry of a chronology through here, so nothing is a model instance, no row repeats
    what another row already said, and an entry's details are made only when the caller
    comes to it: a caller that keeps a summary of each never holds them all."""
    context = [_cited("prefix"), _cited("suffix")] if contexts else [Value(""), Value("")]
    rows = list(
        citing_events(entries)
        .order_by("chronology_entry__entry_id", "article__published_on", "pk")
        .values_list(
            "pk", "chronology_entry__entry", _cited("quote"), *context, "article", "location"
        )
    )
    takings = list(
        # A join, not "event IN (the events above)": PostgreSQL ran that as a subplan per
        # participant, for minutes on a chronology of a few hundred entries.
        Participant.objects.filter(_cited_by(entries, through="event__"))
        .order_by("event__chronology_entry__entry_id", "role", "pk")
        .values_list("event__chronology_entry__entry", "event", "role", "entity")
    )
    articles = {
        pk: (source or "Unknown source", title, published_on)
        for pk, title, published_on, source in _rows_of(
            Article, {row[5] for row in rows}, "pk", "title", "published_on", "source__name"
        )
    }
    named = {row[6] for row in rows if row[6] is not None} | {row[3] for row in takings}
    entities = {
        pk: entity
        for pk, *entity in _rows_of(
            Entity, named, "pk", "name", "kind__slug", "kind__name", "wikidata_id"
        )
    }
    by_name = {pk: entity[0].casefold() for pk, entity in entities.items()}
    role_labels = dict(Participant.Role.choices)
    entry_of = {row[0]: row[1] for row in rows}
    takings_by_entry = groupby(takings, itemgetter(0))
    next_takings = next(takings_by_entry, None)
    for entry_id, events in groupby(rows, itemgetter(1)):
        citations, places = [], []
        for event_id, _, quote, prefix, suffix, article_id, place_id in events:
            source, title, published_on = articles[article_id]
            citations.append(Citation(event_id, source, title, published_on, prefix, quote, suffix))
            if place_id is not None:
                places.append(place_id)
        roles: dict[int, list[str]] = {}  # entity id -> roles, in the order they are found
        while next_takings is not None and next_takings[0] < entry_id:
            next_takings = next(takings_by_entry, None)
        if next_takings is not None and next_takings[0] == entry_id:
            for _, event_id, role, entity_id in next_takings[1]:
                # (an event or entity that changed between the queries is left out)
                if entry_of.get(event_id) == entry_id and entity_id in entities:
                    _add_role(roles, entity_id, role_labels.get(role, role))
        for place_id in places:
            if place_id in entities:
                _add_role(roles, place_id, "Place")
        takes = []
        for pk in sorted(roles, key=by_name.__getitem__):
            name, kind_slug, kind_name, wikidata_id = entities[pk]
            takes.append(Taking(pk, name, kind_slug, kind_name, tuple(roles[pk]), wikidata_id))
        yield entry_id, citations, takes


def details_by_entry(entries) -> tuple[dict[int, list[Citation]], dict[int, list[Taking]]]:
    """The citations and the participants of ``entries`` (``entry_details``), by entry id."""
    citations, participants = {}, {}
    for entry_id, cited, taking_part in entry_details(entries):
        citations[entry_id] = cited
        participants[entry_id] = taking_part
    return citations, participants


def public_details(entries: Sequence[Entry]) -> list[PublicEntry]:
    """Each entry with its citations and participants (``details_by_entry``). Four
    queries, however many entries."""
    citations, participants = details_by_entry([entry.pk for entry in entries])
    return [
        PublicEntry(entry, citations.get(entry.pk, []), participants.get(entry.pk, []))
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


def chronology_entities(chronology: Chronology) -> list[Entity]:
    """The entities taking part in the chronology's published entries (participants and
    places of their approved events), by name: the choices of the entity filter. Two
    queries: the ids (the two sources as one UNION), then the entities. Not one query
    with "id IN (the UNION)": PostgreSQL sometimes planned that to run for minutes."""
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
    ids = sorted(set(participants.union(places).order_by()))
    entities = [
        entity
        for chunk in batched(ids, ROWS_PER_LOOKUP)
        for entity in Entity.objects.filter(pk__in=chunk)
        .select_related("kind")
        .only("name", "kind__name", "kind__slug")
    ]
    return sorted(entities, key=lambda entity: (entity.name, entity.pk))


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
