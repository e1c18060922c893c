"""What the review views share: permission checks by kind, the item's posted version, and
the responses that redraw or remove one row."""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from curation.annotations.errors import AnnotationError, NotAllowed, StaleVersion
from curation.review import rows_html, selectors
from curation.review.filters import reviewable_kinds
from curation.review.selectors import WorkItem

FORBIDDEN = 403
FOUR_EYES = (
    "You can't approve this {kind}: you made it, and a second person must approve every item."
)
NOT_FOUND = 404
CONFLICT = 409
UNPROCESSABLE = 422

# Which table a row belongs to.
QUEUE = "queue"
MINE = "mine"

# A 403 whose body (the row) says why: static/js/desk.js swaps it in, as the workspace's.
REFUSAL_HEADER = "X-Desk-Refusal"

NO_VERSION = (
    "The form came without the version of the item you saw, so nothing was changed. "
    "Reload the page and try again."
)


def reviewer_of_kind(view):
    """Let through only a user who may review this kind of item (``annotations.
    review_mention`` or ``review_event``); others get a 403."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, kind: str, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(f"annotations.review_{kind}"):
            raise PermissionDenied
        return view(request, kind, *args, **kwargs)

    return wrapper


def author_of_kind(view):
    """Let through only a user who may make this kind of item (``annotations.add_<kind>``)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, kind: str, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(f"annotations.add_{kind}"):
            raise PermissionDenied
        return view(request, kind, *args, **kwargs)

    return wrapper


def error_status(error: AnnotationError) -> int:
    """409 for an edit against an older version, 403 for what the user may not do to
    this item, 422 for the rest."""
    if isinstance(error, StaleVersion):
        return CONFLICT
    if isinstance(error, NotAllowed):
        return FORBIDDEN
    return UNPROCESSABLE


def row(
    request: HttpRequest,
    item: WorkItem,
    *,
    page: str = QUEUE,
    status: int = 200,
    reject_form=None,
    edit_form=None,
    clash=None,
) -> HttpResponse:
    """One row of the queue (or of "My work"), as the item stands, for HTMX to swap in.
    A queue row being edited has the edit form; one whose reason was refused has the
    reject form open, with what was typed."""
    if page == MINE:
        html = rows_html.mine_row(item)
    else:
        form_html = ""
        if item.editing:
            form_html = render_to_string(
                "review/edit_form.html",
                {"item": item, "edit_form": edit_form, "clash": clash},
                request,
            )
        html = rows_html.queue_row(item, reject_form=reject_form, edit_form_html=form_html)
    response = HttpResponse(html, status=status)
    if status == FORBIDDEN:
        response[REFUSAL_HEADER] = "1"
    return response


def fresh_row(
    request: HttpRequest,
    kind: str,
    pk: int,
    *,
    message: str,
    status: int,
    page: str = QUEUE,
) -> HttpResponse:
    """The row as the item now stands, with ``message``: after a refusal, the person sees
    the current version (a 409's "reload to see their version" is done in place)."""
    item = selectors.work_item(kind, pk, user=request.user)
    if item is None:
        return gone(request, kind, page=page)
    item.message = message
    return row(request, item, page=page, status=status)


def gone(request: HttpRequest, kind: str, *, page: str = QUEUE) -> HttpResponse:
    """The row of an item deleted since the page was loaded."""
    return HttpResponse(rows_html.gone_row(kind, mine=page == MINE), status=NOT_FOUND)


def version_or_none(request: HttpRequest) -> int | None:
    """The version of the item the reviewer saw (the form's hidden ``version``), or None
    when the form sent none or garbled it."""
    value = request.POST.get("version", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def queue_counts(request: HttpRequest) -> selectors.StateCounts:
    return selectors.state_counts(kinds=reviewable_kinds(request.user))


def acted(
    request: HttpRequest,
    *,
    message: str,
    counts: selectors.StateCounts | None,
    removed: list[str] = (),
    redrawn: list[WorkItem] = (),
    page: str = "queue",
    status: int = 200,
    **context,
) -> HttpResponse:
    """After an action: the message for the status line and the new counts (out of band),
    rows to remove or redraw (out of band), and an empty body, so a row that sent the
    request leaves the table."""
    return render(
        request,
        "review/acted.html",
        {
            "message": message,
            "counts": counts,
            "removed": removed,
            "redrawn": redrawn,
            "page": page,
            **context,
        },
        status=status,
    )
