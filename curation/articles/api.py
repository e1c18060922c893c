"""The API's articles: bulk import, the list (metadata, by cursor) and one article.

Thin: the import runs ``bulk_import.articles_import_items`` (the command line's
pipeline), the list ``selectors.articles_for_list`` and ``articles_filtered``.
"""

import functools
from datetime import UTC, date, datetime

from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import field_validator, model_validator

from curation.api.access import require
from curation.api.errors import ApiError, ErrorDetail, not_found
from curation.api.limits import check_item_count, request_body
from curation.api.paging import IdCursorPagination
from curation.api.schemas import ItemResult, PathId, Plain, answers
from curation.articles.bulk_import import AtomicImportFailed, ItemOutcome, articles_import_items
from curation.articles.importing.bulk import BulkFormatError, read_bulk
from curation.articles.models import Source
from curation.articles.selectors import articles_filtered, articles_for_list

router = Router(tags=["articles"])


class ImportItem(Schema):
    """One article, as a JSONL line of the command line's import: only ``body`` is
    needed; the title, date and source are detected from it when left out."""

    body: str = Field(description="The article's text; paragraphs separated by blank lines.")
    title: str | None = None
    source: str | None = Field(
        None, description="The outlet, by name or slug; created if the desk doesn't know it."
    )
    published_on: str | None = Field(None, description="YYYY-MM-DD", examples=["2024-06-27"])
    url: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    byline: str | None = None


class ImportOut(Schema):
    imported: int
    already: int
    failed: int
    results: list[ItemResult]


class ImportFailedOut(Schema):
    """An all-or-nothing import with bad items: nothing was imported."""

    error: ErrorDetail
    results: list[ItemResult] = Field([], description="With atomic=1: every failed item.")


class ImportQuery(Schema):
    atomic: bool = Field(False, description="1: import all the items or none of them.")
    source: str | None = Field(
        None, description="The source (by slug) of every item, whatever the items say."
    )
    published_on: date | None = Field(
        None, description="The publication date of items that state none and show none."
    )


_IMPORT_BODY = {
    "required": True,
    "description": (
        "A JSON array of articles, or JSON Lines (one article object per line). At most "
        "CURATION_API_MAX_ITEMS items (default 10,000) and CURATION_API_MAX_BODY_BYTES "
        "(default 48 MB)."
    ),
    "content": {
        "application/json": {
            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ImportItem"}}
        },
        "application/x-ndjson": {
            "schema": {"type": "string", "description": "One ImportItem object per line."}
        },
    },
}


