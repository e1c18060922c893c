"""Calendar periods: a span of days together with the EDTF value that names it.

Rules:

- Weeks run Monday to Sunday; a weekend is the Saturday and Sunday of a week.
- early/mid/late of a month are days 1-10 / 11-20 / 21 to the end of the month.
- early/mid/late of a year are January-April / May-August / September-December.
- Seasons are northern meteorological seasons (see ``edtf``); winter YYYY-24 starts in December.
- Quarters (Q1 January-March ... Q4 October-December) and halves (January-June, July-December)
  are calendar ones.
- The beginning (or start) of a year is January-February, its middle May-August (as "mid-"),
  its end November-December; of a month, days 1-10, 11-20 and 21 to the end (as early/mid/
  late); of a week, Monday-Tuesday, Tuesday-Thursday and Thursday-Sunday.
- Centuries are written as EDTF writes them, by their hundreds: the 20th century is 19XX,
  1900-1999.
- An approximate period keeps the bounds of the exact one and adds ~ to its value.
- Constructors raise ValueError (or OverflowError) for days outside 0001-01-01..9999-12-31;
  callers turn that into "cannot be resolved".

Periods are immutable, so the constructors that resolving builds most often (every candidate
year of "in July", every candidate week of "on Tuesday") keep the periods they made: the same
days and months come up in article after article.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from curation.temporal.edtf import grouping_bounds

Part = Literal["early", "mid", "late"]
PARTS: dict[str, Part] = {"early": "early", "mid": "mid", "late": "late"}

_MONTH_PART_DAYS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, None),
}
_YEAR_PART_MONTHS: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


_kept = lru_cache(maxsize=4096)


@dataclass(frozen=True, slots=True)
class Period:
    lower: date
    upper: date
    value: str


def _iso_day(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def _checked_year(year: int) -> int:
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside 0001-9999")
    return year


def days_in_month(*, year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _last_day(year: int, month: int) -> date:
    return date(year, month, days_in_month(year=year, month=month))


@_kept
def single_day(day: date) -> Period:
    return Period(day, day, _iso_day(day))


@_kept
def days(*, first: date, last: date) -> Period:
    """The days first..last; a single day when they are the same."""
    if first == last:
        return single_day(first)
    return Period(first, last, f"{_iso_day(first)}/{_iso_day(last)}")


@_kept
def whole_month(*, year: int, month: int) -> Period:
    _checked_year(year)
    return Period(date(year, month, 1), _last_day(year, month), f"{year:04d}-{month:02d}")


@_kept
def whole_year(year: int) -> Period:
    _checked_year(year)
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year:04d}")


def decade(first_year: int) -> Period:
    """The decade starting in first_year, a multiple of ten: 1990 -> 199X."""
    _checked_year(first_year)
    return Period(date(first_year, 1, 1), date(first_year + 9, 12, 31), f"{first_year // 10:03d}X")


def century(first_year: int) -> Period:
    """The century starting in first_year, a multiple of 100: 1900 -> 19XX."""
    _checked_year(first_year)
    return Period(
        date(first_year, 1, 1), date(first_year + 99, 12, 31), f"{first_year // 100:02d}XX"
    )


def years(*, first: int, last: int) -> Period:
    """The years first..last, 1957/1958; one year when they are the same."""
    if first == last:
        return whole_year(first)
    start, end = whole_year(first), whole_year(last)
    return Period(start.lower, end.upper, f"{start.value}/{end.value}")


def months(*, year: int, first: int, last: int) -> Period:
    """The months first..last of one year: 2024-11/2024-12."""
    if first == last:
        return whole_month(year=year, month=first)
    start, end = whole_month(year=year, month=first), whole_month(year=year, month=last)
    return Period(start.lower, end.upper, f"{start.value}/{end.value}")


def season(*, year: int, code: int) -> Period:
    return _grouping(year=year, code=code)


def quarter(*, year: int, number: int) -> Period:
    """Q1-Q4 of a calendar year: EDTF 33-36."""
    if not 1 <= number <= 4:
        raise ValueError(f"there is no quarter {number}")
    return _grouping(year=year, code=32 + number)


def half(*, year: int, number: int) -> Period:
    """The first (1) or second (2) half of a calendar year: EDTF 40, 41."""
    if number not in (1, 2):
        raise ValueError(f"there is no half {number}")
    return _grouping(year=year, code=39 + number)


@_kept
def _grouping(*, year: int, code: int) -> Period:
    _checked_year(year)
    lower, upper = grouping_bounds(year, code)
    return Period(lower, upper, f"{year:04d}-{code}")


@_kept
def part_of_month(*, year: int, month: int, part: Part) -> Period:
    first_day, last_day = _MONTH_PART_DAYS[part]
    _checked_year(year)
    last = date(year, month, last_day) if last_day else _last_day(year, month)
    return days(first=date(year, month, first_day), last=last)


def part_of_year(*, year: int, part: Part) -> Period:
    first_month, last_month = _YEAR_PART_MONTHS[part]
    first = whole_month(year=year, month=first_month)
    last = whole_month(year=year, month=last_month)
    return Period(first.lower, last.upper, f"{first.value}/{last.value}")


def week_containing(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return days(first=monday, last=monday + timedelta(days=6))


def weekend_containing(day: date) -> Period:
    saturday = day + timedelta(days=5 - day.weekday())
    return days(first=saturday, last=saturday + timedelta(days=1))


Edge = Literal["beginning", "middle", "end"]
EDGES: dict[str, Edge] = {
    "beginning": "beginning",
    "start": "beginning",
    "middle": "middle",
    "end": "end",
}
_EDGE_PARTS: dict[str, Part] = {"beginning": "early", "middle": "mid", "end": "late"}
_YEAR_EDGE_MONTHS: dict[str, tuple[int, int]] = {
    "beginning": (1, 2),
    "middle": (5, 8),
    "end": (11, 12),
}
_WEEK_EDGE_DAYS: dict[str, tuple[int, int]] = {"beginning": (0, 1), "middle": (1, 3), "end": (3, 6)}


def edge_of_year(*, year: int, edge: Edge) -> Period:
    first, last = _YEAR_EDGE_MONTHS[edge]
    return months(year=year, first=first, last=last)


def edge_of_month(*, year: int, month: int, edge: Edge) -> Period:
    return part_of_month(year=year, month=month, part=_EDGE_PARTS[edge])


def edge_of_week(day: date, *, edge: Edge) -> Period:
    monday = day - timedelta(days=day.weekday())
    first, last = _WEEK_EDGE_DAYS[edge]
    return days(first=monday + timedelta(days=first), last=monday + timedelta(days=last))


def weekend_nearest(day: date) -> Period:
    """ "The weekend of June 15": the Saturday and Sunday nearest the day (a Wednesday, equally
    near both, takes the coming one)."""
    saturday_after = day + timedelta(days=(5 - day.weekday()) % 7)
    sunday_before = day - timedelta(days=(day.weekday() + 1) % 7)
    if (saturday_after - day) <= (day - sunday_before):
        return days(first=saturday_after, last=saturday_after + timedelta(days=1))
    return days(first=sunday_before - timedelta(days=1), last=sunday_before)


def approximate(period: Period) -> Period:
    return Period(period.lower, period.upper, f"{period.value}~")


def shift_month(*, year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) moved by a number of months: (2024, 1) by -1 is (2023, 12)."""
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1
