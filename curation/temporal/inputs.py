"""parse_date_input(): what an editor types into a date field, as an EDTF value.

Rules:

- EDTF is taken as it is, normalised by ``validate``: "2024-07", "199x" -> "199X".
- Anything else is read with ``find_dates`` against the reference (the article's date): it must
  hold exactly one date expression, which gives the value ("mid-July 2024", "last Thursday",
  "on Tuesday"). Words around it are allowed ("since March 2023"); two dates are not.
- "c.", "ca.", "circa", "about", "around", "approx." or "approximately" in front make a day,
  month, year or season approximate ("c. 13 June 2024" -> "2024-06-13~"), so that what
  ``display`` writes reads back. An interval or a decade is already a range and stays as it is.
- None when nothing can be resolved: empty text, no date, several dates, or a relative date
  without a reference. Call ``validate`` for a message that says what is wrong.
"""

import re
from datetime import date

from curation.temporal.edtf import Kind, parse, validate
from curation.temporal.finder import find_dates

_APPROXIMATE_PREFIX = re.compile(
    r"(?:c\.|ca\.|circa|about|around|approx\.|approximately)\s*", re.IGNORECASE
)


def parse_date_input(text: str, reference: date | None) -> str | None:
    approximate, phrase = _split_approximate(text.strip())
    value = _as_edtf(phrase) or _as_phrase(phrase, reference=reference)
    if value is None or not approximate:
        return value
    return _approximated(value)


def _split_approximate(text: str) -> tuple[bool, str]:
    prefix = _APPROXIMATE_PREFIX.match(text)
    return (True, text[prefix.end() :]) if prefix else (False, text)


def _as_edtf(text: str) -> str | None:
    try:
        return validate(text)
    except ValueError:
        return None


def _as_phrase(text: str, *, reference: date | None) -> str | None:
    mentions = find_dates(text, reference)
    return mentions[0].value if len(mentions) == 1 else None


def _approximated(value: str) -> str:
    parsed = parse(value)
    if parsed.approximate or parsed.kind in (Kind.INTERVAL, Kind.DECADE):
        return value
    return f"{value}~"
