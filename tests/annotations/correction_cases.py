"""How an anchoring correction case is written (the cases are in anchoring_corpus.py).

A case is an old body, the correction (the new body as a list of *pieces*: stretches of
the old body carried over unchanged, ``Kept``, and new text, ``str``), the annotations made
on the old body, and for each the expected outcome. Because the correction is written as
pieces, a case knows where every carried-over character came from (``Case.origin``): the
ground truth the zero-mis-anchor test checks placements against, independent of the diff
that ``anchoring`` computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from os.path import commonprefix

from curation.annotations.anchoring import Rule, Span
from curation.annotations.spans import anchor


@dataclass(frozen=True, slots=True)
class Kept:
    """``old[start:end]``, carried into the new body unchanged."""

    start: int
    end: int


type Piece = Kept | str


@dataclass(frozen=True, slots=True)
class Expected:
    rule: Rule
    start: int | None = None
    text: str | None = None  # the text at start in the new body; None: the quote

    @property
    def status(self) -> str:
        return {Rule.FUZZY: "needs-check", Rule.ORPHAN: "orphan"}.get(self.rule, "ok")

    def bounds(self, quote: str) -> tuple[int | None, int | None]:
        if self.start is None:
            return None, None
        return self.start, self.start + len(quote if self.text is None else self.text)


def ok(rule: Rule, start: int) -> Expected:
    assert rule in (Rule.POSITION, Rule.DIFF, Rule.QUOTE)
    return Expected(rule, start)


def check(start: int, text: str) -> Expected:
    return Expected(Rule.FUZZY, start, text)


ORPHAN = Expected(Rule.ORPHAN)


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    pieces: tuple[Piece, ...]
    marks: tuple[tuple[str, int, Expected], ...]  # (quote, n-th occurrence in old, expected)

    @cached_property
    def annotations(self) -> tuple[tuple[Span, Expected], ...]:
        return tuple(
            (stored(self.old, quote, nth), expected) for quote, nth, expected in self.marks
        )

    @property
    def spans(self) -> list[Span]:
        return [span for span, _ in self.annotations]

    @cached_property
    def new(self) -> str:
        return "".join(
            self.old[piece.start : piece.end] if isinstance(piece, Kept) else piece
            for piece in self.pieces
        )

    def origin(self, start: int, end: int) -> int | None:
        """Where ``new[start:end]`` stood in the old body, if the correction carried it over
        in one piece; None if any of it is new text or it joins two pieces."""
        offset = 0
        for piece in self.pieces:
            length = piece.end - piece.start if isinstance(piece, Kept) else len(piece)
            if offset <= start and end <= offset + length:
                return piece.start + (start - offset) if isinstance(piece, Kept) else None
            offset += length
            if offset > start:
                return None
        return None

    def carried_to(self, start: int, end: int) -> int | None:
        """Where ``old[start:end]`` is in the new body, if the correction kept it whole."""
        offset = 0
        for piece in self.pieces:
            if isinstance(piece, Kept):
                if piece.start <= start and end <= piece.end:
                    return offset + (start - piece.start)
                offset += piece.end - piece.start
            else:
                offset += len(piece)
        return None


def stored(body: str, quote: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``quote`` as the app stores a span, keyed ``quote@nth``."""
    start = at(body, quote, nth)
    anchored = anchor(body, start, start + len(quote))
    return Span(
        f"{quote}@{nth}",
        anchored.start,
        anchored.end,
        anchored.quote,
        anchored.prefix,
        anchored.suffix,
    )


def at(body: str, text: str, nth: int = 0) -> int:
    """Where the ``nth`` (from 0) occurrence of ``text`` starts in ``body``."""
    start = -1
    for _ in range(nth + 1):
        start = body.find(text, start + 1)
        if start == -1:
            raise ValueError(f"{text!r} occurs fewer than {nth + 1} times")
    return start


def replaced(old: str, *changes: tuple) -> tuple[Piece, ...]:
    """The old body with each ``(find, by)`` or ``(find, by, nth)`` change made. Only the
    characters that differ count as changed: ``("Ravid on reported", "Ravid reported")``
    deletes "on " and keeps the rest."""
    located = []
    for change in changes:
        find, by, nth = (*change, 0) if len(change) == 2 else change
        start = at(old, find, nth)
        same_start = len(commonprefix([find, by]))
        same_end = len(commonprefix([find[same_start:][::-1], by[same_start:][::-1]]))
        located.append(
            (start + same_start, start + len(find) - same_end, by[same_start : len(by) - same_end])
        )
    return edited(old, *located)


def edited(old: str, *changes: tuple[int, int, str]) -> tuple[Piece, ...]:
    """The old body with each ``(start, end, replacement)`` made; changes must not overlap."""
    pieces: list[Piece] = []
    kept_from = 0
    for start, end, by in sorted(changes):
        if start < kept_from:
            raise ValueError(f"changes overlap at {start}")
        if kept_from < start:
            pieces.append(Kept(kept_from, start))
        if by:
            pieces.append(by)
        kept_from = end
    if kept_from < len(old):
        pieces.append(Kept(kept_from, len(old)))
    return tuple(pieces)


def moved(old: str, text: str, *, before: str, nth: int = 0, before_nth: int = 0):
    """The old body with ``text`` taken out and put back just before ``before``."""
    start = at(old, text, nth)
    end = start + len(text)
    to = at(old, before, before_nth)
    assert not start <= to <= end
    if to < start:
        cuts = [Kept(0, to), Kept(start, end), Kept(to, start), Kept(end, len(old))]
    else:
        cuts = [Kept(0, start), Kept(end, to), Kept(start, end), Kept(to, len(old))]
    return tuple(piece for piece in cuts if piece.start < piece.end)


def curly(old: str) -> tuple[Piece, ...]:
    """Straight quotes made typographic: "…" to “…”, and every ' to ’ (in this text every
    single quote is an apostrophe)."""
    changes, opening = [], True
    for index, char in enumerate(old):
        if char == '"':
            changes.append((index, index + 1, "“" if opening else "”"))
            opening = not opening
        elif char == "'":
            changes.append((index, index + 1, "’"))
    return edited(old, *changes)
