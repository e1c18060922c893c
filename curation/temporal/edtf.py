"""EDTF values: the subset we store, their bounds, validation, and the sort key.

Supported values (Library of Congress EDTF, levels 0 and 1, and level 2's quarters and halves):

    day          2024-06-20
    month        2024-07
    year         2009
    decade       199X        the unspecified last digit: 1990-1999
    season       2023-22     21 spring, 22 summer, 23 autumn, 24 winter
    quarter      2024-35     33-36: Q1-Q4 (January-March ... October-December)
    half         2024-40     40 the first half (January-June), 41 the second (July-December)
    interval     a/b         a and b each a day, month, year, decade, season, quarter or half
    open end     a/..        a as above, the end open: something that began at a and goes on
    approximate  v~          on a day, month, year, season, quarter or half

Rules:

- Bounds are inclusive days: ``bounds("2024-07") == (date(2024, 7, 1), date(2024, 7, 31))``.
- Seasons are northern meteorological seasons: spring March-May, summer June-August, autumn
  September-November, winter December of the year written to February of the next one
  ("2023-24" is December 2023 to February 2024).
- Quarters and halves are calendar ones, the EDTF level 2 sub-year groupings 33-36 and 40-41
  (fiscal years differ from company to company and are not dates we can store).
- An interval is closed and runs from the lower bound of its start to the upper bound of its
  end. Its start may not begin after its end begins, nor end after its end ends.
- An open end ("2024-06/..": from June 2024) has the start's lower bound and 9999-12-31, the
  last day we can store, as its upper bound: a filter for any later period finds it, and it
  sorts after the closed values that start on the same day. Its start must end before 9999,
  or the open end would add nothing. An open start ("../2024-06") is refused: an event is
  placed by when it began.
- Approximate (~) keeps the bounds of the exact value: "2024-06-13~" is bounded by 13 June 2024
  on both sides. The ~ is for people reading the date, not for filters; widening the bounds by a
  guess would invent precision of another kind.
- Years are four digits, 0001-9999 (the range of ``datetime.date``); a decade's first year must
  be in that range too, and a winter must end in it.
- Not supported, with a message that says so and what to write instead: uncertain (?) and
  uncertain-approximate (%) values, more than one mark or a mark inside a date ("2024-06-13?~",
  "2024-~06"), ~ on a decade or inside an interval, unknown interval ends ("2024/"), open
  starts, sets, times, negative years and years beyond 9999, the other level 2 groupings
  (hemisphere seasons 25-32, quadrimesters 37-39).
- ``validate`` returns the value normalised: spaces around it and around "/" removed, "x" as "X"
  ("19xx" -> "19XX").
- ``sort_key`` orders by (lower bound, length in days, upper bound, id): an earlier start first,
  then the finer value first among values that start on the same day.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from curation.temporal.lexicon import MONTH_DISPLAY_NAMES


class Kind(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    INTERVAL = "interval"


@dataclass(frozen=True, slots=True)
class Edtf:
    """A parsed EDTF value. ``code`` is the sub-year grouping's code (21-24 seasons, 33-36
    quarters, 40-41 halves); ``start``/``end`` are set for intervals, and ``end`` is None
    when the interval's end is open."""

    value: str
    kind: Kind
    lower: date
    upper: date
    approximate: bool = False
    code: int | None = None
    start: "Edtf | None" = None
    end: "Edtf | None" = None

    @property
    def open_end(self) -> bool:
        return self.kind is Kind.INTERVAL and self.end is None


OPEN = ".."
"""An open interval end in EDTF."""

_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_YEAR = re.compile(r"([0-9]{4})")
_DECADE = re.compile(r"([0-9]{3})X")
_CENTURY = re.compile(r"([0-9]{2})XX")
_LONG_YEAR = re.compile(r"[+]?([0-9]{5,})(?:-[0-9]{2}){0,2}")
_UNSPECIFIED_DIGITS = re.compile(r"(?<=[0-9]{2})[xX]{2}|(?<=[0-9]{3})[xX]")
_SLASHED_DAY = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")
_MARKS = "?~%"
_TRAILING_MARKS = re.compile(r"[?~%]+\Z")

SEASON_MONTHS: dict[int, int] = {21: 3, 22: 6, 23: 9, 24: 12}
"""The first month of each season code."""
QUARTER_MONTHS: dict[int, int] = {33: 1, 34: 4, 35: 7, 36: 10}
"""The first month of each quarter code (three months each)."""
HALF_MONTHS: dict[int, int] = {40: 1, 41: 7}
"""The first month of each half-year code (six months each)."""

