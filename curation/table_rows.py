"""Table rows written in Python, for the lists of 100 rows a page.

django-tables2 renders each cell through its machinery: the column's attributes
computed again, the render method's signature inspected, a template variable per
cell. For a page of 100 rows that was most of a list's time (the article list: about
80 of 120 ms). A table that mixes in ``RowsInPython`` keeps django-tables2 for what it
does well (the columns, their headers, sorting and paging) and writes its body here:
each column's ``<td ...>`` once per page, then ``cells(record)`` per row, which the
table implements with ``text`` (escaping) and ``url`` (curation/reversing.py).
tests/test_table_rows.py renders every such table both ways and checks that the HTML
is the same.
"""

from __future__ import annotations

from functools import cache
from html import escape

from django.utils import dateformat
from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language, override

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


class RowsInPython:
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
