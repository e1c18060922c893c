"""The API's chronologies and Web Annotations: what the public pages and the exports
show, through the same selectors and export code."""

from datetime import date, datetime
from typing import Annotated

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from curation.api.access import require
from curation.api.errors import ApiError, not_found
from curation.api.schemas import PathId, answers
from curation.articles.models import Article
from curation.chronology import export_reads, selectors
from curation.chronology.exports import webannotation
from curation.chronology.models import Chronology
from curation.chronology.views import annotation_dump, web_annotations

router = Router(tags=["chronologies"])

ENTRIES_PAGE = 100

_WEB_ANNOTATIONS = {
    200: {
        "description": "A W3C Web Annotation collection (or one of its pages), JSON-LD.",
        "content": {webannotation.CONTENT_TYPE: {"schema": {"type": "object"}}},
    }
}


class PageQuery(Schema):
    page: Annotated[int, Field(ge=0, le=2**31 - 1)] | None = Field(
        None, description="A page of the collection, from 0; leave out for the collection."
    )


@router.get(
    "/articles/{article_id}/annotations",
    response=answers({200: None}),
    summary="An article's approved annotations (W3C Web Annotations)",
    openapi_extra={"responses": _WEB_ANNOTATIONS},
)
def article_annotations(request: HttpRequest, article_id: PathId, query: Query[PageQuery]):
    """The article's approved events, then its approved mentions, as the desk's export
    makes them: TextQuoteSelector and TextPositionSelector for each, pages of 500."""
    require(request, "articles.view_article", doing="read articles")
    if not Article.objects.filter(pk=article_id).exists():
        raise not_found(f"There is no article {article_id}.")
    response = web_annotations.article_annotations(request, article_id)
    if response.status_code == 404:  # a page past the last, in the API's shape
        raise ApiError(404, "not_found", response.content.decode(), field="page")
    return response


@router.get(
    "/annotations",
    response=answers({200: None}),
    summary="Every article's approved annotations, one W3C Web Annotation a line",
    openapi_extra={
        "responses": {
            200: {
                "description": "JSON Lines: one annotation (with its @context) a line.",
                "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            }
        }
    },
)
def all_annotations(request: HttpRequest):
    """Every article's approved events, then its approved mentions, as the export at
    /articles/annotations.jsonl writes them; streamed, so it may be as long as the desk."""
    require(request, "articles.view_article", doing="read articles")
    return annotation_dump.annotations_stream(request)


class ChronologyOut(Schema):
    slug: str
    title: str
    description: str
    entry_count: int = Field(description="Published entries.")
    first_date: str | None = Field(description="EDTF of the first entry.")
    last_date: str | None
    url: str = Field(description="The public page.")

    @staticmethod
    def resolve_url(chronology: Chronology, context) -> str:
        return context["request"].build_absolute_uri(chronology.get_absolute_url())


@router.get("/chronologies", response=answers({200: list[ChronologyOut]}), summary="Chronologies")
def list_chronologies(request: HttpRequest):
    """The public chronologies, as /c/ lists them. (A private one is a curators'
    preview, on the desk only.)"""
    return selectors.public_chronologies().order_by("title", "pk")


class CitationOut(Schema):
    event_id: int
    source: str
    article_title: str
    published_on: date | None
    before: str
    quote: str
    after: str


class TakingOut(Schema):
    entity_id: int
    name: str
    kind: str
    roles: list[str]
    wikidata_id: str


class EntryOut(Schema):
    slug: str
    headline: str
    description: str
    date: str = Field(description="EDTF, or empty.")
    date_display: str
    type: str
    type_name: str
    published_at: datetime | None
    participants: list[TakingOut]
    citations: list[CitationOut]


class EntriesOut(Schema):
    count: int
    next: str | None
    items: list[EntryOut]


class EntriesQuery(Schema):
    offset: Annotated[int, Field(ge=0, le=2**31 - 1)] = 0


@router.get(
    "/chronologies/{slug}/entries",
    response=answers({200: EntriesOut}),
    summary="A chronology's published entries, with their citations",
)
def chronology_entries(
    request: HttpRequest,
    slug: Annotated[str, Field(max_length=120)],
    query: Query[EntriesQuery],
):
    """Published entries in date order, 100 a page (follow ``next``), each with its
    participants and its citations: the quoted words of each approved event, with
    their source."""
    chronology = Chronology.objects.filter(slug=slug, is_public=True).first()
    if chronology is None:
        raise not_found(f"There is no public chronology “{slug}”.")
    dated = export_reads.published_entry_dates(chronology)
    ids = [pk for pk, _ in dated[query.offset : query.offset + ENTRIES_PAGE]]
    entries = export_reads.public_entries_in(
        chronology, ids, event_types=export_reads.event_types_by_id()
    )
    following = query.offset + ENTRIES_PAGE
    path = reverse("api-v1:chronology_entries", args=[slug])
    return {
        "count": len(dated),
        "next": request.build_absolute_uri(f"{path}?offset={following}")
        if following < len(dated)
        else None,
        "items": [_entry(public) for public in entries],
    }


def _entry(public: selectors.PublicEntry) -> dict:
    entry = public.entry
    return {
        "slug": entry.slug,
        "headline": entry.headline,
        "description": entry.description,
        "date": entry.date,
        "date_display": entry.date_display,
        "type": entry.event_type.slug,
        "type_name": str(entry.event_type),
        "published_at": entry.published_at,
        "participants": [
            {
                "entity_id": taking.entity_id,
                "name": taking.name,
                "kind": taking.kind_slug,
                "roles": list(taking.roles),
                "wikidata_id": taking.wikidata_id,
            }
            for taking in public.participants
        ],
        "citations": [citation._asdict() for citation in public.citations],
    }
