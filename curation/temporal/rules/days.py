"""Days, months and weekdays: "24 July 2024", "July 24", "in November", "on Tuesday".

- A day or a month with its year is absolute; without one, the clause's tense picks the year
  (see ``tense``). A month without a year and without a tense cue is the latest one that
  starts on or before the reference.
- "June last year", "March this year": the month of that year, one expression. "Tuesday last
  week", "Friday next week": that weekday of that week.
- "the week of March 6" is the Monday-Sunday week holding 6 March; "the weekend of June 15"
  the Saturday and Sunday nearest 15 June.
- "about June 10", "around 10 June": approximate (2024-06-10~), the word in the span.
- A dateline ("WASHINGTON, March 4 (Reuters) -") gives the day it was filed: the occurrence
  nearest the reference, whatever the tense of its first sentence. A dateline repeated further
  down (a second agency story pasted in) is furniture, not a date, and is not reported.
- Named days are not weekdays: "Black Friday", "Super Tuesday", "the Sunday Times", "the Mail
  on Sunday".
"""

import re
from datetime import date, timedelta

from curation.temporal import periods
from curation.temporal.context import (
    Context,
    Found,
    found,
    found_absolute,
    weekdays,
    yearly,
)
from curation.temporal.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_ANY,
    MONTHS,
    MONTHS_NEEDING_PREPOSITION,
    MONTHS_THAT_ARE_VERBS,
    PART_OF_DAY,
    WEEKDAY,
    WEEKDAY_NAME_PREFIXES,
    WEEKDAYS,
    fold,
    month_number,
)
from curation.temporal.periods import Period
from curation.temporal.rules.base import (
    DAY_RANGE,
    DIGITS,
    MONTH,
    PART_BEFORE,
    PREPOSITIONS,
    RELATION_BEFORE,
    WORD_BEFORE,
    Rule,
    approximated,
    day,
    year,
)
from curation.temporal.tense import Default

_ISO_DAY = re.compile(
    r"(?<![0-9-])(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})(?![0-9-])"
)
_DAY_FIRST = re.compile(
    rf"(?<![0-9.,:/]){DAY_RANGE}(?:\s+of)?\s+{MONTH}(?:,?\s+{year()})?", re.IGNORECASE
)
_MONTH_FIRST = re.compile(
    rf"{MONTH}"
    rf"(?:\s+{DAY_RANGE}(?:,?\s+{year('day_year')})?"
    rf"|(?:,?\s+|\s+of\s+){year()}"
    r"|\s+(?:of\s+)?(?P<year_relation>this|last|next)\s+year\b)?",
    re.IGNORECASE,
)
_WEEKDAY_FIRST = re.compile(
    rf"(?P<weekday>{WEEKDAY})\b(?:\s+(?:{PART_OF_DAY})\b)?"
    r"(?:\s+(?P<week_relation>this|last|next)\s+week\b)?",
    re.IGNORECASE,
)
_WEEK_OF = re.compile(
    rf"(?P<unit>week|weekend)\s+of\s+(?:{day('day')}\s+(?:of\s+)?{MONTH}"
    rf"|(?P<month_first>{MONTH_ANY})\s+{day('month_day')})(?:,?\s+{year()})?",
    re.IGNORECASE,
)
_MONTH_PREPOSITION_BEFORE = re.compile(rf"\b(?:{PREPOSITIONS}|of)\s+\Z", re.IGNORECASE)
_DATE_SEPARATOR = re.compile(r",?\s+")
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|People|Sport|Independent|Star|"
    r"Tribune|Journal|Observer|World|Age)\b"
)
_NEWSPAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Observer)\s+on\s+\Z")
_RELATION_WORD = re.compile(r"this|last|next", re.IGNORECASE)  # as RELATION_BEFORE reads it
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))[ \t]*[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+)*"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)*)?,\s+"
    rf"(?P<date>(?i:(?:{MONTH_ANY})\.?\s+[0-9]{{1,2}}|[0-9]{{1,2}}\s+(?:{MONTH_ANY})))"
    r"\s*(?:\([A-Za-z][\w .&-]{0,30}\)\s*)?[-—–]",
    re.MULTILINE,
)
_PLACE_BEFORE = re.compile(r"[A-Z][A-Za-z.]+,\s+\Z")
_RELATION_OFFSETS = {"this": 0, "last": -1, "next": 1}


def _is_verb(month_token: str) -> bool:
    """'may' and 'march' in lowercase are verbs, never months."""
    return month_token.islower() and fold(month_token) in MONTHS_THAT_ARE_VERBS


def _iso_day(match: re.Match[str], context: Context) -> Found | None:
    year_, month, day_ = int(match["year"]), int(match["month"]), int(match["day"])
    return found_absolute(match, lambda: periods.single_day(date(year_, month, day_)))


def _day_first(match: re.Match[str], context: Context) -> Found | None:
    return _day_range(match, context, year_text=match["year"])


def _day_range(match: re.Match[str], context: Context, *, year_text: str | None) -> Found | None:
    """'24 July', 'July 24-26, 2024': a day or days, resolved by tense when there's no year."""
    month = month_number(match["month"])
    first, last = int(match["day"]), int(match["last_day"] or match["day"])
    if month is None or _is_verb(match["month"]) or last < first:
        return None
    if last > periods.days_in_month(year=2000, month=month):
        return None

    def build(in_year: int) -> Period:
        return periods.days(first=date(in_year, month, first), last=date(in_year, month, last))

    if year_text:
        result = found_absolute(match, lambda: build(int(year_text)))
    else:
        dateline = _dateline(context, match.start())
        if dateline == "repeated":
            return None
        if dateline == "first":
            value = context.nearest(yearly(build))
        else:
            value = context.by_tense(yearly(build), start=match.start(), end=match.end())
        result = found(match, value)
    return None if result is None else approximated(context, result, about=True)


