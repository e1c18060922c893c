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
import io
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from curation.chronology.exports.dates import precision
from curation.chronology.exports.html import published_on_words
from curation.temporal import display

if TYPE_CHECKING:
    from curation.chronology.selectors import Citation, PublicEntry, Taking

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
UNDATED = "date unknown"  # Entry.date_display of an entry without a date


def neutralise(cell: str) -> str:
    """The cell, with a leading apostrophe if a spreadsheet would run it as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def details_cells(citations: list[Citation], participants: list[Taking]) -> tuple[str, str, str]:
    """An entry's participants, sources and quotes cells: the summary of each entry that
    ``export_reads.summarised_entries`` keeps."""
    taking_part = [
        f"{taking.name} ({taking.kind_name}: {', '.join(taking.roles)})" for taking in participants
    ]
    sources = [
        f"{cited.source}, “{cited.article_title}”, {_day_words(cited.published_on)}"
        for cited in citations
    ]
    quotes = [citation.quote for citation in citations]
    return (
        neutralise(SEPARATOR.join(taking_part)),
        neutralise(SEPARATOR.join(sources)),
        neutralise(SEPARATOR.join(quotes)),
    )


def rows(entries: Iterable[tuple[str, str, str, tuple[str, str, str]]]) -> list[tuple[str, ...]]:
    """A row for each (date, headline, type name, ``details_cells``) of
    ``export_reads.summarised_entries``."""
    table = []
    for value, headline, type_name, (participants, sources, quotes) in entries:
        date_cell, shown, precise = _date_cells(value)
        table.append(
            (
                date_cell,
                shown,
                precise,
                # neutralise(), inlined: twice for each of 10,000 entries
                f"'{type_name}" if type_name.startswith(FORMULA_STARTS) else type_name,
                f"'{headline}" if headline.startswith(FORMULA_STARTS) else headline,
                participants,
                sources,
                quotes,
            )
        )
    return table


def row(item: PublicEntry) -> tuple[str, ...]:
    """The row of one entry with its details."""
    entry = item.entry
    details = details_cells(item.citations, item.participants)
    return rows([(entry.date, entry.headline, str(entry.event_type), details)])[0]


@lru_cache(maxsize=16_384)
def _date_cells(value: str) -> tuple[str, str, str]:
    """The date, date_display and precision cells of an EDTF value, from one parse. An
    export asks it of every entry, and a chronology of 10,000 entries may hold several
    thousand distinct dates: more than temporal's own caches keep."""
    shown = display(value) if value else UNDATED
    return neutralise(value), neutralise(shown), precision(value)


@lru_cache(maxsize=4096)
def _day_words(day: date | None) -> str:
    """A citation's publication date in words; an export cites the same days again
    and again."""
    return published_on_words(day)


def encode(lines: Iterable[Sequence[str]]) -> str:
    """The rows as CSV text (RFC 4180 quoting, CRLF line ends)."""
    text = io.StringIO()
    csv.writer(text).writerows(lines)
    return text.getvalue()
