"""Which events report the same happening: the desk's merge suggestions, and why.

Pure Python: the views load events and entries as ``Candidate``s, and this module
decides. Two candidates match when all three hold:

1. the same type, or types with the same top-level category (REJECT › meeting
   cancelled and REJECT);
2. date bounds that overlap (two single days may be one day apart: outlets date a late
   event by its local day);
3. at least one shared participant or place.

Matches are ranked: the same type before a shared category, more shared participants,
then dates that agree more closely. Each carries its reasons in words, and a pair a
curator called "not the same" is never suggested again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

# Two single-day dates this far apart still count as overlapping.
DAY_TOLERANCE = 1


@dataclass(frozen=True)
class Candidate:
    """An approved event, or an entry (its events together), as matching sees it."""

    key: str  # "event-12" or "entry-3"
    type_id: int
    category_id: int  # the top-level type: the parent's id, or the type's own
    type_label: str  # "REJECT › meeting cancelled or postponed"
    lower: date | None
    upper: date | None
    date_label: str  # "20 June 2024", "week of 17 June 2024"
    participants: dict[int, str] = field(default_factory=dict)  # entity id -> name
    event_ids: frozenset[int] = frozenset()

    @property
    def single_day(self) -> bool:
        return self.lower is not None and self.lower == self.upper


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float
    reasons: tuple[str, ...]

    @property
    def why(self) -> str:
        return "; ".join(self.reasons)


def bounds_agree(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """Whether two date spans (lower, upper) can describe one happening: they overlap,
    or they are single days at most DAY_TOLERANCE apart."""
    if a[0] == a[1] and b[0] == b[1]:
        return abs((a[0] - b[0]).days) <= DAY_TOLERANCE
    return a[0] <= b[1] and b[0] <= a[1]


def dates_overlap(a: Candidate, b: Candidate) -> bool:
    if None in (a.lower, a.upper, b.lower, b.upper):
        return False
    return bounds_agree((a.lower, a.upper), (b.lower, b.upper))


def _date_agreement(a: Candidate, b: Candidate) -> float:
    """1.0 for the same bounds, less as the days they share become a smaller part of the
    days either covers (a day against a week: 1/7)."""
    shared = (min(a.upper, b.upper) - max(a.lower, b.lower)).days + 1
    covered = (max(a.upper, b.upper) - min(a.lower, b.lower)).days + 1
    return max(shared, 0) / covered


def match(event: Candidate, other: Candidate) -> Match | None:
    """Whether ``other`` reports the same happening as ``event``, and why."""
    if event.type_id == other.type_id:
        type_score, type_reason = 2, f"same type {event.type_label}"
    elif event.category_id == other.category_id:
        type_score = 1
        type_reason = f"related types {event.type_label} / {other.type_label}"
    else:
        return None
    if not dates_overlap(event, other):
        return None
    shared = sorted(set(event.participants) & set(other.participants))
    if not shared:
        return None
    if event.date_label == other.date_label:
        date_reason = f"same date {event.date_label}"
    else:
        date_reason = f"dates {event.date_label} / {other.date_label} overlap"
    names = ", ".join(sorted(event.participants[entity] for entity in shared))
    return Match(
        candidate=other,
        score=10 * type_score + 3 * len(shared) + 2 * _date_agreement(event, other),
        reasons=(type_reason, date_reason, f"shared: {names}"),
    )


def suggestions(
    event: Candidate,
    others: Iterable[Candidate],
    *,
    not_same: set[frozenset[int]] = frozenset(),
    limit: int = 5,
) -> list[Match]:
    """The best matches for ``event`` among ``others``, best first. A candidate is left
    out if a curator said any of its events is not the same as any of ``event``'s."""
    found = []
    for other in others:
        if other.key == event.key or event.event_ids & other.event_ids:
            continue
        if any(frozenset((a, b)) in not_same for a in event.event_ids for b in other.event_ids):
            continue
        if (found_match := match(event, other)) is not None:
            found.append(found_match)
    found.sort(key=lambda m: (-m.score, m.candidate.lower or date.max, m.candidate.key))
    return found[:limit]
