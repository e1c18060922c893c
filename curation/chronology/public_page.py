"""How the public chronology page arranges its entries: year and month groups, the note
on an entry longer than the month it is listed under, the timeline's items and axis, and
a chronology's date range in words. Pure Python: the view hands in entries already read.

Rules:

- Entries keep the order they come in (``selectors.published_entries``: earlier start,
  shorter span, earlier end). Each goes under the year and month its date begins in, so
  the groups follow that order without repeating a heading.
- An entry that runs past the month it is listed under (a year, a season, "2024-03/
  2024-05", a decade, an open end) says so: "Listed where it begins; it runs to May
  2024", or "...; it is still going on". Its own date, shown at its true precision, stays
  the date the reader sees; the heading only says where the list put it.
- Undated entries come last, under "Date unknown".
- The timeline draws the entries it is given (the page's) on an axis from the filter's
  dates where they are set, else from the entries' own span; an open end counts as its
  start, so "from June 2024" never stretches the axis to 9999.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from curation.chronology import timeline
from curation.temporal import display, parse
from curation.temporal.lexicon import MONTH_DISPLAY_NAMES

UNDATED = "Date unknown"


def month_name(day: date) -> str:
    return f"{MONTH_DISPLAY_NAMES[day.month - 1]} {day.year}"


def span_note(lower: date, upper: date) -> str | None:
    """What an entry listed under the month of ``lower`` says about running past it."""
    if upper == date.max:
        return "Listed where it begins; it is still going on."
    if (lower.year, lower.month) == (upper.year, upper.month):
        return None
    return f"Listed where it begins; it runs to {month_name(upper)}."


@dataclass
class Month[T]:
    label: str
    anchor: str  # a fragment id: "m-2024-06", or "undated"
    items: list[T] = field(default_factory=list)


@dataclass
class Year[T]:
    label: str
    anchor: str
    months: list[Month[T]] = field(default_factory=list)


def group_by_month[T](
    items: Sequence[T], bounds_of: Callable[[T], tuple[date, date] | None]
) -> list[Year[T]]:
    """``items`` under year and month headings, in their own order. ``bounds_of`` gives an
    item's (lower, upper) bounds, or None when it has no date."""
    years: list[Year[T]] = []
    undated: list[T] = []
    for item in items:
        found = bounds_of(item)
        if found is None:
            undated.append(item)
            continue
        lower = found[0]
        year_label = str(lower.year)
        if not years or years[-1].label != year_label:
            years.append(Year(year_label, f"y-{lower.year:04d}"))
        months = years[-1].months
        label = month_name(lower)
        if not months or months[-1].label != label:
            months.append(Month(label, f"m-{lower.year:04d}-{lower.month:02d}"))
        months[-1].items.append(item)
    if undated:
        years.append(Year(UNDATED, "undated", [Month(UNDATED, "undated-entries", undated)]))
    return years


@dataclass(frozen=True)
class DrawnMark[T]:
    """A timeline mark with the item it stands for."""

    mark: timeline.Mark
    item: T

    @property
    def ongoing(self) -> bool:
        return self.mark.item.open_end


def timeline_for[T](
    items: Sequence[T],
    *,
    key_of: Callable[[T], str],
    date_of: Callable[[T], str],
    date_from: date | None = None,
    date_to: date | None = None,
) -> tuple[timeline.Timeline, list[DrawnMark[T]]] | None:
    """The timeline of the dated ``items`` (``date_of`` gives an item's EDTF, "" when
    undated), zoomed to [date_from, date_to] where they are given. None when nothing is
    dated."""
    by_key: dict[str, T] = {}
    order: dict[str, int] = {}
    marks_in: list[timeline.Item] = []
    for position, item in enumerate(items):
        value = date_of(item)
        if not value:
            continue
        parsed = parse(value)
        key = key_of(item)
        by_key[key], order[key] = item, position
        marks_in.append(
            timeline.Item(
                key,
                parsed.lower,
                parsed.upper,
                approximate=parsed.approximate,
                open_end=parsed.open_end,
            )
        )
    natural = timeline.axis_for(marks_in)
    if natural is None:
        return None
    start = date_from or natural[0]
    end = date_to or max(natural[1], start)
    drawn = timeline.layout(marks_in, start=start, end=end)
    # In the items' order, which is the entries' order: Tab goes through the marks as
    # the list below reads, wherever the marks sit on the axis.
    in_order = sorted(drawn.marks, key=lambda mark: order[mark.item.key])
    return drawn, [DrawnMark(mark, by_key[mark.item.key]) for mark in in_order]


def date_range_words(first: str | None, last: str | None) -> str:
    """A chronology's dates for people, from its first and last entries' EDTF dates (the
    first and last in the public order): "20 June 2024 to mid-July 2024"."""
    if not first:
        return "No dated entries yet"
    if not last or last == first:
        return display(first)
    if parse(last).open_end:
        return f"{display(first)}; still going on: {display(last)}"
    return f"{display(first)} to {display(last)}"
