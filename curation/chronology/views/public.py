"""The public pages, without a login: the index of public chronologies (/c/), a
chronology's page with its timeline, entries, filters and JSON-LD (/c/<slug>/), and an
entity's page (/c/entities/<id>/).

Only published entries of public chronologies are shown, and of the articles only the
quoted passages with their short stored context. A private chronology answers 404 to the
public; people who may view chronologies (curators) see it as a preview, marked so and
kept out of search engines and shared caches.
"""

from __future__ import annotations

from functools import cache

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from curation.annotations.entity_reads import merged_into
from curation.annotations.models import Entity
from curation.chronology import public_page, schema_org, selectors
from curation.chronology.models import Chronology
from curation.chronology.public_filters import ALL_ENTITIES, EntryFilterForm, entity_label

PER_PAGE = 100
"""Entries on one page of a chronology: the page never draws more, however long it is."""
CHRONOLOGIES_PER_PAGE = 50
ENTRIES_PER_CHRONOLOGY = 50
"""On an entity's page: the first entries of each chronology, then a link to the rest."""
VIEW_PERMISSION = "chronology.view_chronology"

PAGE = "chronology/public_chronology.html"

# (URL name, the file beside the page, label, media type): the exports' stable addresses.
EXPORTS = [
    ("chronology:timeline-json", "timeline.json", "TimelineJS (JSON)", "application/json"),
    ("chronology:entries-csv", "entries.csv", "Spreadsheet (CSV)", "text/csv"),
    ("chronology:feed", "feed.atom", "Atom feed", "application/atom+xml"),
    ("chronology:calendar", "calendar.ics", "Calendar (iCalendar)", "text/calendar"),
    (
        "chronology:annotations",
        "annotations.jsonld",
        "W3C Web Annotations (JSON-LD)",
        "application/ld+json",
    ),
]


def export_links(chronology: Chronology) -> list[dict[str, str]]:
    links = []
    for name, file, label, media_type in EXPORTS:
        try:
            url = reverse(name, args=[chronology.slug])
        except NoReverseMatch:  # the exports' views not there yet: their planned address
            url = chronology.get_absolute_url() + file
        links.append({"url": url, "label": label, "type": media_type, "file": file})
    return links


def _viewable(request: HttpRequest, chronology: Chronology) -> bool:
    return chronology.is_public or request.user.has_perm(VIEW_PERMISSION)


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.public_chronologies(), CHRONOLOGIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = [
        (chronology, public_page.date_range_words(chronology.first_date, chronology.last_date))
        for chronology in page.object_list
    ]
    return render(
        request,
        "chronology/public_index.html",
        {"page": page, "rows": rows, "nav_section": "chronologies"},
    )


def _chronology(request: HttpRequest, slug: str) -> Chronology:
    chronology = get_object_or_404(Chronology, slug=slug)
    if not _viewable(request, chronology):
        raise Http404("No such chronology.")
    return chronology


