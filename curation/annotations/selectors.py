"""Reads for the workspace, the entity directory and suggestions."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce, Length

from curation.annotations.gazetteer import Gazetteer, GazetteerMatch, normalise_alias
from curation.annotations.models import (
    Alias,
    DismissedSuggestion,
    Entity,
    Event,
    EventType,
    Mention,
    NamesVersion,
    Participant,
)
from curation.annotations.spans import Span, paragraphs, sentence_around
from curation.articles.models import Article
from curation.temporal import display, find_dates

AUTOCOMPLETE_LIMIT = 8


def article_mentions(article: Article) -> list[Mention]:
    """The article's mentions with what the workspace shows of their entities (only those
    fields: an article can have a thousand mentions)."""
    return list(
        Mention.objects.filter(article=article)
        .select_related("entity__kind")
        .only(
            "start", "end", "article_id", "entity__name", "entity__kind__slug", "entity__kind__name"
        )
        .order_by("start", "-end", "id")
    )


@dataclass(frozen=True, slots=True)
class EntityCount:
    """A row of the workspace's side panel: flat, because an article can name hundreds."""

    id: int
    name: str
    kind_slug: str
    count: int


def entity_counts(mentions: list[Mention]) -> list[EntityCount]:
    """The entities mentioned, most mentioned first, from mentions already loaded."""
    counts = Counter(mention.entity_id for mention in mentions)
    entities = {mention.entity_id: mention.entity for mention in mentions}
    rows = [
        EntityCount(entity_id, entity.name, entity.kind.slug, counts[entity_id])
        for entity_id, entity in entities.items()
    ]
    return sorted(rows, key=lambda row: (-row.count, row.name.casefold()))


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    text: str
    entity: Entity

    @property
    def key(self) -> str:
        return f"{self.start}-{self.end}-{self.entity.pk}"


def text_paragraphs(
    article: Article,
    mentions: list[Mention],
    suggestions: list[Suggestion] = (),
    events: list[Event] = (),
):
    spans = [Span(m.start, m.end, ("mention", m)) for m in mentions]
    spans += [Span(s.start, s.end, ("suggestion", s)) for s in suggestions]
    spans += [Span(e.start, e.end, ("event", e)) for e in events]
    return paragraphs(article.body, spans)


def entity_autocomplete(query: str, *, limit: int = AUTOCOMPLETE_LIMIT) -> list[Entity]:
    """Entities whose name or an alias contains the query, best first: the exact name,
    an exact alias, a name that starts with it, an alias that does, then the rest;
    shorter names first within each. Ranked in the database, before the limit."""
    query = " ".join(query.split())[:300]
    if not query:
        return []
    normalised = normalise_alias(query)
    aliases = Alias.objects.filter(entity=OuterRef("pk"))
    return list(
        Entity.objects.filter(
            Q(name__icontains=query) | Exists(aliases.filter(normalised__contains=normalised))
        )
        .annotate(
            rank=Case(
                When(name__iexact=query, then=0),
                When(Exists(aliases.filter(normalised=normalised)), then=1),
                When(name__istartswith=query, then=2),
                When(Exists(aliases.filter(normalised__startswith=normalised)), then=3),
                default=4,
            )
        )
        .select_related("kind")
        .order_by("rank", Length("name"), "name", "pk")[:limit]
    )


def entities_named(text: str, *, exclude: int | None = None) -> list[Entity]:
    """Entities already called ``text``, by their name or an alias (ignoring case, quote
    style and spacing), with ``mention_count``: what a new alias or a new entity of that
    name would clash with. ``exclude`` leaves out one entity (the one being named)."""
    normalised = normalise_alias(text)
    if not normalised:
        return []
    aliases = Alias.objects.filter(entity=OuterRef("pk"), normalised=normalised)
    found = entity_directory().filter(Q(name__iexact=" ".join(text.split())) | Exists(aliases))
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return list(found.order_by("name", "pk")[:AUTOCOMPLETE_LIMIT])


