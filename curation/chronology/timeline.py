"""The geometry of a chronology's timeline: where each entry's mark sits on a time axis.

Pure Python; the public page draws the result as HTML/CSS. The rules:

- The axis runs from the first day shown to the last (the entries' bounds, or the filter's
  range), and positions are percentages of its width.
- An entry of one day is a point. Anything longer (a week, "mid-July", a month, a
  quarter) is a bar from its first day to the end of its last, never a point; a bar too
  short to see is widened to ``MIN_BAR`` around its middle.
- An approximate date is drawn faded; an open end ("from June 2024") runs to the axis's
  end and is marked ongoing.
- Marks that would overlap go on separate lanes, so none hides another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MIN_BAR = 0.6  # percent of the axis: the narrowest bar drawn
POINT_ROOM = 1.2  # percent of the axis a point needs on its lane
MAX_LANES = 12


@dataclass(frozen=True)
class Item:
    key: str
    lower: date
    upper: date
    approximate: bool = False
    open_end: bool = False


@dataclass(frozen=True)
class Mark:
    item: Item
    left: float  # percent
    width: float  # percent; 0 for a point
    lane: int
    clipped_start: bool  # the item starts before the axis
    clipped_end: bool  # ...or ends after it (an open end, or outside a filter)

    @property
    def is_point(self) -> bool:
        return self.width == 0

    @property
    def approximate(self) -> bool:
        return self.item.approximate


@dataclass(frozen=True)
class Tick:
    left: float
    label: str


@dataclass(frozen=True)
class Timeline:
    start: date
    end: date
    marks: list[Mark]
    ticks: list[Tick]
    lanes: int


def axis_for(items: Sequence[Item]) -> tuple[date, date] | None:
    """The days the timeline spans: from the earliest lower bound to the latest upper
    bound, an open end counting as its start."""
    if not items:
        return None
    start = min(item.lower for item in items)
    end = max(item.lower if item.open_end else item.upper for item in items)
    return start, end


def layout(items: Sequence[Item], *, start: date | None = None, end: date | None = None):
    """The timeline of ``items`` between ``start`` and ``end`` (by default their own
    span). Items wholly outside the axis are left out."""
    axis = axis_for(items)
    if axis is None and (start is None or end is None):
        return None
    start = start or axis[0]
    end = end or axis[1]
    if end < start:
        start, end = end, start
    days = (end - start).days + 1
    marks = []
    lane_ends: list[float] = []
    for item in sorted(items, key=lambda i: (i.lower, i.upper, i.key)):
        upper = end if item.open_end else item.upper
        if upper < start or item.lower > end:
            continue
        first, last = max(item.lower, start), min(upper, end)
        left = (first - start).days / days * 100
        right = ((last - start).days + 1) / days * 100
        if item.lower == upper:  # one day: a point at the day's middle
            left, width = (left + right) / 2, 0.0
        else:
            width = right - left
            if width < MIN_BAR:
                left = max(0.0, min(100.0 - MIN_BAR, (left + right) / 2 - MIN_BAR / 2))
                width = MIN_BAR
        lane = _free_lane(lane_ends, left, left + max(width, POINT_ROOM))
        marks.append(
            Mark(
                item=item,
                left=round(left, 3),
                width=round(width, 3),
                lane=lane,
                clipped_start=item.lower < start,
                clipped_end=item.open_end or upper > end,
            )
        )
    return Timeline(
        start=start, end=end, marks=marks, ticks=ticks(start, end), lanes=len(lane_ends) or 1
    )


def _free_lane(lane_ends: list[float], left: float, right: float) -> int:
    """The first lane whose last mark ends before ``left`` (the last lane, when all are
    taken and the count is at its limit)."""
    for lane, taken_until in enumerate(lane_ends):
        if taken_until <= left:
            lane_ends[lane] = right
            return lane
    if len(lane_ends) < MAX_LANES:
        lane_ends.append(right)
        return len(lane_ends) - 1
    lane_ends[-1] = max(lane_ends[-1], right)
    return len(lane_ends) - 1


MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def ticks(start: date, end: date) -> list[Tick]:
    """Labelled divisions of the axis: years over a long span, months over a middling
    one, weeks (Mondays) over a short one."""
    days = (end - start).days + 1

    def at(day: date) -> float:
        return round((day - start).days / days * 100, 3)

    if days > 3 * 366:
        first = start.year if (start.month, start.day) == (1, 1) else start.year + 1
        years = list(range(first, end.year + 1))
        step = max(1, len(years) // 10)
        return [Tick(at(date(year, 1, 1)), str(year)) for year in years[::step]]
    if days > 62:
        found, year, month = [], start.year, start.month
        if start.day > 1:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        while date(year, month, 1) <= end:
            label = MONTH_ABBREVIATIONS[month - 1] + (f" {year}" if month == 1 or not found else "")
            found.append(Tick(at(date(year, month, 1)), label))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    found = []
    while monday <= end:
        found.append(Tick(at(monday), f"{monday.day} {MONTH_ABBREVIATIONS[monday.month - 1]}"))
        monday += timedelta(days=7)
    return found
