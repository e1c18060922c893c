"""My work: an annotator's own mentions and events by state (rejected with the reason and
who rejected it, waiting for review, drafts), and "Submit again" after a revision."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from django_tables2 import SingleTableView

from curation.annotations import workflow
from curation.annotations.errors import AnnotationError
from curation.annotations.models import Status
from curation.review import selectors
from curation.review.tables import MyWorkTable
from curation.review.views.actions import described
from curation.review.views.common import (
    FORBIDDEN,
    MINE,
    NO_VERSION,
    UNPROCESSABLE,
    acted,
    author_of_kind,
    error_status,
    fresh_row,
    gone,
    version_or_none,
)

MINE_PAGE = "review/mine.html"

# The tabs, in the order an annotator deals with them.
STATES = [
    (Status.REJECTED, "Rejected"),
    (Status.SUBMITTED, "Waiting for review"),
    (Status.DRAFT, "Drafts"),
    (Status.APPROVED, "Approved"),
]
EMPTY = {
    Status.REJECTED: "Nothing of yours was rejected.",
    Status.SUBMITTED: "Nothing of yours waits for review.",
    Status.DRAFT: "No drafts: everything you marked has been submitted.",
    Status.APPROVED: "Nothing of yours has been approved yet.",
}


def authored_kinds(user) -> list[str]:
    return [kind for kind in selectors.KINDS if user.has_perm(f"annotations.add_{kind}")]


def tabs(counts: selectors.StateCounts, state: str) -> list[dict]:
    return [
        {"state": value, "label": label, "count": counts.total(value), "current": value == state}
        for value, label in STATES
    ]


class MyWorkView(LoginRequiredMixin, PermissionRequiredMixin, SingleTableView):
    """For anyone who can make mentions or events."""

    table_class = MyWorkTable
    template_name = MINE_PAGE
    table_pagination = {"per_page": 25}

    def has_permission(self) -> bool:
        return bool(authored_kinds(self.request.user))

    def _counts(self) -> selectors.StateCounts:
        if not hasattr(self, "counts"):
            self.counts = selectors.state_counts(
                kinds=authored_kinds(self.request.user), created_by=self.request.user
            )
        return self.counts

    def state(self) -> str:
        asked = self.request.GET.get("state", "")
        if asked in Status.values:
            return asked
        # Start where there is something to do: rejected work, then what waits, then drafts.
        counts = self._counts()
        return next((value for value, _ in STATES[:3] if counts.total(value)), Status.REJECTED)

    def get_queryset(self):
        return selectors.work_rows(
            kinds=authored_kinds(self.request.user),
            statuses=[self.state()],
            created_by=self.request.user,
        )

    def get_table_kwargs(self) -> dict:
        return {"user": self.request.user}

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        table.empty_text = EMPTY[self.state()]
        return table

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            part = "work" if self.request.htmx.target == "my-work" else "table"
            return [f"{MINE_PAGE}#{part}"]
        return [MINE_PAGE]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        state = self.state()
        context.update(
            state=state,
            tabs=tabs(self._counts(), state),
            nav_section="mine",
        )
        return context


@login_required
@require_POST
@author_of_kind
def submit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Submit a draft, or a rejected item again after its revision in the workspace."""
    item = selectors.work_item(kind, pk, user=request.user)
    if item is None:
        return gone(request, kind, page=MINE)
    if "submit" not in workflow.actions_for(request.user, item.obj):  # before the form
        return fresh_row(
            request,
            kind,
            pk,
            message=f"You can't submit this {kind}: only its author submits it for review.",
            status=FORBIDDEN,
            page=MINE,
        )
    version = version_or_none(request)
    if version is None:
        return fresh_row(request, kind, pk, message=NO_VERSION, status=UNPROCESSABLE, page=MINE)
    was = item.obj.status
    try:
        workflow.submit(item.obj, by=request.user, expected_version=version)
    except AnnotationError as error:
        return fresh_row(
            request,
            kind,
            pk,
            message=str(error),
            status=error_status(error),
            page=MINE,
        )
    state = request.POST.get("state", "")
    counts = selectors.state_counts(kinds=authored_kinds(request.user), created_by=request.user)
    return acted(
        request,
        message=f"{'Submitted again' if was == Status.REJECTED else 'Submitted'}: "
        f"{described(item)}. It waits for a reviewer.",
        counts=counts,
        page="mine",
        tabs=tabs(counts, state if state in Status.values else was),
    )