FORMATS_HELP = (
    "Write a day 2024-06-20, a month 2024-07, a year 2009, a decade 199X, a century 19XX, "
    "a season 2023-22 "
    "(21 spring, 22 summer, 23 autumn, 24 winter), a quarter 2024-35 (33-36 for Q1-Q4), "
    "a half 2024-40 (40 first, 41 second), an interval 2024-07-11/2024-07-20, "
    "an open end 2024-06/.. (from June 2024), or add ~ for approximate (2024-06-13~)."
)
UNCERTAIN_HELP = (
    "uncertain dates (? or %) are not supported. Use ~ for an approximate date, "
    "or store only what you know (2024-06 rather than 2024-06-20?)."
)
YEAR_RANGE_HELP = "years run from 0001 to 9999."


def _error(text: str, reason: str) -> ValueError:
    return ValueError(f"“{text}”: {reason}")


def validate(value: str) -> str:
    """The value normalised, or ValueError with a message that says what is wrong and what to do."""
    return parse(value).value


def bounds(value: str) -> tuple[date, date]:
    """The first and last day (inclusive) that the value covers; 9999-12-31 for an open end."""
    parsed = parse(value)
    return parsed.lower, parsed.upper


def sort_key(value: str, id: int = 0) -> tuple[date, int, date, int]:
    """(lower bound, length in days, upper bound, id): 2024 < 2024-07 < 2024-07-11/2024-07-20."""
    parsed = parse(value)
    return parsed.lower, (parsed.upper - parsed.lower).days, parsed.upper, id


def parse(value: str) -> Edtf:
    """The parsed value; ValueError with a message for people if it isn't EDTF we support."""
    if not isinstance(value, str):
        raise ValueError(f"A date must be text, not {type(value).__name__}. {FORMATS_HELP}")
    text = "/".join(part.strip() for part in value.split("/"))
    return _parse_normalised(_UNSPECIFIED_DIGITS.sub(lambda digits: digits[0].upper(), text))


@lru_cache(maxsize=4096)
def _parse_normalised(text: str) -> Edtf:
    if not text:
        raise ValueError(f"The date is empty. {FORMATS_HELP}")
    if _SLASHED_DAY.fullmatch(text):
        raise _error(
            text,
            "a stored date is written year-month-day, such as 2024-07-24; "
            "day/month/year and month/day/year are often ambiguous.",
        )
    _check_marks(text)
    if "/" in text:
        return _parse_interval(text)
    if text.endswith("~"):
        return _parse_approximate(text)
    return _parse_simple(text)


def _check_marks(text: str) -> None:
    """At most one mark per date, at its end, and only ~ (approximate)."""
    parts = text.split("/")
    unmarked = "/".join(_TRAILING_MARKS.sub("", part) for part in parts)
    if any(mark in unmarked for mark in _MARKS):
        raise _error(
            text,
            "a mark (~, ? or %) goes at the end of the whole date, not on a part of it. "
            f"Write {_strip_marks(unmarked)}~ for an approximate date.",
        )
    trailing = [match[0] for part in parts if (match := _TRAILING_MARKS.search(part))]
    if any(len(marks) > 1 for marks in trailing):
        raise _error(
            text,
            "a date takes one mark at most, and the desk stores only ~ (approximate). "
            f"Write {_strip_marks(unmarked)}~ if it is approximate, or keep only the part "
            "you are sure of (2024-06 rather than 2024-06-20).",
        )
    if any(marks in "?%" for marks in trailing):
        raise _error(text, UNCERTAIN_HELP)


def _strip_marks(text: str) -> str:
    return "".join(character for character in text if character not in _MARKS)


def _parse_interval(text: str) -> Edtf:
    parts = text.split("/")
    if len(parts) != 2 or not all(parts):
        raise _error(
            text,
            "an interval needs exactly two dates, a start and an end, such as "
            "2024-07-11/2024-07-20; for something still going on, write .. as the end "
            "(2024-06/..).",
        )
    if parts[0] == OPEN:
        raise _error(
            text,
            "an open start (..) is not supported: an event is placed by when it began. "
            "Write the date it happened by (2024-06), or an interval with a start "
            "(2024-01/2024-06).",
        )
    if any(part.endswith("~") for part in parts):
        raise _error(text, "~ is supported on a single date, not inside an interval.")
    start = _parse_simple(parts[0])
    if parts[1] == OPEN:
        return _open_end(text, start)
    end = _parse_simple(parts[1])
    if start.lower > end.lower or start.upper > end.upper:
        raise _error(text, "the interval ends before it starts. Put the earlier date first.")
    return Edtf(text, Kind.INTERVAL, start.lower, end.upper, start=start, end=end)


