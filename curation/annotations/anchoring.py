"""Keeping annotations on their words when an article's body is corrected.

Pure Python, no Django. ``reanchor(old_body, new_body, spans)`` returns, for each stored
span (start, end, quote, prefix, suffix), where it now sits in the new body and the rule
that placed it, tried in this order:

1. **position**: the text at the old offsets still equals the quote, and the diff maps
   the span onto itself (nothing before it changed length). Kept, ok.
2. **diff**: the span lies wholly inside a region the diff between the bodies leaves
   unchanged; its offsets are mapped through the diff. Ok.
3. **quote**: the quote is found exactly elsewhere, with its stored prefix or suffix
   agreeing in full. Several such hits: the one whose context agrees more, then the one
   nearest where the diff puts the span. Ok.
4. **fuzzy**: near where the span was, the text most like the quote whose context is most
   like the stored prefix and suffix (rapidfuzz ratios, thresholds below, with curly and
   straight quotes, dashes and kinds of space read as the same). Placed, but
   "needs-check": a person confirms it.
5. **orphan**: none of these. The span keeps its quote and has no position.

The invariant: a span placed "ok" is on text equal to its quote, on the same occurrence
it was made on. A hit that, in the old body, was a *different* occurrence of the same
words (text the diff carries over unchanged from elsewhere) is never taken by rules 3
and 4; what can't be placed under this rule is flagged or orphaned, never moved.

The diff is ``textdiff.Diff``: paragraphs, then sentences, then words, so that a
50,000-character article is re-anchored in milliseconds.

Offsets are code points (Python ``str`` indices), end exclusive, as everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from curation.annotations.textdiff import TOKENS, Diff

# Rule 4's thresholds (0-100, rapidfuzz's scale): the quote must be this similar to the
# text found, and the prefix and suffix together this similar to the text around it.
FUZZY_QUOTE_MIN = 85.0
FUZZY_CONTEXT_MIN = 60.0
# How far around the span's place (in characters) rule 4 looks, beyond the quote's length.
FUZZY_REACH = 200
# Rule 4 weighs at most this many stretches of that reach, each at least this like the
# quote (rapidfuzz's partial_ratio: the best alignment of the quote's length).
FUZZY_CANDIDATES = 8
FUZZY_REGION_MIN = 70.0
# A text this much shorter or longer than the quote can't reach FUZZY_QUOTE_MIN:
# ratio = 2·matches / (len(a) + len(b)) and matches ≤ the shorter length.
_SHORTEST = FUZZY_QUOTE_MIN / (200 - FUZZY_QUOTE_MIN)
_LONGEST = (200 - FUZZY_QUOTE_MIN) / FUZZY_QUOTE_MIN

# Rule 4 compares text with typographic variants read as their plain forms (curly quotes,
# dashes, no-break and other spaces, line breaks), one character for one, so that offsets
# in the folded text are offsets in the text. Rules 1 to 3 compare text exactly.
_FOLDED = {
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys(
        "\t\n\r\x0b\x0c\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        "\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
        " ",
    ),
}
_FOLDABLE = re.compile("[" + re.escape("".join(_FOLDED)) + "]")


def _fold(text: str) -> str:
    # A regex is many times faster than str.translate on text that is not all ASCII.
    return _FOLDABLE.sub(lambda match: _FOLDED[match.group()], text)


class Rule(StrEnum):
    POSITION = "position"
    DIFF = "diff"
    QUOTE = "quote"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


class Status(StrEnum):
    OK = "ok"
    NEEDS_CHECK = "needs-check"
    ORPHAN = "orphan"


STATUS_OF = {
    Rule.POSITION: Status.OK,
    Rule.DIFF: Status.OK,
    Rule.QUOTE: Status.OK,
    Rule.FUZZY: Status.NEEDS_CHECK,
    Rule.ORPHAN: Status.ORPHAN,
}


@dataclass(frozen=True, slots=True)
class Span:
    key: Hashable
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class Placement:
    key: Hashable
    rule: Rule
    start: int | None
    end: int | None
    quote: str  # the text now at [start, end); the old quote for an orphan

    @property
    def status(self) -> Status:
        return STATUS_OF[self.rule]


# --- placing each span --------------------------------------------------------------


def reanchor(old_body: str, new_body: str, spans: Iterable[Span]) -> list[Placement]:
    diff = Diff(old_body, new_body)
    folded = _fold(new_body)
    return [_place(span, new_body, folded, diff) for span in spans]


def _place(span: Span, new: str, folded: str, diff: Diff) -> Placement:
    block = diff.block_holding(span.start, span.end)
    if block is not None:
        start = block.new + (span.start - block.old)
        end = start + (span.end - span.start)
        if new[start:end] == span.quote:
            rule = Rule.POSITION if start == span.start else Rule.DIFF
            return Placement(span.key, rule, start, end, span.quote)
    expected = diff.map_old(span.start)
    if (found := _quote_elsewhere(span, new, diff, expected)) is not None:
        return Placement(span.key, Rule.QUOTE, found, found + len(span.quote), span.quote)
    if (near := _fuzzy(span, folded, diff, expected)) is not None:
        return Placement(span.key, Rule.FUZZY, near[0], near[1], new[near[0] : near[1]])
    return Placement(span.key, Rule.ORPHAN, None, None, span.quote)


def _another_occurrence(span: Span, diff: Diff, start: int, end: int) -> bool:
    """Whether new [start, end) is text the diff carries over from a different place in
    the old body where the same words stood: another occurrence, not ours."""
    came_from = diff.old_of_new(start, end)
    return came_from is not None and came_from != span.start


def _context_agreement(span: Span, new: str, start: int, end: int) -> int:
    prefix_ok = bool(span.prefix) and new[max(0, start - len(span.prefix)) : start] == span.prefix
    suffix_ok = bool(span.suffix) and new[end : end + len(span.suffix)] == span.suffix
    return int(prefix_ok) + int(suffix_ok)


def _quote_elsewhere(span: Span, new: str, diff: Diff, expected: int) -> int | None:
    if not span.quote:
        return None
    hits = []
    at = new.find(span.quote)
    while at != -1:
        end = at + len(span.quote)
        agreement = _context_agreement(span, new, at, end)
        if agreement and not _another_occurrence(span, diff, at, end):
            hits.append((-agreement, abs(at - expected), at))
        at = new.find(span.quote, at + 1)
    return min(hits)[2] if hits else None


def _fuzzy(span: Span, folded: str, diff: Diff, expected: int) -> tuple[int, int] | None:
    """The best candidate near ``expected`` whose quote and context both pass, if any,
    compared in ``folded`` (the new body through ``_fold``). Candidates that were another
    occurrence in the old body are never taken."""
    quote = _fold(span.quote)
    if not quote.strip():
        return None
    reach = FUZZY_REACH + len(quote)
    low, high = max(0, expected - reach), min(len(folded), expected + reach)
    bounds = _Bounds(folded, low, high)
    best = None
    for region in _likely_regions(quote, folded, low, high):
        fitted = bounds.fitted(quote, *region)
        if fitted is None or _another_occurrence(span, diff, *fitted):
            continue
        start, end = fitted
        quote_score = fuzz.ratio(quote, folded[start:end])
        context_score = _context_score(span, folded, start, end)
        if quote_score < FUZZY_QUOTE_MIN or context_score < FUZZY_CONTEXT_MIN:
            continue
        rank = (quote_score + context_score, -abs(start - expected))
        if best is None or rank > best[0]:
            best = (rank, start, end)
    return None if best is None else best[1:]


def _likely_regions(quote: str, text: str, low: int, high: int) -> list[tuple[int, int]]:
    """Up to ``FUZZY_CANDIDATES`` stretches of ``text[low:high]`` most like the quote, each
    found by rapidfuzz's best alignment in what the earlier ones left."""
    regions: list[tuple[int, int]] = []
    pending = [(low, high)]
    while pending and len(regions) < FUZZY_CANDIDATES:
        window_start, window_end = pending.pop()
        if window_end - window_start < len(quote):
            continue
        found = fuzz.partial_ratio_alignment(
            quote, text[window_start:window_end], score_cutoff=FUZZY_REGION_MIN
        )
        if found is None:
            continue
        start, end = window_start + found.dest_start, window_start + found.dest_end
        regions.append((start, end))
        pending += [(window_start, start), (end, window_end)]
    return regions


