"""Tense: which occurrence an underspecified date means ("Tuesday", "24 July", "in November").

Rules:

- The clause around an expression runs from the previous clause boundary to the next one, at
  most 300 characters either way. Boundaries are sentence and clause punctuation
  (. ! ? ; : , brackets, double quotes, a dash between spaces, a line break) and the words that
  open a clause: that, which, who, whom, whose, where, when, while, whereas, although, though,
  because, but, before, after, since, until, if, unless. A boundary word that is the expression's
  own preposition ("before July 24") does not cut the clause.
- Future markers: will, shall, due, expected, scheduled, set to, slated, planned, plans, poised,
  going to, upcoming, and the contractions 'll, won't, shan't. "due to" before a determiner
  ("due to the war") gives a cause, not a future, and doesn't count.
- Past markers: was, were, had, did, and wasn't, weren't, hadn't, didn't.
- A clause with a future marker takes the first occurrence that ends on or after the reference;
  else a clause with a past marker takes the latest occurrence that starts on or before the
  reference; else the occurrence nearest the reference (distance 0 if it contains the reference;
  on a tie, the earlier one, since news mostly reports what has happened). Future wins when a
  clause has both ("had been scheduled to meet on Wednesday").
- "this X" is the occurrence nearest the reference, "last X" the latest one that ends before
  the reference, "next X" the first one that starts after it.
"""

import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from curation.temporal.periods import Period

CLAUSE_WINDOW = 300

_CLAUSE_WORDS = (
    "that which who whom whose where when while whereas although though because but before "
    "after since until if unless"
).split()
_FUTURE_WORDS = [
    *"will shall expected scheduled slated planned plans poised upcoming won't shan't".split(),
    "set to",
    "going to",
]
_PAST_WORDS = "was were had did wasn't weren't hadn't didn't".split()
# "due", but not the "due to" of a cause: "due to the war".
_DUE = r"due(?!\s+to\s+(?:the|a|an|his|her|its|their|our|this|that|these|those)\b)"


def _words_regex(words: list[str], *, extra: str = "") -> str:
    """Whole words, any spacing, straight or curly apostrophes, behind a first-letter filter."""
    spelled = [re.escape(word).replace(r"\ ", r"\s+").replace("'", "[’']") for word in words]
    alternatives = "|".join(sorted(spelled, key=len, reverse=True) + ([extra] if extra else []))
    initials = "".join(sorted({word[0] for word in words} | ({extra[0]} if extra else set())))
    return rf"(?=[{initials}])\b(?:{alternatives})\b"


_PUNCTUATION = re.compile(r"[.!?;:,()\[\]{}\"“”«»\n—]|\s[-–]\s")
_CLAUSE_WORD = re.compile(_words_regex(_CLAUSE_WORDS), re.IGNORECASE)
_OWN_PREPOSITION_GAP = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)
_FUTURE = re.compile(_words_regex(_FUTURE_WORDS, extra=_DUE) + r"|[’']ll\b", re.IGNORECASE)
_PAST = re.compile(_words_regex(_PAST_WORDS), re.IGNORECASE)


class Tense(StrEnum):
    FUTURE = "future"
    PAST = "past"
    NONE = "none"


class Relation(StrEnum):
    THIS = "this"
    LAST = "last"
    NEXT = "next"


RELATIONS: dict[str, Relation] = {relation.value: relation for relation in Relation}


def clause_around(text: str, *, start: int, end: int) -> str:
    """The clause that contains text[start:end] (see the module rules)."""
    before = text[max(0, start - CLAUSE_WINDOW) : start]
    after = text[end : end + CLAUSE_WINDOW]
    return before[_clause_start(before) :] + text[start:end] + after[: _clause_end(after)]


def _clause_start(before: str) -> int:
    """After the last punctuation, or at the last clause word after it (unless it's our own)."""
    clause_start = 0
    for punctuation in _PUNCTUATION.finditer(before):
        clause_start = punctuation.end()
    for word in _CLAUSE_WORD.finditer(before, clause_start):
        if not _OWN_PREPOSITION_GAP.fullmatch(before, word.end()):
            clause_start = word.start()
    return clause_start


def _clause_end(after: str) -> int:
    """At the first punctuation or clause word."""
    punctuation = _PUNCTUATION.search(after)
    end = punctuation.start() if punctuation else len(after)
    word = _CLAUSE_WORD.search(after, 0, end)
    return word.start() if word else end


def tense_of(clause: str) -> Tense:
    if _FUTURE.search(clause):
        return Tense.FUTURE
    if _PAST.search(clause):
        return Tense.PAST
    return Tense.NONE


def distance(period: Period, reference: date) -> int:
    """Days between the reference and the period; 0 when the period contains it."""
    if period.lower > reference:
        return (period.lower - reference).days
    if period.upper < reference:
        return (reference - period.upper).days
    return 0


def choose_by_tense(
    candidates: Iterable[Period], *, reference: date, tense: Tense
) -> Period | None:
    ordered = sorted(candidates, key=lambda period: period.lower)
    if tense is Tense.FUTURE:
        return next((p for p in ordered if p.upper >= reference), None)
    if tense is Tense.PAST:
        return next((p for p in reversed(ordered) if p.lower <= reference), None)
    return min(ordered, key=lambda period: distance(period, reference), default=None)


def choose_by_relation(
    candidates: Iterable[Period], *, reference: date, relation: Relation
) -> Period | None:
    ordered = sorted(candidates, key=lambda period: period.lower)
    if relation is Relation.LAST:
        return next((p for p in reversed(ordered) if p.upper < reference), None)
    if relation is Relation.NEXT:
        return next((p for p in ordered if p.lower > reference), None)
    return choose_by_tense(ordered, reference=reference, tense=Tense.NONE)
