"""Expressions that count from another date in the text, not from the publication date:
"the day before", "the next day", "that year", "two days later". They are reported with no
value and the reason "refers to another date": which date they count from is for the editor.

- the day/night/week/weekend/month/year before or after; the next/following day, morning,
  afternoon, evening, night; the following/previous/preceding/same day ... year; that day,
  that week ... that year, that summer; a day later, two weeks earlier, a year earlier (not
  "a week later than usual", a comparison).
- "the next week/month/year" are durations ("over the next month") and are not reported;
  "day after day", "year after year" neither.
- "the day before yesterday" and "the day after tomorrow" count from the publication date
  (two days back, two days on).
- Spans leave out the leading "the", as everywhere: "day before", "next morning".
"""

import re
from datetime import date, timedelta

from curation.temporal import periods
from curation.temporal.context import ANOTHER_DATE, Context, Found
from curation.temporal.lexicon import NUMBER, fold, parse_number
from curation.temporal.rules.base import THE_BEFORE, Rule

_UNIT = r"day|morning|afternoon|evening|night|week|weekend|month|year|summer|winter|spring|autumn"
_DETERMINED = re.compile(
    rf"(?P<determiner>that|same|following|previous|preceding|next)\s+(?P<unit>{_UNIT})\b"
    r"(?![-–]|\s+(?:after|to)\s+(?P=unit)\b)",
    re.IGNORECASE,
)
_BEFORE_AFTER = re.compile(
    r"(?P<unit>day|night|week|weekend|month|year)\s+(?P<direction>before|after)\b"
    r"(?:\s+(?P<anchor>yesterday|tomorrow)\b)?",
    re.IGNORECASE,
)
_LATER = re.compile(r"(?:later|earlier)\b(?!\s+than\b)", re.IGNORECASE)
_LATER_PHRASE = re.compile(
    rf"\b(?P<number>{NUMBER})\s+(?:day|week|month|year)s?\s+(?:later|earlier)\Z", re.IGNORECASE
)
_NEXT_UNITS = frozenset({"day", "morning", "afternoon", "evening", "night"})
_SEASONS = frozenset({"summer", "winter", "spring", "autumn"})
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|during|over|by|until|of|from|since)\s+\Z", re.IGNORECASE)


def _another_date(start: int, end: int) -> Found:
    return Found(start, end, None, ANOTHER_DATE)


def _determined(match: re.Match[str], context: Context) -> Found | None:
    """'that day', 'the following week', 'the same month', 'the next morning'."""
    determiner, unit = fold(match["determiner"]), fold(match["unit"])
    if determiner == "that":
        if unit in _SEASONS and not context.preceded_by(_PREPOSITION_BEFORE, start=match.start()):
            return None  # "warned that winter would be hard"
        return _another_date(match.start(), match.end())
    if not context.preceded_by(THE_BEFORE, start=match.start()):
        return None
    if determiner == "next" and unit not in _NEXT_UNITS:
        return None  # "the next week": a duration
    return _another_date(match.start(), match.end())


def _before_after(match: re.Match[str], context: Context) -> Found | None:
    """'the day before', 'the week after'; 'the day before yesterday' from the reference."""
    if not context.preceded_by(THE_BEFORE, start=match.start()):
        return None
    if match["anchor"]:
        if fold(match["unit"]) != "day":
            return None
        days = -2 if fold(match["anchor"]) == "yesterday" else 2
        if fold(match["direction"]) == ("after" if days < 0 else "before"):
            return None  # "the day after yesterday" is today, and nobody writes it

        def compute(reference: date) -> periods.Period:
            return periods.single_day(reference + timedelta(days=days))

        return Found(match.start(), match.end(), context.relative(compute))
    return _another_date(match.start(), match.end())


def _later(match: re.Match[str], context: Context) -> Found | None:
    """'two days later', 'a year earlier'."""
    phrase = _LATER_PHRASE.search(context.text, max(0, match.start() - 40), match.end())
    if phrase is None or not parse_number(phrase["number"]):
        return None
    return _another_date(phrase.start(), phrase.end())


RULES = (
    Rule(
        "that day",
        ("that", "same", "following", "previous", "preceding", "next"),
        _DETERMINED,
        _determined,
    ),
    Rule(
        "day before",
        ("day", "night", "week", "weekend", "month", "year"),
        _BEFORE_AFTER,
        _before_after,
        needs=("before", "after"),
    ),
    Rule("later", ("later", "earlier"), _LATER, _later),
)