def entity_directory() -> QuerySet[Entity]:
    """Entities with their mention and article counts. The counts are correlated
    subqueries rather than a GROUP BY over every mention, so the database computes them
    only for the page it returns (and the row count needs no join at all)."""
    mentions = Mention.objects.filter(entity=OuterRef("pk")).order_by().values("entity")
    return Entity.objects.select_related("kind").annotate(
        mention_count=Coalesce(Subquery(mentions.annotate(n=Count("id")).values("n")), 0),
        article_count=Coalesce(
            Subquery(mentions.annotate(n=Count("article", distinct=True)).values("n")), 0
        ),
    )


# --- the gazetteer, built once per process and rebuilt when names change ---------------

_gazetteer_lock = threading.Lock()
_gazetteer: tuple[tuple, Gazetteer] | None = None


def _names_fingerprint() -> tuple:
    """Changes whenever an entity or alias is added, renamed or deleted: the names
    version, bumped on commit by every save and delete (models.NamesVersion), plus row
    counts and newest changes, which also catch bulk writes that send no signals."""
    return (
        NamesVersion.current(),
        *(
            tuple(model.objects.aggregate(rows=Count("id"), changed=Max("updated_at")).values())
            for model in (Entity, Alias)
        ),
    )


def gazetteer() -> Gazetteer:
    global _gazetteer
    fingerprint = _names_fingerprint()
    if _gazetteer is None or _gazetteer[0] != fingerprint:
        with _gazetteer_lock:
            if _gazetteer is None or _gazetteer[0] != fingerprint:
                names = Entity.objects.values_list("name", "id").iterator(chunk_size=5000)
                aliases = Alias.objects.values_list("text", "entity_id").iterator(chunk_size=5000)
                _gazetteer = (fingerprint, Gazetteer([*names, *aliases]))
    return _gazetteer[1]


