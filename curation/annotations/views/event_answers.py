"""The workspace's answers to a change of an event: the popover's or form slot's
confirmation and, out of band, only what changed. A placed event recorded, changed or
deleted sends its own item of the events list (taken out, put in its place in date
order), the count, the paragraphs it touched and the editor's drafts, whatever the
events around it. An answer that starts the list or leaves it empty sends the whole
panel, as does a change to an orphan (with the Orphans panel)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from curation.annotations import event_reads, selectors
from curation.annotations.models import Event
from curation.annotations.views.common import with_orphans_panel
from curation.articles.models import Article

LISTED = "annotations/event_listed.html"  # one event's item in or out
CHANGED = "annotations/events_changed.html"  # the whole list


def event_listed(
    request: HttpRequest, event: Event, *, message: str, replaces: bool, text: bool = True
) -> HttpResponse:
    """A placed event recorded (``replaces`` False) or changed (True: its old item goes),
    with its paragraphs when ``text``."""
    article = event.article
    place = event_reads.event_place(event)
    if place.count == 1 and not replaces:
        return events_changed(request, article, start=event.start, end=event.end, message=message)
    context = {
        "event": event_reads.listed_event(event.pk),
        "place": place,
        "count": place.count,
        "removed": event.pk if replaces else None,
    }
    start, end = (event.start, event.end) if text else (None, None)
    return _answer(request, article, LISTED, context, start, end, message=message)


def event_unlisted(request: HttpRequest, event: Event, *, pk: int, message: str) -> HttpResponse:
    """A placed event deleted (``pk`` was its id: a deleted model's is None): its item
    goes, and its paragraphs show it gone."""
    count = event_reads.placed_event_count(event.article_id)
    if count == 0:
        return events_changed(
            request, event.article, start=event.start, end=event.end, message=message
        )
    context = {"event": None, "count": count, "removed": pk}
    return _answer(request, event.article, LISTED, context, event.start, event.end, message=message)


def events_changed(
    request: HttpRequest, article: Article, *, start: int | None, end: int | None, message: str
) -> HttpResponse:
    """The whole events list, the paragraphs of [start, end) and the count of the
    editor's drafts; for an orphan (``start`` None), the Orphans panel instead of
    paragraphs."""
    context = {"events": event_reads.article_events(article)}
    response = _answer(request, article, CHANGED, context, start, end, message=message)
    return response if start is not None else with_orphans_panel(request, response, article)


def _answer(
    request: HttpRequest,
    article: Article,
    template: str,
    context: dict,
    start: int | None,
    end: int | None,
    *,
    message: str,
) -> HttpResponse:
    """``template`` with ``context``, the paragraphs of [start, end) (none when ``start``
    is None), the count of the editor's drafts and the message."""
    suggesting = request.POST.get("suggest") == "1"
    paragraphs = []
    if start is not None:
        paragraphs = selectors.text_update(
            article, start=start, end=end, suggesting=suggesting
        ).paragraphs
    context |= {
        "article": article,
        "changed_paragraphs": paragraphs,
        "my_draft_count": selectors.draft_count(article, request.user),
        "suggesting": suggesting,
        "message": message,
    }
    return render(request, template, context)
