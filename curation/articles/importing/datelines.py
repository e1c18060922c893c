"""Datelines: where and when a report was filed, at the very start of its text.

    BEIRUT, 14 August 2024 — Israeli jets struck …
    RAMALLAH, West Bank (AP) — Aug. 14, 2024 — …
    Updated 14 Aug 2024 09:12 BST

Their date stands in for a publication date the text does not otherwise give, flagged
so that an editor checks it: a report may be filed before it is published, and an
"Updated" stamp comes after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import CLOCK_TEXT, DATE_TEXT, TIME_TEXT, parse_date

# A place is one to four capitalised words; a region after a comma ("West Bank", "Ore.").
_WORD = r"[^\W\d_][\w.'’\-]*"
_PLACE = rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}})(?:,\s*{_WORD}(?:\s+{_WORD}){{0,2}})?"
_AGENCY = r"\s*\((?P<agency>[^\W\d_][\w .&/\-]{0,30})\)"
_DASH = r"\s*[—–-]{1,2}\s*"
_WHEN = rf"(?P<date>(?i:{DATE_TEXT}))(?i:{TIME_TEXT})"
# After the date: a dash, the end of the line, or the first sentence of the report.
_AFTER = rf"(?:{_DASH}|\s*$|\s+(?=[\"“‘'(]?[^\W\d_]))"

_DATELINE_RES = [
    # BEIRUT, 14 August 2024 —    CAIRO (Reuters), June 27, 2024 —
    re.compile(
        rf"{_PLACE}(?:{_AGENCY})?\s*,\s*{_WHEN}"
        rf"(?:\s*\((?P<agency_after>[^\W\d_][\w .&/\-]{{0,30}})\))?(?P<end>{_AFTER})"
    ),
    # CAIRO (Reuters) — Aug. 14, 2024
    re.compile(rf"{_PLACE}(?:{_AGENCY})?{_DASH}{_WHEN}(?P<end>{_AFTER})"),
    # Updated 14 Aug 2024 09:12 BST
    re.compile(
        rf"(?P<updated>(?i:(?:last\s+)?updated:?\s+(?:on\s+)?(?:{CLOCK_TEXT},?\s+)?))"
        rf"{_WHEN}(?P<end>{_AFTER})"
    ),
]
# Capitalised words that start a sentence or a byline, never a place.
_NOT_PLACES = frozenset("BY ON IN AT AS THE UPDATED PUBLISHED POSTED DATE".split())
_LONGEST_DATELINE = 200
# Every dateline's date has a year: text without four digits in a row has no dateline,
# which one search says faster than the patterns can fail.
_YEAR_RE = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class Dateline:
    published_on: date
    text: str  # the dateline as printed, without the dash after it
    end: int  # where the report itself starts, after the dateline and its dash
    is_update_stamp: bool = False  # "Updated …": a date after the first publication

    def note(self) -> str:
        """What an editor should know about a date read from this dateline."""
        when = f"{self.published_on.day} {self.published_on:%B %Y}"
        if self.is_update_stamp:
            return (
                f"The publication date, {when}, was read from “{self.text}”: the article "
                "may first have appeared earlier. Check it."
            )
        return f"The publication date, {when}, was read from the dateline “{self.text}”. Check it."


def read_dateline(text: str, *, whole: bool = False) -> Dateline | None:
    """The dateline at the start of ``text``, if there is one with a full date in it.

    With ``whole``, ``text`` must be nothing but the dateline (a header line).
    """
    text = text[:_LONGEST_DATELINE]
    if _YEAR_RE.search(text) is None:
        return None
    for pattern in _DATELINE_RES:
        match = pattern.match(text)
        if match is None or whole and text[match.end() :].strip():
            continue
        if dateline := _dateline(match):
            return dateline
    return None


def _dateline(match: re.Match[str]) -> Dateline | None:
    published_on = parse_date(match.group("date"))
    if published_on is None:
        return None
    text = match.group(0)[: match.start("end") - match.start()].strip()
    if "updated" in match.re.groupindex:
        return Dateline(published_on, text, match.end(), is_update_stamp=True)
    place = match.group("place")
    # A place in capitals is a dateline's ("TEL AVIV, …"). In ordinary capitals
    # ("On Tuesday, 14 August 2024 — …") it is a sentence, unless an agency follows.
    if place.split()[0].upper() in _NOT_PLACES:
        return None
    has_agency = match.group("agency") or match.groupdict().get("agency_after")
    if not (place.isupper() or has_agency):
        return None
    return Dateline(published_on, text, match.end())
