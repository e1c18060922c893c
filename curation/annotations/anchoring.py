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
4. **fuzzy**: near where the span was, text similar to the quote with similar context
   (rapidfuzz scores, thresholds below). Placed, but "needs-check": a person confirms it.
5. **orphan**: none of these. The span keeps its quote and has no position.

The invariant: a span placed "ok" is on text equal to its quote, on the same occurrence
it was made on. A hit that, in the old body, was a *different* occurrence of the same
words (text the diff carries over unchanged from elsewhere) is never taken by rules 3
and 4; what can't be placed under this rule is flagged or orphaned, never moved.

The diff works in two steps so that a 50,000-character article is re-anchored in
milliseconds: paragraphs are matched first (difflib over whole paragraphs), then the
words inside the paragraphs that changed.

Offsets are code points (Python ``str`` indices), end exclusive, as everywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from rapidfuzz import fuzz

# Rule 4's thresholds (0-100, rapidfuzz's scale): the quote must be this similar to the
# text found, and the prefix and suffix together this similar to the text around it.
FUZZY_QUOTE_MIN = 85.0
FUZZY_CONTEXT_MIN = 60.0
# How far around the span's place (in characters) rule 4 looks, beyond the quote's length.
FUZZY_REACH = 200

_PARAGRAPHS = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*|\n+")
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


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


# --- the diff: which stretches of the old body survive unchanged, and where ---------


@dataclass(frozen=True, slots=True)
class Block:
    """``length`` characters at ``old`` in the old body equal those at ``new``."""

    old: int
    new: int
    length: int


class Diff:
    def __init__(self, old: str, new: str) -> None:
        self.blocks = _equal_blocks(old, new)
        self._old_starts = [block.old for block in self.blocks]
        self._new_starts = sorted(block.new for block in self.blocks)
        self._by_new = sorted(self.blocks, key=lambda block: block.new)

    def block_holding(self, start: int, end: int) -> Block | None:
        """The unchanged stretch of the old body holding all of [start, end)."""
        index = bisect_right(self._old_starts, start) - 1
        if index >= 0:
            block = self.blocks[index]
            if block.old <= start and end <= block.old + block.length:
                return block
        return None

    def map_old(self, offset: int) -> int:
        """Where an old offset lands in the new body: exactly inside an unchanged
        stretch, else at the end of the stretch before it."""
        index = bisect_right(self._old_starts, offset) - 1
        if index < 0:
            return 0
        block = self.blocks[index]
        return block.new + min(offset - block.old, block.length)

    def old_of_new(self, start: int, end: int) -> int | None:
        """Where new [start, end) came from, if the diff carries it over unchanged."""
        index = bisect_right(self._new_starts, start) - 1
        if index >= 0:
            block = self._by_new[index]
            if block.new <= start and end <= block.new + block.length:
                return block.old + (start - block.new)
        return None


def _pieces(text: str, pattern: re.Pattern) -> tuple[list[str], list[int]]:
    pieces, starts = [], []
    for match in pattern.finditer(text):
        pieces.append(match.group())
        starts.append(match.start())
    return pieces, starts


