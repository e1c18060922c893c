"""Reads of an article's events for the workspace: the events list in date order and
where a new event goes in it, the event form's choices (event types, the entities of the
passage's sentence, the dates found there)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from django.db.models import Prefetch, Q, QuerySet

from curation.annotations.attribution import in_attribution
from curation.annotations.models import (
    Entity,
    Event,
    EventType,
    Mention,
    Participant,
    event_sort_key,
)
from curation.annotations.spans import sentence_around
from curation.articles.models import Article
from curation.temporal import display, find_dates

if TYPE_CHECKING:
    from curation.annotations.selectors import MentionSummary


def article_events(article: Article) -> list[Event]:
    """The article's placed events (not orphans) in date order (undated last), with what
    the panel shows, and the chronology entry each is in, if any (through the reverse
    relation by name: annotations imports nothing of chronology; a join, so no query
    more)."""
    return _events_by_date(Event.objects.filter(article=article, start__isnull=False))


def listed_event(pk: int) -> Event:
    """One event with what its item in the events list shows (two queries)."""
    return _events_by_date(Event.objects.filter(pk=pk))[0]


class EventPlace(NamedTuple):
    count: int  # the article's placed events, the new one among them
    before: int | None  # the event the new one is listed before; None: it is the last


def event_place(event: Event) -> EventPlace:
    """Where a placed event goes in its article's events list (``article_events``'
    order), from the other events' dates alone: one query of two columns, where
    reading the list again would read each event's type, place and participants."""
    others = (
        Event.objects.filter(article_id=event.article_id, start__isnull=False)
        .exclude(pk=event.pk)
        .values_list("pk", "date")
    )
    own = event.sort_key
    count, later = 1, []
    for pk, date in others:
        count += 1
        key = event_sort_key(date, pk)
        if key > own:
            later.append((key, pk))
    return EventPlace(count, min(later)[1] if later else None)


def placed_event_count(article_id: int) -> int:
    """How many events the article's events list shows (its events on their words)."""
    return Event.objects.filter(article_id=article_id, start__isnull=False).count()


def _events_by_date(events: QuerySet[Event]) -> list[Event]:
    events = events.select_related(
        "event_type__parent", "location", "reviewed_by", "chronology_entry__entry"
    ).prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related("entity__kind"))
    )
    return sorted(events, key=lambda event: event.sort_key)


class EventsAndOrphans(NamedTuple):
    events: list[Event]  # placed, as article_events reads them
    has_orphans: bool  # of these events, or of ``summary``'s mentions


def events_and_orphans(article: Article, summary: MentionSummary) -> EventsAndOrphans:
    """``article_events``, in its same queries, which also read the orphaned events and
    set them aside: then the workspace reads the orphans themselves
    (``article_orphans``) only when the article has some, which it seldom does."""
    events = _events_by_date(Event.objects.filter(article=article))
    placed = [event for event in events if event.start is not None]
    return EventsAndOrphans(placed, bool(summary.orphaned) or len(placed) < len(events))


@dataclass(frozen=True)
class DateSuggestion:
    value: str | None  # EDTF, or None when the phrase needs a publication date
    text: str
    start: int
    end: int

    @property
    def display(self) -> str:
        return display(self.value) if self.value else ""


@dataclass(frozen=True)
class PassageEntities:
    """The entities mentioned in the sentence around a passage, in reading order:
    ``named`` may take part in what it reports; ``cited`` appear there only as the
    source it is attributed to ("according to Axios")."""

    named: list[Entity]
    cited: list[Entity]


def passage_entities(body: str, start: int, end: int, mentions: list[Mention]) -> PassageEntities:
    sentence_start, sentence_end = sentence_around(body, start, end)
    entities: dict[int, Entity] = {}
    cited_only: dict[int, bool] = {}
    for mention in mentions:
        if sentence_start <= mention.start and mention.end <= sentence_end:
            entities.setdefault(mention.entity_id, mention.entity)
            cited = in_attribution(body, mention.start, mention.end)
            cited_only[mention.entity_id] = cited_only.get(mention.entity_id, True) and cited
    return PassageEntities(
        named=[entity for pk, entity in entities.items() if not cited_only[pk]],
        cited=[entity for pk, entity in entities.items() if cited_only[pk]],
    )


@dataclass(frozen=True)
class EventPrefill:
    """What the event form starts with for a selection: the sentence around it and the
    dates found in that sentence, nearest to the selection first. (Its entities are
    offered as participants, not chosen: see ``passage_entities``.)"""

    sentence_start: int
    sentence_end: int
    dates: list[DateSuggestion]


def event_prefill(article: Article, start: int, end: int) -> EventPrefill:
    sentence_start, sentence_end = sentence_around(article.body, start, end)
    found = [
        DateSuggestion(m.value, m.text, m.start, m.end)
        for m in find_dates(article.body, article.published_on)
        if sentence_start <= m.start and m.end <= sentence_end
    ]
    found.sort(key=lambda d: _distance(d.start, d.end, start, end))
    return EventPrefill(sentence_start, sentence_end, found)


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def article_places(article: Article, *, also: int | None = None) -> QuerySet[Entity]:
    """The places the article's text names (its mentions on their words), and the place
    ``also`` (an event's own, which the text may no longer name), by name: the event
    form's locations. A query, read only when the form is shown, or to check the one
    place a save sends."""
    named = Q(
        kind__slug="place",
        pk__in=Mention.objects.filter(article=article, start__isnull=False).values("entity_id"),
    )
    if also is not None:
        named |= Q(pk=also)
    return Entity.objects.filter(named).only("name").order_by("name", "pk")


def event_types() -> list[EventType]:
    """Every event type, each top-level category followed by its subtypes."""
    types = list(EventType.objects.select_related("parent"))
    return sorted(types, key=lambda t: ((t.parent or t).name, t.parent_id is not None, t.name))
