"""display(): an EDTF value written for people, never more precise than the value.

    2024-06-20              20 June 2024
    2024-07                 July 2024
    2009                    2009
    199X                    1990s
    19XX                    20th century (1900-1999, as EDTF counts it)
    2023-22                 summer 2023 (spring, summer, autumn); 2023-24 winter 2023–24
    2024-35                 Q3 2024 (33-36: Q1-Q4)
    2024-40                 first half of 2024; 2024-41 second half of 2024
    2024-06-13~             c. 13 June 2024  (~ on any value: "c. " in front)
    2024-07-01/2024-07-10   early July 2024; 11-20 mid-July 2024; 21-end late July 2024
    2024-01/2024-04         early 2024; 2024-05/2024-08 mid-2024; 2024-09/2024-12 late 2024
    2024-06-24/2024-06-30   24–30 June 2024
    2024-06-30/2024-07-02   30 June – 2 July 2024
    2024-12-30/2025-01-02   30 December 2024 – 2 January 2025
    2024-03/2024-05         March–May 2024; across years "November 2023 – February 2024"
    2009/2012               2009–2012
    other intervals         each end displayed, joined by " – "
    2024-06/..              from June 2024; 199X/.. from the 1990s

Rules: British day-month-year order; no leading zeros; an en dash without spaces joins numbers
or names within one unit ("24–30 June"), with spaces when the ends have spaces ("30 June –
2 July"); "mid-" takes a hyphen and early/late don't ("mid-July", "early July"), as in English
prose. ValueError (from ``validate``) for values we don't support.
"""

from datetime import date
from functools import lru_cache

from curation.temporal.edtf import Edtf, Kind, parse
from curation.temporal.lexicon import (
    HALF_DISPLAY_NAMES,
    MONTH_DISPLAY_NAMES,
    QUARTER_DISPLAY_NAMES,
    SEASON_DISPLAY_NAMES,
)
from curation.temporal.periods import days_in_month

_YEAR_PARTS = {(1, 4): "early", (5, 8): "mid", (9, 12): "late"}


@lru_cache(maxsize=4096)  # a page or an export shows the same dates again and again
def display(value: str) -> str:
    parsed = parse(value)
    text = _describe(parsed)
    return f"c. {text}" if parsed.approximate else text


def _describe(parsed: Edtf) -> str:
    match parsed.kind:
        case Kind.DAY:
            return _day(parsed.lower)
        case Kind.MONTH:
            return _month(parsed.lower)
        case Kind.YEAR:
            return str(parsed.lower.year)
        case Kind.DECADE:
            return f"{parsed.lower.year}s"
        case Kind.CENTURY:
            return f"{ordinal(parsed.lower.year // 100 + 1)} century"
        case Kind.SEASON:
            return _season(parsed)
        case Kind.QUARTER:
            assert parsed.code is not None
            return f"{QUARTER_DISPLAY_NAMES[parsed.code]} {parsed.lower.year}"
        case Kind.HALF:
            assert parsed.code is not None
            return f"{HALF_DISPLAY_NAMES[parsed.code]} of {parsed.lower.year}"
        case _:
            assert parsed.start is not None
            if parsed.end is None:
                return f"from {_after_preposition(parsed.start)}"
            return _interval(parsed.start, parsed.end)


def _after_preposition(parsed: Edtf) -> str:
    """What reads after "from": "June 2024", "the 1990s", "the first half of 2024"."""
    text = _describe(parsed)
    return f"the {text}" if parsed.kind in (Kind.DECADE, Kind.CENTURY, Kind.HALF) else text


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{_ORDINAL_SUFFIXES.get(number % 10, 'th')}"


_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _day(day: date) -> str:
    return f"{day.day} {MONTH_DISPLAY_NAMES[day.month - 1]} {day.year}"


def _month(day: date) -> str:
    return f"{MONTH_DISPLAY_NAMES[day.month - 1]} {day.year}"


def _season(parsed: Edtf) -> str:
    assert parsed.code is not None
    name, year = SEASON_DISPLAY_NAMES[parsed.code], parsed.lower.year
    if parsed.code != 24:
        return f"{name} {year}"
    following = year + 1
    same_century = following // 100 == year // 100
    return f"{name} {year}–{following % 100:02d}" if same_century else f"{name} {year}–{following}"


def _with_part(part: str, rest: str) -> str:
    return f"mid-{rest}" if part == "mid" else f"{part} {rest}"


def _interval(start: Edtf, end: Edtf) -> str:
    if start.kind is Kind.DAY and end.kind is Kind.DAY:
        return _days(start.lower, end.upper)
    if start.kind is Kind.MONTH and end.kind is Kind.MONTH:
        return _months(start.lower, end.upper)
    if start.kind is Kind.YEAR and end.kind is Kind.YEAR:
        first, last = start.lower.year, end.lower.year
        return str(first) if first == last else f"{first}–{last}"
    first, last = _describe(start), _describe(end)
    return first if first == last else f"{first} – {last}"


def _days(first: date, last: date) -> str:
    if first == last:
        return _day(first)
    if (first.year, first.month) != (last.year, last.month):
        if first.year != last.year:
            return f"{_day(first)} – {_day(last)}"
        return f"{first.day} {MONTH_DISPLAY_NAMES[first.month - 1]} – {_day(last)}"
    if part := _part_of_month(first, last):
        return _with_part(part, _month(first))
    return f"{first.day}–{last.day} {MONTH_DISPLAY_NAMES[first.month - 1]} {first.year}"


def _part_of_month(first: date, last: date) -> str | None:
    """early/mid/late when first..last (within one month) is exactly 1-10, 11-20 or 21-end."""
    end_of_month = days_in_month(year=last.year, month=last.month)
    return {(1, 10): "early", (11, 20): "mid", (21, end_of_month): "late"}.get(
        (first.day, last.day)
    )


def _months(first: date, last: date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return _month(first)
    if first.year != last.year:
        return f"{_month(first)} – {_month(last)}"
    if part := _YEAR_PARTS.get((first.month, last.month)):
        return _with_part(part, str(first.year))
    names = MONTH_DISPLAY_NAMES[first.month - 1], MONTH_DISPLAY_NAMES[last.month - 1]
    return f"{names[0]}–{names[1]} {first.year}"
