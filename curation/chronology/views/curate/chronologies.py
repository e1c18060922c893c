"""Chronologies for curators: the list, a new one, and editing one (title, address,
description, public or not)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from curation.chronology import services
from curation.chronology.forms import ChronologyForm
from curation.chronology.models import Chronology, Entry
from curation.chronology.views.curate.common import UNPROCESSABLE, curators, lacking, not_allowed

FORM_PAGE = "chronology/curate_chronology_form.html"


@require_GET
@curators()
def chronology_list(request: HttpRequest) -> HttpResponse:
    """For those who may make or change chronologies."""
    may_add = not lacking(request.user, "chronology.add_chronology")
    may_change = not lacking(request.user, "chronology.change_chronology")
    if not (may_add or may_change):
        return not_allowed(request, lacking(request.user, "chronology.change_chronology"))
    published = Q(entries__status=Entry.Status.PUBLISHED)
    chronologies = Chronology.objects.order_by("title", "id").annotate(
        published_count=Count("entries", filter=published),
        entry_count=Count("entries"),
    )
    return render(
        request,
        "chronology/curate_chronologies.html",
        {
            "chronologies": chronologies,
            "may_add": may_add,
            "may_change": may_change,
            "nav_section": "curate",
        },
    )


def _form_page(request: HttpRequest, form: ChronologyForm, chronology=None) -> HttpResponse:
    return render(
        request,
        FORM_PAGE,
        {"form": form, "chronology": chronology, "nav_section": "curate"},
        status=UNPROCESSABLE if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
@curators("chronology.add_chronology")
def chronology_new(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _form_page(request, ChronologyForm())
    form = ChronologyForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form)
    chronology = services.chronology_create(by=request.user, **form.cleaned_data)
    messages.success(request, f"Made the chronology “{chronology.title}”.")
    return redirect("chronology:curate-chronologies")


@require_http_methods(["GET", "POST"])
@curators("chronology.change_chronology")
def chronology_edit(request: HttpRequest, pk: int) -> HttpResponse:
    chronology = get_object_or_404(Chronology, pk=pk)
    if request.method == "GET":
        return _form_page(request, ChronologyForm(instance=chronology), chronology)
    form = ChronologyForm(request.POST, instance=Chronology.objects.get(pk=pk))
    if not form.is_valid():
        return _form_page(request, form, chronology)
    services.chronology_update(chronology=chronology, by=request.user, **form.cleaned_data)
    messages.success(request, f"Saved the chronology “{chronology.title}”.")
    return redirect("chronology:curate-chronologies")
