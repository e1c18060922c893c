"""The API's annotations: pre-annotations in (saved as suggestions for editors), an
editor's own mentions in (drafts), the mentions, events and entities out, and
review-state transitions.

Thin: creating goes through ``pre_annotations`` and ``marking``, transitions through
``workflow`` (so the API keeps the desk's state rules: an annotator can't approve),
reads through the selectors and the entity filter of the pages.
"""

import datetime as dt
from typing import Annotated, Literal

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from curation.annotations import marking, pre_annotations, workflow
from curation.annotations.entity_reads import entity_directory
from curation.annotations.errors import AnnotationError, NotAllowed, StaleVersion
from curation.annotations.event_reads import event_types
from curation.annotations.filters import EntityFilter
from curation.annotations.models import Alias, Event, Mention, Participant
from curation.annotations.suggested import ORIGIN_MAX_LENGTH
from curation.api.access import require
from curation.api.errors import ApiError, converts, not_found
from curation.api.limits import check_item_count
from curation.api.paging import IdCursorPagination
from curation.api.schemas import Id, ItemResult, Offset, PathId, Plain, answers
from curation.articles.models import Article


@converts(AnnotationError)
def refusal(error: AnnotationError) -> ApiError:
    """A service's refusal in the API's shape: 403 for a role's limit, 409 for a stale
    version, 422 for anything else it won't do."""
    if isinstance(error, NotAllowed):
        return ApiError(403, "forbidden", str(error))
    if isinstance(error, StaleVersion):
        return ApiError(409, "stale_version", str(error), field="version")
    return ApiError(422, "refused", str(error))


router = Router(tags=["annotations"])

Text = Annotated[str, Field(max_length=2000)]
Context = Annotated[str, Field(max_length=200)]


def _article(article_id: int, *, fields: tuple[str, ...] = ("body", "published_on")) -> Article:
    article = Article.objects.only(*fields).filter(pk=article_id).first()
    if article is None:
        raise not_found(f"There is no article {article_id}.")
    return article


# --- pre-annotations in -------------------------------------------------------------------


class Where(Plain):
    start: Offset | None = Field(None, description="Code points into the body, from 0.")
    end: Offset | None = Field(None, description="Exclusive.")
    quote: Text | None = Field(
        None, description="The exact words; with offsets, checked against the body."
    )
    prefix: Context = Field("", description="Text just before the quote, to tell it apart.")
    suffix: Context = Field("", description="Text just after the quote.")

    def placement(self) -> pre_annotations.Placement:
        return pre_annotations.Placement(self.start, self.end, self.quote, self.prefix, self.suffix)


class MentionIn(Where):
    entity: Id | None = Field(None, description="An entity of the desk (GET /entities).")
    name: Annotated[str, Field(max_length=300)] = Field(
        "", description="Else the entity's name (default: the quote)…"
    )
    kind: Annotated[str, Field(max_length=40)] = Field(
        "", description="…and kind: person, organisation, place, group, other."
    )
    label: Annotated[str, Field(max_length=40)] = Field(
        "", description="The tagger's own label (PERSON, ORG, GPE…): the kind, when none is given."
    )


class ParticipantIn(Plain):
    entity: Id
    role: Literal["actor", "target", "other"] = "actor"


class EventIn(Where):
    type: Annotated[str, Field(max_length=80)] = Field(description="An event type's slug.")
    headline: Annotated[str, Field(max_length=300)]
    date: Annotated[str, Field(max_length=60)] = Field("", description="EDTF: 2024-06-20, 2024-07…")
    location: Id | None = None
    participants: list[ParticipantIn] = []


Origin = Annotated[str, Field(min_length=1, max_length=ORIGIN_MAX_LENGTH)]


class DraftMentionIn(Where):
    entity: Id = Field(description="An entity of the desk (GET /entities).")


class DraftMentionsIn(Schema):
    items: list[DraftMentionIn]


class MentionsIn(Schema):
    origin: Origin = Field(description="The tagger, shown to editors: “spacy-3.8 en_core_web_lg”.")
    items: list[MentionIn]


class EventsIn(Schema):
    origin: Origin = Field(description="The tagger, shown to editors.")
    items: list[EventIn]


class SuggestionsOut(Schema):
    created: int
    already: int
    failed: int
    results: list[ItemResult]


class MarkedOut(SuggestionsOut):
    pass


def _answer(results: list[pre_annotations.ItemResult]) -> dict:
    counts = {"created": 0, "already": 0, "failed": 0}
    out = []
    for result in results:
        counts[result.status] += 1
        item = {"index": result.index, "status": result.status, "id": result.id}
        if result.status == "failed":
            field = f"items.{result.index}.{result.field}" if result.field else None
            item["error"] = {
                "code": "invalid",
                "message": result.message,
                "field": field,
                "index": result.index,
            }
        out.append(item)
    return {**counts, "results": out}


