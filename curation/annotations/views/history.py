"""The History panel of a mention, an event or an entity: a fragment for HTMX (loaded into
the popover, the events panel or the entity page), and a page of its own without it.

An item that was deleted (or, for an entity, merged away) keeps its history, readable by
its id, as long as anything was recorded of it; an id never recorded is a 404.
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from curation.annotations import history

TEMPLATE = "annotations/history.html"


def _page(request: HttpRequest) -> int:
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and 0 < len(value) < 6 and int(value) > 0 else 1


def _answer(request: HttpRequest, found: history.History | None, *, nothing: str) -> HttpResponse:
    if found is None:
        raise Http404(nothing)
    context = {"history": found}
    if request.htmx and not request.htmx.boosted:
        # "Show older" adds entries to the panel already shown; the first page is the panel.
        part = "entries" if found.page > 1 else "panel"
        return render(request, f"{TEMPLATE}#{part}", context)
    return render(request, TEMPLATE, context)


@login_required
@permission_required(
    ["articles.view_article", "annotations.view_mention"], raise_exception=True
)  # a mention's history quotes the article
@require_GET
def mention_history(request: HttpRequest, mention_id: int) -> HttpResponse:
    found = history.mention_history(mention_id, page=_page(request))
    return _answer(request, found, nothing="Nothing is recorded of this mention.")


@login_required
@permission_required(
    ["articles.view_article", "annotations.view_event"], raise_exception=True
)  # an event's history quotes its evidence from the article
@require_GET
def event_history(request: HttpRequest, event_id: int) -> HttpResponse:
    found = history.event_history(event_id, page=_page(request))
    return _answer(request, found, nothing="Nothing is recorded of this event.")


@login_required
@permission_required("annotations.view_entity", raise_exception=True)
@require_GET
def entity_history(request: HttpRequest, entity_id: int) -> HttpResponse:
    found = history.entity_history(entity_id, page=_page(request))
    return _answer(request, found, nothing="Nothing is recorded of this entity.")