def _open_end(text: str, start: Edtf) -> Edtf:
    if start.upper.year == date.max.year:
        raise _error(
            text,
            "an open end must start before 9999, the last year we can store; it would add "
            "nothing to its start. Write the date the event began, such as 2024-06/.. "
            "(from June 2024).",
        )
    return Edtf(text, Kind.INTERVAL, start.lower, date.max, start=start)


def _parse_approximate(text: str) -> Edtf:
    exact = _parse_simple(text[:-1])
    if exact.kind is Kind.DECADE:
        raise _error(text, "a decade can't be approximate; store the decade (199X) alone.")
    if exact.kind is Kind.CENTURY:
        raise _error(text, "a century can't be approximate; store the century (19XX) alone.")
    return Edtf(text, exact.kind, exact.lower, exact.upper, approximate=True, code=exact.code)


def _parse_simple(text: str) -> Edtf:
    if match := _DAY.fullmatch(text):
        return _day(text, *(int(group) for group in match.groups()))
    if match := _MONTH.fullmatch(text):
        return _month_or_grouping(text, int(match[1]), int(match[2]))
    if match := _YEAR.fullmatch(text):
        year = _checked_year(text, int(match[1]))
        return Edtf(text, Kind.YEAR, date(year, 1, 1), date(year, 12, 31))
    if match := _DECADE.fullmatch(text):
        first = _checked_year(text, int(match[1]) * 10)
        return Edtf(text, Kind.DECADE, date(first, 1, 1), date(first + 9, 12, 31))
    if match := _CENTURY.fullmatch(text):
        first = _checked_year(text, int(match[1]) * 100)
        return Edtf(text, Kind.CENTURY, date(first, 1, 1), date(first + 99, 12, 31))
    if _LONG_YEAR.fullmatch(text):
        raise _error(text, f"{YEAR_RANGE_HELP} A later year can't be stored.")
    raise _error(text, f"this is not a date we can store. {FORMATS_HELP}")


def _checked_year(text: str, year: int) -> int:
    if not 1 <= year <= 9999:
        raise _error(text, YEAR_RANGE_HELP)
    return year


def _day(text: str, year: int, month: int, day: int) -> Edtf:
    _checked_year(text, year)
    if not 1 <= month <= 12:
        raise _error(text, f"there is no month {month:02d}; months are 01-12.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = MONTH_DISPLAY_NAMES[month - 1]
        raise _error(text, f"{name} {year} has days 01-{last}, not {day:02d}.")
    return Edtf(text, Kind.DAY, date(year, month, day), date(year, month, day))


_GROUPING_KINDS = {
    **dict.fromkeys(SEASON_MONTHS, Kind.SEASON),
    **dict.fromkeys(QUARTER_MONTHS, Kind.QUARTER),
    **dict.fromkeys(HALF_MONTHS, Kind.HALF),
}


def _month_or_grouping(text: str, year: int, month: int) -> Edtf:
    _checked_year(text, year)
    if 1 <= month <= 12:
        last = calendar.monthrange(year, month)[1]
        return Edtf(text, Kind.MONTH, date(year, month, 1), date(year, month, last))
    if kind := _GROUPING_KINDS.get(month):
        if month == 24 and year == 9999:
            raise _error(text, "that winter ends after 9999.")
        lower, upper = grouping_bounds(year, month)
        return Edtf(text, kind, lower, upper, code=month)
    raise _error(
        text,
        f"there is no month {month:02d}. Months are 01-12; 21-24 are seasons "
        "(21 spring, 22 summer, 23 autumn, 24 winter), 33-36 quarters (Q1-Q4) and "
        "40-41 halves (first, second).",
    )


def grouping_bounds(year: int, code: int) -> tuple[date, date]:
    """The days of a season, quarter or half. Seasons are northern meteorological ones;
    winter runs into February of the next year."""
    if code in SEASON_MONTHS:
        first_month, months = SEASON_MONTHS[code], 3
    elif code in QUARTER_MONTHS:
        first_month, months = QUARTER_MONTHS[code], 3
    else:
        first_month, months = HALF_MONTHS[code], 6
    last_year, last_month = divmod(year * 12 + first_month - 1 + months - 1, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return date(year, first_month, 1), date(last_year, last_month + 1, last_day)