class _Bounds:
    """Where words and punctuation start and end in ``text[low:high]``: the places a fuzzy
    candidate may start or end (never inside a word, never on a space)."""

    def __init__(self, text: str, low: int, high: int) -> None:
        self.text = text
        tokens = [
            match
            for match in TOKENS.finditer(text, low, high)
            if not match.group().isspace()
            and not _cut(text, match.start())
            and not _cut(text, match.end())
        ]
        self.starts = [m.start() for m in tokens]
        self.ends = [m.end() for m in tokens]

    def fitted(self, quote: str, start: int, end: int) -> tuple[int, int] | None:
        """Bounds near [start, end) on word edges that make the text most like the quote:
        the best end for the start, then the best start for that end, until they settle."""
        if not self.starts:
            return None
        bounds = (
            min(self.starts, key=lambda at: abs(at - start)),
            min(self.ends, key=lambda at: abs(at - end)),
        )
        for _ in range(4):
            start, end = bounds
            moved_end = self._best(quote, bounds, [(start, at) for at in self.ends])
            if moved_end is None:
                return None
            bounds = self._best(quote, moved_end, [(at, moved_end[1]) for at in self.starts])
            if bounds is None:
                return None
            if bounds == (start, end):
                break
        return bounds

    def _best(self, quote: str, near: tuple[int, int], candidates: list[tuple[int, int]]):
        """The candidate most like the quote; of equals, the nearest to ``near``."""
        shortest, longest = len(quote) * _SHORTEST, len(quote) * _LONGEST
        scored = [
            (
                fuzz.ratio(quote, self.text[start:end]),
                -abs(start - near[0]) - abs(end - near[1]),
                (start, end),
            )
            for start, end in candidates
            if shortest <= end - start <= longest
        ]
        return max(scored)[2] if scored else None


def _cut(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a word (the window's edge cut it)."""
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _context_score(span: Span, folded: str, start: int, end: int) -> float:
    """How like the stored prefix and suffix the text around a fuzzy candidate is."""
    scores = []
    if span.prefix:
        before = folded[max(0, start - len(span.prefix)) : start]
        scores.append(fuzz.ratio(_fold(span.prefix), before))
    if span.suffix:
        scores.append(fuzz.ratio(_fold(span.suffix), folded[end : end + len(span.suffix)]))
    return sum(scores) / len(scores) if scores else 100.0


def placements_by_key(placements: Sequence[Placement]) -> dict[Hashable, Placement]:
    return {placement.key: placement for placement in placements}
