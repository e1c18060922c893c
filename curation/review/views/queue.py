"""The review queue page: submitted mentions and events in one table, filtered, sorted
and paged through HTMX."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from curation.review import selectors
from curation.review.filters import QueueFilter, reviewable_kinds
from curation.review.tables import QueueTable

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
            context["counts"] = selectors.state_counts(kinds=reviewable_kinds(self.request.user))
            context["four_eyes"] = getattr(settings, "CURATION_FOUR_EYES", True)
            context["nav_section"] = "review"
        return context
