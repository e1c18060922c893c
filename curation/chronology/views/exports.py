"""The exports of a public chronology, at stable URLs without a login: TimelineJS JSON,
CSV, Atom, iCalendar and W3C Web Annotations; and an article's Web Annotations for the
desk's staff. Only published entries of public chronologies appear (any other
chronology's exports are 404s); the formats are built in curation/chronology/exports/.

The long exports stream (``export_reads.export_entries``; the CSV through
``summarised_entries``, which keeps only each entry's cells): the citations and
participants of every entry are read first, then the entries chunk by chunk, each chunk
written as it comes; a constant number of queries, however long the chronology. The Web
Annotations are paged.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.syndication.views import Feed
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from curation.articles.models import Article, linkable
from curation.chronology import export_reads
from curation.chronology.exports import csvtable, ical, timelinejs, webannotation
from curation.chronology.exports.dates import calendar_days
from curation.chronology.exports.html import entry_html
from curation.chronology.models import Chronology, Entry
from curation.chronology.selectors import PublicEntry
from curation.reversing import reverse_with_pk

JSON_SEPARATORS = (",", ":")


def public_chronology(slug: str) -> Chronology:
    """The public chronology of that slug; 404 for a private or unknown one."""
    return get_object_or_404(Chronology, slug=slug, is_public=True)


def _entry_link(page: str, entry: Entry) -> str:
    return f"{page}#entry-{entry.slug}"


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=JSON_SEPARATORS)


# --- TimelineJS --------------------------------------------------------------------------


@require_GET
def timeline_json(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    chronology = public_chronology(slug)
    page = request.build_absolute_uri(chronology.get_absolute_url())
    dates = export_reads.published_entry_dates(chronology)
    title = timelinejs.title_slide(
        title=chronology.title,
        description=chronology.description,
        undated=sum(1 for _, value in dates if not value),
    )

    def stream() -> Iterator[str]:
        yield f'{{"title":{_dump(title)},"events":['
        first = True
        for batch in export_reads.export_entries(chronology):
            slides = ",".join(
                _dump(timelinejs.slide(item, link=_entry_link(page, item.entry)))
                for item in batch
                if item.entry.date
            )
            if slides:
                yield slides if first else "," + slides
                first = False
        yield "]}"

    return StreamingHttpResponse(stream(), content_type="application/json; charset=utf-8")


# --- CSV ---------------------------------------------------------------------------------


@require_GET
def entries_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    chronology = public_chronology(slug)

    def stream() -> Iterator[str]:
        yield csvtable.encode([csvtable.HEADER])
        for batch in export_reads.summarised_entries(chronology, csvtable.details_cells):
            yield csvtable.encode(csvtable.rows(batch))

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chronology.slug}.csv"'
    return response


# --- Atom --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedItem:
    page: str  # the chronology's page, without the domain
    details: PublicEntry


class ChronologyFeed(Feed):
    """The last 50 entries published in the chronology, newest first."""

    feed_type = Atom1Feed
    size = 50

    def get_object(self, request, slug):
        return Chronology.objects.get(slug=slug, is_public=True)

    def title(self, chronology):
        return chronology.title

    def subtitle(self, chronology):
        return chronology.description or f"Newly published entries of {chronology.title}"

    def link(self, chronology):
        return chronology.get_absolute_url()

    def items(self, chronology):
        page = chronology.get_absolute_url()
        newest = export_reads.feed_entries(chronology, limit=self.size)
        return [FeedItem(page, item) for item in newest]

    def item_title(self, item):
        # Atom titles are text: the feed writer escapes them, once.
        return item.details.entry.headline

    def item_description(self, item):
        return entry_html(item.details, with_date=True)

    def item_link(self, item):
        return _entry_link(item.page, item.details.entry)

    def item_pubdate(self, item):
        return item.details.entry.published_at

    def item_updateddate(self, item):
        return item.details.entry.published_at

    def item_categories(self, item):
        return [str(item.details.entry.event_type)]


chronology_feed = require_GET(ChronologyFeed())


# --- iCalendar ---------------------------------------------------------------------------


@require_GET
def calendar_ics(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    chronology = public_chronology(slug)
    page = request.build_absolute_uri(chronology.get_absolute_url())
    host = request.get_host().split(":")[0]
    dates = export_reads.published_entry_dates(chronology)
    head = ical.calendar_head(
        name=chronology.title,
        description=chronology.description,
        url=page,
        left_out=sum(1 for _, value in dates if calendar_days(value) is None),
    )

    def stream() -> Iterator[bytes]:
        yield head
        for batch in export_reads.export_entries(chronology, stamped=True):
            yield b"".join(
                ical.calendar_event(
                    item,
                    days=days,
                    uid=f"entry-{item.entry.pk}@{host}",
                    link=_entry_link(page, item.entry),
                    stamp=item.entry.updated_at,
                )
                for item in batch
                if (days := calendar_days(item.entry.date)) is not None
            )
        yield ical.CALENDAR_END

    response = StreamingHttpResponse(stream(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{chronology.slug}.ics"'
    return response


# --- W3C Web Annotations -----------------------------------------------------------------


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
    return HttpResponse(_dump(described), content_type=webannotation.CONTENT_TYPE)


def _annotations(
    request: HttpRequest, *, label: str, total: Callable[[], int], items_from
) -> HttpResponse:
    """The collection, or the page asked for; ``items_from(offset, limit)`` reads one.
    A page reads one item more than it holds to know whether another follows, rather
    than counting the collection (``total``, which the collection says), so that reading
    every page of a chronology's costs in proportion to its annotations, not to pages ×
    annotations."""
    asked = request.GET.get("page")
    collection = request.build_absolute_uri(request.path)
    size = webannotation.PAGE_SIZE
    if asked is None:
        count = total()
        first = items_from(0, size) if count else []
        return _annotations_response(
            webannotation.collection(id=collection, label=label, total=count, first_items=first)
        )
    # far past any page (and past what the database's OFFSET holds): none
    number = int(asked) if _digits(asked) and len(asked.lstrip("0")) < 10 else None
    items = items_from(number * size, size + 1) if number is not None else []
    if not items:
        return _not_a_page(asked, total())
    return _annotations_response(
        webannotation.page(
            collection=collection,
            number=number,
            has_next=len(items) > size,
            items=items[:size],
            embedded=False,
        )
    )


@require_GET
def chronology_annotations(request: HttpRequest, slug: str) -> HttpResponse:
    """The approved events that the published entries cite: what the public page quotes.
    The other mentions in those articles are not public (each would add more of the
    article's text), so they are only in the per-article export, for staff."""
    chronology = public_chronology(slug)
    ids = export_reads.chronology_annotation_event_ids(chronology)
    annotator = WebAnnotator(request)
    return _annotations(
        request,
        label=f"{chronology.title}: the cited passages",
        total=ids.count,
        items_from=lambda offset, limit: annotator.events(
            export_reads.annotation_events_of(ids[offset : offset + limit])
        ),
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

    def items_from(offset: int, limit: int) -> list[dict]:
        items = []
        if offset < event_total:
            items += annotator.events(export_reads.event_rows(events[offset : offset + limit]))
        if len(items) < limit and offset + len(items) >= event_total:
            start = max(0, offset - event_total)
            taken = mentions[start : start + limit - len(items)]
            items += annotator.mentions(taken, article)
        return items

    return _annotations(
        request,
        label=f"{article.title}: approved mentions and events",
        total=lambda: event_total + mentions.count(),
        items_from=items_from,
    )
