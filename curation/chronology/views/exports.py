"""The exports of a public chronology, at stable URLs without a login: TimelineJS JSON,
CSV, Atom and iCalendar. Only published entries of public chronologies appear (any other
chronology's exports are 404s); the formats are built in curation/chronology/exports/.
The Web Annotations are in views/web_annotations.py.

The long exports stream (``export_reads.export_entries``; the CSV through
``summarised_entries``, which keeps only each entry's cells): the citations and
participants of every entry are read first, then the entries chunk by chunk, each chunk
written as it comes; a constant number of queries, however long the chronology.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import (
    HttpRequest,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from curation.chronology import export_reads
from curation.chronology.exports import csvtable, ical, timelinejs
from curation.chronology.exports.dates import calendar_days
from curation.chronology.exports.html import entry_html
from curation.chronology.models import Chronology, Entry
from curation.chronology.selectors import PublicEntry

JSON_SEPARATORS = (",", ":")


def public_chronology(slug: str) -> Chronology:
    """The public chronology of that slug; 404 for a private or unknown one."""
    return get_object_or_404(Chronology, slug=slug, is_public=True)


def _entry_link(page: str, entry: Entry) -> str:
    return f"{page}#entry-{entry.slug}"


def compact_json(value) -> str:
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
        yield f'{{"title":{compact_json(title)},"events":['
        first = True
        for batch in export_reads.export_entries(chronology):
            slides = ",".join(
                compact_json(timelinejs.slide(item, link=_entry_link(page, item.entry)))
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
