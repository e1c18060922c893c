"""Expressions counted from the reference: today, this/last/next ..., early/mid/late, N ago.

- today, tonight, this morning/afternoon/evening -> the reference day; yesterday (morning ...),
  last night -> the day before; tomorrow -> the day after.
- this/last/next week -> Monday-Sunday; weekend -> Saturday-Sunday; month; year; decade;
  century. "this past weekend" is the last one, "this coming week" the next one.
- last/next <weekday>, <month>, <season>: strictly before/after the reference; this <...>:
  the nearest one.
- early/mid/late + a month (with or without a year), a year, or this/last/next month/year.
- "N days ago" -> that day; "N weeks ago" -> the Monday-Sunday week holding the day N weeks
  back; "N months ago" -> that month, approximate (2023-12~); "N years ago", "a year ago" ->
  that year, approximate (2009~): never finer than the unit the words name.
- Not dates: "USA Today"; "today's youth", "tomorrow's world", "the youth of today" (the
  present in general); a title in a sentence ("NBC's Today show", ABC's "This Week").
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
    MONTH_FULL,
    NUMBER,
    PART_OF_DAY,
    SEASON,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    fold,
    month_number,
    parse_number,
)
from curation.temporal.periods import PARTS, Part, Period
from curation.temporal.rules.base import (
    MONTH,
    RELATION,
    THE_BEFORE,
    Rule,
    approximated,
    in_headline,
    is_title_case,
    opens_sentence,
    year,
)
from curation.temporal.tense import RELATIONS, Relation

_DAY_WORD = re.compile(
    rf"(?:(?P<same_day>today|tonight)|(?P<word>yesterday|tomorrow)(?:\s+(?:{PART_OF_DAY}))?)\b",
    re.IGNORECASE,
)
_RELATION_FIRST = re.compile(
    rf"{RELATION}\s+(?:(?P<direction>past|coming)\s+)?(?:"
    rf"(?P<weekday>{WEEKDAY})\b(?:\s+(?:{PART_OF_DAY})\b)?"
    rf"|(?P<month>{MONTH_FULL})\b"
    rf"|(?P<season>{SEASON})\b"
    r"|(?P<unit>week|weekend|month|year|decade|century)\b"
    rf"|(?P<time>{PART_OF_DAY})\b)",
    re.IGNORECASE,
)
_PART_FIRST = re.compile(
    r"(?P<part>early|mid|late)(?:\s*-\s*|\s+)(?:"
    rf"{MONTH}(?:,?\s+{year()})?"
    rf"|{year('part_year')}"
    rf"|{RELATION}\s+(?P<unit>month|year)\b)",
    re.IGNORECASE,
)
_AGO = re.compile(r"ago\b", re.IGNORECASE)
_AGO_PHRASE = re.compile(
    rf"\b(?P<number>{NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago\Z", re.IGNORECASE
)
_USA_BEFORE = re.compile(r"\busa\s+\Z", re.IGNORECASE)
_GENERIC = (
    "youth young youngsters teens teenagers children kids generation generations society "
    "world culture standards technology media families parents workers workplace workforce "
    "students schools era age reality realities landscape leaders politics politicians "
    "economy consumers men women people"
)
_GENERIC_AFTER = re.compile(
    rf"['’]s\s+(?:[a-z]+\s+)?(?:{'|'.join(_GENERIC.split())})\b", re.IGNORECASE
)
_GENERIC_OF_BEFORE = re.compile(rf"\b(?:{'|'.join(_GENERIC.split())})\s+of\s+\Z", re.IGNORECASE)
_QUOTE_BEFORE = re.compile(r"[\"“‘']\Z")
_QUOTE_AFTER = re.compile(r"[,.]?[\"”’']")
_SHOW_AFTER = re.compile(r"\s+(?:show|programme|program)\b", re.IGNORECASE)
_RELATION_OFFSETS = {Relation.THIS: 0, Relation.LAST: -1, Relation.NEXT: 1}


def _is_a_title(context: Context, start: int, end: int, tokens: list[str]) -> bool:
    """'Today', 'This Week' written as a name: in the middle of a sentence (not a headline), or
    alone in quotation marks (ABC's "This Week")."""
    if not all(is_title_case(token) for token in tokens):
        return False
    text = context.text
    if _QUOTE_BEFORE.search(text, max(0, start - 1), start) and _QUOTE_AFTER.match(text, end):
        return True
    return not opens_sentence(text, start) and not in_headline(text, start)


def _day_word(match: re.Match[str], context: Context) -> Found | None:
    """today, tonight, yesterday (evening), tomorrow (morning)."""
    start, end, text = match.start(), match.end(), context.text
    if context.preceded_by(_USA_BEFORE, start=start):
        return None
    if _GENERIC_AFTER.match(text, end) or context.preceded_by(_GENERIC_OF_BEFORE, start=start):
        return None
    word = match["same_day"] or match["word"]
    if _SHOW_AFTER.match(text, end) or _is_a_title(context, start, end, [word]):
        return None
    if match["same_day"] is not None:
        offset = 0
    else:
        offset = -1 if fold(match["word"]).startswith("y") else 1
    return found(match, context.relative(lambda reference: _day_after(reference, offset)))


def _day_after(reference: date, days: int) -> Period:
    return periods.single_day(reference + timedelta(days=days))


def _relation_first(match: re.Match[str], context: Context) -> Found | None:
    """this/last/next + weekday, month, season, week, weekend, month, year, morning, night."""
    relation = RELATIONS.get(fold(match["relation"]))
    if relation is None or context.preceded_by(THE_BEFORE, start=match.start()):
        return None
    if _is_a_title(context, match.start(), match.end(), match[0].split()):
        return None
    if direction := match["direction"]:
        if relation is not Relation.THIS:
            return None
        relation = Relation.LAST if fold(direction) == "past" else Relation.NEXT
    if match["weekday"] is not None:
        weekday = WEEKDAYS.get(fold(match["weekday"]))
        candidates = None if weekday is None else weekdays(weekday)
    elif match["month"] is not None:
        month = month_number(match["month"])
        if month is None or (match["month"].islower() and fold(match["month"]) == "may"):
            return None
        candidates = yearly(lambda year_: periods.whole_month(year=year_, month=month))
    elif match["season"] is not None:
        code = SEASONS.get(fold(match["season"]))
        candidates = None if code is None else yearly(lambda y: periods.season(year=y, code=code))
    else:
        return _relative_unit(match, context, relation=relation)
    if candidates is None:
        return None
    return found(match, context.by_relation(candidates, relation=relation))


def _relative_unit(match: re.Match[str], context: Context, *, relation: Relation) -> Found | None:
    """this/last/next week, weekend, month, year, decade or century; this morning, last night."""
    offset = _RELATION_OFFSETS[relation]
    if match["time"] is not None:
        if relation is Relation.NEXT or match["direction"]:
            return None
        return found(match, context.relative(lambda ref: _day_after(ref, offset)))
    unit = fold(match["unit"])

    def compute(reference: date) -> Period:
        if unit == "week":
            return periods.week_containing(reference + timedelta(weeks=offset))
        if unit == "weekend":
            return periods.weekend_containing(reference + timedelta(weeks=offset))
        if unit == "month":
            year_, month = periods.shift_month(
                year=reference.year, month=reference.month, by=offset
            )
            return periods.whole_month(year=year_, month=month)
        if unit == "decade":
            return periods.decade(reference.year // 10 * 10 + 10 * offset)
        if unit == "century":
            return periods.century(reference.year // 100 * 100 + 100 * offset)
        return periods.whole_year(reference.year + offset)

    return found(match, context.relative(compute))


def _part_first(match: re.Match[str], context: Context) -> Found | None:
    """early/mid/late + a month (with or without a year), a year, or this/last/next month/year."""
    part = PARTS.get(fold(match["part"]))
    if part is None:
        return None
    if match["part_year"]:
        year_ = int(match["part_year"])
        result = found_absolute(match, lambda: periods.part_of_year(year=year_, part=part))
        return None if result is None else approximated(context, result)
    if match["month"] is not None:
        month = month_number(match["month"])
        if month is None or (match["month"].islower() and fold(match["month"]) in ("may", "march")):
            return None

        def build(in_year: int) -> Period:
            return periods.part_of_month(year=in_year, month=month, part=part)

        if match["year"]:
            result = found_absolute(match, lambda: build(int(match["year"])))
            return None if result is None else approximated(context, result)
        value = context.by_tense(yearly(build), start=match.start(), end=match.end())
        return approximated(context, found(match, value))
    return _part_of_relative(match, context, part=part)


def _part_of_relative(match: re.Match[str], context: Context, *, part: Part) -> Found | None:
    relation = RELATIONS.get(fold(match["relation"]))
    if relation is None:
        return None
    offset = _RELATION_OFFSETS[relation]

    def compute(reference: date) -> Period:
        if fold(match["unit"]) == "year":
            return periods.part_of_year(year=reference.year + offset, part=part)
        year_, month = periods.shift_month(year=reference.year, month=reference.month, by=offset)
        return periods.part_of_month(year=year_, month=month, part=part)

    return found(match, context.relative(compute))


def _ago(match: re.Match[str], context: Context) -> Found | None:
    """'N days ago' a day; weeks the week; months and years that month or year, approximate."""
    phrase = _AGO_PHRASE.search(context.text, max(0, match.start() - 40), match.end())
    count = parse_number(phrase["number"]) if phrase else None
    if phrase is None or not count:
        return None
    unit = fold(phrase["unit"])

    def compute(reference: date) -> Period:
        if unit == "day":
            return periods.single_day(reference - timedelta(days=count))
        if unit == "week":
            return periods.week_containing(reference - timedelta(weeks=count))
        if unit == "month":
            year_, month = periods.shift_month(
                year=reference.year, month=reference.month, by=-count
            )
            return periods.approximate(periods.whole_month(year=year_, month=month))
        return periods.approximate(periods.whole_year(reference.year - count))

    return Found(phrase.start(), phrase.end(), context.relative(compute))


RULES = (
    Rule("day word", ("today", "tonight", "yesterday", "tomorrow"), _DAY_WORD, _day_word),
    Rule("this last next", ("this", "last", "next"), _RELATION_FIRST, _relation_first),
    Rule("early mid late", ("early", "mid", "late"), _PART_FIRST, _part_first),
    Rule("ago", ("ago",), _AGO, _ago),
)
