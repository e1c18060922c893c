"""Knight Lab TimelineJS 3 JSON: ``{"title": slide, "events": [slide, ...]}``.

A slide has ``start_date`` (required, except on the title slide), ``end_date``,
``text`` (``headline`` and ``text``, both rendered as HTML), ``display_date``,
``group`` and ``unique_id``; a date object has ``year`` (required), ``month`` and
``day``. (timeline.knightlab.com/docs/json-format.html)

Dates keep their precision: a date object carries only the parts the EDTF value has.

    2024-06-20              start {2024, 6, 20}
    2024-07                 start {2024, 7}
    2009                    start {2009}
    199X                    start {1990}, end {1999}
    2023-22 (summer)        start {2023, 6}, end {2023, 8}     a season, quarter or half:
    2023-24 (winter)        start {2023, 12}, end {2024, 2}    the months it runs over
    2024-07-11/2024-07-20   start {2024, 7, 11}, end {2024, 7, 20}
    2024-03/2024-05         start {2024, 3}, end {2024, 5}     each end at its precision
    2024-06/..              start {2024, 6}, no end
    2024-06-13~             start {2024, 6, 13}

``display_date`` on the slide is our reading ("mid-July 2024", "c. 13 June 2024",
"summer 2023"), which TimelineJS shows instead of its own formatting of the two dates.
Undated entries can't be placed on a timeline: they are left out, and the title slide
says how many. Headlines and citations are escaped, because TimelineJS renders them as
HTML.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from curation.chronology.exports.html import entry_html
from curation.temporal import Kind, parse
from curation.temporal.edtf import Edtf

if TYPE_CHECKING:
    from curation.chronology.selectors import PublicEntry


def _date_object(parsed: Edtf, *, last: bool) -> dict[str, int]:
    """The first (or ``last``) moment of a simple value, at the value's own precision."""
    day = parsed.upper if last else parsed.lower
    match parsed.kind:
        case Kind.DAY:
            return {"year": day.year, "month": day.month, "day": day.day}
        case Kind.YEAR | Kind.DECADE | Kind.CENTURY:
            return {"year": day.year}
        case _:  # a month, season, quarter or half: its months
            return {"year": day.year, "month": day.month}


def slide_dates(value: str) -> dict[str, dict[str, int]]:
    """``start_date`` and, for values that span a period of their own precision,
    ``end_date``."""
    parsed = parse(value)
    if parsed.kind is Kind.INTERVAL:
        assert parsed.start is not None
        dates = {"start_date": _date_object(parsed.start, last=False)}
        if parsed.end is not None:
            dates["end_date"] = _date_object(parsed.end, last=True)
        return dates
    dates = {"start_date": _date_object(parsed, last=False)}
    if parsed.kind in (Kind.DECADE, Kind.CENTURY, Kind.SEASON, Kind.QUARTER, Kind.HALF):
        dates["end_date"] = _date_object(parsed, last=True)
    return dates


def slide(item: PublicEntry, *, link: str) -> dict:
    """One dated entry as a slide; ``link`` is its place on the chronology's page."""
    entry = item.entry
    event_type = entry.event_type
    top_type = event_type.parent if event_type.parent_id else event_type
    return {
        **slide_dates(entry.date),
        "display_date": entry.date_display,
        "text": {"headline": escape(entry.headline), "text": entry_html(item, link=link)},
        "group": escape(top_type.name),
        "unique_id": f"entry-{entry.slug}",
    }


def title_slide(*, title: str, description: str, undated: int) -> dict:
    text = f"<p>{escape(description)}</p>" if description else ""
    if undated:
        entries = "entry has" if undated == 1 else "entries have"
        text += f"<p>{undated} {entries} no date and can't be placed on this timeline.</p>"
    return {"text": {"headline": escape(title), "text": text}}