@router.post(
    "/articles/{article_id}/mentions",
    response=answers({200: SuggestionsOut}),
    summary="Send machine mentions (as suggestions)",
)
def suggest_mentions(request: HttpRequest, article_id: PathId, payload: MentionsIn):
    """Each item becomes a suggestion in the workspace, shown dashed with its origin,
    until an editor accepts it (the mention is then theirs) or dismisses it. An item
    names an entity of the desk, or a name and kind (an entity is found by that name
    or made when it is accepted). One result per item: ``created``, ``already`` (the
    same suggestion was sent before) or ``failed`` with the reason."""
    require(request, "articles.view_article", doing="read articles")
    require(request, "annotations.add_mention", doing="suggest mentions")
    check_item_count(len(payload.items))
    results = pre_annotations.suggested_mentions_create(
        article=_article(article_id),
        items=[
            pre_annotations.MentionItem(
                item.placement(), item.entity, item.name, item.kind, item.label
            )
            for item in payload.items
        ],
        origin=payload.origin,
        created_by=request.user,
    )
    return _answer(results)


@router.post(
    "/articles/{article_id}/events",
    response=answers({200: SuggestionsOut}),
    summary="Send machine events (as suggestions)",
)
def suggest_events(request: HttpRequest, article_id: PathId, payload: EventsIn):
    """As for mentions: each item becomes a suggested event that an editor accepts or
    dismisses. Its evidence may run over several paragraphs."""
    require(request, "articles.view_article", doing="read articles")
    require(request, "annotations.add_event", doing="suggest events")
    check_item_count(len(payload.items))
    results = pre_annotations.suggested_events_create(
        article=_article(article_id),
        items=[
            pre_annotations.EventItem(
                item.placement(),
                item.type,
                item.headline,
                item.date,
                item.location,
                [(p.entity, p.role) for p in item.participants],
            )
            for item in payload.items
        ],
        origin=payload.origin,
        created_by=request.user,
    )
    return _answer(results)


@router.post(
    "/articles/{article_id}/mentions/drafts",
    response=answers({200: MarkedOut}),
    summary="Mark mentions (drafts of your own)",
)
def mark_mentions(request: HttpRequest, article_id: PathId, payload: DraftMentionsIn):
    """Each item is marked as the workspace marks a selection: placed the same way as a
    pre-annotation, it becomes a mention of the entity and a draft of yours (the token's
    person), in review like any other once you submit it. A text that is not yet one of
    the entity's names becomes an alias, unless it is another entity's name: that item
    fails (confirm a shared name in the workspace). One result per item: ``created``,
    ``already`` (that entity is marked there) or ``failed`` with the reason."""
    require(request, "articles.view_article", doing="read articles")
    require(request, "annotations.add_mention", doing="mark mentions")
    check_item_count(len(payload.items))
    results = marking.mentions_mark(
        article=_article(article_id),
        items=[(item.placement(), item.entity) for item in payload.items],
        created_by=request.user,
    )
    return _answer(results)


# --- annotations out ----------------------------------------------------------------------


class EntityRef(Schema):
    id: int
    name: str
    kind: str


Status = Literal["draft", "submitted", "approved", "rejected"]


class MentionOut(Schema):
    id: int
    start: int | None = Field(description="null for an orphan: a correction took its words.")
    end: int | None
    quote: str
    prefix: str
    suffix: str
    status: Status
    version: int
    entity: EntityRef

    @staticmethod
    def resolve_entity(mention: Mention) -> dict:
        entity = mention.entity
        return {"id": entity.pk, "name": entity.name, "kind": entity.kind.slug}


class ParticipantOut(Schema):
    entity: EntityRef
    role: str


class EventOut(Schema):
    id: int
    start: int | None
    end: int | None
    quote: str
    prefix: str
    suffix: str
    status: Status
    version: int
    type: str
    type_name: str
    headline: str
    notes: str
    date: str = Field(description="EDTF, or empty.")
    date_display: str
    date_lower: dt.date | None
    date_upper: dt.date | None
    location: EntityRef | None
    participants: list[ParticipantOut]

    @staticmethod
    def resolve_type(event: Event) -> str:
        return event.event_type.slug

    @staticmethod
    def resolve_type_name(event: Event) -> str:
        return str(event.event_type)

    @staticmethod
    def resolve_location(event: Event) -> dict | None:
        place = event.location
        return {"id": place.pk, "name": place.name, "kind": place.kind.slug} if place else None

    @staticmethod
    def resolve_participants(event: Event) -> list[dict]:
        return [
            {
                "entity": {"id": p.entity_id, "name": p.entity.name, "kind": p.entity.kind.slug},
                "role": p.role,
            }
            for p in event.participants.all()
        ]


