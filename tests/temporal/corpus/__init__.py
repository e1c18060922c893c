"""Sentences in the style of wire and newspaper copy, each with its publication date and the
date expressions a careful annotator marks in it. Written for this project; none is quoted.

Annotation conventions (the same as ``find_dates``'s):

- Mark every expression that names a calendar period (a day, week, weekend, month, season,
  quarter, half, year, decade, century, holiday), whether written out or relative to the
  publication date, and every expression that names a period relative to another date in the
  text ("the day before", "that year"), whose value is None.
- Not marked: durations ("for three years", "over the past week"), sets ("on Tuesdays"),
  vague words ("recently", "now", "soon", "in recent weeks"), times of day ("at 10 a.m."),
  names ("Black Friday", ABC's "This Week", "USA Today"), counts ("2,000 troops").
- The span leaves out prepositions, a leading "the", and "later"/"earlier" before "today" or
  "this week"; it keeps early/mid/late, about/around, this/last/next. A weekday in front of a
  full date ("Tuesday, 24 July 2024") is left out.
- The value is EDTF resolved against the publication date, or, inside a quotation attributed to
  an earlier day, against that day. "N years ago" is a year, approximate ("2009~").

A case's ``expected`` lists (span, value) in the order they occur.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Case:
    published: date | None
    text: str
    expected: tuple[tuple[str, str | None], ...]

    @property
    def id(self) -> str:
        return f"{self.published} {self.text[:60]}"


def case(published: str | None, text: str, *expected: tuple[str, str | None]) -> Case:
    return Case(date.fromisoformat(published) if published else None, text, tuple(expected))
