"""The ends of a period: "the end of the year", "year-end", "the start of 2024", "end-June".

- The beginning (or start), middle and end of a year are January-February, May-August and
  November-December; of a month, days 1-10, 11-20 and 21 to the end; of a week, Monday-
  Tuesday, Tuesday-Thursday and Thursday-Sunday (see ``periods``). A range, never a day.
- "the end of the year/month/week" is the one the tense points to, and without a tense cue the
  current one ("by the end of the year" looks ahead; "at the end of the year" in March is this
  year's); "the end of this/last/next year" goes by the reference;
  "the end of 2024", "end-2024", "year-end 2024" are absolute; "the end of June" is a month
  without a year.
- "year-end" and "month-end" alone are dates after a preposition ("by year-end"), not as
  adjectives ("year-end bonuses"), and not after "fiscal".
"""

import re
from collections.abc import Callable
from datetime import date, timedelta

from curation.temporal import periods
from curation.temporal.context import Candidates, Context, Found, found, found_absolute, yearly
from curation.temporal.lexicon import MONTH_FULL, fold, month_number
from curation.temporal.periods import EDGES, Edge, Period
from curation.temporal.rules.base import FISCAL_BEFORE, Rule, year
from curation.temporal.tense import Default, Tense

_EDGE = re.compile(
    r"(?P<edge>end|beginning|start|middle)\s+of\s+(?:"
    r"(?P<relation>the|this|last|next)\s+(?P<unit>year|month|week)\b"
    rf"|{year()}"
    rf"|(?P<month>{MONTH_FULL})\b(?:,?\s+{year('month_year')})?)",
    re.IGNORECASE,
)
_END_HYPHEN = re.compile(
    rf"(?P<edge>end)-(?:{year()}|(?P<month>{MONTH_FULL})\b(?:\s+{year('month_year')})?)",
    re.IGNORECASE,
)
_UNIT_END = re.compile(rf"(?P<unit>year|month)[-\s]end\b(?:\s+{year()})?", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:by|at|before|after|until|till|toward|towards|around|from|since|for|through|near)"
    r"\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_RELATION_OFFSETS = {"this": 0, "last": -1, "next": 1}


def _monthly(build: Callable[[int, int], Period]) -> Candidates:
    def candidates(reference: date) -> list[Period]:
        built = []
        for by in range(-13, 14):
            year_, month = periods.shift_month(year=reference.year, month=reference.month, by=by)
            try:
                built.append(build(year_, month))
            except (ValueError, OverflowError):
                continue
        return built

    return candidates


def _weekly(build: Callable[[date], Period]) -> Candidates:
    def candidates(reference: date) -> list[Period]:
        built = []
        for weeks in range(-2, 3):
            try:
                built.append(build(reference + timedelta(weeks=weeks)))
            except (ValueError, OverflowError):
                continue
        return built

    return candidates


def _edge(match: re.Match[str], context: Context) -> Found | None:
    """'the end of the year', 'the start of next month', 'the end of 2024', 'end of June'."""
    edge = EDGES[fold(match["edge"])]
    if match.groupdict().get("unit") is not None:
        return _edge_of_unit(match, context, edge=edge)
    if match["year"]:
        return found_absolute(
            match, lambda: periods.edge_of_year(year=int(match["year"]), edge=edge)
        )
    month = month_number(match["month"])
    if month is None:
        return None

    def build(in_year: int) -> Period:
        return periods.edge_of_month(year=in_year, month=month, edge=edge)

    if match["month_year"]:
        return found_absolute(match, lambda: build(int(match["month_year"])))
    value = context.by_tense(
        yearly(build), start=match.start(), end=match.end(), default=Default.LATEST
    )
    return found(match, value)


def _edge_of_unit(match: re.Match[str], context: Context, *, edge: Edge) -> Found | None:
    unit, relation = fold(match["unit"]), fold(match["relation"])
    candidates: Candidates
    if unit == "year":
        candidates = yearly(lambda in_year: periods.edge_of_year(year=in_year, edge=edge))
    elif unit == "month":
        candidates = _monthly(
            lambda in_year, month: periods.edge_of_month(year=in_year, month=month, edge=edge)
        )
    else:
        candidates = _weekly(lambda day: periods.edge_of_week(day, edge=edge))
    if relation == "the" and context.tense_at(start=match.start(), end=match.end()) is not (
        Tense.NONE
    ):
        return found(match, context.by_tense(candidates, start=match.start(), end=match.end()))
    offset = _RELATION_OFFSETS.get(relation, 0)  # without a tense, "the year" is this year

    def compute(reference: date) -> Period:
        if unit == "year":
            return periods.edge_of_year(year=reference.year + offset, edge=edge)
        if unit == "month":
            year_, month = periods.shift_month(
                year=reference.year, month=reference.month, by=offset
            )
            return periods.edge_of_month(year=year_, month=month, edge=edge)
        return periods.edge_of_week(reference + timedelta(weeks=offset), edge=edge)

    return found(match, context.relative(compute))


def _unit_end(match: re.Match[str], context: Context) -> Found | None:
    """'by year-end', 'year-end 2023', 'at month-end'."""
    unit = fold(match["unit"])
    if unit == "year" and match["year"]:
        return found_absolute(
            match, lambda: periods.edge_of_year(year=int(match["year"]), edge="end")
        )
    start = match.start()
    if not context.preceded_by(_PREPOSITION_BEFORE, start=start) or context.preceded_by(
        FISCAL_BEFORE, start=start
    ):
        return None
    end = match.end("unit") + 4

    def this_one(reference: date) -> Period:
        if unit == "year":
            return periods.edge_of_year(year=reference.year, edge="end")
        return periods.edge_of_month(year=reference.year, month=reference.month, edge="end")

    if context.tense_at(start=start, end=end) is Tense.NONE:
        return Found(start, end, context.relative(this_one))
    candidates: Candidates
    if unit == "year":
        candidates = yearly(lambda in_year: periods.edge_of_year(year=in_year, edge="end"))
    else:
        candidates = _monthly(
            lambda in_year, month: periods.edge_of_month(year=in_year, month=month, edge="end")
        )
    return Found(start, end, context.by_tense(candidates, start=start, end=end))


RULES = (
    Rule("edge of", ("end", "beginning", "start", "middle"), _EDGE, _edge, needs=(" of ",)),
    Rule("end-June", ("end",), _END_HYPHEN, _edge, needs=("end-",)),
    Rule("year-end", ("year", "month"), _UNIT_END, _unit_end, needs=("end",)),
)
