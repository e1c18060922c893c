"""Seasons, quarters and halves of a year: "summer 2023", "Q3 2024", "the third quarter".

- "summer 2023", "summer of 2023" -> 2023-22; "winter 2023-24" -> 2023-24; "in the summer" by
  tense. "fall" needs a year ("the fall of Kabul"); "the Arab Spring" is a name.
- "Q3 2024", "the third quarter of 2024" -> 2024-35 (33-36: Q1-Q4); "H1 2024", "the first half
  of 2024" -> 2024-40 (41: the second half); "of this/last/next year" too, and "of the year":
  the year the tense points to, else this one.
- "the third quarter" without a year: a quarter of the year the tense points to, and without a
  tense cue the latest one that starts on or before the reference ("profits fell in the third
  quarter"). Not in a sports report ("scored in the fourth quarter"), nor "the last quarter"
  (the one before this), nor "Q3" alone (often a fiscal quarter). A half needs its year ("in
  the first half, they scored twice" is a match).
- Quarters and halves are calendar ones: after "fiscal" or "financial" they are not reported.
"""

import re

from curation.temporal import periods
from curation.temporal.context import (
    Candidates,
    Context,
    Found,
    found,
    found_absolute,
    yearly,
)
from curation.temporal.lexicon import (
    HALF_ORDINAL,
    HALF_ORDINALS,
    QUARTER_ORDINAL,
    QUARTER_ORDINALS,
    SEASON,
    SEASONS,
    fold,
)
from curation.temporal.periods import Period
from curation.temporal.rules.base import (
    DIGITS,
    FISCAL_BEFORE,
    PREPOSITIONS,
    RELATION_BEFORE,
    YEAR_END,
    Rule,
    approximated,
    year,
)
from curation.temporal.tense import Default, Tense

_SEASON_FIRST = re.compile(
    rf"(?P<season>{SEASON})\b(?:(?:\s+of)?\s+"
    rf"(?P<year>[12][0-9]{{3}})(?:[-–/](?P<year2>[0-9]{{4}}|[0-9]{{2}}))?{YEAR_END})?",
    re.IGNORECASE,
)
_GROUPING_FIRST = re.compile(
    r"(?:Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])"
    rf"|(?P<quarter_ordinal>{QUARTER_ORDINAL})[\s-]+quarter"
    rf"|(?P<half_ordinal>{HALF_ORDINAL})\s+half"
    rf")(?:(?:,?\s+|\s+of\s+){year()}"
    r"|\s+of\s+(?:(?P<relation>the|this|last|next)\s+)?(?P<unit>year)\b)?",
    re.IGNORECASE,
)
_SEASON_PREPOSITION_BEFORE = re.compile(
    rf"\b(?:{PREPOSITIONS}|over)\s+(?:the\s+)?\Z", re.IGNORECASE
)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_SPORTS = re.compile(
    r"\b(?:scored|scoring|touchdowns?|goals?|baskets?|field goals?|innings|halftime|"
    r"half-time|overtime|quarterback|play-?offs?|minutes? (?:left|remaining)|"
    r"points? (?:behind|ahead))\b",
    re.IGNORECASE,
)
_RELATION_OFFSETS = {"this": 0, "last": -1, "next": 1}


def _season_first(match: re.Match[str], context: Context) -> Found | None:
    """'summer 2023', 'winter 2023-24'; 'in the summer' by tense."""
    code = SEASONS.get(fold(match["season"]))
    if code is None or context.preceded_by(RELATION_BEFORE, start=match.start()):
        return None
    if match["year"]:
        year_ = int(match["year"])
        if match["year2"] and not _is_next_year(match["year2"], year=year_, code=code):
            return None
        result = found_absolute(match, lambda: periods.season(year=year_, code=code))
        return None if result is None else approximated(context, result)
    if fold(match["season"]) == "fall" or _OF_AFTER.match(context.text, match.end()):
        return None
    if not context.preceded_by(_SEASON_PREPOSITION_BEFORE, start=match.start()):
        return None
    candidates = yearly(lambda year_: periods.season(year=year_, code=code))
    return found(match, context.by_tense(candidates, start=match.start(), end=match.end()))


def _is_next_year(written: str, *, year: int, code: int) -> bool:
    """'winter 2023-24' and 'winter 2023/2024' name one winter; other seasons span no years."""
    expected = str(year + 1) if len(written) == 4 else f"{(year + 1) % 100:02d}"
    return code == 24 and written == expected


def _grouping_first(match: re.Match[str], context: Context) -> Found | None:
    """'Q3 2024', 'the third quarter (of 2024)', 'H1 2024', 'the first half of the year'."""
    if context.preceded_by(FISCAL_BEFORE, start=match.start()):
        return None
    is_quarter = bool(match["quarter"] or match["quarter_ordinal"])
    if is_quarter:
        number = int(match["quarter"] or QUARTER_ORDINALS[fold(match["quarter_ordinal"])])
    else:
        number = int(match["half"] or HALF_ORDINALS[fold(match["half_ordinal"])])

    def build(in_year: int) -> Period:
        if is_quarter:
            return periods.quarter(year=in_year, number=number)
        return periods.half(year=in_year, number=number)

    if match["year"]:
        result = found_absolute(match, lambda: build(int(match["year"])))
        return None if result is None else approximated(context, result)
    relation = fold(match["relation"] or "")
    if relation == "the":  # "of the year": the one the tense points to, else this one
        tense = context.tense_at(start=match.start(), end=match.end())
        if tense is not Tense.NONE:
            value = context.by_tense(yearly(build), start=match.start(), end=match.end())
            return found(match, value)
    if relation in _RELATION_OFFSETS or relation == "the":
        offset = _RELATION_OFFSETS.get(relation, 0)
        return found(match, context.relative(lambda reference: build(reference.year + offset)))
    return _quarter_without_a_year(match, context, build=yearly(build))


def _quarter_without_a_year(
    match: re.Match[str], context: Context, *, build: Candidates
) -> Found | None:
    ordinal = match["quarter_ordinal"]
    if ordinal is None or fold(ordinal) in ("last", "final"):
        return None  # "Q3" alone, a half alone, "the last quarter"
    sentence_start = max(context.text.rfind(".", 0, match.start()), match.start() - 200)
    sentence_end = context.text.find(".", match.end())
    sentence_end = len(context.text) if sentence_end < 0 else min(sentence_end, match.end() + 200)
    if _SPORTS.search(context.text, max(0, sentence_start), sentence_end):
        return None
    value = context.by_tense(build, start=match.start(), end=match.end(), default=Default.LATEST)
    return found(match, value)


_QUARTER_ANCHORS = (
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    *sorted({fold(w) for w in (*QUARTER_ORDINALS, *HALF_ORDINALS) if not w[0].isdigit()}),
)

RULES = (
    Rule("season", tuple(SEASONS), _SEASON_FIRST, _season_first),
    Rule(
        "quarter half",
        (*_QUARTER_ANCHORS, DIGITS),
        _GROUPING_FIRST,
        _grouping_first,
        needs=("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2"),
    ),
)
