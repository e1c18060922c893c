"""Which stretches of a text survive unchanged in its corrected version, and where they
are now. Pure Python, no Django; ``anchoring`` maps stored spans through it.

The diff works in three steps so that a 50,000-character article is diffed in
milliseconds: paragraphs are matched first (difflib over whole paragraphs), then the
sentences inside the paragraphs that changed, then the words inside the sentences that
changed. Changes apart only by a paragraph break are diffed together, so that text moved
across the break by joining or splitting paragraphs is found again.

Offsets are code points (Python ``str`` indices), end exclusive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

_PARAGRAPHS = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*|\n+")
# A sentence runs to its closing . ! or ? (with the quotes or brackets after it) or to a
# line break; the spaces between sentences are pieces of their own. The pieces of each
# pattern cover the whole text.
_SENTENCES = re.compile(r"\s+|[^.!?\n]*[.!?]+[\"'”’)\]]*|[^.!?\n]+")
# Words, runs of space, and single other characters.
TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
_LEVELS = (_PARAGRAPHS, _SENTENCES, TOKENS)
_WORD = re.compile(r"\w")


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
    return _merged(_blocks(old, new, 0, 0, level=0))


def _blocks(old: str, new: str, old_base: int, new_base: int, *, level: int) -> list[Block]:
    """The stretches of ``old`` and ``new`` that match, cut into the pieces of ``level``
    (paragraphs, sentences, words): pieces that match whole are blocks; what changed
    between them is matched again at the next level."""
    old_parts, old_at = _pieces(old, _LEVELS[level])
    new_parts, new_at = _pieces(new, _LEVELS[level])
    finest = level == len(_LEVELS) - 1
    blocks = []
    for equal, i1, i2, j1, j2 in _runs(old_parts, new_parts, coarse=not finest):
        if i1 == i2 or j1 == j2 or (finest and not equal):
            continue
        old_start, old_end = old_at[i1], old_at[i2 - 1] + len(old_parts[i2 - 1])
        new_start, new_end = new_at[j1], new_at[j2 - 1] + len(new_parts[j2 - 1])
        if equal:
            blocks.append(Block(old_base + old_start, new_base + new_start, old_end - old_start))
        else:
            blocks += _blocks(
                old[old_start:old_end],
                new[new_start:new_end],
                old_base + old_start,
                new_base + new_start,
                level=level + 1,
            )
    return blocks


def _runs(old: list[str], new: list[str], *, coarse: bool) -> list[tuple]:
    """(equal, i1, i2, j1, j2): the runs of equal pieces and the changes between them,
    like difflib's opcodes. The common head and tail are taken first, which keeps one
    edit in a long text cheap. For ``coarse`` pieces (paragraphs, sentences), changes
    apart only by whitespace (a paragraph break) are one change: joining or splitting a
    paragraph moves text across the break, and only a diff of the whole change finds it
    again. So is an equal run with no word in it (" . ." is three sentence pieces, as
    long as three whole sentences to difflib): it may pair text far apart, and the
    sentences between would be lost unless the next level diffs the whole change."""
    shorter = min(len(old), len(new))
    head = 0
    while head < shorter and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < shorter - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    matcher = SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
    )
    runs = [(True, 0, head, 0, head)] if head else []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        runs.append((tag == "equal", head + i1, head + i2, head + j1, head + j2))
    if tail:
        runs.append((True, len(old) - tail, len(old), len(new) - tail, len(new)))
    if not coarse:
        return runs
    return _joined([_unless_wordless(run, old) for run in runs], old)


def _unless_wordless(run: tuple, old: list[str]) -> tuple:
    equal, i1, i2, j1, j2 = run
    if equal and _WORD.search("".join(old[i1:i2])) is None:
        return (False, i1, i2, j1, j2)
    return run


def _joined(runs: list[tuple], old: list[str]) -> list[tuple]:
    joined: list[tuple] = []
    for run in runs:
        if not run[0] and joined and not joined[-1][0]:
            first = joined.pop()
            run = (False, first[1], run[2], first[3], run[4])
        elif (
            not run[0]
            and len(joined) >= 2
            and not joined[-2][0]
            and not "".join(old[joined[-1][1] : joined[-1][2]]).strip()
        ):
            joined.pop()
            first = joined.pop()
            run = (False, first[1], run[2], first[3], run[4])
        joined.append(run)
    return joined


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
