"""The curators' entries: the list (/curate/entries/) and an entry's page, which shows its
events with each source's date and quote, flags sources that differ on the date, and
holds the forms that change it (views/curate/entry_actions.py)."""

from __future__ import annotations

import functools
import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from django_filters.views import FilterView
from django_htmx.http import reswap
from django_tables2 import SingleTableMixin

from curation.chronology import selectors
from curation.chronology.candidates import similar_entries
from curation.chronology.filters import EntryFilter
from curation.chronology.forms import EntryForm, PublishForm
from curation.chronology.models import Chronology, Entry
from curation.chronology.tables import EntryTable
from curation.chronology.views.curate.common import UNPROCESSABLE, curators
from curation.temporal import as_typed

ENTRY_PAGE = "chronology/curate_entry.html"
ENTRIES_PAGE = "chronology/curate_entries.html"
_MERGED_INTO = re.compile(r"merged into entry (\d+)")


class EntryListView(SingleTableMixin, FilterView):
    filterset_class = EntryFilter
    table_class = EntryTable
    template_name = ENTRIES_PAGE
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return selectors.entries_for_curators().order_by(*Entry._meta.ordering)

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{ENTRIES_PAGE}#table"]
        return [ENTRIES_PAGE]

    def get_context_data(self, **kwargs) -> dict:
        return {**super().get_context_data(**kwargs), "nav_section": "curate"}


entry_list = require_GET(curators("chronology.change_entry")(EntryListView.as_view()))


def merged_into(entry_id: int) -> int | None:
    """The entry a deleted entry was merged into, from the history of its deletion."""
    reason = (
        Entry.history.filter(id=entry_id, history_type="-")
        .order_by("-history_date", "-history_id")
        .values_list("history_change_reason", flat=True)
        .first()
    )
    match = _MERGED_INTO.fullmatch(reason or "")
    return int(match[1]) if match else None


def with_entry(view):
    """Pass the view the entry of the URL. One merged into another leads there (a link
    kept from before the merge still works); a change to it is refused with a message."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        entry = Entry.objects.select_related("event_type__parent", "date_confirmed_by").filter(
            pk=pk
        )
        entry = entry.first()
        if entry is not None:
            return view(request, entry, *args, **kwargs)
        survivor = merged_into(pk)
        if request.method == "GET" and survivor is not None:
            messages.info(request, f"That entry was merged into this one (entry {survivor}).")
            return redirect("chronology:curate-entry", pk=survivor)
        if request.method == "POST":
            where = f"merged into entry {survivor}" if survivor else "deleted"
            message = f"This entry was {where} a moment ago, so nothing was changed."
            if request.htmx:
                return entry_gone(request, message)
            messages.error(request, message)
            if survivor is not None:
                return redirect("chronology:curate-entry", pk=survivor)
            return redirect("chronology:curate")
        raise Http404("No such entry.")

    return wrapper


def entry_gone(request: HttpRequest, message: str) -> HttpResponse:
    """A change to an entry that is no longer there: the message in the status line."""
    response = render(
        request,
        "chronology/curate_status.html",
        {"message": message, "error": True, "oob": True},
        status=UNPROCESSABLE,
    )
    return reswap(response, "none")


def entry_context(
    entry: Entry,
    *,
    form: EntryForm | None = None,
    publish_form: PublishForm | None = None,
    message: str = "",
    error: bool = False,
    version: int | None = None,
) -> dict:
    events = selectors.entry_events(entry)
    if form is None:
        form = EntryForm(
            initial={
                "headline": entry.headline,
                "event_type": entry.event_type_id,
                "date": as_typed(entry.date) if entry.date else "",
                "description": entry.description,
            }
        )
    chosen = set(entry.chronologies.values_list("pk", flat=True))
    if publish_form is None:
        publish_form = PublishForm(initial={"chronologies": sorted(chosen)})
    return {
        "entry": entry,
        "events": events,
        "sources_differ": selectors.date_conflict(events),
        "form": form,
        "publish_form": publish_form,
        "published_in": [c for c in Chronology.objects.order_by("title") if c.pk in chosen],
        "similar": similar_entries(entry),
        "message": message,
        "error": error,
        # The version the forms carry: the one the curator's form was made from when it
        # comes back with a mistake to correct, else the stored one.
        "version": entry.version if version is None else version,
        "nav_section": "curate",
    }


def entry_page(request: HttpRequest, entry: Entry, *, status: int = 200, **context) -> HttpResponse:
    """The entry's page, or (htmx) its main part, with what a change left to say."""
    template = f"{ENTRY_PAGE}#entry" if request.htmx else ENTRY_PAGE
    return render(request, template, entry_context(entry, **context), status=status)


@require_GET
@curators("chronology.change_entry")
@with_entry
def entry_detail(request: HttpRequest, entry: Entry) -> HttpResponse:
    return entry_page(request, entry)
