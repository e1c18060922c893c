"""What every rule works with: the text, its reference date, and the ways to resolve against it.

A rule's resolver gets a regex match and a ``Context``, and returns a ``Found`` (a span, an
EDTF value or None, and the reason for None) or None when the match is not a date after all.
The context turns "which occurrence" questions into values:

- ``relative(compute)``: a period computed from the reference ("yesterday", "next week");
- ``by_tense(candidates, ...)``: the occurrence the clause's tense points to ("on Tuesday");
- ``by_relation(candidates, ...)``: this/last/next ("last November").

Each gives None without a reference, and None when the answer falls outside 0001-9999.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from curation.temporal import periods
from curation.temporal.periods import Period
from curation.temporal.tense import (
    Default,
    Relation,
    Tense,
    choose_by_relation,
    choose_by_tense,
    tense_around,
)

NO_REFERENCE = "no publication date"
ANOTHER_DATE = "refers to another date"
OUTSIDE_CALENDAR = "outside 0001-9999"


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    value: str | None
    reason: str | None = None  # why value is None, when the rule knows better than the context


Candidates = Callable[[date], Iterable[Period]]


def folded(text: str) -> str:
    """The text with its ASCII letters in lowercase, of the same length (offsets stay valid): the
    anchor scan's input. The long s and the Kelvin sign fold as the regexes fold them ("ſunday"
    is Sunday). Other characters stay as they are: the anchors are ASCII, and no character's
    case changes whether it is a word character. (Lowering every character, as str.lower()
    does, takes several times longer on text that isn't ASCII, and "İ" would lower to two.)"""
    if text.isascii():
        return text.lower()
    # bytes.lower() lowers ASCII letters only, and UTF-8 keeps other characters out of ASCII
    lowered = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    return lowered.replace("ſ", "s").replace("\u212a", "k")


@dataclass(slots=True)
class Context:
    text: str
    reference: date | None
    lowered: str = ""
    # filled on first use by the rules that need it (the datelines of the text)
    cache: dict[str, object] = field(default_factory=dict)
    # the tense around each span asked about: a quotation's dates are resolved twice
    tenses: dict[tuple[int, int], Tense] = field(default_factory=dict)
    # set when a resolver asks for the reference: its value counts from it
    consulted: bool = False

    def relative(self, compute: Callable[[date], Period]) -> str | None:
        """compute(reference).value, or None without a reference or outside 0001-9999."""
        self.consulted = True
        if self.reference is None:
            return None
        try:
            return compute(self.reference).value
        except (ValueError, OverflowError):
            return None

    def by_tense(
        self,
        candidates: Candidates,
        *,
        start: int,
        end: int,
        default: Default = Default.NEAREST,
    ) -> str | None:
        self.consulted = True
        if self.reference is None:
            return None
        tense = self.tense_at(start=start, end=end)
        chosen = choose_by_tense(
            candidates(self.reference), reference=self.reference, tense=tense, default=default
        )
        return chosen.value if chosen else None

    def tense_at(self, *, start: int, end: int) -> Tense:
        tense = self.tenses.get((start, end))
        if tense is None:
            tense = self.tenses[start, end] = tense_around(self.text, start=start, end=end)
        return tense

    def nearest(self, candidates: Candidates) -> str | None:
        """The occurrence nearest the reference, whatever the tense around it."""
        self.consulted = True
        if self.reference is None:
            return None
        chosen = choose_by_tense(
            candidates(self.reference), reference=self.reference, tense=Tense.NONE
        )
        return chosen.value if chosen else None

    def by_relation(self, candidates: Candidates, *, relation: Relation) -> str | None:
        self.consulted = True
        if self.reference is None:
            return None
        chosen = choose_by_relation(
            candidates(self.reference), reference=self.reference, relation=relation
        )
        return chosen.value if chosen else None

    def preceded_by(self, pattern: re.Pattern[str], *, start: int) -> re.Match[str] | None:
        """pattern (which should end in \\Z) matched in the 32 characters before start."""
        return pattern.search(self.text, max(0, start - 32), start)

    def with_reference(self, reference: date) -> "Context":
        return Context(self.text, reference, self.lowered, self.cache, self.tenses)


def yearly(build: Callable[[int], Period]) -> Candidates:
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


def weekdays(weekday: int, *, build: Callable[[date], Period] = periods.single_day) -> Candidates:
    """That weekday in the week before the reference, its week, and the week after."""

    def candidates(reference: date) -> list[Period]:
        ahead = (weekday - reference.weekday()) % 7  # 0..6 days to the next such weekday
        built = []
        for offset in (ahead - 7, ahead, ahead + 7) if ahead == 0 else (ahead - 7, ahead):
            try:
                built.append(build(reference + timedelta(days=offset)))
            except (ValueError, OverflowError):
                continue
        return built

    return candidates


def absolute(build: Callable[[], Period]) -> str | None:
    """The value, or None when the expression names no real day ("31 June 2024")."""
    try:
        return build().value
    except (ValueError, OverflowError):
        return None


def found(match: re.Match[str], value: str | None) -> Found:
    return Found(match.start(), match.end(), value)


def found_absolute(match: re.Match[str], build: Callable[[], Period]) -> Found | None:
    value = absolute(build)
    return None if value is None else found(match, value)
