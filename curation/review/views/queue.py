"""The review queue page: submitted mentions and events in one table, filtered, sorted
and paged through HTMX; and the counts of work in each state above it.

The counts come in a request of their own, which the page makes once it is shown: they
count every mention and event by state, a cost that grows with the desk (12 ms with
120,000 mentions on SQLite), while a page of the queue costs the same whatever its
length."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from curation.review import rows_html, selectors
from curation.review.filters import QueueFilter, reviewable_kinds
from curation.review.tables import QueueTable
from curation.review.views.common import queue_counts

QUEUE_PAGE = "review/queue.html"


class QueueView(LoginRequiredMixin, PermissionRequiredMixin, SingleTableMixin, FilterView):
    """For reviewers: anyone with ``annotations.review_mention`` or ``review_event``."""

    filterset_class = QueueFilter
    table_class = QueueTable
    template_name = QUEUE_PAGE
    table_pagination = {"per_page": 25}

    def has_permission(self) -> bool:
        return bool(reviewable_kinds(self.request.user))

    def get_queryset(self):
        return selectors.work_rows(kinds=reviewable_kinds(self.request.user))

    def get_table_kwargs(self) -> dict:
        return {"user": self.request.user}

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        if self.filterset.is_bound and self.filterset.active:
            table.empty_text = (
                "Nothing waits for review among these. Clear the filters to see the rest."
            )
        return table

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{QUEUE_PAGE}#table"]
        return [QUEUE_PAGE]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        if not (self.request.htmx and not self.request.htmx.boosted):
            context["four_eyes"] = getattr(settings, "CURATION_FOUR_EYES", True)
            context["reject_form_template"] = rows_html.reject_form_template()
            context["nav_section"] = "review"
        return context


@login_required
@require_GET
def counts(request: HttpRequest) -> HttpResponse:
    """The table of how much work is in each state, for the queue's head."""
    if not reviewable_kinds(request.user):
        raise PermissionDenied
    return render(request, "review/counts.html", {"counts": queue_counts(request)})
