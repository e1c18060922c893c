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
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from curation.temporal.lexicon import MONTHS, WEEKDAYS, fold

_QUOTE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|told|tells|added|adds|stated|insisted|warned|wrote|noted|declared|"
    r"announced|explained|argued|claimed|replied|tweeted|posted|recalled|conceded|stressed)\b"
)
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


@dataclass(frozen=True, slots=True)
class Dated:
    """A date expression already found: its span and value."""

    start: int
    end: int
    value: str | None
    relative: bool  # whether its value counts from the reference


@dataclass(frozen=True, slots=True)
class _Statement:
    start: int
    end: int
    speaker: str | None
    day: date | None


def quotation_days(
    text: str, found: Sequence[Dated], *, reference: date
) -> list[tuple[int, int, date]]:
    """(start, end, day) for each quotation spoken on an earlier day that the text gives."""
    relative = [item.start for item in found if item.relative]
    if not relative or ('"' not in text and "“" not in text):
        return []
    quotes = [quote for quote in _QUOTE.finditer(text) if _holds(relative, quote)]
    if not quotes:
        return []
    statements = [_statement(text, verb, found) for verb in _SPEECH_VERB.finditer(text)]
    days = []
    for quote in quotes:
        day = _day_spoken(text, quote, statements)
        if day is not None and day < reference:
            days.append((quote.start(), quote.end(), day))
    return days


def _holds(starts: list[int], quote: re.Match[str]) -> bool:
    """Whether one of the (sorted) starts lies inside the quotation."""
    index = bisect_right(starts, quote.start())
    return index < len(starts) and starts[index] < quote.end()


def _statement(text: str, verb: re.Match[str], found: Sequence[Dated]) -> _Statement:
    speaker = None
    if before := _NAME_BEFORE.search(text, max(0, verb.start() - 40), verb.start()):
        speaker = before["name"]
    elif _PRONOUN_BEFORE.search(text, max(0, verb.start() - 8), verb.start()) or (
        _PRONOUN_AFTER.match(text, verb.end())
    ):
        speaker = _PRONOUN
    elif after := _NAMES_AFTER.match(text, verb.end()):
        speaker = after["names"].split()[-1]
        if fold(speaker) in WEEKDAYS or fold(speaker) in MONTHS:
            speaker = None
    day = None
    for item in found:
        if item.start < verb.end() or item.start > verb.end() + 40:
            continue
        if _WORDS_BETWEEN.fullmatch(text, verb.end(), item.start) and _is_day(item.value):
            day = date.fromisoformat(item.value)
        break
    return _Statement(verb.start(), verb.end(), speaker, day)


def _is_day(value: str | None) -> bool:
    return value is not None and bool(_DAY.fullmatch(value))


def _day_spoken(text: str, quote: re.Match[str], statements: list[_Statement]) -> date | None:
    attribution = _attribution(text, quote, statements)
    if attribution is None:
        return None
    if attribution.day is not None:
        return attribution.day
    if attribution.speaker is None:
        return None
    earlier = [
        statement
        for statement in statements
        if statement.end <= quote.start() and statement.day is not None
    ]
    if attribution.speaker == _PRONOUN:
        reach = quote.start() - _PRONOUN_REACH
        earlier = [statement for statement in earlier if statement.start >= reach]
    else:
        earlier = [s for s in earlier if s.speaker == attribution.speaker]
    return earlier[-1].day if earlier else None


def _attribution(
    text: str, quote: re.Match[str], statements: list[_Statement]
) -> _Statement | None:
    sentence_end = _sentence_end(text, quote.end())
    after = [
        statement
        for statement in statements
        if quote.end() <= statement.start < min(sentence_end, quote.end() + _AFTER_WINDOW)
    ]
    if after:
        return after[0]
    paragraph_start = text.rfind("\n", 0, quote.start()) + 1
    window_start = max(paragraph_start, quote.start() - _BEFORE_WINDOW)
    before = [s for s in statements if window_start <= s.start and s.end <= quote.start()]
    return before[-1] if before else None


def _sentence_end(text: str, position: int) -> int:
    ends = [found for mark in ".!?\n" if (found := text.find(mark, position)) >= 0]
    return min(ends, default=len(text))
