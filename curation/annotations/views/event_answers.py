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
    return _listed(request, article, event if text else None, context, message)


def event_unlisted(request: HttpRequest, event: Event, *, pk: int, message: str) -> HttpResponse:
    """A placed event deleted (``pk`` was its id: a deleted model's is None): its item
    goes, and its paragraphs show it gone."""
    count = event_reads.placed_event_count(event.article_id)
    if count == 0:
        return events_changed(
            request, event.article, start=event.start, end=event.end, message=message
        )
    context = {"event": None, "count": count, "removed": pk}
    return _listed(request, event.article, event, context, message)


def _listed(
    request: HttpRequest, article: Article, touching: Event | None, context: dict, message: str
) -> HttpResponse:
    suggesting = request.POST.get("suggest") == "1"
    paragraphs = []
    if touching is not None:
        text = selectors.text_update(
            article, start=touching.start, end=touching.end, suggesting=suggesting
        )
        paragraphs = text.paragraphs
    context |= {
        "article": article,
        "changed_paragraphs": paragraphs,
        "my_draft_count": selectors.draft_count(article, request.user),
        "suggesting": suggesting,
        "message": message,
    }
    return render(request, "annotations/event_listed.html", context)


def events_changed(
    request: HttpRequest, article: Article, *, start: int | None, end: int | None, message: str
) -> HttpResponse:
    """The whole events list, the paragraphs of [start, end) and the count of the
    editor's drafts; for an orphan (``start`` None), the Orphans panel instead of
    paragraphs."""
    suggesting = request.POST.get("suggest") == "1"
    text = selectors.text_update(article, start=start, end=end, suggesting=suggesting)
    context = {
        "article": article,
        "events": event_reads.article_events(article),
        "changed_paragraphs": text.paragraphs,
        "my_draft_count": selectors.draft_count(article, request.user),
        "suggesting": suggesting,
        "message": message,
    }
    response = render(request, "annotations/events_changed.html", context)
    return response if start is not None else with_orphans_panel(request, response, article)
