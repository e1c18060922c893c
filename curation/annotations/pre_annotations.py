"""Pre-annotations: machine mentions and events sent by a tagger, saved as suggestions
(``suggested.SuggestedMention``, ``SuggestedEvent``) that an editor accepts or dismisses.

Creating: each item is placed as the workspace places a selection. It carries offsets
(checked against the body; a quote sent with them must match) or a quote with its
prefix and suffix (found as a W3C TextQuoteSelector is). The span is snapped to whole
words, and a mention may not cross a paragraph break. Each item succeeds or fails on
its own, with a reason and its index; the good ones are saved in one statement. The
same suggestion sent again (same span, origin and target) is ``already`` there.

Accepting goes through the annotation services (``services.mention_create``,
``event_create``), so the mention or event is the editor's own draft, under every rule
a mention marked by hand is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from curation.annotations import services
from curation.annotations.errors import AnnotationError
from curation.annotations.gazetteer import normalise_alias
from curation.annotations.models import Entity, EntityKind, EventType, Participant
from curation.annotations.quote_selector import QuoteError, find_quote
from curation.annotations.spans import (
    Anchor,
    SpanError,
    anchor,
    check_within_paragraph,
    snap_to_words,
)
from curation.annotations.suggested import (
    ORIGIN_MAX_LENGTH,
    SuggestedEvent,
    SuggestedMention,
)
from curation.articles.models import Article
from curation.articles.rows import insert_rows, unsaved
from curation.temporal import validate

# A tagger's labels for the desk's entity kinds (spaCy's and CoNLL's, upper-cased).
KIND_BY_LABEL = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
DEFAULT_KIND = "other"
ROLES = {choice for choice, _ in Participant.Role.choices}


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an item says it is: offsets, or a quote with its context, or both."""

    start: int | None = None
    end: int | None = None
    quote: str | None = None
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class MentionItem:
    place: Placement
    entity: int | None = None  # an entity of the desk, by id
    name: str = ""  # else a name (the quote when empty) ...
    kind: str = ""  # ... and a kind: an EntityKind slug, or a tagger's label
    label: str = ""


@dataclass(frozen=True, slots=True)
class EventItem:
    place: Placement
    type: str  # an EventType slug
    headline: str
    date: str = ""
    location: int | None = None
    participants: Sequence[tuple[int, str]] = ()  # (entity id, role)


@dataclass(frozen=True, slots=True)
class ItemResult:
    index: int
    status: str  # "created", "already" or "failed"
    id: int | None = None
    message: str = ""
    field: str | None = None


class ItemProblem(Exception):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message, self.field = message, field


def _checked_origin(origin: str) -> str:
    origin = " ".join(origin.split())
    if not origin:
        raise AnnotationError(
            "Say which tagger made these suggestions in “origin”, like “spacy-3.8 "
            "en_core_web_lg”: editors see it with each one."
        )
    if len(origin) > ORIGIN_MAX_LENGTH:
        raise AnnotationError(f"“origin” is a label of at most {ORIGIN_MAX_LENGTH} characters.")
    return origin


def placed(body: str, place: Placement, *, one_paragraph: bool) -> Anchor:
    """The item's span as the workspace would store it, or ItemProblem."""
    has_offsets = place.start is not None or place.end is not None
    try:
        if has_offsets:
            if place.start is None or place.end is None:
                raise ItemProblem("Send both “start” and “end”, or a “quote” instead.")
            anchor(body, place.start, place.end, quote=place.quote)
            start, end = place.start, place.end
        elif place.quote:
            start, end = find_quote(body, place.quote, prefix=place.prefix, suffix=place.suffix)
        else:
            raise ItemProblem(
                "Say where it is: “start” and “end” (code points into the body, end "
                "excluded), or the exact “quote” with some “prefix” and “suffix”.",
                field="start",
            )
        span = anchor(body, *snap_to_words(body, start, end))
        if one_paragraph:
            check_within_paragraph(body, span.start, span.end)
    except (SpanError, QuoteError) as error:
        raise ItemProblem(str(error), field="start" if has_offsets else "quote") from None
    return span


# --- creating ----------------------------------------------------------------------------


def suggested_mentions_create(
    *,
    article: Article,
    items: Sequence[MentionItem],
    origin: str,
    created_by: AbstractBaseUser,
) -> list[ItemResult]:
    """Save the items as suggested mentions; one result per item, in order."""
    origin = _checked_origin(origin)
    entities = Entity.objects.in_bulk({item.entity for item in items if item.entity})
    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    results: dict[int, ItemResult] = {}
    new: dict[int, SuggestedMention] = {}
    for index, item in enumerate(items):
        try:
            new[index] = _mention_suggestion(article, item, origin, created_by, entities, kinds)
        except ItemProblem as problem:
            results[index] = ItemResult(
                index, "failed", message=problem.message, field=problem.field
            )
    results |= _saved(SuggestedMention, article, new, key=("start", "end", "origin", "target"))
    return [results[index] for index in range(len(items))]


