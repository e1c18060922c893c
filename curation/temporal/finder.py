"""find_dates(): the date expressions in a text, each resolved to an EDTF value.

What is found (case-insensitive; ``reference`` is the article's publication date). Each line is
one named rule, in ``rules/``; their docstrings hold the details.

    days      "24 July 2024", "July 24, 2024", "2024-07-24", "24-26 July 2024"; "July 24" and
              "on Tuesday" by tense; "Tuesday last week"; "June last year"; "the week of
              March 6" (that week), "the weekend of June 15"; datelines         rules/days.py
    relative  today, tonight, yesterday, tomorrow; this/last/next week, weekend, month, year,
              decade, century, weekday, month, season; early/mid/late; "N days/weeks/months/
              years ago" (a day, the week, the month~, the year~)          rules/relative.py
    groupings "summer 2023", "winter 2023-24", "Q3 2024", "the third quarter (of 2024)",
              "the first half of 2024/of the year"                        rules/groupings.py
    years     "in 2009", "a 2010 raid", "2008's crisis", "the 1957-58 season" (1957/1958),
              "the 1990s", "the '90s", "the nineties" (199X), "the 20th century" (19XX)
                                                                              rules/years.py
    edges     "the end of the year", "year-end", "the start of 2024", "end-June"
                                                                              rules/edges.py
    holidays  "Christmas Day", "New Year's Eve", "Independence Day" (US)     rules/holidays.py
    anaphora  "the day before", "the next day", "that year", "two days later": value None,
              reason "refers to another date"                             rules/anaphora.py

Rules where the task left room:

- Spans are the date expression itself. Prepositions (in, on, since, until, by, before, after,
  during ...), articles ("the 1990s" -> "1990s") and "later"/"earlier" ("later today" -> "today")
  are context, never part of the span nor of the value. "about"/"around" are part of it: they
  make the value approximate ("around 10 June" -> 2024-06-10~).
- A value is never more precise than its words: "four years ago" is a year, "two weeks ago" a
  week, "the end of the year" two months, "mid-July" ten days, never one day.
- Underspecified dates follow the tense of their clause (``tense``); inside a quotation spoken
  on an earlier day that the text gives, relative dates count from that day (``speech``).
- A weekday in front of a day ("Tuesday, 24 July 2024") adds nothing to the value and is left
  out of the span. Named days ("Black Friday", "Super Tuesday") are not reported. Plural
  weekdays ("on Tuesdays") are habits.
- "the last week", "the next month", "over the last year" are durations and are not reported;
  nor are "for over eight months", "two years", "in recent weeks", "soon", "since then", "a few
  days ago": they name no period we can write down.
- Not dates: "today's youth", "USA Today", a title ("ABC's This Week"), counts and times
  ("2,000 troops", "1500 trucks", "at 2030 GMT"), a dateline repeated inside the text.
- Day ranges ("24-26 July") must run forwards and stay within one month. An impossible day is
  not a date, though its month still is ("31 June 2024" -> "June 2024", "June 31" -> "June").
- Overlapping candidates: the one that starts first wins, and of those that start together the
  longest ("24 July 2024", not "July 2024"). Results are sorted by start and never overlap.

Unresolved expressions keep their span and carry a reason instead of a value:

- "no publication date": a relative expression without a reference; never resolved against
  today. Absolute dates resolve without one.
- "refers to another date": "the day before", "that year" (see ``rules/anaphora``).
- "outside 0001-9999": a reference so close to the ends of the calendar that the answer
  falls outside them.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from curation.temporal.context import (
    ANOTHER_DATE,
    NO_REFERENCE,
    OUTSIDE_CALENDAR,
    Context,
    Found,
    folded,
)
from curation.temporal.rules import DIGITS, RULES, Rule
from curation.temporal.speech import Dated, quotation_days
from curation.temporal.wordscan import WholeWords

__all__ = [
    "ANOTHER_DATE",
    "NO_REFERENCE",
    "OUTSIDE_CALENDAR",
    "DateMention",
    "find_dates",
    "find_dates_jsonl",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: text == input[start:end] (code points); value is EDTF or None, and
    reason says why it is None."""

    start: int
    end: int
    text: str
    value: str | None
    reason: str | None = None


