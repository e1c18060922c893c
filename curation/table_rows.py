"""Table rows written in Python, for the lists of 100 rows a page.

django-tables2 renders each cell through its machinery: the column's attributes
computed again, the render method's signature inspected, a template variable per
cell. For a page of 100 rows that was most of a list's time (the article list: about
80 of 120 ms). A table that mixes in ``RowsInPython`` keeps django-tables2 for what it
does well (the columns, their headers, sorting and paging) and writes its body here:
each column's ``<td ...>`` once per page, then ``cells(record)`` per row, which the
table implements with ``text`` (escaping) and ``url`` (curation/reversing.py).

The head (a sort link per column) and the page links are written here too
(``TableInPython``): through the template, with a ``querystring_replace`` tag per link,
they took about 3 ms of every list's page, as long as the rest of the page's frame.
tests/test_table_rows.py renders every such table both ways and checks that the HTML
is the same.
"""

from __future__ import annotations

from functools import cache
from html import escape

from django.utils import dateformat
from django.utils.dates import MONTHS_3
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language, override
from django_tables2.templatetags.django_tables2 import table_page_range

from curation.reversing import reverse_with_pk as url  # noqa: F401 (for the tables)


def text(value) -> str:
    """``value`` as HTML text, safe in an element or a quoted attribute: & < > " '
    escaped, as Django's ``escape`` does (it calls this)."""
    return escape(str(value))


def local_date(value, fmt: str) -> str:
    """A stored (aware) datetime in the desk's time zone, as the ``date`` filter shows it."""
    return text(date_format(localtime(value), fmt))


def date_format(value, fmt: str) -> str:
    """``dateformat.format(value, fmt)``, written out for the lists' two formats: the
    general formatter took a fifth of a 100-row page's cells."""
    if fmt not in SHORT_FORMATS:
        return dateformat.format(value, fmt)
    day = f"{value.day} {_month_names(get_language())[value.month]} {value.year}"
    return day if fmt == "j M Y" else f"{day}, {value.hour:02}:{value.minute:02}"


@cache
def _month_names(language: str | None) -> tuple[str, ...]:
    """The "M" of each month (index 1 to 12) in ``language``: a translation looked up
    once, not once per row."""
    with override(language):
        return ("", *(str(MONTHS_3[month]).title() for month in range(1, 13)))


SHORT_FORMATS = ("j M Y", "j M Y, H:i")


TEMPLATE = "tables/rows_in_python.html"


# How a sort or page link fetches the table: only the table, through HTMX, pushing the
# URL so that the back button and shared links still work.
_HTMX_LINK = 'hx-target="closest .table-container" hx-swap="outerHTML" hx-push-url="true"'


class TableInPython:
    """Mix into a ``django_tables2.Table`` (before it) with ``template_name = TEMPLATE``:
    its head and its page links, as tables/htmx_table.html writes them."""

    def _link(self, field: str, value) -> str:
        """The page's query string with ``field`` set to ``value``, as the template tag
        ``querystring_replace`` writes it, in an href and an hx-get. (A table configured
        by a view has its request; one rendered without, the empty query string.)"""
        request = getattr(self, "request", None)
        params = (dict(request.GET) if request is not None else {}) | {field: value}
        query = text("?" + urlencode(params, doseq=True))
        return f'href="{query}" hx-get="{query}" {_HTMX_LINK}'

    def head_html(self) -> SafeString:
        if not self.show_header:
            return mark_safe("")
        cells = []
        for column in self.columns:
            sort = ""
            if column.is_ordered:
                way = "descending" if column.order_by_alias.is_descending else "ascending"
                sort = f' aria-sort="{way}"'
            header = conditional_escape(column.header)
            if column.orderable:
                link = self._link(self.prefixed_order_by_field, column.order_by_alias.next)
                header = f"<a {link}>{header}</a>"
            cells.append(f"<th {column.attrs['th'].as_html()}{sort}>{header}</th>")
        thead = _attrs_html(self.attrs.get("thead"))
        # every header escaped above
        return mark_safe(f"<thead {thead}><tr>{''.join(cells)}</tr></thead>")  # noqa: S308

    def pagination_html(self) -> SafeString:
        page = getattr(self, "page", None)
        if not page or self.paginator.num_pages < 2:
            return mark_safe("")
        field = self.prefixed_page_field
        items = []
        if page.has_previous():
            previous = self._link(field, page.previous_page_number())
            items.append(f'<li><a rel="prev" {previous}>← Previous</a></li>')
        for number in table_page_range(page, self.paginator):
            if number == "...":
                items.append('<li><span class="ellipsis">…</span></li>')
            elif number == page.number:
                items.append(f'<li><span aria-current="page">{localize(number)}</span></li>')
            else:
                link = self._link(field, number)
                items.append(f"<li><a {link}>{localize(number)}</a></li>")
        if page.has_next():
            items.append(
                f'<li><a rel="next" {self._link(field, page.next_page_number())}>Next →</a></li>'
            )
        count = (
            f"Page {localize(page.number)} of {localize(self.paginator.num_pages)} · "
            f"{localize(self.paginator.count)} in all"
        )
        return mark_safe(  # noqa: S308 (numbers, and the query strings escaped by _link)
            '<nav class="pagination" aria-label="Pages">'
            f'<p class="page-count">{count}</p><ul>{"".join(items)}</ul></nav>'
        )


def _attrs_html(attrs) -> str:
    """A table's attributes for a part (``thead``), as the template writes them."""
    return attrs.as_html() if hasattr(attrs, "as_html") else ""


class RowsInPython(TableInPython):
    """Mix into a ``django_tables2.Table`` (before it), give its ``Meta`` the
    ``template_name = TEMPLATE``, and implement ``cells``."""

    def cells(self, record) -> dict[str, str]:
        """Each column's cell content as HTML, by column name; every value from the
        database or from people goes through ``text``."""
        raise NotImplementedError

    def rows_html(self) -> SafeString:
        openings = [
            (column.name, f'<td {column.attrs["td"].as_html()} data-label="{text(column.header)}">')
            for column in self.columns
        ]
        rows = []
        for index, row in enumerate(self.paginated_rows):
            cells = self.cells(row.record)
            parity = "odd" if index % 2 else "even"
            row = "".join(f"{opening}{cells[name]}</td>" for name, opening in openings)
            rows.append(f'<tr class="{parity}">{row}</tr>')
        return mark_safe("\n".join(rows))  # noqa: S308 (every value escaped by text())