def _mention_suggestion(
    article: Article,
    item: MentionItem,
    origin: str,
    created_by: AbstractBaseUser,
    entities: dict[int, Entity],
    kinds: dict[str, EntityKind],
) -> SuggestedMention:
    span = placed(article.body, item.place, one_paragraph=True)
    entity = None
    if item.entity is not None:
        entity = entities.get(item.entity)
        if entity is None:
            raise ItemProblem(
                f"There is no entity {item.entity}. Send a “name” and “kind” instead, or "
                "look the entity up with GET /entities.",
                field="entity",
            )
    name = " ".join((item.name or span.quote).split())[: services.ALIAS_MAX_LENGTH]
    kind_name = item.kind or KIND_BY_LABEL.get(item.label.upper(), DEFAULT_KIND)
    kind = kinds.get(kind_name) or kinds.get(KIND_BY_LABEL.get(kind_name.upper(), ""))
    if entity is None and kind is None:
        raise ItemProblem(
            f"“{kind_name}” is not a kind of entity here; use one of "
            f"{', '.join(sorted(kinds))}, or a tagger label such as ORG or GPE.",
            field="kind",
        )
    target = f"entity:{entity.pk}" if entity else f"name:{kind.slug}:{normalise_alias(name)}"
    return unsaved(
        SuggestedMention,
        article_id=article.pk,
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        origin=origin,
        entity_id=entity.pk if entity else None,
        name=entity.name if entity else name,
        kind_id=entity.kind_id if entity else kind.pk,
        label=item.label[:40],
        target=target,
        created_by_id=created_by.pk,
    )


def suggested_events_create(
    *,
    article: Article,
    items: Sequence[EventItem],
    origin: str,
    created_by: AbstractBaseUser,
) -> list[ItemResult]:
    """Save the items as suggested events; one result per item, in order."""
    origin = _checked_origin(origin)
    types = {event_type.slug: event_type for event_type in EventType.objects.all()}
    wanted = {item.location for item in items if item.location} | {
        entity_id for item in items for entity_id, _ in item.participants
    }
    entities = Entity.objects.in_bulk(wanted)
    results: dict[int, ItemResult] = {}
    new: dict[int, SuggestedEvent] = {}
    for index, item in enumerate(items):
        try:
            new[index] = _event_suggestion(article, item, origin, created_by, types, entities)
        except ItemProblem as problem:
            results[index] = ItemResult(
                index, "failed", message=problem.message, field=problem.field
            )
    results |= _saved(
        SuggestedEvent, article, new, key=("start", "end", "origin", "event_type_id", "headline")
    )
    return [results[index] for index in range(len(items))]


def _event_suggestion(
    article: Article,
    item: EventItem,
    origin: str,
    created_by: AbstractBaseUser,
    types: dict[str, EventType],
    entities: dict[int, Entity],
) -> SuggestedEvent:
    span = placed(article.body, item.place, one_paragraph=False)
    event_type = types.get(item.type)
    if event_type is None:
        raise ItemProblem(
            f"“{item.type}” is not an event type here. The types are listed by GET "
            "/event-types; send one's slug.",
            field="type",
        )
    try:
        headline = services._checked_headline(item.headline)
        date = validate(item.date.strip()) if item.date.strip() else ""
    except AnnotationError as error:
        raise ItemProblem(str(error), field="headline") from None
    except ValueError as error:
        raise ItemProblem(str(error), field="date") from None
    for entity_id in [item.location] * bool(item.location) + [e for e, _ in item.participants]:
        if entity_id not in entities:
            raise ItemProblem(f"There is no entity {entity_id}.", field="participants")
    participants = []
    for entity_id, role in item.participants:
        if role not in ROLES:
            raise ItemProblem(
                f"“{role}” is not a role; use {', '.join(sorted(ROLES))}.", field="participants"
            )
        if (entity_id, role) not in participants:
            participants.append((entity_id, role))
    return unsaved(
        SuggestedEvent,
        article_id=article.pk,
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        origin=origin,
        event_type_id=event_type.pk,
        headline=headline,
        date=date,
        location_id=item.location or None,
        participants=SuggestedEvent.participants_text(participants),
        created_by_id=created_by.pk,
    )


def _saved(model, article: Article, new: dict, *, key: tuple[str, ...]) -> dict[int, ItemResult]:
    """Insert the new suggestions, less those already there (sent before, or earlier in
    this request): those are ``already``, with the existing id. ``key`` names the fields
    that make a suggestion the same one. One statement run for every row, as the
    article import inserts (a multi-row statement costs more to build than to run), and
    the new ids read back by their keys."""
    key_of = attrgetter(*key)
    for _attempt in range(2):
        ids = _existing(model, article, new.values(), key)
        first_of: dict[tuple, int] = {}
        fresh = []
        for index, suggestion in new.items():
            found = key_of(suggestion)
            if found not in ids and found not in first_of:
                first_of[found] = index
                fresh.append(suggestion)
        try:
            with transaction.atomic():
                insert_rows(model, fresh)
        except IntegrityError:  # the same suggestions, sent at the same moment: look again
            continue
        if fresh:
            ids |= _existing(model, article, fresh, key)
        return {
            index: ItemResult(
                index,
                "created" if first_of.get(key_of(suggestion)) == index else "already",
                ids[key_of(suggestion)],
            )
            for index, suggestion in new.items()
        }
    raise AnnotationError("Another request was saving these suggestions. Send them again.")


def _existing(model, article: Article, suggestions, key: tuple[str, ...]) -> dict[tuple, int]:
    """The ids of the article's suggestions of the same origins and starts, by key: read
    as rows, not instances (a tagger may have sent thousands before)."""
    suggestions = list(suggestions)
    if not suggestions:
        return {}
    rows = model.objects.filter(
        article=article,
        origin__in={suggestion.origin for suggestion in suggestions},
        start__in={suggestion.start for suggestion in suggestions},
    ).values_list("pk", *key)
    return {tuple(found): pk for pk, *found in rows}
