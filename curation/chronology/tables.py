"""The curators' list of entries: drafts and published, with a flag for those whose
sources differ on the date, and for those a correction of an article left to check."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html, format_html_join

from curation.chronology.models import Entry

DATE_ORDER = ("date_lower", "date_days", "date_upper", "id")
SOURCES_DIFFER = "Sources differ on date"
CONFIRMED = "Sources differ: date confirmed"
NEEDS_ATTENTION = "Needs attention"


class EntryTable(tables.Table):
    date = tables.Column(
        verbose_name="Date", accessor="date", order_by=DATE_ORDER, attrs={"td": {"class": "nowrap"}}
    )
    headline = tables.Column(
        verbose_name="Headline",
        linkify=("chronology:curate-entry", {"pk": tables.A("pk")}),
        attrs={"td": {"class": "title", "hx-disable": ""}},  # text from people: curation/inert.py
    )
    event_type = tables.Column(
        verbose_name="Type", order_by=("event_type__parent__name", "event_type__name", "id")
    )
    status = tables.Column(verbose_name="Status", order_by=("status", *DATE_ORDER))
    chronologies = tables.Column(
        verbose_name="Chronologies",
        empty_values=(),
        orderable=False,
        attrs={"td": {"hx-disable": ""}},
    )
    event_count = tables.Column(
        verbose_name="Events", order_by=("event_count", "id"), attrs={"td": {"class": "num"}}
    )
    sources_differ = tables.Column(
        verbose_name="Dates", order_by=("-sources_differ", *DATE_ORDER), empty_values=()
    )

    class Meta:
        order_by = ("date",)
        empty_text = "No entries yet. Make one on the curation page: press c on an approved event."
        attrs = {"class": "data-table", "id": "entries-table"}

    MAX_PER_PAGE = 200

    def paginate(self, *args, per_page: int = 50, **kwargs) -> None:
        super().paginate(*args, per_page=max(1, min(per_page, self.MAX_PER_PAGE)), **kwargs)

    def render_date(self, record: Entry) -> str:
        return record.date_display

    def render_status(self, record: Entry):
        status = format_html(
            '<span class="badge entry-status entry-{}">{}</span>',
            record.status,
            record.get_status_display(),
        )
        if not record.needs_attention:
            return status
        return format_html(
            '{} <span class="badge badge-warn needs-attention" title="{}">{}</span>',
            status,
            record.attention_note,
            NEEDS_ATTENTION,
        )

    def render_chronologies(self, record: Entry):
        titles = [chronology.title for chronology in record.chronologies.all()]
        if not titles:
            return "—"
        return format_html_join(", ", "{}", ((title,) for title in titles))

    def render_sources_differ(self, record: Entry):
        if not record.sources_differ:
            return "—"
        if record.date_confirmed_at:
            return format_html('<span class="badge {}">{}</span>', "badge-ok", CONFIRMED)
        return format_html('<span class="badge {}">{}</span>', "badge-warn", SOURCES_DIFFER)
