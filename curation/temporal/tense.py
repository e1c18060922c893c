"""Tense: which occurrence an underspecified date means ("Tuesday", "24 July", "in November").

Rules:

- The clause around an expression runs from the previous clause boundary to the next one, at
  most 300 characters either way (``clauses``). Boundaries are sentence and clause punctuation
  (. ! ? ; : , brackets, double quotes, a dash between spaces, a line break) and the words that
  open a clause: that, which, who, whom, whose, where, when, while, whereas, although, though,
  because, but, before, after, since, until, if, unless. A boundary word that is the expression's
  own preposition ("before July 24") does not cut the clause.
- The expression's own preposition speaks first: after "since" the date is in the past.
- Otherwise the word nearest the expression that marks a tense decides, looking left first
  (to the clause's start), then right (to its end): "said on Friday they will" is past, "will
  explain why prices rose on Monday" is past too, since "rose" is nearer. The words are in
  ``verbs``: future markers (will, expected, "is to", "plans to" ...), past markers (was, had,
  said, arrested ...) and present verbs of scheduled action ("He returns Monday"), which look
  ahead.
- A date that opens its sentence ("On Monday, police arrested ...") has no verb in its own
  clause: the clause after the comma decides.
- With no marker, "until", "till" and "by" look ahead ("until Friday").
- A future clause takes the first occurrence that ends on or after the reference; a past
  clause the latest occurrence that starts on or before it. A clause without a tense takes
  the default its caller names: the occurrence nearest the reference (distance 0 if it contains
  the reference; on a tie, the earlier one), or, for a month without a year (and a quarter
  without one), the latest one that starts on or before the reference ("inflation in August",
  published in March, is last August). "mid-July" keeps the nearest.
- "this X" is the occurrence nearest the reference, "last X" the latest one that ends before
  the reference, "next X" the first one that starts after it.
"""

import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from functools import cache

from curation.temporal import clauses, verbs
from curation.temporal.clauses import CLAUSE_WINDOW
from curation.temporal.periods import Period

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_COMMA_AFTER = re.compile(r"\s*,")
_LOOKING_AHEAD = frozenset({"until", "till", "by"})
_PREPOSITIONS_ONLY = frozenset({"on", "in", "at", "the", "by", "from", "during", "over", "of"})


class Tense(StrEnum):
    FUTURE = "future"
    PAST = "past"
    NONE = "none"


class Default(StrEnum):
    """What a clause without a tense takes."""

    NEAREST = "nearest"
    LATEST = "latest"


class Relation(StrEnum):
    THIS = "this"
    LAST = "last"
    NEXT = "next"


RELATIONS: dict[str, Relation] = {relation.value: relation for relation in Relation}


def tense_around(text: str, *, start: int, end: int) -> Tense:
    """The tense of the clause around text[start:end], read from its nearest marker."""
    clause_start, clause_end = clauses.clause_bounds(text, start=start, end=end)
    left = _TOKEN.findall(text, clause_start, start)
    own = _key(left[-1]) if left else ""
    if own == "the" and len(left) > 1:
        own = _key(left[-2])
    if own == "since":
        return Tense.PAST
    right = _TOKEN.findall(text, end, clause_end)
    tokens = left + _TOKEN.findall(text, start, end) + right
    found = _nearest_left(tokens, len(left)) or _nearest_right(tokens, len(tokens) - len(right))
    if found is None and _opens_its_sentence(left) and _COMMA_AFTER.match(text, clause_end):
        found = _next_clause(text, clause_end)
    if found is None and own in _LOOKING_AHEAD:
        return Tense.FUTURE
    return found or Tense.NONE


def _opens_its_sentence(left: list[str]) -> bool:
    return all(_key(token) in _PREPOSITIONS_ONLY for token in left)


def _next_clause(text: str, comma: int) -> Tense | None:
    after_comma = _COMMA_AFTER.match(text, comma).end()
    clause_end = after_comma + clauses.clause_end(text[after_comma : after_comma + CLAUSE_WINDOW])
    tokens = _TOKEN.findall(text, after_comma, clause_end)
    return _nearest_right(tokens, 0)