def suggestions_for(article: Article, mentions: list[Mention]) -> list[Suggestion]:
    """Known names found in the article where nothing is marked yet, less dismissed ones."""
    marked = bytearray(len(article.body))
    for mention in mentions:
        marked[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    dismissed = set(
        DismissedSuggestion.objects.filter(article=article).values_list("entity_id", "normalised")
    )
    found: list[tuple[GazetteerMatch, int]] = []
    for match in gazetteer().find(article.body, taken=marked):
        normalised = normalise_alias(match.text)
        for entity_id in match.entity_ids:
            if (entity_id, normalised) not in dismissed:
                found.append((match, entity_id))
                break
    entities = Entity.objects.select_related("kind").in_bulk({eid for _, eid in found})
    return [Suggestion(m.start, m.end, m.text, entities[eid]) for m, eid in found]


# --- the article text as the workspace shows it ------------------------------------------


@dataclass(frozen=True, slots=True)
class SegmentView:
    start: int
    text: str
    css: str  # "m k-person" for a mention, "sug k-group" for a suggestion, "" for plain text
    mention_ids: str  # space-separated, for the script
    entity_ids: str
    suggestion: str  # the suggestion's key, when this text is a suggestion
    suggestion_label: str  # "Hezbollah (Group)"
    anchor: str  # "m-12" on the first segment of mention 12: the target of links and j/k
    starts: str  # the mentions that start here (several when mentions overlap)
    event_ids: str  # the events whose evidence covers this text, space-separated


@dataclass(frozen=True, slots=True)
class ParagraphView:
    index: int
    start: int
    end: int
    segments: list[SegmentView]


def paragraph_views(
    article: Article,
    mentions: list[Mention],
    suggestions: list[Suggestion] = (),
    events: list[Event] = (),
) -> list[ParagraphView]:
    views = []
    seen_mentions: set[int] = set()
    for index, segments in enumerate(text_paragraphs(article, mentions, suggestions, events)):
        views.append(
            ParagraphView(
                index,
                segments[0].start,
                segments[-1].end,
                [_segment_view(s, seen_mentions) for s in segments],
            )
        )
    return views


def _segment_view(segment, seen_mentions: set[int]) -> SegmentView:
    events = [item for kind, item in segment.keys if kind == "event"]
    mentions = [item for kind, item in segment.keys if kind == "mention"]
    suggestions = [item for kind, item in segment.keys if kind == "suggestion"]
    starting = []
    for mention in mentions:
        if mention.pk not in seen_mentions:
            seen_mentions.add(mention.pk)
            starting.append(mention.pk)
    anchor = f"m-{starting[0]}" if starting else ""
    if mentions:
        kinds = dict.fromkeys(f"k-{m.entity.kind.slug}" for m in mentions)
        depth = " deep" if len(mentions) > 1 else ""
        css = "m " + " ".join(kinds) + depth
    elif suggestions:
        css = f"sug k-{suggestions[0].entity.kind.slug}"
    else:
        css = ""
    if events:
        css = f"{css} ev".strip()
    return SegmentView(
        start=segment.start,
        text=segment.text,
        css=css,
        mention_ids=" ".join(str(m.pk) for m in mentions),
        entity_ids=" ".join(dict.fromkeys(str(m.entity_id) for m in mentions)),
        suggestion=suggestions[0].key if suggestions and not mentions else "",
        suggestion_label=(
            f"{suggestions[0].entity.name} ({suggestions[0].entity.kind.name})"
            if suggestions and not mentions
            else ""
        ),
        anchor=anchor,
        starts=" ".join(map(str, starting)),
        event_ids=" ".join(str(event.pk) for event in events),
    )


def paragraphs_touching(views: list[ParagraphView], start: int, end: int) -> list[ParagraphView]:
    return [view for view in views if view.start < end and start < view.end]


MENTION_CONTEXT_CHARS = 80


@dataclass(frozen=True, slots=True)
class MentionInContext:
    mention: Mention
    before: str
    after: str


def entity_mentions(entity: Entity, *, limit: int = 200) -> list[MentionInContext]:
    """The entity's mentions across articles, with the text around each (from the stored
    prefix and suffix, so no article body is loaded)."""
    mentions = (
        Mention.objects.filter(entity=entity)
        .select_related("article__source")
        .only(
            "start",
            "end",
            "quote",
            "prefix",
            "suffix",
            "status",
            "article__title",
            "article__published_on",
            "article__source__name",
            "entity_id",
        )
        .order_by("-article__published_on", "article_id", "start")[:limit]
    )
    return [MentionInContext(m, m.prefix, m.suffix) for m in mentions]


# --- events ------------------------------------------------------------------------------


def article_events(article: Article) -> list[Event]:
    """The article's events in date order (undated last), with what the panel shows."""
    events = (
        Event.objects.filter(article=article)
        .select_related("event_type__parent", "location")
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.select_related("entity__kind"))
        )
    )
    return sorted(events, key=lambda event: event.sort_key)


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
class EventPrefill:
    """What the event form starts with for a selection: the sentence around it, dates
    found in that sentence (nearest to the selection first) and the entities mentioned
    in it."""

    sentence_start: int
    sentence_end: int
    dates: list[DateSuggestion]
    entities: list[Entity]


def event_prefill(article: Article, start: int, end: int, mentions: list[Mention]) -> EventPrefill:
    sentence_start, sentence_end = sentence_around(article.body, start, end)
    found = [
        DateSuggestion(m.value, m.text, m.start, m.end)
        for m in find_dates(article.body, article.published_on)
        if sentence_start <= m.start and m.end <= sentence_end
    ]
    found.sort(key=lambda d: _distance(d.start, d.end, start, end))
    entities = {}
    for mention in mentions:
        if sentence_start <= mention.start and mention.end <= sentence_end:
            entities.setdefault(mention.entity_id, mention.entity)
    return EventPrefill(sentence_start, sentence_end, found, list(entities.values()))


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    if a_end <= b_start:
        return b_start - a_end
    if b_end <= a_start:
        return a_start - b_end
    return 0


def event_types() -> list[EventType]:
    """Every event type, each top-level category followed by its subtypes."""
    types = list(EventType.objects.select_related("parent"))
    return sorted(types, key=lambda t: ((t.parent or t).name, t.parent_id is not None, t.name))
