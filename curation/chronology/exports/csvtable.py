"""The chronology as CSV: one row per published entry, in the public order.

    date          the EDTF value ("2024-07-11/2024-07-20"; empty when undated)
    date_display  its reading ("mid-July 2024", "c. 13 June 2024", "date unknown")
    precision     day, month, year, decade, season, quarter, half, range, open range,
                  unknown (exports/dates.py); approximate dates keep their precision
                  and show "~" in date and "c." in date_display
    type          "Parent › Type"
    headline
    participants  "Name (Kind: Role, Role)", separated by " | "
    sources       one per citation: "Source, “Article title”, 20 June 2024", " | "
    quotes        the quoted passage of each citation, " | ", in the order of sources

Formula injection: spreadsheets run a cell that starts with =, +, - or @ (and some a
tab or carriage return) as a formula. Such a cell gets a leading apostrophe ('),
which spreadsheets take as "this is text" and don't show; a program reading the file
sees it and may strip it. (OWASP's advice for CSV injection.)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from curation.chronology.exports.dates import precision
from curation.chronology.exports.html import published_on_words

if TYPE_CHECKING:
    from curation.chronology.selectors import PublicEntry

HEADER = [
    "date",
    "date_display",
    "precision",
    "type",
    "headline",
    "participants",
    "sources",
    "quotes",
]
SEPARATOR = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell, with a leading apostrophe if a spreadsheet would run it as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def row(item: PublicEntry) -> list[str]:
    entry = item.entry
    participants = SEPARATOR.join(
        f"{taking.name} ({taking.kind_name}: {', '.join(taking.roles)})"
        for taking in item.participants
    )
    sources = SEPARATOR.join(
        f"{citation.source}, “{citation.article_title}”, {_day_words(citation.published_on)}"
        for citation in item.citations
    )
    quotes = SEPARATOR.join(citation.quote for citation in item.citations)
    cells = (
        entry.date,
        entry.date_display,
        precision(entry.date),
        str(entry.event_type),
        entry.headline,
        participants,
        sources,
        quotes,
    )
    # neutralise(), inlined: 80,000 calls for a chronology of 10,000 entries
    return [f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell for cell in cells]


@lru_cache(maxsize=4096)
def _day_words(day: date | None) -> str:
    """A citation's publication date in words; an export cites the same days again
    and again."""
    return published_on_words(day)


class _Echo:
    """A file that gives back what is written to it, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


_WRITER = csv.writer(_Echo())


def encode(rows: Iterable[list[str]]) -> str:
    """The rows as CSV text (RFC 4180 quoting, CRLF line ends)."""
    return "".join(_WRITER.writerow(cells) for cells in rows)
