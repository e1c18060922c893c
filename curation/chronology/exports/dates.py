"""What the exports say about an EDTF date beyond its human reading (temporal.display):
its precision in one word, and the days a calendar may show it on.

    precision("2024-06-20")             "day"
    precision("2024-07-11/2024-07-20")  "range"   (any closed interval)
    precision("2024-06/..")             "open range"
    precision("")                       "unknown"
    calendar_days("2024-06-20")         (20 June 2024, 21 June 2024)  the end is exclusive
    calendar_days("2024-07-11/2024-07-20")  (11 July, 21 July)
    calendar_days("2024-07")            None: a month is not a run of days

A calendar shows a day, and an interval whose two ends are days ("mid-July 2024" is
11-20 July, "the week of 17 June" 17-23 June), as all-day events. Anything coarser (a
month, a season, a quarter, a year, a decade, an interval with a coarser end, an open
end) says only that the event fell somewhere in that period: drawing it across every
day of the period would invent a duration, so calendars leave it out. An approximate
day ("2024-06-13~") keeps its day; the calendar says it is approximate.
"""

from datetime import date, timedelta
from functools import lru_cache

from curation.temporal import Kind, parse

UNKNOWN = "unknown"


@lru_cache(maxsize=4096)  # an export asks it of every entry, and dates repeat
def precision(value: str) -> str:
    """The value's precision in one word: day, month, year, decade, season, quarter,
    half, range (a closed interval), open range, or unknown (no date)."""
    if not value:
        return UNKNOWN
    parsed = parse(value)
    if parsed.kind is Kind.INTERVAL:
        return "open range" if parsed.open_end else "range"
    return str(parsed.kind)


def calendar_days(value: str) -> tuple[date, date] | None:
    """(first day, the day after the last) for a day or an interval of days; None for
    an undated entry or a coarser date."""
    if not value:
        return None
    parsed = parse(value)
    if parsed.kind is Kind.DAY:
        return parsed.lower, parsed.upper + timedelta(days=1)
    if (
        parsed.kind is Kind.INTERVAL
        and parsed.start is not None
        and parsed.end is not None
        and parsed.start.kind is Kind.DAY
        and parsed.end.kind is Kind.DAY
    ):
        return parsed.lower, parsed.upper + timedelta(days=1)
    return None


def is_approximate(value: str) -> bool:
    return bool(value) and parse(value).approximate
