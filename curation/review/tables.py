"""The tables of the queue and of "My work". Their columns give the headers and the
sorting; each row is written by ``rows_html`` (``queue_row``, ``mine_row``), which a view
also calls to send one row back on its own after an action, and the page's rows go into
the table's body at once (``tables/rows_in_python.html``).

Their data is ``selectors.work_rows`` (dicts of mentions and events in one UNION): the
database orders and slices it, and only the current page's rows are then loaded with
their details (``selectors.work_items``)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.safestring import SafeString, mark_safe
from django_tables2.rows import BoundRows

from curation.review import rows_html, selectors
from curation.table_rows import TEMPLATE, TableInPython

NUM = {"td": {"class": "nowrap"}}


class WorkTable(TableInPython, tables.Table):
    """What both tables share: paging within bounds, and a page of WorkItems."""

    MAX_PER_PAGE = 100

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def paginate(self, *args, per_page: int = 25, **kwargs) -> None:
        # ?per_page= comes from the URL: clamp it.
        super().paginate(*args, per_page=max(1, min(per_page, self.MAX_PER_PAGE)), **kwargs)

    @property
    def paginated_rows(self) -> BoundRows:
        """The current page's rows as WorkItems, loaded once. (Read here rather than in
        ``paginate``: for a page number out of range, django-tables2 sets the page itself.)"""
        if not hasattr(self, "_items"):
            rows = list(super().paginated_rows.data)
            self._items = BoundRows(data=selectors.work_items(rows, user=self.user), table=self)
        return self._items

    def rows_html(self) -> SafeString:
        """The page's rows, one after another: a template loop over them, with a tag
        per row, cost more than writing the rows did."""
        rows = [self.row_html(item) for item in self.paginated_rows.data]
        return mark_safe("\n".join(rows))  # noqa: S308 (each row escaped by rows_html)

    def row_html(self, item: selectors.WorkItem) -> SafeString:
        raise NotImplementedError


class QueueTable(WorkTable):
    select = tables.Column(verbose_name="Select", empty_values=(), orderable=False)
    what = tables.Column(verbose_name="What", accessor="label", order_by=("kind", "label", "id"))
    context = tables.Column(verbose_name="In the text", empty_values=(), orderable=False)
    article = tables.Column(
        verbose_name="Article", accessor="article_title", order_by=("article_title", "id")
    )
    source = tables.Column(
        verbose_name="Source", accessor="source_name", order_by=("source_name", "id")
    )
    annotator = tables.Column(verbose_name="By", accessor="author", order_by=("author", "id"))
    submitted = tables.Column(
        verbose_name="Submitted",
        accessor="submitted_at",
        order_by=("submitted_at", "kind", "id"),
        attrs=NUM,
    )
    actions = tables.Column(verbose_name="Review", empty_values=(), orderable=False)

    def row_html(self, item: selectors.WorkItem) -> SafeString:
        return rows_html.queue_row(item)

    class Meta:
        # The oldest waits longest: first in the queue.
        order_by = ("submitted",)
        empty_text = "Nothing waits for review."
        attrs = {"class": "data-table review-table", "id": "queue-table"}
        template_name = TEMPLATE


class MyWorkTable(WorkTable):
    what = tables.Column(verbose_name="What", accessor="label", order_by=("kind", "label", "id"))
    context = tables.Column(verbose_name="In the text", empty_values=(), orderable=False)
    article = tables.Column(
        verbose_name="Article", accessor="article_title", order_by=("article_title", "id")
    )
    changed = tables.Column(
        verbose_name="Last change",
        accessor="updated_at",
        order_by=("updated_at", "kind", "id"),
        attrs=NUM,
    )
    review = tables.Column(verbose_name="Review", empty_values=(), orderable=False)

    def row_html(self, item: selectors.WorkItem) -> SafeString:
        return rows_html.mine_row(item)

    class Meta:
        order_by = ("-changed",)
        empty_text = "Nothing here."
        attrs = {"class": "data-table review-table", "id": "mine-table"}
        template_name = TEMPLATE
