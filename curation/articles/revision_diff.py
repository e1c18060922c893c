"""What changed between two texts of an article, for people to read: pure Python, no
Django, no HTML.

The texts are compared paragraph by paragraph first (difflib), then word by word inside
the paragraphs that changed, so a typo shows as one word struck out and one inserted,
not as a whole paragraph. The result is plain data (``DiffBlock`` of ``DiffPiece``);
the template escapes every piece as it writes it.

Long runs of unchanged paragraphs are folded to the ``context`` paragraphs next to a
change. A replaced passage too long to compare word by word (``WORD_DIFF_LIMIT``) is
shown as the old paragraphs removed and the new ones added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
PieceKind = Literal["equal", "insert", "delete"]
BlockKind = Literal["same", "changed", "added", "removed", "folded"]

# Word-by-word comparison costs up to (old tokens × new tokens); above this many the
# replaced passage is shown whole, removed then added.
WORD_DIFF_LIMIT = 4_000_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DiffPiece:
    kind: PieceKind
    text: str


@dataclass(frozen=True, slots=True)
class DiffBlock:
    """One paragraph of the comparison; ``folded`` stands for ``folded_count`` unchanged
    paragraphs not shown."""

    kind: BlockKind
    pieces: tuple[DiffPiece, ...] = ()
    folded_count: int = 0


@dataclass(frozen=True, slots=True)
class TextDiff:
    blocks: tuple[DiffBlock, ...]
    inserted_words: int
    deleted_words: int

    @property
    def unchanged(self) -> bool:
        return not (self.inserted_words or self.deleted_words)


def paragraphs(text: str) -> list[str]:
    return [part for part in _PARAGRAPH_BREAK.split(text.strip()) if part] if text else []


def text_diff(old: str, new: str, *, context: int = 1) -> TextDiff:
    """Compare ``old`` with ``new``; unchanged paragraphs farther than ``context`` from
    a change are folded."""
    old_paragraphs, new_paragraphs = paragraphs(old), paragraphs(new)
    matcher = SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    blocks: list[DiffBlock] = []
    for op, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        if op == EQUAL:
            blocks += [
                DiffBlock("same", (DiffPiece(EQUAL, text),))
                for text in old_paragraphs[old_from:old_to]
            ]
        elif op == DELETE:
            blocks += _whole("removed", DELETE, old_paragraphs[old_from:old_to])
        elif op == INSERT:
            blocks += _whole("added", INSERT, new_paragraphs[new_from:new_to])
        else:
            blocks += _replaced(old_paragraphs[old_from:old_to], new_paragraphs[new_from:new_to])
    inserted = sum(_words(p.text) for b in blocks for p in b.pieces if p.kind == INSERT)
    deleted = sum(_words(p.text) for b in blocks for p in b.pieces if p.kind == DELETE)
    return TextDiff(tuple(_folded(blocks, context)), inserted, deleted)


def _whole(kind: BlockKind, piece_kind: PieceKind, texts: list[str]) -> list[DiffBlock]:
    return [DiffBlock(kind, (DiffPiece(piece_kind, text),)) for text in texts]


def _replaced(old: list[str], new: list[str]) -> list[DiffBlock]:
    """Paragraphs replaced by others: compared word by word, paired in order; the
    paragraphs left over on either side are removed or added whole."""
    if sum(map(len, old)) * sum(map(len, new)) > WORD_DIFF_LIMIT:
        return _whole("removed", DELETE, old) + _whole("added", INSERT, new)
    blocks = [DiffBlock("changed", _word_pieces(a, b)) for a, b in zip(old, new, strict=False)]
    paired = min(len(old), len(new))
    return blocks + _whole("removed", DELETE, old[paired:]) + _whole("added", INSERT, new[paired:])


def _word_pieces(old: str, new: str) -> tuple[DiffPiece, ...]:
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    pieces: list[DiffPiece] = []
    for op, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        removed = "".join(old_tokens[old_from:old_to])
        added = "".join(new_tokens[new_from:new_to])
        if op == EQUAL:
            _append(pieces, EQUAL, removed)
            continue
        _append(pieces, DELETE, removed)
        _append(pieces, INSERT, added)
    return tuple(pieces)


def _append(pieces: list[DiffPiece], kind: PieceKind, text: str) -> None:
    """Add a piece, joining it to the last one when they are of the same kind."""
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = DiffPiece(kind, pieces[-1].text + text)
    else:
        pieces.append(DiffPiece(kind, text))


def _folded(blocks: list[DiffBlock], context: int) -> list[DiffBlock]:
    near_change = set()
    for index, block in enumerate(blocks):
        if block.kind != "same":
            near_change.update(range(index - context, index + context + 1))
    shown: list[DiffBlock] = []
    hidden = 0
    for index, block in enumerate(blocks):
        if block.kind == "same" and index not in near_change:
            hidden += 1
            continue
        if hidden:
            shown.append(DiffBlock("folded", folded_count=hidden))
            hidden = 0
        shown.append(block)
    if hidden:
        shown.append(DiffBlock("folded", folded_count=hidden))
    return shown


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text)) or (1 if text.strip() else 0)