def _equal_blocks(old: str, new: str) -> list[Block]:
    """Matching stretches, paragraphs first, then words within changed paragraphs."""
    old_paras, old_at = _pieces(old, _PARAGRAPHS)
    new_paras, new_at = _pieces(new, _PARAGRAPHS)
    blocks: list[Block] = []
    matcher = SequenceMatcher(None, old_paras, new_paras, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                blocks.append(
                    Block(old_at[i1 + offset], new_at[j1 + offset], len(old_paras[i1 + offset]))
                )
        elif tag == "replace":
            old_start = old_at[i1]
            old_end = old_at[i2 - 1] + len(old_paras[i2 - 1])
            new_start = new_at[j1]
            new_end = new_at[j2 - 1] + len(new_paras[j2 - 1])
            blocks += _word_blocks(
                old[old_start:old_end], new[new_start:new_end], old_start, new_start
            )
    return _merged(blocks)


def _word_blocks(old: str, new: str, old_base: int, new_base: int) -> list[Block]:
    old_words, old_at = _pieces(old, _TOKENS)
    new_words, new_at = _pieces(new, _TOKENS)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    blocks = []
    for i, j, size in matcher.get_matching_blocks():
        if size:
            end = old_at[i + size - 1] + len(old_words[i + size - 1])
            blocks.append(Block(old_base + old_at[i], new_base + new_at[j], end - old_at[i]))
    return blocks


def _merged(blocks: list[Block]) -> list[Block]:
    """Adjacent stretches joined, so that a span across two equal paragraphs maps."""
    merged: list[Block] = []
    for block in sorted(blocks, key=lambda b: b.old):
        last = merged[-1] if merged else None
        if last and last.old + last.length == block.old and last.new + last.length == block.new:
            merged[-1] = Block(last.old, last.new, last.length + block.length)
        else:
            merged.append(block)
    return merged


# --- placing each span --------------------------------------------------------------


def reanchor(old_body: str, new_body: str, spans: Iterable[Span]) -> list[Placement]:
    diff = Diff(old_body, new_body)
    return [_place(span, old_body, new_body, diff) for span in spans]


def _place(span: Span, old: str, new: str, diff: Diff) -> Placement:
    block = diff.block_holding(span.start, span.end)
    if block is not None:
        start = block.new + (span.start - block.old)
        end = start + (span.end - span.start)
        if new[start:end] == span.quote:
            rule = Rule.POSITION if start == span.start else Rule.DIFF
            return Placement(span.key, rule, start, end, span.quote)
    expected = diff.map_old(span.start)
    if (found := _quote_elsewhere(span, old, new, diff, expected)) is not None:
        return Placement(span.key, Rule.QUOTE, found, found + len(span.quote), span.quote)
    if (near := _fuzzy(span, old, new, diff, expected)) is not None:
        return Placement(span.key, Rule.FUZZY, near[0], near[1], new[near[0] : near[1]])
    return Placement(span.key, Rule.ORPHAN, None, None, span.quote)


def _another_occurrence(span: Span, old: str, diff: Diff, start: int, end: int) -> bool:
    """Whether new [start, end) is text the diff carries over from a different place in
    the old body where the same words stood: another occurrence, not ours."""
    came_from = diff.old_of_new(start, end)
    return came_from is not None and came_from != span.start


def _context_agreement(span: Span, new: str, start: int, end: int) -> int:
    prefix_ok = bool(span.prefix) and new[max(0, start - len(span.prefix)) : start] == span.prefix
    suffix_ok = bool(span.suffix) and new[end : end + len(span.suffix)] == span.suffix
    return int(prefix_ok) + int(suffix_ok)


def _quote_elsewhere(span: Span, old: str, new: str, diff: Diff, expected: int) -> int | None:
    if not span.quote:
        return None
    hits = []
    at = new.find(span.quote)
    while at != -1:
        end = at + len(span.quote)
        agreement = _context_agreement(span, new, at, end)
        if agreement and not _another_occurrence(span, old, diff, at, end):
            hits.append((-agreement, abs(at - expected), at))
        at = new.find(span.quote, at + 1)
    return min(hits)[2] if hits else None


def _fuzzy(span: Span, old: str, new: str, diff: Diff, expected: int) -> tuple[int, int] | None:
    if not span.quote.strip():
        return None
    reach = FUZZY_REACH + len(span.quote)
    low, high = max(0, expected - reach), min(len(new), expected + reach)
    found = fuzz.partial_ratio_alignment(span.quote, new[low:high], score_cutoff=FUZZY_QUOTE_MIN)
    if found is None:
        return None
    start, end = low + found.dest_start, low + found.dest_end
    start, end = _whole_words(new, start, end)
    if start >= end or _another_occurrence(span, old, diff, start, end):
        return None
    if fuzz.ratio(span.quote, new[start:end]) < FUZZY_QUOTE_MIN:
        return None
    context = _context_score(span, new, start, end)
    return (start, end) if context >= FUZZY_CONTEXT_MIN else None


def _context_score(span: Span, new: str, start: int, end: int) -> float:
    """How similar the text around a fuzzy hit is to the stored prefix and suffix."""
    scores = []
    if span.prefix:
        scores.append(fuzz.ratio(span.prefix, new[max(0, start - len(span.prefix)) : start]))
    if span.suffix:
        scores.append(fuzz.ratio(span.suffix, new[end : end + len(span.suffix)]))
    return sum(scores) / len(scores) if scores else 100.0


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces at the ends and widen a cut word to the whole word."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def placements_by_key(placements: Sequence[Placement]) -> dict[Hashable, Placement]:
    return {placement.key: placement for placement in placements}
