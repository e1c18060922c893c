"""Approving and rejecting from the queue, one row at a time or a selection at once.

Every action names the version of the item the reviewer saw. The answers: the row
leaves the table and the counts and the status line change (200); a stale version
redraws the row as it now is, with who changed it (409); what the reviewer may not do
redraws it with the reason (403); a missing reason shows the reject form again (422)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_POST

from curation.annotations import workflow
from curation.annotations.errors import AnnotationError, NotAllowed
from curation.review import selectors, services
from curation.review.filters import reviewable_kinds
from curation.review.forms import RejectForm
from curation.review.views.common import (
    FORBIDDEN,
    FOUR_EYES,
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

MAX_SELECTION = 500


def described(item: selectors.WorkItem) -> str:
    """The item in a few words, for the status line."""
    obj = item.obj
    if item.kind == "mention":
        return f"the mention “{obj.quote}” as {obj.entity.name}"
    return f"the event “{obj.headline}” ({obj.date_display})"


@login_required
@require_GET
@reviewer_of_kind
def queue_row(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """One row as the item now stands (an edit form's Cancel)."""
    item = selectors.work_item(kind, pk, user=request.user)
    return gone(request, kind) if item is None else row(request, item)


@login_required
@require_POST
@reviewer_of_kind
def approve(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = selectors.work_item(kind, pk, user=request.user)
    if item is None:
        return gone(request, kind)
    if not workflow.may_approve(request.user, item.obj):  # four-eyes, before the form
        return fresh_row(request, kind, pk, message=FOUR_EYES.format(kind=kind), status=FORBIDDEN)
    version = version_or_none(request)
    if version is None:
        return fresh_row(request, kind, pk, message=NO_VERSION, status=UNPROCESSABLE)
    try:
        workflow.approve(item.obj, by=request.user, expected_version=version)
    except AnnotationError as error:
        return fresh_row(request, kind, pk, message=str(error), status=error_status(error))
    return acted(request, message=f"Approved {described(item)}.", counts=queue_counts(request))


@login_required
@require_POST
@reviewer_of_kind
def reject(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = selectors.work_item(kind, pk, user=request.user)
    if item is None:
        return gone(request, kind)
    version = version_or_none(request)
    if version is None:
        return fresh_row(request, kind, pk, message=NO_VERSION, status=UNPROCESSABLE)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return row(request, item, status=UNPROCESSABLE, reject_form=form)
    try:
        workflow.reject(
            item.obj, by=request.user, reason=form.cleaned_data["reason"], expected_version=version
        )
    except NotAllowed as error:
        return fresh_row(request, kind, pk, message=str(error), status=error_status(error))
    except AnnotationError as error:
        if error_status(error) == UNPROCESSABLE:  # the reason, as the workflow reads it
            form.add_error("reason", str(error))
            return row(request, item, status=UNPROCESSABLE, reject_form=form)
        return fresh_row(request, kind, pk, message=str(error), status=error_status(error))
    return acted(
        request,
        message=f"Rejected {described(item)}. Its author sees your reason.",
        counts=queue_counts(request),
    )


def _selection(request: HttpRequest, kinds: list[str]) -> dict[str, dict[int, int]] | None:
    """The selected rows as kind -> {pk: version seen}, from ``item`` values like
    ``mention:12:3``; None when one is malformed or of a kind the user can't review."""
    seen: dict[str, dict[int, int]] = {}
    for value in request.POST.getlist("item")[:MAX_SELECTION]:
        parts = value.split(":")
        if len(parts) != 3 or not all(
            part.isascii() and part.isdigit() and len(part) < 19 for part in parts[1:]
        ):
            return None
        kind, pk, version = parts[0], int(parts[1]), int(parts[2])
        if kind not in selectors.KINDS:
            return None
        if kind not in kinds:
            raise PermissionDenied
        seen.setdefault(kind, {})[pk] = version
    return seen


@login_required
@require_POST
def approve_many(request: HttpRequest) -> HttpResponse:
    """Approve the selected rows, each at the version the reviewer saw. The rest stay,
    and the status line says why: their own (four-eyes), or changed meanwhile (their rows
    are redrawn as they now are)."""
    kinds = reviewable_kinds(request.user)
    if not kinds:
        raise PermissionDenied
    seen = _selection(request, kinds)
    if seen is None:
        message = "The selection came back garbled, so nothing was approved. Reload the page."
        return acted(request, message=message, counts=None, status=UNPROCESSABLE)
    if not seen:
        message = "Select the rows to approve first: x selects the focused row."
        return acted(request, message=message, counts=None, status=UNPROCESSABLE)
    outcome = services.selection_approve(by=request.user, seen=seen)
    redrawn = _rows(outcome.changed, user=request.user)
    for item in redrawn:
        item.message = (
            "This changed after you loaded the queue, so it was not approved: check it again."
        )
    return acted(
        request,
        message=bulk_message(outcome),
        counts=queue_counts(request),
        removed=outcome.approved + outcome.gone,
        redrawn=redrawn,
    )


def _rows(keys: list[str], *, user) -> list[selectors.WorkItem]:
    rows = [{"kind": key.split("-")[0], "id": int(key.split("-")[1])} for key in keys]
    return selectors.work_items(rows, user=user)


def _count(n: int, what: str = "item") -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def bulk_message(outcome: services.SelectionApproval) -> str:
    approved = len(outcome.approved)
    parts = [f"Approved {_count(approved)}." if approved else "Nothing was approved."]
    skipped = len(outcome.yours) + len(outcome.changed) + len(outcome.gone)
    if skipped:
        reasons = []
        if outcome.yours:
            yours = len(outcome.yours)
            reasons.append(
                f"{yours:,} {'is' if yours == 1 else 'are'} yours (another reviewer approves "
                f"{'it' if yours == 1 else 'them'})"
            )
        if outcome.changed:
            changed = len(outcome.changed)
            reasons.append(
                f"{changed:,} changed after you loaded the queue (check "
                f"{'it' if changed == 1 else 'them'} again)"
            )
        if outcome.gone:
            reasons.append(f"{len(outcome.gone):,} had been deleted")
        parts.append(f"Skipped {_count(skipped)}: {'; '.join(reasons)}.")
    return " ".join(parts)