def _dateline(context: Context, start: int) -> str | None:
    """'first' for the first dateline's date, 'repeated' for a later one's, else None."""
    if not context.preceded_by(_PLACE_BEFORE, start=start):
        return None
    starts = context.cache.get("datelines")
    if starts is None:
        starts = [match.start("date") for match in _DATELINE.finditer(context.text)]
        context.cache["datelines"] = starts
    if start not in starts:
        return None
    return "first" if start == starts[0] else "repeated"


def _month_first(match: re.Match[str], context: Context) -> Found | None:
    """'July 24, 2024', 'July 2024', 'June last year', 'in July'. After an impossible day the
    month still counts."""
    if match["day"] and (result := _day_range(match, context, year_text=match["day_year"])):
        return result
    token = match["month"]
    month = month_number(token)
    if month is None or _is_verb(token):
        return None
    if match["year"]:
        result = found_absolute(
            match, lambda: periods.whole_month(year=int(match["year"]), month=month)
        )
        return None if result is None else approximated(context, result)
    if match["year_relation"]:
        offset = _RELATION_OFFSETS[fold(match["year_relation"])]
        value = context.relative(
            lambda reference: periods.whole_month(year=reference.year + offset, month=month)
        )
        return found(match, value)
    return _bare_month(match, context, month=month)


def _bare_month(match: re.Match[str], context: Context, *, month: int) -> Found | None:
    """'in November': a month of the year the tense points to."""
    token, start, end = match["month"], match.start(), match.end("month")
    if fold(token) not in MONTHS or token.endswith("."):
        return None
    if context.preceded_by(RELATION_BEFORE, start=start) or context.preceded_by(
        PART_BEFORE, start=start
    ):
        return None
    if fold(token) in MONTHS_NEEDING_PREPOSITION and not context.preceded_by(
        _MONTH_PREPOSITION_BEFORE, start=start
    ):
        return None
    candidates = yearly(lambda year_: periods.whole_month(year=year_, month=month))
    value = context.by_tense(candidates, start=start, end=end, default=Default.LATEST)
    return approximated(context, Found(start, end, value))


def _weekday_first(match: re.Match[str], context: Context) -> Found | None:
    """'on Tuesday': the Tuesday the tense points to; 'Tuesday last week': that week's."""
    weekday = WEEKDAYS.get(fold(match["weekday"]))
    start, text = match.start(), context.text
    if weekday is None:
        return None
    # One look back for three: RELATION_BEFORE matches where the word before is this, last or
    # next, and _NEWSPAPER_BEFORE only where it is "on".
    word_before = context.preceded_by(WORD_BEFORE, start=start)
    word = word_before[1] if word_before else ""
    if _RELATION_WORD.fullmatch(word) or fold(word) in WEEKDAY_NAME_PREFIXES:
        return None
    if _NEWSPAPER_AFTER.match(text, match.end("weekday")) or (
        word == "on" and context.preceded_by(_NEWSPAPER_BEFORE, start=start)
    ):
        return None
    if _day_follows(text, match.end("weekday")):
        return None
    if relation := match["week_relation"]:
        offset = _RELATION_OFFSETS[fold(relation)]

        def compute(reference: date) -> Period:
            monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=offset)
            return periods.single_day(monday + timedelta(days=weekday))

        return found(match, context.relative(compute))
    return found(match, context.by_tense(weekdays(weekday), start=start, end=match.end()))


def _day_follows(text: str, position: int) -> bool:
    """Whether a day ('24 July', 'July 24') follows, as in 'Tuesday, 24 July 2024'."""
    separator = _DATE_SEPARATOR.match(text, position)
    if separator is None:
        return False
    after = separator.end()
    if _DAY_FIRST.match(text, after):
        return True
    month_first = _MONTH_FIRST.match(text, after)
    return bool(month_first and month_first["day"])


def _week_of(match: re.Match[str], context: Context) -> Found | None:
    """'the week of March 6': that Monday-Sunday; 'the weekend of June 15': the nearest
    Saturday and Sunday."""
    token = match["month"] or match["month_first"]
    month = month_number(token)
    day_of_month = int(match["day"] or match["month_day"])
    if month is None or _is_verb(token):
        return None
    around = periods.week_containing if fold(match["unit"]) == "week" else periods.weekend_nearest

    def build(in_year: int) -> Period:
        return around(date(in_year, month, day_of_month))

    if match["year"]:
        return found_absolute(match, lambda: build(int(match["year"])))
    try:
        date(2000, month, day_of_month)
    except ValueError:
        return None
    return found(match, context.by_tense(yearly(build), start=match.start(), end=match.end()))


_MONTH_WORDS = (*MONTHS, *MONTH_ABBREVIATIONS)

RULES = (
    Rule("iso day", (DIGITS,), _ISO_DAY, _iso_day),
    Rule("day month", (DIGITS,), _DAY_FIRST, _day_first),
    Rule("month day", _MONTH_WORDS, _MONTH_FIRST, _month_first),
    Rule("weekday", tuple(WEEKDAYS), _WEEKDAY_FIRST, _weekday_first),
    Rule("week of", ("week", "weekend"), _WEEK_OF, _week_of, needs=("week",)),
)
