"""EDTF values: the subset we store, their bounds, validation, and the sort key.

Supported values (Library of Congress EDTF, levels 0 and 1):

    day          2024-06-20
    month        2024-07
    year         2009
    decade       199X        the unspecified last digit: 1990-1999
    season       2023-22     21 spring, 22 summer, 23 autumn, 24 winter
    interval     a/b         a and b each a day, month, year, decade or season
    approximate  v~          on a day, month, year or season

Rules:

- Bounds are inclusive days: ``bounds("2024-07") == (date(2024, 7, 1), date(2024, 7, 31))``.
- Seasons are northern meteorological seasons: spring March-May, summer June-August, autumn
  September-November, winter December of the year written to February of the next one
  ("2023-24" is December 2023 to February 2024).
- An interval is closed and runs from the lower bound of its start to the upper bound of its
  end. Its start may not begin after its end begins, nor end after its end ends.
- Approximate (~) keeps the bounds of the exact value: "2024-06-13~" is bounded by 13 June 2024
  on both sides. The ~ is for people reading the date, not for filters; widening the bounds by a
  guess would invent precision of another kind.
- Years are four digits, 0001-9999 (the range of ``datetime.date``); a decade's first year must
  be in that range too, and a winter must end in it.
- Not supported, with a message that says so: uncertain (?) and uncertain-approximate (%) values,
  ~ on a decade or inside an interval, open or unknown interval ends (".."), sets, times,
  negative and long years.
- ``validate`` returns the value normalised: spaces around it and around "/" removed, "x" as "X".
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
    SEASON = "season"
    INTERVAL = "interval"


@dataclass(frozen=True, slots=True)
class Edtf:
    """A parsed EDTF value. ``start``/``end`` are set for intervals, ``season`` for seasons."""

    value: str
    kind: Kind
    lower: date
    upper: date
    approximate: bool = False
    season: int | None = None
    start: "Edtf | None" = None
    end: "Edtf | None" = None


_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_YEAR = re.compile(r"([0-9]{4})")
_DECADE = re.compile(r"([0-9]{3})X")
_LOWERCASE_DECADE_X = re.compile(r"(?<=[0-9]{3})x")
_SLASHED_DAY = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}")

SEASON_MONTHS: dict[int, int] = {21: 3, 22: 6, 23: 9, 24: 12}
"""The first month of each season code."""

FORMATS_HELP = (
    "Write a day 2024-06-20, a month 2024-07, a year 2009, a decade 199X, a season 2023-22 "
    "(21 spring, 22 summer, 23 autumn, 24 winter), an interval 2024-07-11/2024-07-20, "
    "or add ~ for approximate (2024-06-13~)."
)


def _error(text: str, reason: str) -> ValueError:
    return ValueError(f"“{text}”: {reason}")


def validate(value: str) -> str:
    """The value normalised, or ValueError with a message that says what is wrong and what to do."""
    return parse(value).value


def bounds(value: str) -> tuple[date, date]:
    """The first and last day (inclusive) that the value covers."""
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
    return _parse_normalised(_LOWERCASE_DECADE_X.sub("X", text))


@lru_cache(maxsize=4096)
def _parse_normalised(text: str) -> Edtf:
    if not text:
        raise ValueError(f"The date is empty. {FORMATS_HELP}")
    if "?" in text or "%" in text:
        raise _error(
            text,
            "uncertain dates (? or %) are not supported. Use ~ for an approximate date, "
            "or store only what you know (2024-06 rather than 2024-06-20?).",
        )
    if _SLASHED_DAY.fullmatch(text):
        raise _error(
            text,
            "write a day as year-month-day, such as 2024-07-24; day/month/year and "
            "month/day/year can't be told apart.",
        )
    if "/" in text:
        return _parse_interval(text)
    if text.endswith("~"):
        return _parse_approximate(text)
    return _parse_simple(text)


def _parse_interval(text: str) -> Edtf:
    parts = text.split("/")
    if len(parts) != 2 or not all(parts) or ".." in parts:
        raise _error(
            text,
            "an interval needs exactly two dates, a start and an end, such as "
            "2024-07-11/2024-07-20; open or unknown ends are not supported.",
        )
    if any(part.endswith("~") for part in parts):
        raise _error(text, "~ is supported on a single date, not inside an interval.")
    start, end = (_parse_simple(part) for part in parts)
    if start.lower > end.lower or start.upper > end.upper:
        raise _error(text, "the interval ends before it starts. Put the earlier date first.")
    return Edtf(text, Kind.INTERVAL, start.lower, end.upper, start=start, end=end)


def _parse_approximate(text: str) -> Edtf:
    exact = _parse_simple(text[:-1])
    if exact.kind is Kind.DECADE:
        raise _error(text, "a decade can't be approximate; store the decade (199X) alone.")
    return Edtf(text, exact.kind, exact.lower, exact.upper, approximate=True, season=exact.season)


def _parse_simple(text: str) -> Edtf:
    if match := _DAY.fullmatch(text):
        return _day(text, *(int(group) for group in match.groups()))
    if match := _MONTH.fullmatch(text):
        return _month_or_season(text, int(match[1]), int(match[2]))
    if match := _YEAR.fullmatch(text):
        year = _checked_year(text, int(match[1]))
        return Edtf(text, Kind.YEAR, date(year, 1, 1), date(year, 12, 31))
    if match := _DECADE.fullmatch(text):
        first = _checked_year(text, int(match[1]) * 10)
        return Edtf(text, Kind.DECADE, date(first, 1, 1), date(first + 9, 12, 31))
    raise _error(text, f"this is not a date we can store. {FORMATS_HELP}")


def _checked_year(text: str, year: int) -> int:
    if not 1 <= year <= 9999:
        raise _error(text, "years run from 0001 to 9999.")
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


def _month_or_season(text: str, year: int, month: int) -> Edtf:
    _checked_year(text, year)
    if 1 <= month <= 12:
        last = calendar.monthrange(year, month)[1]
        return Edtf(text, Kind.MONTH, date(year, month, 1), date(year, month, last))
    if month in SEASON_MONTHS:
        if month == 24 and year == 9999:
            raise _error(text, "that winter ends after 9999.")
        lower, upper = season_bounds(year, month)
        return Edtf(text, Kind.SEASON, lower, upper, season=month)
    raise _error(
        text,
        f"there is no month {month:02d}. Months are 01-12; 21-24 are seasons "
        "(21 spring, 22 summer, 23 autumn, 24 winter).",
    )


def season_bounds(year: int, code: int) -> tuple[date, date]:
    """Northern meteorological bounds; winter runs into February of the next year."""
    first_month = SEASON_MONTHS[code]
    last_year, last_month = (year + 1, 2) if code == 24 else (year, first_month + 2)
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(year, first_month, 1), date(last_year, last_month, last_day)
