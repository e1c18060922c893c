"""W3C Web Annotations, paged as the protocol's collections: a public chronology's
cited passages (no login), and an article's approved events and mentions for the
desk's staff.

A page is ``?page=N``. The ``next`` link of a chronology's page also says where its
last annotation stands (``&after=article.start.event``), so that following the links
finds each page from the index at that place rather than skipping every annotation
before it: reading every page costs in proportion to the annotations, not to their
square. A page asked for by number alone is found by skipping, and is the same page.
"""

import re
from collections.abc import Callable
from typing import NamedTuple

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from curation.articles.models import Article, linkable
from curation.chronology import export_reads
from curation.chronology.exports import webannotation
from curation.chronology.views.exports import compact_json, public_chronology
from curation.reversing import reverse_with_pk

_PLACE = re.compile(r"(\d{1,18})\.(\d{1,18})\.(\d{1,18})", re.ASCII)


class Items(NamedTuple):
    """A page's annotations, and where each stands (``after`` of the next page), when
    the collection is paged by place."""

    annotations: list[dict]
    places: list[str]


type ItemsFrom = Callable[[int, int, tuple[int, ...] | None], Items]


def _digits(asked: str) -> bool:
    """ASCII digits only: "²" is a digit to Python, not a page number."""
    return asked.isascii() and asked.isdigit()


