"""Reads for the exports and the API: every published entry of a chronology as a
stream, a page of entries, the feed's newest entries, and the approved events and
mentions as Web Annotations. The public page's reads are in ``selectors``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import batched
from operator import attrgetter, itemgetter
from typing import NamedTuple

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from curation.annotations.models import Event, EventType, Mention, Participant, Status
from curation.chronology.models import Chronology, Entry, EntryEvent
from curation.chronology.selectors import (
    Citation,
    PublicEntry,
    Taking,
    details_by_entry,
    entry_details,
    public_details,
    published_entries,
)

EXPORT_BATCH_SIZE = 500
"""Entries written per piece of a streamed export."""


class ExportedEntry(NamedTuple):
    """What the streamed exports write of an entry (besides its citations and
    participants), with the names ``Entry`` gives them: read as plain rows, because an
    export reads thousands and a model instance costs several times more."""

    pk: int
    slug: str
    date: str
    headline: str
    description: str
    event_type: EventType
    updated_at: datetime | None = None  # (read only for the calendar: ``stamped``)

    date_display = property(Entry.date_display.fget)


def published_entry_dates(chronology: Chronology) -> list[tuple[int, str]]:
    """(id, EDTF date) of each published entry, in the public order: ids and short strings
    only, so an export can count what it leaves out before it reads any entry in full.
    One query."""
    return list(published_entries(chronology).values_list("pk", "date"))


def event_types_by_id() -> dict[int, EventType]:
    """Every event type with its parent, by id: the entries of a stream share them,
    rather than making two more objects for each entry. One query."""
    return EventType.objects.select_related("parent").in_bulk()


def export_entries(chronology: Chronology, *, stamped: bool = False) -> Iterator[list[PublicEntry]]:
    """Every published entry of the chronology with its details, in the public order,
    ``EXPORT_BATCH_SIZE`` at a time. Six queries in all, however long the chronology:
    the event types, the citations and participants of every entry (``details_by_entry``:
    short rows, held while the stream runs), then the entries, read chunk by chunk as
    they are written.
    An entry published after the details were read is written without citations.
    ``stamped`` reads when each entry last changed (``updated_at``, else None): only the
    calendar says it, and turning 10,000 stored times into datetimes costs."""
    published = published_entries(chronology)
    event_types = event_types_by_id()
    citations, participants = details_by_entry(published.order_by().values("pk"))
    fields = ["pk", "slug", "date", "headline", "description", "event_type"]
    rows = published.values_list(*fields, *(["updated_at"] if stamped else [])).iterator(
        chunk_size=EXPORT_BATCH_SIZE
    )
    for batch in batched(rows, EXPORT_BATCH_SIZE):
        entries = [
            ExportedEntry(pk, slug, date, headline, description, event_types[type_id], *updated)
            for pk, slug, date, headline, description, type_id, *updated in batch
        ]
        yield [
            PublicEntry(entry, citations.get(entry.pk, []), participants.get(entry.pk, []))
            for entry in entries
        ]


def summarised_entries[Summary](
    chronology: Chronology, summarise: Callable[[list[Citation], list[Taking]], Summary]
) -> Iterator[list[tuple[str, str, str, Summary]]]:
    """(date, headline, type, summary) of every published entry of the chronology, in
    the public order, ``EXPORT_BATCH_SIZE`` at a time: what a table of entries shows.
    The type is its name ("Parent › Type"). The summary is ``summarise(citations,
    participants)``, made as each entry's details are read, so that the stream holds
    only the summaries (an entry published after they were read has the summary of no
    details). The same six queries as ``export_entries``, in the same order."""
    published = published_entries(chronology)
    type_names = {pk: str(event_type) for pk, event_type in event_types_by_id().items()}
    summaries = {
        entry_id: summarise(citations, participants)
        for entry_id, citations, participants in entry_details(
            published.order_by().values("pk"), contexts=False
        )
    }
    no_details = summarise([], [])
    rows = published.values_list("pk", "date", "headline", "event_type").iterator(
        chunk_size=EXPORT_BATCH_SIZE
    )
    for batch in batched(rows, EXPORT_BATCH_SIZE):
        yield [
            (date, headline, type_names[type_id], summaries.get(pk, no_details))
            for pk, date, headline, type_id in batch
        ]


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


class EventRow(NamedTuple):
    """An approved event as its annotation says it, with its article's URL and import
    time (never its body): read as a plain row, as an export reads thousands."""

    pk: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    headline: str
    date: str
    created_at: datetime
    article_id: int
    url: str
    imported_at: datetime
    type_name: str
    type_parent_name: str | None
    location_name: str | None
    location_wikidata_id: str | None
    location_kind_name: str | None

    @property
    def type_label(self) -> str:
        return EventType.label(self.type_name, self.type_parent_name)


_EVENT_ROW = (
    "pk",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "headline",
    "date",
    "created_at",
    "article_id",
    "article__url",
    "article__imported_at",
    "event_type__name",
    "event_type__parent__name",
    "location__name",
    "location__wikidata_id",
    "location__kind__name",
)


def _annotation_events(events: QuerySet[Event]) -> QuerySet:
    """Approved events as ``event_rows`` reads them (tuples of ``EventRow``'s fields), by
    article and position."""
    approved = events.filter(status=Status.APPROVED, start__isnull=False)  # orphans: no place
    return _as_event_rows(approved)


def _as_event_rows(events: QuerySet[Event]) -> QuerySet:
    return events.values_list(*_EVENT_ROW).order_by("article_id", "start", "pk")


def event_rows(rows: Iterable[tuple]) -> list[EventRow]:
    """The rows of a query above (or a slice or batch of it) as ``EventRow``s."""
    return [EventRow._make(row) for row in rows]


def chronology_annotation_event_ids(
    chronology: Chronology, *, after: tuple[int, ...] | None = None
) -> QuerySet:
    """The ids of the approved events cited by the chronology's published entries, by
    article and position: what its public page quotes, and nothing more of the articles.
    ``after``: only those after that place (article, start, event id).

    A page of them is found here, from an index that holds all this reads ((status,
    article, start)), each event checked against the entries as it is met, and then
    read in full (``annotation_events_of``): with the full rows' five joins, skipping to
    the 40th page of 20,000 took 100 ms, against 25; with the published entries' ids
    gathered first, every page gathered all 20,000 of them."""
    cited = EntryEvent.objects.filter(
        event=OuterRef("pk"),
        entry__status=Entry.Status.PUBLISHED,
        entry__chronologies=chronology,
    )
    events = Event.objects.filter(Exists(cited), status=Status.APPROVED, start__isnull=False)
    if after is not None:
        article_id, start, pk = after
        # the first condition lets the index start at the article; the others find the
        # place within it
        events = events.filter(article_id__gte=article_id).filter(
            Q(article_id__gt=article_id) | Q(start__gt=start) | Q(start=start, pk__gt=pk)
        )
    return events.order_by("article_id", "start", "pk").values_list("pk", flat=True)


def annotation_events_of(ids: QuerySet) -> list[EventRow]:
    """The events of ``ids``, a slice of ``chronology_annotation_event_ids`` (a subquery
    of the same statement), as ``EventRow``s in its order. Its filters are not asked
    again: with them, SQLite walked every approved event of the desk through the
    (status, article, start) index to find the page's 500, rather than looking each up
    by id."""
    return event_rows(_as_event_rows(Event.objects.filter(pk__in=ids)))


def article_annotation_events(article_id: int) -> QuerySet:
    """An article's approved events, by position."""
    return _annotation_events(Event.objects.filter(article_id=article_id))


_MENTION_FIELDS = (
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


def article_annotation_mentions(article_id: int) -> QuerySet[Mention]:
    """An article's approved mentions with their entities, by position."""
    return (
        Mention.objects.filter(article_id=article_id, status=Status.APPROVED, start__isnull=False)
        .select_related("entity__kind")
        .only(*_MENTION_FIELDS)
        .order_by("start", "pk")
    )


@dataclass(frozen=True)
class Tag:
    """An entity named in an annotation: a participant or place of an event, or the
    entity a mention names."""

    name: str
    kind: str
    wikidata_id: str


def event_tags(events: Sequence[EventRow]) -> dict[int, list[Tag]]:
    """Each event's participants and then its place, by event id. One query."""
    tags: dict[int, list[Tag]] = defaultdict(list)
    if not events:
        return tags
    takings = (
        Participant.objects.filter(event__in=[event.pk for event in events])
        .values_list("event_id", "entity__name", "entity__kind__name", "entity__wikidata_id")
        .order_by("event_id", "role", "pk")
    )
    for event_id, *named in takings:
        tag = Tag(*named)
        if tag not in tags[event_id]:
            tags[event_id].append(tag)
    for event in events:
        if event.location_name is not None:
            tag = Tag(event.location_name, event.location_kind_name, event.location_wikidata_id)
            if tag not in tags[event.pk]:
                tags[event.pk].append(tag)
    return tags


def all_annotation_events() -> QuerySet:
    """Every article's approved events, as an annotation says them (rows: ``event_rows``)."""
    return _annotation_events(Event.objects.all())


def all_annotation_event_rows(batch_size: int) -> Iterator[list[EventRow]]:
    """Every article's approved events as ``EventRow``s, ``batch_size`` at a time."""
    for batch in in_batches(all_annotation_events(), batch_size, pk_of=itemgetter(0)):
        yield event_rows(batch)


class MentionRow(NamedTuple):
    """An approved mention as its annotation says it, with its article's URL."""

    pk: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    created_at: datetime
    entity_name: str
    wikidata_id: str
    kind_name: str
    article_id: int
    url: str
    imported_at: datetime


def all_annotation_mentions(batch_size: int) -> Iterator[list[MentionRow]]:
    """Every article's approved mentions as ``MentionRow``s, ``batch_size`` at a time:
    for ten thousand of them, building model instances took longer than writing the
    annotations."""
    rows = Mention.objects.filter(status=Status.APPROVED, start__isnull=False).values_list(
        *_MENTION_ROW
    )
    for batch in in_batches(rows, batch_size, pk_of=itemgetter(0)):
        yield [MentionRow._make(row) for row in batch]


# MentionRow's fields: the mention's id, what the per-article read takes (but its
# article's id, which comes after), then the article's id, URL and import time.
_MENTION_ROW = (
    "pk",
    *_MENTION_FIELDS[1:],
    "article_id",
    "article__url",
    "article__imported_at",
)


def in_batches(items: QuerySet, size: int, *, pk_of: Callable = attrgetter("pk")) -> Iterator[list]:
    """``items`` by id, ``size`` at a time: each batch one query that starts after the
    last id of the one before, so memory holds one batch however many there are."""
    last = 0
    while batch := list(items.filter(pk__gt=last).order_by("pk")[:size]):
        yield batch
        last = pk_of(batch[-1])