@router.post(
    "/articles/import",
    response=answers({200: ImportOut}) | {422: ImportFailedOut},
    summary="Import articles in bulk",
    openapi_extra={"requestBody": _IMPORT_BODY},
)
def import_articles(request: HttpRequest, options: Query[ImportQuery]):
    """Runs the command line's import on each item (cleaning, metadata detection, the
    duplicate check) and answers one result per item, by its ``index`` from 0 (its
    line, from 0, in JSON Lines): ``imported`` with the new article's ``id``,
    ``already`` with the id of the article that has the same text, or ``failed`` with
    the reason. Sending the same items again imports nothing twice.

    With ``atomic=1`` one failed item means nothing is imported (422, with every
    failure); otherwise the other items are imported."""
    require(request, "articles.add_article", doing="import articles")
    source = _source(options.source)
    try:
        count, items = read_bulk(
            request_body(request),
            max_bytes=settings.CURATION_IMPORT_MAX_BYTES,
            helpers=settings.CURATION_IMPORT_HELPER_PROCESSES,
        )
    except BulkFormatError as error:
        raise ApiError(400, "bad_body", str(error)) from None
    check_item_count(count, what="articles")
    try:
        outcomes = articles_import_items(
            items=items,
            imported_by=request.user,
            source=source,
            published_on=options.published_on,
            atomic=options.atomic,
        )
    except AtomicImportFailed as failed:
        first = failed.failures[0]
        return Status(
            422,
            {
                "error": {
                    "code": "import_failed",
                    "message": f"{failed} The first is item {first.index}: {first.message}",
                    "index": first.index,
                },
                "results": [_result(outcome) for outcome in failed.failures],
            },
        )
    counts = {"imported": 0, "already": 0, "failed": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
    return {**counts, "results": [_result(outcome) for outcome in outcomes]}


def _source(slug: str | None) -> Source | None:
    if slug is None:
        return None
    source = Source.objects.filter(slug=slug).first()
    if source is None:
        raise ApiError(
            422,
            "unknown_source",
            f"No source has the slug “{slug}”. Leave it out to use each item's own, or "
            "ask an admin to add the source.",
            field="source",
        )
    return source


def _result(outcome: ItemOutcome) -> dict:
    result = {"index": outcome.index, "status": outcome.status, "warnings": outcome.warnings}
    if outcome.article_id is not None:
        result["id"] = outcome.article_id
    if outcome.status == "failed":
        result["error"] = {"code": "invalid", "message": outcome.message, "index": outcome.index}
    return result


class ArticleOut(Plain):
    id: int
    title: str
    kicker: str
    byline: str
    source: str | None = Field(alias="source_slug", description="The source's slug.")
    source_name: str | None
    published_on: date | None
    needs_date: bool
    date_from_dateline: bool = Field(
        description="The date was read from a dateline: an editor should check it."
    )
    url: str
    imported_at: datetime
    mention_count: int
    event_count: int

    @model_validator(mode="before")
    @classmethod
    def with_needs_date(cls, row: dict) -> dict:
        return {**row, "needs_date": row["published_on"] is None}


class ArticleDetailOut(ArticleOut):
    standfirst: str
    body: str = Field(description="The clean text; every offset points into it.")
    import_notes: str


# Read as rows, not model instances: a page of a hundred is then a third cheaper.
ROW_FIELDS = (
    "id",
    "title",
    "kicker",
    "byline",
    "published_on",
    "date_from_dateline",
    "url",
    "imported_at",
    "mention_count",
    "event_count",
)


@functools.cache
def _listed():
    """The list's rows, built once per process and cloned for each request: resolving
    the counts' subqueries again took a tenth of a request's time. (Never evaluated
    itself, so it holds no rows.)"""
    return _rows(articles_for_list())


def _rows(articles, *more: str):
    return articles.values(
        *ROW_FIELDS, *more, source_slug=F("source__slug"), source_name=F("source__name")
    )


class ArticleFilters(Schema):
    source: str | None = Field(None, description="A source's slug.")
    published_from: date | None = None
    published_to: date | None = None
    needs_date: bool | None = Field(None, description="1: only articles without a date.")
    updated_since: datetime | None = Field(
        None, description="Imported, edited or corrected at or after this moment (ISO 8601)."
    )

    @field_validator("updated_since")
    @classmethod
    def in_utc(cls, moment: datetime | None) -> datetime | None:
        """As UTC (a moment without an offset is taken as UTC): a database takes offsets
        of less than a day only up to about ±16 hours."""
        if moment is None:
            return None
        try:
            return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
        except OverflowError:
            raise ValueError("that moment is out of range") from None


@router.get("/articles", response=answers({200: list[ArticleOut]}), summary="List articles")
@paginate(IdCursorPagination)
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]):
    """Articles' metadata (no text), oldest first, 100 a page; follow ``next``."""
    require(request, "articles.view_article", doing="read articles")
    return articles_filtered(_listed().all(), **filters.dict())


@router.get(
    "/articles/{article_id}", response=answers({200: ArticleDetailOut}), summary="One article"
)
def get_article(request: HttpRequest, article_id: PathId):
    """An article with its text."""
    require(request, "articles.view_article", doing="read articles")
    article = (
        _rows(articles_for_list().filter(pk=article_id), "standfirst", "body", "import_notes")
        .order_by()
        .first()
    )
    if article is None:
        raise not_found(f"There is no article {article_id}.")
    return article
