"""What a curator does on an entry's page: edit its details, confirm its date, detach an
event, split events off, merge another entry into it, publish and unpublish, and mark a
correction's flag as checked. Every form
carries the version of the entry it was made from: a change against an older one is
refused (409) with who changed it, and the page shows the entry as it now stands."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from curation.annotations.errors import AnnotationError
from curation.annotations.models import Event
from curation.chronology import services
from curation.chronology.corrections import entry_attention_resolve
from curation.chronology.forms import EntryForm, PublishForm
from curation.chronology.models import Entry
from curation.chronology.views.curate.common import (
    UNPROCESSABLE,
    curators,
    expected_version,
    posted_ids,
    posted_version,
    refusal,
)
from curation.chronology.views.curate.entries import entry_page, with_entry

EDITS = ("chronology.change_entry",)


def _done(request: HttpRequest, entry: Entry, message: str) -> HttpResponse:
    if request.htmx:
        return entry_page(request, entry, message=message)
    messages.success(request, message)
    return redirect("chronology:curate-entry", pk=entry.pk)


def _refused(
    request: HttpRequest, entry: Entry, error: AnnotationError | str, **context
) -> HttpResponse:
    """The page with the refusal's message, and the entry as it is now stored."""
    if isinstance(error, str):
        status, message = UNPROCESSABLE, error
    else:
        status, message = refusal(request, error)
    entry.refresh_from_db()
    return entry_page(request, entry, status=status, message=message, error=True, **context)


def _gone_to_the_desk(request: HttpRequest, message: str) -> HttpResponse:
    messages.success(request, message)
    if request.htmx:
        return HttpResponseClientRedirect(reverse("chronology:curate"))
    return redirect("chronology:curate")


@require_POST
@curators(*EDITS)
@with_entry
def edit(request: HttpRequest, entry: Entry) -> HttpResponse:
    form = EntryForm(request.POST)
    if not form.is_valid():
        return _refused(
            request,
            entry,
            "Check the fields marked below; nothing was saved.",
            form=form,
            version=posted_version(request),
        )
    try:
        services.entry_update(
            entry=entry,
            by=request.user,
            expected_version=expected_version(request),
            **form.cleaned_data,
        )
    except AnnotationError as error:  # what they typed stays, to copy or send again
        return _refused(request, entry, error, form=form, version=posted_version(request))
    return _done(request, entry, "Saved.")


@require_POST
@curators(*EDITS)
@with_entry
def confirm_date(request: HttpRequest, entry: Entry) -> HttpResponse:
    try:
        services.entry_confirm_date(
            entry=entry, by=request.user, expected_version=expected_version(request)
        )
    except AnnotationError as error:
        return _refused(request, entry, error)
    return _done(
        request, entry, f"Date confirmed: {entry.date_display}. The entry can be published."
    )


def _events_of(entry: Entry, ids: list[int]) -> list[Event]:
    return list(Event.objects.filter(pk__in=ids, chronology_entry__entry=entry))


@require_POST
@curators(*EDITS)
@with_entry
def detach(request: HttpRequest, entry: Entry) -> HttpResponse:
    """Take one event out: it waits on the curation page again. An entry left without
    events is deleted."""
    events = _events_of(entry, posted_ids(request, "event")[:1])
    if not events:
        return _refused(request, entry, "That event is no longer in this entry.")
    [event] = events
    entry_id, headline = entry.pk, entry.headline
    try:
        services.entry_detach_event(
            entry=entry, event=event, by=request.user, expected_version=expected_version(request)
        )
    except AnnotationError as error:
        return _refused(request, entry, error)
    if not Entry.objects.filter(pk=entry_id).exists():
        return _gone_to_the_desk(
            request,
            f"Detached “{event.headline}”, the last event of “{headline}”, so the entry was "
            "deleted. The event waits here again.",
        )
    return _done(
        request, entry, f"Detached “{event.headline}”: it waits on the curation page again."
    )


@require_POST
@curators("chronology.change_entry", "chronology.add_entry")
@with_entry
def split(request: HttpRequest, entry: Entry) -> HttpResponse:
    """Move the chosen events into a new draft entry."""
    events = _events_of(entry, posted_ids(request, "event"))
    if not events:
        return _refused(request, entry, "Tick the events to split off into a new entry.")
    try:
        new = services.entry_split(
            entry=entry, events=events, by=request.user, expected_version=expected_version(request)
        )
    except AnnotationError as error:
        return _refused(request, entry, error)
    entry.refresh_from_db()
    url = reverse("chronology:curate-entry", args=[new.pk])
    return _done(
        request,
        entry,
        format_html(
            'Split {} event{} off into the new entry <a href="{}">“{}”</a>.',
            len(events),
            "" if len(events) == 1 else "s",
            url,
            new.headline,
        ),
    )


@require_POST
@curators("chronology.change_entry", "chronology.delete_entry")
@with_entry
def merge(request: HttpRequest, entry: Entry) -> HttpResponse:
    """Merge another entry (by its number) into this one: its events and chronologies
    come here, and it is deleted."""
    typed = request.POST.get("other", "").strip().lstrip("#")
    if not (typed.isascii() and typed.isdigit() and len(typed) < 19):
        return _refused(
            request, entry, "Give the number of the entry to merge into this one, such as 12."
        )
    other = Entry.objects.filter(pk=int(typed)).first()
    if other is None:
        return _refused(request, entry, f"There is no entry {typed}: check its number.")
    try:
        services.entries_merge(
            survivor=entry,
            merged=other,
            by=request.user,
            # The other entry's version when the curator saw it suggested; a number
            # typed in names no version.
            expected_versions=(expected_version(request), posted_version(request, "other_version")),
        )
    except AnnotationError as error:
        return _refused(request, entry, error)
    return _done(request, entry, f"Merged the entry “{other.headline}” into this one.")


@require_POST
@curators("chronology.change_entry", "chronology.publish_entry")
@with_entry
def publish(request: HttpRequest, entry: Entry) -> HttpResponse:
    form = PublishForm(request.POST)
    if not form.is_valid():
        [message] = form.errors["chronologies"][:1]
        return _refused(request, entry, message, publish_form=form, version=posted_version(request))
    chronologies = list(form.cleaned_data["chronologies"])
    try:
        services.entry_publish(
            entry=entry,
            chronologies=chronologies,
            by=request.user,
            expected_version=expected_version(request),
        )
    except AnnotationError as error:
        return _refused(request, entry, error, publish_form=form)
    titles = ", ".join(f"“{chronology.title}”" for chronology in chronologies)
    return _done(request, entry, f"Published in {titles}.")


@require_POST
@curators("chronology.change_entry", "chronology.publish_entry")
@with_entry
def unpublish(request: HttpRequest, entry: Entry) -> HttpResponse:
    try:
        services.entry_unpublish(
            entry=entry, by=request.user, expected_version=expected_version(request)
        )
    except AnnotationError as error:
        return _refused(request, entry, error)
    return _done(request, entry, "Unpublished: it is a draft again, off the public pages.")


@require_POST
@curators(*EDITS)
@with_entry
def resolve_attention(request: HttpRequest, entry: Entry) -> HttpResponse:
    """A curator has checked an entry a correction flagged: its citations follow their
    events again."""
    if not entry.needs_attention:
        return _refused(request, entry, "This entry needs no attention: nothing to mark.")
    try:
        entry_attention_resolve(
            entry=entry, by=request.user, expected_version=expected_version(request)
        )
    except AnnotationError as error:
        return _refused(request, entry, error)
    return _done(
        request,
        entry,
        "Marked as checked: its citations quote their events as they now stand.",
    )
