"""find_dates(): the date expressions in a text, each resolved to an EDTF value.

What is found (case-insensitive; ``reference`` is the article's publication date):

    absolute       "24 July 2024", "July 24, 2024", "the 24th of July 2024", "2024-07-24",
                   "24-26 July 2024", "July 24-26, 2024" (intervals) -> a day or days
                   "March 2023", "March of 2023" -> 2023-03;  "the 1990s" -> 199X
                   "in 2009" -> 2009 (a bare year needs a preposition, see below)
                   "summer 2023", "summer of 2023" -> 2023-22; "winter 2023-24" -> 2023-24
                   "mid-July 2024" -> 2024-07-11/2024-07-20; "late 2024" -> 2024-09/2024-12
                   "Q3 2024", "the third quarter of 2024" -> 2024-35 (33-36: Q1-Q4);
                   "H1 2024", "the first half of 2024" -> 2024-40 (41: the second half)
    relative       today, tonight, this morning/afternoon/evening -> the reference day;
                   yesterday (morning ...), last night -> the day before; tomorrow -> the day after
                   this/last/next week -> Monday-Sunday; this/last/next weekend -> Saturday-Sunday;
                   this/last/next month; this/last/next year;
                   early/mid/late this/last/next month or year
                   "N days ago" -> a day; "N weeks ago" -> (reference - 7N)~;
                   "N months ago", "N years ago" -> that month, approximate (2023-10~)
                   last/next <weekday> -> strictly before/after the reference;
                   last/next <month or season> -> the latest one that ended before the reference,
                   the first one that starts after it; this <...> -> the nearest one
    underspecified a bare weekday, a day and month without a year, a month without a year,
                   early/mid/late month without a year, a season after a preposition
                   ("in the summer") -> resolved by the tense of the clause (see ``tense``)

Rules where the task left room:

- Spans are the date expression itself. Prepositions (in, on, since, until, by, before, after,
  during ...), articles ("the 1990s" -> "1990s") and "later"/"earlier" ("later today" -> "today")
  are context, never part of the span nor of the value. A preposition is still what makes a
  bare year ("in 2009" -> span "2009") or an ambiguous month ("in May") count as a date.
- A bare year counts only after in, since, until, till, by, before, after, during, from,
  through, throughout or between, and only 1900-2099; "the 2009 election" and a copyright line's
  "Limited 2024" are not reported. Years with a month or a day may be 1000-2999.
- A weekday in front of a day ("Tuesday, 24 July 2024") adds nothing to the value and is left
  out of the span. "the last Thursday of June", "the next morning" and named days ("Black
  Friday", "Super Tuesday") are not reported. Plural weekdays ("on Tuesdays") are habits.
- A part of the day (morning, night ...) after a weekday, yesterday or tomorrow is part of the
  span; the value is still the day.
- "the last week", "the next month", "over the last year" are durations and are not reported;
  nor are "for over eight months", "two years", "in recent weeks", "in recent days", "many
  days", "soon", "since then", "a few days ago" and "several weeks ago": they name no period
  we can write down. So every mention has a value whenever there is a reference.
- Without a reference, absolute dates resolve; everything else is reported with value None.
  A reference so close to 0001 or 9999 that the answer falls outside them also gives None.
- Day ranges ("24-26 July") must run forwards and stay within one month. An impossible day is
  not a date, though its month still is ("31 June 2024" -> "June 2024", "June 31" -> "June").
- "today" in "USA Today" is a newspaper.
- Quarters and halves need a year, and are calendar ones: after "fiscal" or "financial"
  ("fiscal third quarter of 2024") they are not reported, since fiscal years differ.
- Overlapping candidates: the one that starts first wins, and of those that start together the
  longest ("24 July 2024", not "July 2024"). Results are sorted by start and never overlap.
"""

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from curation.temporal import periods
from curation.temporal.lexicon import (
    HALF_ORDINAL,
    HALF_ORDINALS,
    MONTH_ABBREVIATIONS,
    MONTH_ANY,
    MONTH_FULL,
    MONTHS,
    MONTHS_NEEDING_PREPOSITION,
    MONTHS_THAT_ARE_VERBS,
    NUMBER,
    PART_OF_DAY,
    QUARTER_ORDINAL,
    QUARTER_ORDINALS,
    SEASON,
    SEASONS,
    WEEKDAY,
    WEEKDAY_NAME_PREFIXES,
    WEEKDAYS,
    fold,
    month_number,
    parse_number,
)
from curation.temporal.periods import PARTS, Part, Period
from curation.temporal.tense import (
    RELATIONS,
    Relation,
    choose_by_relation,
    choose_by_tense,
    clause_around,
    tense_of,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: text == input[start:end] (code points); value is EDTF or None."""

    start: int
    end: int
    text: str
    value: str | None


def find_dates(text: str, reference: date | None) -> list[DateMention]:
    """Every date expression in text, sorted by start and non-overlapping."""
    if isinstance(reference, datetime):
        reference = reference.date()
    context = _Context(text=text, reference=reference)
    lowered = text.lower()
    found = [
        candidate
        for rule in _RULES
        if not rule.needs or any(word in lowered for word in rule.needs)
        for match in rule.pattern.finditer(text)
        if (candidate := rule.resolve(match, context)) is not None
    ]
    return [
        DateMention(item.start, item.end, text[item.start : item.end], item.value)
        for item in _leftmost_longest(found)
    ]


def find_dates_jsonl(text: str, reference: date | None) -> Iterator[str]:
    """One JSON object per mention, {"start", "end", "text", "value"}, without the newline."""
    for mention in find_dates(text, reference):
        record = {
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "value": mention.value,
        }
        yield json.dumps(record, ensure_ascii=False)


# --- candidates and the choice among them ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: str | None


def _leftmost_longest(found: list[_Found]) -> list[_Found]:
    """The candidate that starts first, the longest of those; then the next one after it."""
    chosen: list[_Found] = []
    end = 0
    for item in sorted(found, key=lambda f: (f.start, f.start - f.end)):
        if item.start >= end:
            chosen.append(item)
            end = item.end
    return chosen


Candidates = Callable[[date], Iterable[Period]]


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    reference: date | None

    def relative(self, compute: Callable[[date], Period]) -> str | None:
        """compute(reference).value, or None without a reference or outside 0001-9999."""
        if self.reference is None:
            return None
        try:
            return compute(self.reference).value
        except (ValueError, OverflowError):
            return None

    def by_tense(self, candidates: Candidates, *, start: int, end: int) -> str | None:
        if self.reference is None:
            return None
        tense = tense_of(clause_around(self.text, start=start, end=end))
        chosen = choose_by_tense(candidates(self.reference), reference=self.reference, tense=tense)
        return chosen.value if chosen else None

    def by_relation(self, candidates: Candidates, *, relation: Relation) -> str | None:
        if self.reference is None:
            return None
        chosen = choose_by_relation(
            candidates(self.reference), reference=self.reference, relation=relation
        )
        return chosen.value if chosen else None

    def preceded_by(self, pattern: re.Pattern[str], *, start: int) -> re.Match[str] | None:
        """pattern (which should end in \\Z) matched in the 32 characters before start."""
        return pattern.search(self.text, max(0, start - 32), start)


def _yearly(build: Callable[[int], Period]) -> Candidates:
    """The period built for each year within four years of the reference."""

    def candidates(reference: date) -> list[Period]:
        built = []
        for year in range(reference.year - 4, reference.year + 5):
            try:
                built.append(build(year))
            except (ValueError, OverflowError):
                continue
        return built

    return candidates


def _weekdays(weekday: int) -> Candidates:
    """That weekday in the week before the reference, its week, and the week after."""

    def candidates(reference: date) -> list[Period]:
        built = []
        for offset in range(-7, 8):
            try:
                day = reference + timedelta(days=offset)
            except OverflowError:
                continue
            if day.weekday() == weekday:
                built.append(periods.single_day(day))
        return built

    return candidates


def _absolute(build: Callable[[], Period]) -> str | None:
    """The value, or None when the expression names no real day ("31 June 2024")."""
    try:
        return build().value
    except (ValueError, OverflowError):
        return None


# --- the rules ------------------------------------------------------------------------------
#
# Each rule is one regex that starts at a word every match of it begins with (an "anchor":
# a digit, a month, a weekday, this/last/next ...) and a resolver that reads its groups.
# A lookahead on the anchor's first letters lets the regex engine skip ahead quickly. What
# comes before the anchor (a preposition, "the") is checked by the resolver, looking back.

_YEAR_END = r"(?![\w%]|[.,][0-9]|[-–/][0-9])"
_MONTH = rf"(?P<month>{MONTH_ANY})"
_RELATION = r"(?P<relation>this|last|next)"
_PREPOSITIONS = "in|since|until|till|by|before|after|during|from|through|throughout|between"
_MONTH_PREPOSITION_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS}|of)\s+\Z", re.IGNORECASE)
_YEAR_PREPOSITION_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS})\s+\Z", re.IGNORECASE)
_SEASON_PREPOSITION_BEFORE = re.compile(
    rf"\b(?:{_PREPOSITIONS}|over)\s+(?:the\s+)?\Z", re.IGNORECASE
)
_RELATION_BEFORE = re.compile(r"\b(?:this|last|next)\s+\Z", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:early|mid|late)(?:\s*-\s*|\s+)\Z", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\b(\w+)\s+\Z")
_USA_BEFORE = re.compile(r"\busa\s+\Z", re.IGNORECASE)
_FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial)\s+\Z", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_DATE_SEPARATOR = re.compile(r",?\s+")


def _year(name: str = "year") -> str:
    return rf"(?P<{name}>[12][0-9]{{3}}){_YEAR_END}"


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"


def _first_letters(*words: str) -> str:
    """A lookahead on the first letters of the words: a cheap filter before the real regex."""
    return f"(?=[{''.join(sorted({word[0] for word in words}))}])"


_DAY_RANGE = rf"{_day('day')}(?:\s*[-–]\s*{_day('last_day')})?"

_ISO_DAY = re.compile(
    r"(?=[0-9])(?<![0-9-])(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})(?![0-9-])"
)
_DAY_FIRST = re.compile(
    rf"(?=[0-9])(?<![0-9.,:/]){_DAY_RANGE}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_year()})?",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"{_first_letters(*MONTHS, *MONTH_ABBREVIATIONS)}\b{_MONTH}"
    rf"(?:\s+{_DAY_RANGE}(?:,?\s+{_year('day_year')})?"
    rf"|(?:,?\s+|\s+of\s+){_year()})?",
    re.IGNORECASE,
)
_WEEKDAY_FIRST = re.compile(
    rf"{_first_letters(*WEEKDAYS)}\b(?P<weekday>{WEEKDAY})\b(?:\s+(?:{PART_OF_DAY})\b)?",
    re.IGNORECASE,
)
_RELATION_FIRST = re.compile(
    rf"(?=[tln])\b{_RELATION}\s+(?:"
    rf"(?P<weekday>{WEEKDAY})\b(?:\s+(?:{PART_OF_DAY})\b)?"
    rf"|(?P<month>{MONTH_FULL})\b"
    rf"|(?P<season>{SEASON})\b"
    r"|(?P<unit>week|weekend|month|year)\b"
    rf"|(?P<time>{PART_OF_DAY})\b)",
    re.IGNORECASE,
)
_PART_FIRST = re.compile(
    r"(?=[eml])\b(?P<part>early|mid|late)(?:\s*-\s*|\s+)(?:"
    rf"{_MONTH}(?:,?\s+{_year()})?"
    rf"|{_year('part_year')}"
    rf"|{_RELATION}\s+(?P<unit>month|year)\b)",
    re.IGNORECASE,
)
_SEASON_FIRST = re.compile(
    rf"{_first_letters(*SEASONS)}\b(?P<season>{SEASON})\b(?:(?:\s+of)?\s+"
    rf"(?P<year>[12][0-9]{{3}})(?:[-–/](?P<year2>[0-9]{{4}}|[0-9]{{2}}))?{_YEAR_END})?",
    re.IGNORECASE,
)
_GROUPING_FIRST = re.compile(
    rf"{_first_letters('q', 'h', *QUARTER_ORDINALS, *HALF_ORDINALS)}\b(?:"
    r"Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])"
    rf"|(?P<quarter_ordinal>{QUARTER_ORDINAL})\s+quarter"
    rf"|(?P<half_ordinal>{HALF_ORDINAL})\s+half"
    rf")(?:,?\s+|\s+of\s+){_year()}",
    re.IGNORECASE,
)
_YEAR_FIRST = re.compile(rf"(?=[12])(?<![\w'’-])(?P<year>(?:19|20)[0-9]{{2}}){_YEAR_END}")
_DECADE = re.compile(r"(?=[12])(?<![\w'’])(?P<decade>[12][0-9]{2})0s\b", re.IGNORECASE)
_DAY_WORD_FIRST = re.compile(
    rf"(?=[ty])\b(?:(?P<same_day>today|tonight)"
    rf"|(?P<word>yesterday|tomorrow)(?:\s+(?:{PART_OF_DAY}))?)\b",
    re.IGNORECASE,
)
_AGO = re.compile(r"ago\b", re.IGNORECASE)
_AGO_PHRASE = re.compile(
    rf"\b(?P<number>{NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago\Z", re.IGNORECASE
)


def _is_verb(month_token: str) -> bool:
    """'may' and 'march' in lowercase are verbs, never months."""
    return month_token.islower() and fold(month_token) in MONTHS_THAT_ARE_VERBS


def _found(match: re.Match[str], value: str | None) -> _Found:
    return _Found(match.start(), match.end(), value)


def _found_absolute(match: re.Match[str], build: Callable[[], Period]) -> _Found | None:
    value = _absolute(build)
    return None if value is None else _found(match, value)


def _iso_day(match: re.Match[str], context: _Context) -> _Found | None:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    return _found_absolute(match, lambda: periods.single_day(date(year, month, day)))


def _day_first(match: re.Match[str], context: _Context) -> _Found | None:
    return _day_range(match, context, year=match["year"])


def _day_range(match: re.Match[str], context: _Context, *, year: str | None) -> _Found | None:
    """'24 July', 'July 24-26, 2024': a day or days, resolved by tense when there's no year."""
    month = month_number(match["month"])
    first, last = int(match["day"]), int(match["last_day"] or match["day"])
    if month is None or _is_verb(match["month"]) or last < first:
        return None
    if last > periods.days_in_month(year=2000, month=month):
        return None

    def build(in_year: int) -> Period:
        return periods.days(first=date(in_year, month, first), last=date(in_year, month, last))

    if year:
        return _found_absolute(match, lambda: build(int(year)))
    return _found(match, context.by_tense(_yearly(build), start=match.start(), end=match.end()))


def _month_first(match: re.Match[str], context: _Context) -> _Found | None:
    """'July 24, 2024', 'July 2024', 'in July'. After an impossible day the month still counts."""
    if match["day"] and (found := _day_range(match, context, year=match["day_year"])):
        return found
    token = match["month"]
    month = month_number(token)
    if month is None or _is_verb(token):
        return None
    if match["year"]:
        return _found_absolute(
            match, lambda: periods.whole_month(year=int(match["year"]), month=month)
        )
    return _bare_month(match, context, month=month)


def _bare_month(match: re.Match[str], context: _Context, *, month: int) -> _Found | None:
    """'in November': a month of the year the tense points to."""
    token, start, end = match["month"], match.start(), match.end("month")
    if fold(token) not in MONTHS or token.endswith("."):
        return None
    if context.preceded_by(_RELATION_BEFORE, start=start) or context.preceded_by(
        _PART_BEFORE, start=start
    ):
        return None
    if fold(token) in MONTHS_NEEDING_PREPOSITION and not context.preceded_by(
        _MONTH_PREPOSITION_BEFORE, start=start
    ):
        return None
    candidates = _yearly(lambda year: periods.whole_month(year=year, month=month))
    return _Found(start, end, context.by_tense(candidates, start=start, end=end))


def _weekday_first(match: re.Match[str], context: _Context) -> _Found | None:
    """'on Tuesday': the Tuesday the tense points to."""
    weekday = WEEKDAYS.get(fold(match["weekday"]))
    start = match.start()
    if weekday is None or context.preceded_by(_RELATION_BEFORE, start=start):
        return None
    word_before = context.preceded_by(_WORD_BEFORE, start=start)
    if word_before and fold(word_before[1]) in WEEKDAY_NAME_PREFIXES:
        return None
    if _day_follows(context.text, match.end("weekday")):
        return None
    return _found(match, context.by_tense(_weekdays(weekday), start=start, end=match.end()))


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


_RELATION_OFFSETS = {Relation.THIS: 0, Relation.LAST: -1, Relation.NEXT: 1}


def _relation_first(match: re.Match[str], context: _Context) -> _Found | None:
    """this/last/next + weekday, month, season, week, weekend, month, year, morning, night."""
    relation = RELATIONS.get(fold(match["relation"]))
    if relation is None or context.preceded_by(_THE_BEFORE, start=match.start()):
        return None
    if match["weekday"] is not None:
        weekday = WEEKDAYS.get(fold(match["weekday"]))
        candidates = None if weekday is None else _weekdays(weekday)
    elif match["month"] is not None:
        month = month_number(match["month"])
        if month is None or _is_verb(match["month"]):
            return None
        candidates = _yearly(lambda year: periods.whole_month(year=year, month=month))
    elif match["season"] is not None:
        code = SEASONS.get(fold(match["season"]))
        candidates = None if code is None else _yearly(lambda y: periods.season(year=y, code=code))
    else:
        return _relative_unit(match, context, relation=relation)
    if candidates is None:
        return None
    return _found(match, context.by_relation(candidates, relation=relation))


def _relative_unit(match: re.Match[str], context: _Context, *, relation: Relation) -> _Found | None:
    """this/last/next week, weekend, month or year; this morning, last night."""
    offset = _RELATION_OFFSETS[relation]
    if match["time"] is not None:
        if relation is Relation.NEXT:
            return None
        return _found(match, context.relative(lambda ref: _day_after(ref, offset)))
    unit = fold(match["unit"])

    def compute(reference: date) -> Period:
        if unit == "week":
            return periods.week_containing(reference + timedelta(weeks=offset))
        if unit == "weekend":
            return periods.weekend_containing(reference + timedelta(weeks=offset))
        if unit == "month":
            year, month = periods.shift_month(year=reference.year, month=reference.month, by=offset)
            return periods.whole_month(year=year, month=month)
        return periods.whole_year(reference.year + offset)

    return _found(match, context.relative(compute))


def _day_after(reference: date, days: int) -> Period:
    return periods.single_day(reference + timedelta(days=days))


def _part_first(match: re.Match[str], context: _Context) -> _Found | None:
    """early/mid/late + a month (with or without a year), a year, or this/last/next month/year."""
    part = PARTS.get(fold(match["part"]))
    if part is None:
        return None
    if match["part_year"]:
        year = int(match["part_year"])
        return _found_absolute(match, lambda: periods.part_of_year(year=year, part=part))
    if match["month"] is not None:
        month = month_number(match["month"])
        if month is None or _is_verb(match["month"]):
            return None

        def build(year: int) -> Period:
            return periods.part_of_month(year=year, month=month, part=part)

        if match["year"]:
            return _found_absolute(match, lambda: build(int(match["year"])))
        candidates = _yearly(build)
        return _found(match, context.by_tense(candidates, start=match.start(), end=match.end()))
    return _part_of_relative(match, context, part=part)


def _part_of_relative(match: re.Match[str], context: _Context, *, part: Part) -> _Found | None:
    relation = RELATIONS.get(fold(match["relation"]))
    if relation is None:
        return None
    offset = _RELATION_OFFSETS[relation]

    def compute(reference: date) -> Period:
        if fold(match["unit"]) == "year":
            return periods.part_of_year(year=reference.year + offset, part=part)
        year, month = periods.shift_month(year=reference.year, month=reference.month, by=offset)
        return periods.part_of_month(year=year, month=month, part=part)

    return _found(match, context.relative(compute))


def _season_first(match: re.Match[str], context: _Context) -> _Found | None:
    """'summer 2023', 'winter 2023-24'; 'in the summer' by tense."""
    code = SEASONS.get(fold(match["season"]))
    if code is None or context.preceded_by(_RELATION_BEFORE, start=match.start()):
        return None
    if match["year"]:
        year = int(match["year"])
        if match["year2"] and not _is_next_year(match["year2"], year=year, code=code):
            return None
        return _found_absolute(match, lambda: periods.season(year=year, code=code))
    if fold(match["season"]) == "fall" or _OF_AFTER.match(context.text, match.end()):
        return None
    if not context.preceded_by(_SEASON_PREPOSITION_BEFORE, start=match.start()):
        return None
    candidates = _yearly(lambda year: periods.season(year=year, code=code))
    return _found(match, context.by_tense(candidates, start=match.start(), end=match.end()))


def _is_next_year(written: str, *, year: int, code: int) -> bool:
    """'winter 2023-24' and 'winter 2023/2024' name one winter; other seasons span no years."""
    expected = str(year + 1) if len(written) == 4 else f"{(year + 1) % 100:02d}"
    return code == 24 and written == expected


def _grouping_first(match: re.Match[str], context: _Context) -> _Found | None:
    """'Q3 2024', 'the third quarter of 2024', 'H1 2024', 'the first half of 2024'."""
    if context.preceded_by(_FISCAL_BEFORE, start=match.start()):
        return None
    year = int(match["year"])
    if match["quarter"] or match["quarter_ordinal"]:
        quarter = int(match["quarter"] or QUARTER_ORDINALS[fold(match["quarter_ordinal"])])
        return _found_absolute(match, lambda: periods.quarter(year=year, number=quarter))
    half = int(match["half"] or HALF_ORDINALS[fold(match["half_ordinal"])])
    return _found_absolute(match, lambda: periods.half(year=year, number=half))


def _year_first(match: re.Match[str], context: _Context) -> _Found | None:
    """'in 2009': a bare year counts only after a preposition."""
    if not context.preceded_by(_YEAR_PREPOSITION_BEFORE, start=match.start()):
        return None
    return _found_absolute(match, lambda: periods.whole_year(int(match["year"])))


def _decade(match: re.Match[str], context: _Context) -> _Found | None:
    return _found_absolute(match, lambda: periods.decade(int(match["decade"]) * 10))


def _day_word(match: re.Match[str], context: _Context) -> _Found | None:
    """today, tonight, yesterday (evening), tomorrow (morning)."""
    if match["same_day"] is not None:
        if context.preceded_by(_USA_BEFORE, start=match.start()):
            return None
        offset = 0
    else:
        offset = -1 if fold(match["word"]).startswith("y") else 1
    return _found(match, context.relative(lambda reference: _day_after(reference, offset)))


def _ago(match: re.Match[str], context: _Context) -> _Found | None:
    """'N days ago' a day; 'N weeks ago' an approximate day; months and years an approx. month."""
    phrase = _AGO_PHRASE.search(context.text, max(0, match.start() - 40), match.end())
    count = parse_number(phrase["number"]) if phrase else None
    if phrase is None or not count:
        return None
    unit = fold(phrase["unit"])

    def compute(reference: date) -> Period:
        if unit == "day":
            return periods.single_day(reference - timedelta(days=count))
        if unit == "week":
            return periods.approximate(periods.single_day(reference - timedelta(weeks=count)))
        by = -count if unit == "month" else -12 * count
        year, month = periods.shift_month(year=reference.year, month=reference.month, by=by)
        return periods.approximate(periods.whole_month(year=year, month=month))

    return _Found(phrase.start(), phrase.end(), context.relative(compute))


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], _Context], _Found | None]
    # Words (lowercase) one of which every match contains: a text without any of them
    # skips the rule, since a case-insensitive regex can't use a fast literal scan.
    needs: tuple[str, ...] = ()


_RULES: tuple[_Rule, ...] = (
    _Rule(_ISO_DAY, _iso_day),
    _Rule(_DAY_FIRST, _day_first),
    _Rule(_MONTH_FIRST, _month_first),
    _Rule(_WEEKDAY_FIRST, _weekday_first),
    _Rule(_RELATION_FIRST, _relation_first),
    _Rule(_PART_FIRST, _part_first),
    _Rule(_SEASON_FIRST, _season_first),
    _Rule(
        _GROUPING_FIRST,
        _grouping_first,
        needs=("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2"),
    ),
    _Rule(_YEAR_FIRST, _year_first),
    _Rule(_DECADE, _decade),
    _Rule(_DAY_WORD_FIRST, _day_word),
    _Rule(_AGO, _ago),
)