@router.get(
    "/articles/{article_id}/mentions",
    response=answers({200: list[MentionOut]}),
    summary="An article's mentions",
)
def article_mentions(request: HttpRequest, article_id: PathId):
    """Every mention of the article, in text order, in every review state."""
    require(request, "articles.view_article", doing="read articles")
    require(request, "annotations.view_mention", doing="read mentions")
    article = _article(article_id, fields=("id",))
    return Mention.objects.filter(article=article).select_related("entity__kind")


@router.get(
    "/articles/{article_id}/events",
    response=answers({200: list[EventOut]}),
    summary="An article's events",
)
def article_events(request: HttpRequest, article_id: PathId):
    """Every event of the article, by date, in every review state."""
    require(request, "articles.view_article", doing="read articles")
    require(request, "annotations.view_event", doing="read events")
    article = _article(article_id, fields=("id",))
    return _events().filter(article=article)


def _events():
    return Event.objects.select_related("event_type__parent", "location__kind").prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related("entity__kind"))
    )


class EntityOut(Schema):
    id: int
    name: str
    kind: str
    description: str
    wikidata_id: str
    aliases: list[str]
    mention_count: int

    @staticmethod
    def resolve_kind(entity) -> str:
        return entity.kind.slug

    @staticmethod
    def resolve_aliases(entity) -> list[str]:
        return [alias.text for alias in entity.aliases.all()]


class EntityFilters(Schema):
    search: Annotated[str, Field(max_length=200)] | None = Field(
        None, description="Words of a name or an alias."
    )
    kind: Annotated[str, Field(max_length=40)] | None = Field(None, description="A kind's slug.")


@router.get("/entities", response=answers({200: list[EntityOut]}), summary="Entities")
@paginate(IdCursorPagination)
def list_entities(request: HttpRequest, filters: Query[EntityFilters]):
    """Entities with their aliases and mention counts, oldest first, 100 a page."""
    require(request, "annotations.view_entity", doing="read entities")
    entities = entity_directory().prefetch_related(
        Prefetch("aliases", queryset=Alias.objects.order_by("text"))
    )
    if filters.search:
        entities = EntityFilter({"q": filters.search}, queryset=entities).qs
    if filters.kind:
        entities = entities.filter(kind__slug=filters.kind)
    return entities


class EventTypeOut(Schema):
    slug: str
    name: str
    parent: str | None

    @staticmethod
    def resolve_parent(event_type) -> str | None:
        return event_type.parent.slug if event_type.parent_id else None


@router.get("/event-types", response=answers({200: list[EventTypeOut]}), summary="Event types")
def list_event_types(request: HttpRequest):
    """The taxonomy an event's ``type`` is taken from."""
    require(request, "annotations.view_event", doing="read events")
    return event_types()


# --- review states ------------------------------------------------------------------------

TRANSITIONS = {
    "submit": workflow.submit,
    "withdraw": workflow.withdraw,
    "approve": workflow.approve,
    "reject": workflow.reject,
    "reopen": workflow.reopen,
}


class TransitionIn(Schema):
    action: Literal["submit", "withdraw", "approve", "reject", "reopen"]
    version: Annotated[int, Field(ge=0, le=2**31 - 1)] = Field(
        description="The version you read: a change made since is refused (409)."
    )
    reason: Annotated[str, Field(max_length=1000)] = Field(
        "", description="Needed to reject or reopen."
    )


def _transition(request: HttpRequest, model, item_id: int, payload: TransitionIn):
    what = model._meta.model_name
    require(request, f"annotations.view_{what}", doing=f"read {what}s")
    item = model.objects.select_related("article").filter(pk=item_id).first()
    if item is None:
        raise not_found(f"There is no {what} {item_id}.")
    arguments = {"by": request.user, "expected_version": payload.version}
    if payload.action in ("reject", "reopen"):
        arguments["reason"] = payload.reason
    TRANSITIONS[payload.action](item, **arguments)
    return item


@router.post(
    "/mentions/{mention_id}/transitions",
    response=answers({200: MentionOut}),
    summary="Move a mention to another review state",
)
def mention_transition(request: HttpRequest, mention_id: PathId, payload: TransitionIn):
    """The desk's review rules hold: an author submits and withdraws; a reviewer
    approves (never their own, with four-eyes on), rejects and reopens."""
    item = _transition(request, Mention, mention_id, payload)
    return Mention.objects.select_related("entity__kind").get(pk=item.pk)


@router.post(
    "/events/{event_id}/transitions",
    response=answers({200: EventOut}),
    summary="Move an event to another review state",
)
def event_transition(request: HttpRequest, event_id: PathId, payload: TransitionIn):
    """As for mentions."""
    item = _transition(request, Event, event_id, payload)
    return _events().get(pk=item.pk)
