"""Reported speech: the day a quotation was spoken, which its "today" and "tomorrow" count from.

    Singh said on Tuesday that ... Singh added that it was "still early ... later today".

A quotation's relative dates are resolved against the day it was spoken when the text says
that day and it is before the publication date:

- its attribution (the nearest speech verb after the closing quote, in the same sentence, or
  else the last one before the opening quote, in the same paragraph) is dated: "..., he said on
  Tuesday", "told reporters on Monday: "...""; a date counts when at most four words separate
  it from the verb;
- or the attribution names a speaker ("Singh added") whose earlier dated statement in the text
  gives the day ("Sabrina Singh said on Tuesday").

- or a pronoun ("she said") continues the last dated statement in the 400 characters before
  the quotation.
The day must be a single day; the publication date stays the reference for everything else.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from curation.temporal.lexicon import MONTHS, WEEKDAYS, fold
from curation.temporal.wordscan import whole_word_spans

_SPEECH_VERBS = (
    "said says told tells added adds stated insisted warned wrote noted declared announced "
    "explained argued claimed replied tweeted posted recalled conceded stressed"
).split()
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w’'-]+)\s+\Z")
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|they)\s+\Z", re.IGNORECASE)
_PRONOUN_AFTER = re.compile(r"\s+(?:he|she|they)\b")
_PRONOUN = "a pronoun"
_PRONOUN_REACH = 400
_NAMES_AFTER = re.compile(r"\s+(?P<names>(?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)")
_WORDS_BETWEEN = re.compile(r"(?:\s+[\w’'-]+){0,4}?\s+\Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AFTER_WINDOW = 60
_BEFORE_WINDOW = 200
_DATE_REACH = 40


@dataclass(frozen=True, slots=True)
class Dated:
    """A date expression already found: its span and value."""

    start: int
    end: int
    value: str | None
    relative: bool  # whether its value counts from the reference


@dataclass(frozen=True, slots=True)
class _Statement:
    """A speech verb, and the day a date right after it gives ("said on Tuesday")."""

    start: int
    end: int
    day: date | None


def quotation_days(
    text: str, found: Sequence[Dated], *, reference: date
) -> list[tuple[int, int, date]]:
    """(start, end, day) for each quotation spoken on an earlier day that the text gives.
    found is sorted by start, as find_dates gives it."""
    relative = [item.start for item in found if item.relative]
    if not relative or ('"' not in text and "“" not in text):
        return []
    quotes = [quote for quote in quotations(text) if _holds(relative, quote)]
    if not quotes:
        return []
    starts = [item.start for item in found]
    statements = [
        _Statement(start, end, _day_after(text, end, found, starts))
        for start, end in whole_word_spans(text, _SPEECH_VERBS)
    ]
    speakers = _Speakers(text)
    days = []
    for quote in quotes:
        day = _day_spoken(text, quote, statements, speakers)
        if day is not None and day < reference:
            days.append((*quote, day))
    return days


Span = tuple[int, int]


def quotations(text: str) -> Iterator[Span]:
    """(start, end) of each quotation, its marks included: in curly quotes, of any length; in
    straight ones, within a line. As re.finditer(r'“[^”]*”|"[^"\\n]*"') finds them, with
    str.find, which is several times faster."""
    position, curly_can_close = 0, True
    while True:
        curly = text.find("“", position) if curly_can_close else -1
        straight = text.find('"', position)
        if curly < 0 and straight < 0:
            return
        if straight < 0 or 0 <= curly < straight:
            close = text.find("”", curly + 1)
            if close < 0:
                curly_can_close = False  # nor will any later one
                position = curly + 1
                continue
            yield curly, close + 1
        else:
            close = text.find('"', straight + 1)
            if close < 0 or text.find("\n", straight + 1, close) >= 0:
                position = straight + 1
                continue
            yield straight, close + 1
        position = close + 1


def _holds(starts: list[int], quote: Span) -> bool:
    """Whether one of the (sorted) starts lies inside the quotation."""
    index = bisect_right(starts, quote[0])
    return index < len(starts) and starts[index] < quote[1]


def _day_after(text: str, verb_end: int, found: Sequence[Dated], starts: list[int]) -> date | None:
    """The day of the first date within 40 characters after the verb, when at most four words
    come between them and it is a single day."""
    index = bisect_left(starts, verb_end)
    if index == len(found) or starts[index] > verb_end + _DATE_REACH:
        return None
    item = found[index]
    if _WORDS_BETWEEN.fullmatch(text, verb_end, item.start) and _is_day(item.value):
        return date.fromisoformat(item.value)
    return None


class _Speakers:
    """Who makes each statement, worked out the first time it is asked."""

    def __init__(self, text: str):
        self._text = text
        self._known: dict[int, str | None] = {}

    def of(self, statement: _Statement) -> str | None:
        if statement.start not in self._known:
            self._known[statement.start] = self._speaker(statement)
        return self._known[statement.start]

    def _speaker(self, statement: _Statement) -> str | None:
        text, start, end = self._text, statement.start, statement.end
        if before := _NAME_BEFORE.search(text, max(0, start - 40), start):
            return before["name"]
        if _PRONOUN_BEFORE.search(text, max(0, start - 8), start) or (
            _PRONOUN_AFTER.match(text, end)
        ):
            return _PRONOUN
        if after := _NAMES_AFTER.match(text, end):
            speaker = after["names"].split()[-1]
            if fold(speaker) in WEEKDAYS or fold(speaker) in MONTHS:
                return None
            return speaker
        return None


def _is_day(value: str | None) -> bool:
    return value is not None and bool(_DAY.fullmatch(value))


def _day_spoken(
    text: str, quote: Span, statements: list[_Statement], speakers: _Speakers
) -> date | None:
    attribution = _attribution(text, quote, statements)
    if attribution is None:
        return None
    if attribution.day is not None:
        return attribution.day
    speaker = speakers.of(attribution)
    if speaker is None:
        return None
    earlier = [
        statement
        for statement in statements
        if statement.end <= quote[0] and statement.day is not None
    ]
    if speaker == _PRONOUN:
        reach = quote[0] - _PRONOUN_REACH
        earlier = [statement for statement in earlier if statement.start >= reach]
    else:
        earlier = [s for s in earlier if speakers.of(s) == speaker]
    return earlier[-1].day if earlier else None


def _attribution(text: str, quote: Span, statements: list[_Statement]) -> _Statement | None:
    quote_start, quote_end = quote
    sentence_end = _sentence_end(text, quote_end)
    after = [
        statement
        for statement in statements
        if quote_end <= statement.start < min(sentence_end, quote_end + _AFTER_WINDOW)
    ]
    if after:
        return after[0]
    paragraph_start = text.rfind("\n", 0, quote_start) + 1
    window_start = max(paragraph_start, quote_start - _BEFORE_WINDOW)
    before = [s for s in statements if window_start <= s.start and s.end <= quote_start]
    return before[-1] if before else None


def _sentence_end(text: str, position: int) -> int:
    ends = [found for mark in ".!?\n" if (found := text.find(mark, position)) >= 0]
    return min(ends, default=len(text))
