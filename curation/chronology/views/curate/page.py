"""The curation page (/curate/): approved events waiting for an entry, in date order,
each with the events and entries that may report the same happening. A curator makes
an entry of one (c), merges it with the top suggestion (m), or says it is not the same
(n). Merging is never automatic.

An action answers with only what changed: the cards of events that left the list, the
suggestions of the cards on the curator's page that changed (their ids come with the
request), and a line for the status region."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from curation.annotations.errors import AnnotationError
from curation.annotations.models import Event
from curation.chronology import services
from curation.chronology.candidates import WaitingRow, for_the_page, waiting_events, waiting_rows
from curation.chronology.models import Entry
from curation.chronology.views.curate.common import (
    UNPROCESSABLE,
    curators,
    expected_version,
    posted_ids,
    refusal,
)

PAGE = "chronology/curate.html"
PER_PAGE = 20
GARBLED = "The suggestion came back garbled, so nothing was changed. Reload the page."


@require_GET
@curators("chronology.change_entry")
def curate(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(for_the_page(waiting_events()), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        PAGE,
        {
            "rows": waiting_rows(list(page.object_list)),
            "page": page,
            "paginator": paginator,
            "nav_section": "curate",
        },
    )


def _shown_ids(request: HttpRequest, acted_on: int) -> list[int]:
    """The cards on the curator's page, the one acted on among them."""
    return list(dict.fromkeys([*posted_ids(request, "shown"), acted_on]))


def _shown(request: HttpRequest, acted_on: int) -> dict[int, WaitingRow]:
    """Those of the curator's cards that are still waiting, with their suggestions."""
    events = for_the_page(waiting_events().filter(pk__in=_shown_ids(request, acted_on)))
    return {row.event.pk: row for row in waiting_rows(list(events))}


def _answer(
    request: HttpRequest,
    before: dict[int, WaitingRow],
    *,
    acted_on: int,
    message: str,
    status: int = 200,
    entry: Entry | None = None,
) -> HttpResponse:
    """After an action (done or refused): the cards that left, the suggestion lists that
    changed, and the message. Without htmx: back to the page, with the message."""
    if not request.htmx:
        (messages.success if status == 200 else messages.error)(request, message)
        page = request.POST.get("page", "")
        query = f"?page={page}" if page.isascii() and page.isdigit() and len(page) < 7 else ""
        return redirect(reverse("chronology:curate") + query)
    after = _shown(request, acted_on)
    # Cards leave when their event left the list, by this action or another curator's.
    removed = [pk for pk in _shown_ids(request, acted_on) if pk not in after]
    changed = [
        row
        for pk, row in after.items()
        if pk not in before or row.signature != before[pk].signature
    ]
    return render(
        request,
        "chronology/curate_acted.html",
        {
            "message": message,
            "error": status != 200,
            "entry": entry,
            "removed": removed,
            "changed": changed,
        },
        status=status,
    )


def _target(request: HttpRequest, event_pk: int) -> tuple[str, int] | None:
    """The suggestion acted on: ("event", id) or ("entry", id); None when garbled (or
    naming the event itself, which no suggestion does)."""
    kind, _, number = request.POST.get("with", "").partition("-")
    if kind not in ("event", "entry") or not (number.isascii() and number.isdigit()):
        return None
    if len(number) > 18 or (kind, int(number)) == ("event", event_pk):
        return None
    return kind, int(number)


@require_POST
@curators("chronology.change_entry", "chronology.add_entry")
def create(request: HttpRequest, pk: int) -> HttpResponse:
    """c: a new draft entry from one event."""
    event = get_object_or_404(Event, pk=pk)
    before = _shown(request, pk)
    try:
        entry = services.entry_create(events=[event], by=request.user)
    except AnnotationError as error:
        status, message = refusal(request, error)
        return _answer(request, before, acted_on=pk, message=message, status=status)
    return _answer(
        request, before, acted_on=pk, message=f"New draft entry “{entry.headline}”.", entry=entry
    )


@require_POST
@curators("chronology.change_entry", "chronology.add_entry")
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """m: the event and a suggested event become one new entry, or the event joins a
    suggested entry (at the version of the entry the curator saw)."""
    event = get_object_or_404(Event, pk=pk)
    target = _target(request, pk)
    before = _shown(request, pk)
    if target is None:
        return _answer(request, before, acted_on=pk, message=GARBLED, status=UNPROCESSABLE)
    kind, other_pk = target
    try:
        if kind == "event":
            other = Event.objects.filter(pk=other_pk).first()
            if other is None:
                raise services.ChronologyError(
                    "The event suggested was deleted a moment ago, so nothing was merged."
                )
            entry = services.entry_create(events=[event, other], by=request.user)
            message = f"Merged “{event.headline}” and “{other.headline}” into a new draft entry."
        else:
            entry = Entry.objects.filter(pk=other_pk).first()
            if entry is None:
                raise services.ChronologyError(
                    "The entry suggested was merged or deleted a moment ago, so nothing was "
                    "merged. Reload the page to see where things stand."
                )
            services.entry_add_events(
                entry=entry,
                events=[event],
                by=request.user,
                expected_version=expected_version(request),
            )
            message = f"Added “{event.headline}” to the entry “{entry.headline}”."
    except AnnotationError as error:
        status, message = refusal(request, error)
        return _answer(request, before, acted_on=pk, message=message, status=status)
    return _answer(request, before, acted_on=pk, message=message, entry=entry)


@require_POST
@curators("chronology.change_entry", "chronology.add_notsameevent")
def not_same(request: HttpRequest, pk: int) -> HttpResponse:
    """n: the event and a suggested event (or each event of a suggested entry) report
    different happenings; the pair is never suggested again."""
    event = get_object_or_404(Event, pk=pk)
    target = _target(request, pk)
    before = _shown(request, pk)
    if target is None:
        return _answer(request, before, acted_on=pk, message=GARBLED, status=UNPROCESSABLE)
    kind, other_pk = target
    if kind == "event":
        others = list(Event.objects.filter(pk=other_pk))
        what = f"“{others[0].headline}”" if others else ""
    else:
        entry = Entry.objects.filter(pk=other_pk).first()
        others = list(Event.objects.filter(chronology_entry__entry=entry)) if entry else []
        what = f"the entry “{entry.headline}”" if entry else ""
    if not others:
        return _answer(
            request,
            before,
            acted_on=pk,
            message="What was suggested is gone since the page was loaded: nothing to note.",
            status=UNPROCESSABLE,
        )
    services.not_same(event=event, others=others, by=request.user)
    return _answer(
        request,
        before,
        acted_on=pk,
        message=f"Noted: “{event.headline}” is not the same as {what}. They won't be "
        "suggested together again.",
    )