def _nearest_left(tokens: list[str], stop: int) -> Tense | None:
    for index in range(stop - 1, -1, -1):
        if tense := _marker(tokens, index):
            return tense
    return None


def _nearest_right(tokens: list[str], first: int) -> Tense | None:
    for index in range(first, len(tokens)):
        if tense := _marker(tokens, index):
            return tense
    return None


@cache
def _key(token: str) -> str:
    return token.casefold().replace("’", "'")


_MAY_MARK = (
    verbs.FUTURE_WORDS
    | verbs.FUTURE_UNLESS_PERFECT
    | verbs.FUTURE_BEFORE_TO
    | verbs.SET_FOR
    | verbs.PAST_AUXILIARIES
    | verbs.PERFECT_AUXILIARIES
    | verbs.IRREGULAR_PAST
    | verbs.IRREGULAR_PARTICIPLES
    | verbs.AMBIGUOUS_PAST
    | verbs.PRESENT_VERBS
)
"""The words _marker can read a tense from, besides those in 'll and -ed."""


def _marker(tokens: list[str], index: int) -> Tense | None:
    """The tense the token at index marks, reading the words either side of it; None if none."""
    word = tokens[index]
    key = _key(word)
    if key not in _MAY_MARK and not key.endswith(("'ll", "ed")):
        return None  # most words: none of the rules below can apply
    before = _key(tokens[index - 1]) if index > 0 else ""
    after = _key(tokens[index + 1]) if index + 1 < len(tokens) else ""
    if key.endswith("'ll"):
        return Tense.FUTURE
    if key in verbs.FUTURE_WORDS:
        if key in ("may", "can") and not word.islower():
            return None
        if key == "due" and after == "to" and index + 2 < len(tokens):
            if _key(tokens[index + 2]) in verbs.DETERMINERS:
                return None  # "due to the storm": a cause
        return Tense.FUTURE
    if key in verbs.FUTURE_UNLESS_PERFECT:
        return None if after in ("have", "not", "n't") else Tense.FUTURE
    if after == "to" and key in verbs.FUTURE_BEFORE_TO:
        return Tense.FUTURE
    if after == "for" and key in verbs.SET_FOR:
        return Tense.FUTURE
    if key in verbs.PAST_AUXILIARIES:
        return Tense.PAST
    if key in verbs.PERFECT_AUXILIARIES and (after == "been" or _is_past_form(after)):
        return Tense.PAST
    if _is_past_form(key) and word[0].islower():
        if before in verbs.NOT_BEFORE_PAST:
            return None  # a passive, an adjective or a state: the word before decides
        return Tense.PAST
    if key in verbs.AMBIGUOUS_PAST and word[0].islower():
        if before in verbs.NOT_BEFORE_AMBIGUOUS_PAST:
            return None
        return Tense.PAST
    if key in verbs.PRESENT_VERBS and word[0].islower():
        if before in verbs.DETERMINERS or before in verbs.MODALS:
            return None
        return Tense.FUTURE
    return None


def _is_past_form(key: str) -> bool:
    if key in verbs.IRREGULAR_PAST or key in verbs.IRREGULAR_PARTICIPLES:
        return True
    if len(key) < 4 or not key.endswith("ed") or "-" in key or key in verbs.NOT_PAST:
        return False
    return not key.endswith("eed") or key in verbs.PAST_IN_EED


def distance(period: Period, reference: date) -> int:
    """Days between the reference and the period; 0 when the period contains it."""
    if period.lower > reference:
        return (period.lower - reference).days
    if period.upper < reference:
        return (reference - period.upper).days
    return 0


def choose_by_tense(
    candidates: Iterable[Period],
    *,
    reference: date,
    tense: Tense,
    default: Default = Default.NEAREST,
) -> Period | None:
    ordered = sorted(candidates, key=lambda period: period.lower)
    if tense is Tense.FUTURE:
        return next((p for p in ordered if p.upper >= reference), None)
    if tense is Tense.PAST or default is Default.LATEST:
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
