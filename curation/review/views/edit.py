"""Edit and approve (``e`` in the queue): a reviewer corrects a submitted item in its row
and approves it, in one transaction. An event's headline, type, date and notes are
edited (``services.event_update``); a mention is linked to another entity
(``services.mention_relink``). Then ``workflow.approve`` approves the edited version."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from curation.annotations import entity_reads, event_reads, services, versions, workflow
from curation.annotations.errors import AnnotationError, NameClash
from curation.annotations.forms import EventForm, RelinkForm
from curation.annotations.models import Entity, Event, Mention, Status
from curation.review import selectors
from curation.review.views.actions import described
from curation.review.views.common import (
    CONFLICT,
    FORBIDDEN,
    NO_VERSION,
    UNPROCESSABLE,
    acted,
    error_status,
    fresh_row,
    gone,
    queue_counts,
    reviewer_of_kind,
    row,
    version_or_none,
)
from curation.temporal import as_typed


def cannot_approve(item: selectors.WorkItem) -> str:
    """Why the reviewer can't edit and approve this item, in the row's words."""
    if item.obj.status != Status.SUBMITTED:
        return (
            f"This {item.kind} is {item.obj.get_status_display().lower()}, not waiting for "
            "review, so there is nothing to approve."
        )
    return f"This {item.kind} is yours: another reviewer approves it."


def _event_form(event: Event, data=None) -> EventForm:
    form = EventForm(
        data,
        initial={
            "headline": event.headline,
            "event_type": str(event.event_type),
            "date": as_typed(event.date) if event.date else "",
            "notes": event.notes,
        },
        article=event.article,
        event_types=event_reads.event_types(),
        places=Entity.objects.filter(pk=event.location_id),  # none for None
    )
    return form


@login_required
@require_http_methods(["GET", "POST"])
@reviewer_of_kind
def edit_and_approve(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET: the row with the edit form. POST: save the edit and approve it."""
    item = selectors.work_item(kind, pk, user=request.user)
    if item is None:
        return gone(request, kind)
    if "approve" not in item.actions:
        return fresh_row(request, kind, pk, message=cannot_approve(item), status=FORBIDDEN)
    if request.method == "GET":
        form = _event_form(item.obj) if kind == "event" else RelinkForm()
        item.editing = True
        return row(request, item, edit_form=form)
    version = version_or_none(request)
    if version is None:
        return fresh_row(request, kind, pk, message=NO_VERSION, status=UNPROCESSABLE)
    if version != item.version:
        # Checked here too, as keeping a mention's entity changes nothing to check against.
        error = versions.stale(item.obj, what=kind)
        return fresh_row(request, kind, pk, message=str(error), status=CONFLICT)
    if kind == "event":
        return _save_event(request, item, version)
    return _relink_mention(request, item, version)


def _save_event(request: HttpRequest, item: selectors.WorkItem, version: int) -> HttpResponse:
    event: Event = item.obj
    form = _event_form(event, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.event_update(
                    event=event,
                    changed_by=request.user,
                    expected_version=version,
                    event_type=data["event_type"],
                    headline=data["headline"],
                    date=data["date"],
                    # Only what the row shows is edited: the place and participants stay.
                    location=event.location,
                    participants=[(p.entity, p.role) for p in event.participants.all()],
                    notes=data["notes"],
                )
                workflow.approve(event, by=request.user, expected_version=event.version)
        except AnnotationError as error:
            if error_status(error) != UNPROCESSABLE:
                return fresh_row(
                    request, item.kind, item.pk, message=str(error), status=error_status(error)
                )
            form.add_error(None, str(error))
        else:
            return acted(
                request,
                message=f"Saved and approved {described(item)}.",
                counts=queue_counts(request),
            )
    item = selectors.work_item(item.kind, item.pk, user=request.user) or item
    item.editing = True
    return row(request, item, edit_form=form, status=UNPROCESSABLE)


def _relink_mention(request: HttpRequest, item: selectors.WorkItem, version: int) -> HttpResponse:
    mention: Mention = item.obj
    form = RelinkForm(request.POST)
    entity = None
    if form.is_valid():
        data = form.cleaned_data
        entity = data["entity"] or next(
            iter(entity_reads.entity_autocomplete(data["q"] or "", limit=1)), None
        )
    if entity is None:
        item.editing = True
        item.message = "Choose the entity this text names: type a name, then pick it."
        return row(request, item, edit_form=RelinkForm(), status=UNPROCESSABLE)
    before = mention.entity
    try:
        with transaction.atomic():
            services.mention_relink(
                mention=mention,
                entity=entity,
                changed_by=request.user,
                expected_version=version,
                learn_alias=request.user.has_perm("annotations.add_alias"),
                allow_shared_alias=form.cleaned_data["confirmed"],
            )
            workflow.approve(mention, by=request.user, expected_version=mention.version)
    except NameClash as clash:
        item = selectors.work_item(item.kind, item.pk, user=request.user) or item
        item.editing = True
        item.message = str(clash)
        return row(request, item, edit_form=form, clash=entity, status=UNPROCESSABLE)
    except AnnotationError as error:
        return fresh_row(
            request, item.kind, item.pk, message=str(error), status=error_status(error)
        )
    what = (
        f"the mention “{mention.quote}”, now as {entity.name}"
        if entity.pk != before.pk
        else described(item)
    )
    return acted(request, message=f"Approved {what}.", counts=queue_counts(request))