def find_dates(text: str, reference: date | None) -> list[DateMention]:
    """Every date expression in text, sorted by start and non-overlapping."""
    if isinstance(reference, datetime):
        reference = reference.date()
    context = Context(text, reference, folded(text))
    chosen = _leftmost_longest(list(_candidates(context)))
    if reference is not None:
        chosen = _in_reported_speech(context, chosen)
    return [
        DateMention(
            item.start, item.end, text[item.start : item.end], item.value, _reason(item, reference)
        )
        for item, _, _, _ in chosen
    ]


def find_dates_jsonl(text: str, reference: date | None) -> Iterator[str]:
    """One JSON object per mention, {"start", "end", "text", "value"}, and "reason" when the
    value is null; without the newline."""
    for mention in find_dates(text, reference):
        record: dict[str, object] = {
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "value": mention.value,
        }
        if mention.value is None:
            record["reason"] = mention.reason
        yield json.dumps(record, ensure_ascii=False)


# --- the anchor scan ------------------------------------------------------------------------

_RULES_BY_ANCHOR: dict[str, list[tuple[int, Rule]]] = {}
for _index, _rule in enumerate(RULES):
    for _anchor in _rule.anchors:
        _RULES_BY_ANCHOR.setdefault(_anchor, []).append((_index, _rule))

_WORD_ANCHORS = [anchor for anchor in _RULES_BY_ANCHOR if anchor != DIGITS]
# Two scans, words and digit runs: each is faster alone than the two as one alternation. Both
# let the regex engine skip to the next candidate (see wordscan): [0-9]+ would not.
_WORD_ANCHOR = WholeWords(_WORD_ANCHORS)
_DIGIT_ANCHOR = re.compile(r"[0-9][0-9]*")

Candidate = tuple[Found, int, re.Match[str], bool]  # found, rule, match, counts from reference


def _candidates(context: Context) -> Iterator[Candidate]:
    """Every rule tried at every anchor it starts with; what its resolver accepts."""
    lowered, text = context.lowered, context.text
    applies: dict[int, bool] = {}  # whether a rule's needs are met, asked at its first match
    anchors = [(start, lowered[start:end]) for start, end in _WORD_ANCHOR.spans(lowered)]
    anchors += [(digits.start(), DIGITS) for digits in _DIGIT_ANCHOR.finditer(lowered)]
    for start, word in anchors:
        for index, rule in _RULES_BY_ANCHOR[word]:
            match = rule.pattern.match(text, start)
            if match is None:
                continue
            if rule.needs:
                if index not in applies:
                    applies[index] = any(needed in lowered for needed in rule.needs)
                if not applies[index]:
                    continue
            context.consulted = False
            if (found := rule.resolve(match, context)) is not None:
                yield found, index, match, context.consulted


def _leftmost_longest(found: list[Candidate]) -> list[Candidate]:
    """The candidate that starts first, the longest of those; then the next one after it."""
    chosen: list[Candidate] = []
    end = 0
    for item in sorted(found, key=lambda c: (c[0].start, c[0].start - c[0].end, c[1])):
        if item[0].start >= end:
            chosen.append(item)
            end = item[0].end
    return chosen


def _in_reported_speech(context: Context, chosen: list[Candidate]) -> list[Candidate]:
    """Resolve again, against the day it was spoken, what a quotation from an earlier day says."""
    assert context.reference is not None
    dated = [Dated(item[0].start, item[0].end, item[0].value, item[3]) for item in chosen]
    quotations = quotation_days(context.text, dated, reference=context.reference)
    if not quotations:
        return chosen
    again = []
    for found, index, match, relative in chosen:
        day = next((d for start, end, d in quotations if start < found.start < end), None)
        if day is not None and relative:
            redone = RULES[index].resolve(match, context.with_reference(day))
            if redone is not None and (redone.start, redone.end) == (found.start, found.end):
                found = redone
        again.append((found, index, match, relative))
    return again


def _reason(found: Found, reference: date | None) -> str | None:
    if found.value is not None:
        return None
    if found.reason:
        return found.reason
    return NO_REFERENCE if reference is None else OUTSIDE_CALENDAR
