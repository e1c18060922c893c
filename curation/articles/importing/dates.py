"""Dates as articles print them: "2024-06-27", "27 June 2024", "June 27, 2024", "YESTERDAY".

The ``*_TEXT`` patterns have no groups, so other modules can embed them in their own
regexes, capture the whole date and hand it to :func:`parse_date`.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

MONTH_TEXT = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Labels before a date: "Date:", "Published on", "Posted".
DATE_LABEL_TEXT = r"(?:date|dated|published(?:\s+on)?|first\s+published(?:\s+on)?|posted(?:\s+on)?)"
WEEKDAY_NAME_TEXT = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_TEXT = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
_ORDINAL = r"(?:st|nd|rd|th)?"

DATE_TEXT = (
    rf"(?:(?:{WEEKDAY_NAME_TEXT}|{_WEEKDAY_TEXT})\.?,?\s+)?"
    r"(?:\d{4}-\d{1,2}-\d{1,2}"
    rf"|\d{{1,2}}{_ORDINAL}\s+{MONTH_TEXT}\.?,?\s+\d{{4}}"
    rf"|{MONTH_TEXT}\.?\s+\d{{1,2}}{_ORDINAL},?\s+\d{{4}})"
)
_TIME_ZONE = (
    r"(?:(?:Z|UTC|GMT|BST|CEST|CET|EST|EDT|CST|CDT|PST|PDT|IDT)(?:[+-]\d{1,2}(?::?\d{2})?|\b)"
    r"|[+-]\d{2}:?\d{2})"
)
# A time of day: "10:00:00Z", "10:45", "9.30am BST", "10:45 AM GMT+3".
CLOCK_TEXT = rf"\d{{1,2}}[:.]\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*{_TIME_ZONE})?"
# A time that may follow a date: "T10:00:00Z", " 10:45", ", 9.30am BST", " at 10:45".
TIME_TEXT = rf"(?:(?:T|\s+at\s+|\s+|,\s*){CLOCK_TEXT})?"
# Dates relative to a day the text does not give.
RELATIVE_DATE_TEXT = (
    r"(?:yesterday|today|tonight|last\s+night|just\s+now"
    r"|(?:an?|\d{1,3})\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)"
)

_DATE_PARTS_RE = re.compile(
    rf"(?:(?:{WEEKDAY_NAME_TEXT}|{_WEEKDAY_TEXT})\.?,?\s+)?"
    r"(?:(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
    rf"|(?P<dmy_day>\d{{1,2}}){_ORDINAL}\s+(?P<dmy_month>{MONTH_TEXT})\.?,?\s+(?P<dmy_year>\d{{4}})"
    rf"|(?P<mdy_month>{MONTH_TEXT})\.?\s+(?P<mdy_day>\d{{1,2}}){_ORDINAL},?\s+"
    r"(?P<mdy_year>\d{4}))",
    re.IGNORECASE,
)
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(text: str) -> date | None:
    """The date ``text`` spells out (see ``DATE_TEXT``), or None if it is not a real date."""
    match = _DATE_PARTS_RE.fullmatch(text.strip())
    if not match:
        return None
    parts = match.groupdict()
    if parts["iso_year"]:
        year, month, day = parts["iso_year"], parts["iso_month"], parts["iso_day"]
    elif parts["dmy_year"]:
        year, month, day = parts["dmy_year"], _month_number(parts["dmy_month"]), parts["dmy_day"]
    else:
        year, month, day = parts["mdy_year"], _month_number(parts["mdy_month"]), parts["mdy_day"]
    return _real_date(int(year), int(month), int(day))


def parse_iso_date(text: str) -> date | None:
    """Exactly ``YYYY-MM-DD``, or None."""
    match = _ISO_DATE_RE.fullmatch(text)
    if not match:
        return None
    return _real_date(*map(int, match.groups()))


def _month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