@require_safe
def chronology_page(request: HttpRequest, slug: str) -> HttpResponse:
    chronology = _chronology(request, slug)
    form = EntryFilterForm(
        request.GET,
        takes_part=lambda pk: selectors.takes_part(chronology, pk),
        entity_named=lambda pk: Entity.objects.select_related("kind").filter(pk=pk).first(),
        event_types=lambda: selectors.chronology_event_types(chronology),
        entity_options_url=reverse("chronology:public-entity-options", args=[chronology.slug]),
    )
    context = {
        "chronology": chronology,
        "preview": not chronology.is_public,
        "form": form,
        "exports": export_links(chronology),
        "nav_section": "chronologies",
    }
    restoring = bool(request.htmx and request.htmx.history_restore_request)
    if form.is_valid():
        context.update(_results(request, chronology, form))
        status = 200
    else:  # the page says which filter is wrong and how to write it; nothing is listed
        # (htmx puts back a page from history only if it comes with a 200)
        status = 200 if restoring else 422
    partial = request.htmx and not restoring
    response = render(request, f"{PAGE}#results" if partial else PAGE, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return _private(response) if context["preview"] else response


def _results(request: HttpRequest, chronology: Chronology, form: EntryFilterForm) -> dict:
    entries = selectors.filter_entries(
        selectors.published_entries(chronology),
        entity=form.cleaned_data["entity"],
        event_type=form.cleaned_data["type"],
        date_from=form.date_from,
        date_to=form.date_to,
    )
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    details = selectors.public_details(list(page.object_list))
    drawn = public_page.timeline_for(
        details,
        key_of=lambda item: item.entry.slug,
        date_of=lambda item: item.entry.date,
        date_from=form.date_from,
        date_to=form.date_to,
    )
    page_url = request.build_absolute_uri(chronology.get_absolute_url())
    entity_url = cache(
        lambda pk: request.build_absolute_uri(reverse("chronology:public-entity", args=[pk]))
    )
    jsonld = schema_org.graph(
        [
            schema_org.event(item, url=f"{page_url}#entry-{item.entry.slug}", entity_url=entity_url)
            for item in details
        ]
    )
    return {
        "page": page,
        "years": public_page.group_by_month(
            details,
            lambda item: (
                (item.entry.date_lower, item.entry.date_upper) if item.entry.date else None
            ),
        ),
        "timeline": drawn[0] if drawn else None,
        "marks": drawn[1] if drawn else [],
        "jsonld": jsonld,
        "filtered": form.is_filtered,
    }


@require_safe
def entity_options(request: HttpRequest, slug: str) -> HttpResponse:
    """The entity filter's choices: every entity of the chronology's published entries,
    by name, as <option>s, the one in ?entity= selected. The page fetches them once it
    has loaded, so a long chronology's page doesn't wait for them."""
    chronology = _chronology(request, slug)
    options = [("", ALL_ENTITIES)] + [
        (str(entity.pk), entity_label(entity))
        for entity in selectors.chronology_entities(chronology)
    ]
    response = render(
        request,
        "chronology/public_entity_options.html",
        {"options": options, "selected": request.GET.get("entity", "")},
    )
    return response if chronology.is_public else _private(response)


@require_safe
def entity_page(request: HttpRequest, entity_id: int) -> HttpResponse:
    entity = Entity.objects.select_related("kind").filter(pk=entity_id).first()
    if entity is None:
        survivor = merged_into(entity_id)  # an old link to an entity merged since
        if survivor is None:
            raise Http404("No such entity.")
        return redirect("chronology:public-entity", survivor.pk)
    include_private = request.user.has_perm(VIEW_PERMISSION)
    appearances = selectors.entity_appearances(
        entity, include_private=include_private, per_chronology=ENTRIES_PER_CHRONOLOGY
    )
    if not appearances:  # in no published entry: not public (drafts never make it so)
        raise Http404("No such entity.")
    preview = any(not group.chronology.is_public for group in appearances)
    response = render(
        request,
        "chronology/public_entity.html",
        {
            "preview": preview,
            "entity": entity,
            "groups": [_linked(group, entity) for group in appearances],
            "wikidata_url": schema_org.wikidata_url(entity.wikidata_id),
            "nav_section": "chronologies",
        },
    )
    return _private(response) if preview else response


def _linked(group: selectors.Appearances, entity: Entity) -> dict:
    """A chronology's entries with the entity, each linked to where it is listed on the
    chronology's page filtered by the entity (the same order, so its position gives its
    page), and the link to all of them."""
    filtered = f"{group.chronology.get_absolute_url()}?entity={entity.pk}"
    linked = []
    for appearance in group.entries:
        page = (appearance.position - 1) // PER_PAGE + 1
        on_page = f"&page={page}" if page > 1 else ""
        linked.append((appearance, f"{filtered}{on_page}#entry-{appearance.entry.slug}"))
    return {"group": group, "entries": linked, "all_url": filtered}