def _not_a_page(asked: str, total: int) -> HttpResponse:
    if _digits(asked):
        pages = webannotation.page_count(total)
        return HttpResponseNotFound(
            f"There is no page {asked}: this collection has {pages} page"
            f"{'' if pages == 1 else 's'} of {webannotation.PAGE_SIZE} annotations, "
            "numbered from 0.",
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponseBadRequest(
        f"“page={asked}” is not a page number. Pages are numbered from 0 "
        f"(this collection has {webannotation.page_count(total)}); leave page out for the "
        "collection.",
        content_type="text/plain; charset=utf-8",
    )


class WebAnnotator:
    """Turns the desk's approved events and mentions into annotations with absolute IRIs."""

    def __init__(self, request: HttpRequest):
        self.origin = request.build_absolute_uri("/").rstrip("/")

    def _target(self, span, *, article_id: int, url: str, imported_at) -> dict:
        external = linkable(url)
        return webannotation.text_target(
            source=external or self.origin + reverse_with_pk("articles:detail", pk=article_id),
            quote=span.quote,
            prefix=span.prefix,
            suffix=span.suffix,
            start=span.start,
            end=span.end,
            captured=imported_at if external else None,
        )

    def _article_target(self, span, article: Article) -> dict:
        return self._target(
            span, article_id=article.pk, url=article.url, imported_at=article.imported_at
        )

    def events(self, events: list[export_reads.EventRow]) -> list[dict]:
        tags = export_reads.event_tags(events)
        return [
            webannotation.annotation(
                id=self.origin + reverse_with_pk("annotations:event-history", pk=event.pk),
                motivation="describing",
                created=event.created_at,
                body=webannotation.event_bodies(
                    headline=event.headline,
                    type_name=event.type_label,
                    date=event.date,
                    participants=[
                        webannotation.Named(tag.name, tag.kind, tag.wikidata_id)
                        for tag in tags.get(event.pk, [])
                    ],
                ),
                target=self._target(
                    event, article_id=event.article_id, url=event.url, imported_at=event.imported_at
                ),
            )
            for event in events
        ]

    def mentions(self, mentions, article: Article) -> list[dict]:
        return [
            self._mention(
                mention,
                webannotation.Named(
                    mention.entity.name, mention.entity.kind.name, mention.entity.wikidata_id
                ),
                self._article_target(mention, article),
            )
            for mention in mentions
        ]

    def mention_rows(self, rows: list[export_reads.MentionRow]) -> list[dict]:
        """Annotations of mentions read as rows (``export_reads.all_annotation_mentions``),
        each in its own article."""
        return [
            self._mention(
                row,
                webannotation.Named(row.entity_name, row.kind_name, row.wikidata_id),
                self._target(
                    row, article_id=row.article_id, url=row.url, imported_at=row.imported_at
                ),
            )
            for row in rows
        ]

    def _mention(self, mention, entity: webannotation.Named, target: dict) -> dict:
        return webannotation.annotation(
            id=self.origin + reverse_with_pk("annotations:mention-history", pk=mention.pk),
            motivation="identifying",
            created=mention.created_at,
            body=webannotation.mention_bodies(entity),
            target=target,
        )


def _annotations_response(described: dict) -> HttpResponse:
    return HttpResponse(compact_json(described), content_type=webannotation.CONTENT_TYPE)


def _annotations(
    request: HttpRequest, *, label: str, total: Callable[[], int], items_from: ItemsFrom
) -> HttpResponse:
    """The collection, or the page asked for; ``items_from(offset, limit, after)`` reads
    one, from ``after`` when the request says where the page starts, else from
    ``offset``. A page reads one item more than it holds to know whether another
    follows, rather than counting the collection (``total``, which the collection
    says)."""
    asked = request.GET.get("page")
    collection = request.build_absolute_uri(request.path)
    size = webannotation.PAGE_SIZE
    if asked is None:
        count = total()
        first = items_from(0, size + 1, None) if count else Items([], [])
        return _annotations_response(
            webannotation.collection(
                id=collection,
                label=label,
                total=count,
                first_items=first.annotations[:size],
                next_after=_next_after(first, size),
            )
        )
    # far past any page (and past what the database's OFFSET holds): none
    number = int(asked) if _digits(asked) and len(asked.lstrip("0")) < 10 else None
    after = request.GET.get("after")
    place = _place(after) if after is not None else None
    if after is not None and place is None:
        return _not_a_place(after)
    found = items_from(number * size, size + 1, place) if number is not None else Items([], [])
    if not found.annotations:
        return _not_a_page(asked, total())
    return _annotations_response(
        webannotation.page(
            collection=collection,
            number=number,
            has_next=len(found.annotations) > size,
            items=found.annotations[:size],
            embedded=False,
            next_after=_next_after(found, size),
        )
    )


def _next_after(found: Items, size: int) -> str | None:
    """Where the next page starts: after the page's last item, if one follows."""
    return found.places[size - 1] if len(found.places) > size else None


def _place(after: str) -> tuple[int, ...] | None:
    matched = _PLACE.fullmatch(after)
    return tuple(map(int, matched.groups())) if matched else None


def _not_a_place(after: str) -> HttpResponse:
    return HttpResponseBadRequest(
        f"“after={after}” is not a place in this collection: follow its next links as "
        "they are given, or leave after out and ask for the page by its number.",
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def chronology_annotations(request: HttpRequest, slug: str) -> HttpResponse:
    """The approved events that the published entries cite: what the public page quotes.
    The other mentions in those articles are not public (each would add more of the
    article's text), so they are only in the per-article export, for staff."""
    chronology = public_chronology(slug)
    annotator = WebAnnotator(request)

    def items_from(offset: int, limit: int, after: tuple[int, ...] | None) -> Items:
        ids = export_reads.chronology_annotation_event_ids(chronology, after=after)
        rows = export_reads.annotation_events_of(
            ids[:limit] if after else ids[offset : offset + limit]
        )
        places = [f"{row.article_id}.{row.start}.{row.pk}" for row in rows]
        return Items(annotator.events(rows), places)

    return _annotations(
        request,
        label=f"{chronology.title}: the cited passages",
        total=export_reads.chronology_annotation_event_ids(chronology).count,
        items_from=items_from,
    )


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_annotations(request: HttpRequest, pk: int) -> HttpResponse:
    """An article's approved events, then its approved mentions."""
    article = get_object_or_404(Article.objects.only("title", "url", "imported_at"), pk=pk)
    events = export_reads.article_annotation_events(article.pk)
    mentions = export_reads.article_annotation_mentions(article.pk)
    event_total = events.count()
    annotator = WebAnnotator(request)

    def items_from(offset: int, limit: int, after: None) -> Items:
        """Paged by number alone: the next links say no place."""
        items = []
        if offset < event_total:
            items += annotator.events(export_reads.event_rows(events[offset : offset + limit]))
        if len(items) < limit and offset + len(items) >= event_total:
            start = max(0, offset - event_total)
            taken = mentions[start : start + limit - len(items)]
            items += annotator.mentions(taken, article)
        return Items(items, [])

    return _annotations(
        request,
        label=f"{article.title}: approved mentions and events",
        total=lambda: event_total + mentions.count(),
        items_from=items_from,
    )
