"""Spans of an article body: checking them, snapping them to words, and cutting the body up.

Rules (the design note's "Text offsets: one rule everywhere"):

- An offset is a Python ``str`` index (a code point) into the article body; ``end`` is
  exclusive. The browser counts UTF-16 code units, so ``utf16_to_index``/``index_to_utf16``
  convert: an emoji such as "🙂" is one code point and two units.
- A stored span is an ``Anchor``: the offsets, ``quote = body[start:end]`` and up to
  ``CONTEXT_CHARS`` characters of ``prefix`` and ``suffix``. The quote is always the server's
  own slice; a quote sent by the browser is only compared with it.
- ``snap_to_words`` turns a rough selection into whole words:
  1. Trim from both ends every character that is not a word character. Word characters are
     letters and digits (``str.isalnum``) and combining marks; everything else (spaces,
     punctuation, symbols, emoji, controls) is trimmed. One exception: a final "." that closes
     an abbreviation of single letters ("U.S.", "e.g.", "a.m.") is kept, i.e. a "." whose
     previous character is a letter that itself follows a "." inside the selection.
  2. Widen an end that falls inside a word to the whole word. Apostrophes and hyphens end a
     word, so "Netanyahu" can be selected in "Netanyahu’s" and "Israel" in "Israel-Hamas";
     if the widened end stops just before the closing "." of such an abbreviation, the "." is
     taken too ("U.S" becomes "U.S.").
  Punctuation inside the selection stays: "Israel-Hamas" and "U.S." are kept whole.
- ``paragraphs`` cuts the body into paragraphs, and each paragraph into segments at every span
  boundary. Paragraphs are separated by runs of two or more newlines; newlines at the very start
  or end of the body also belong to no paragraph. A single newline (between list items) stays
  inside its paragraph's text. Joining the segments with the separators between them gives back
  the body exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

CONTEXT_CHARS = 32

_ASTRAL_CHAR_RE = re.compile("[\U00010000-\U0010ffff]")
_PARAGRAPH_BREAK_RE = re.compile(r"\n{2,}")


class SpanError(ValueError):
    """A selection the server can't accept; the message tells the editor what to do."""


# --- anchoring ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def anchor(body: str, start: int, end: int, *, quote: str | None = None) -> Anchor:
    """The stored form of ``body[start:end]``; ``quote`` is what the browser thinks it selected.

    The comparison ignores how whitespace is written: a browser reports a paragraph break
    or a soft line break in a selection as spaces or newlines of its own choosing.
    """
    check_offsets(body, start, end)
    text = body[start:end]
    if quote is not None and quote.split() != text.split():
        raise SpanError(
            f"The selected text doesn't match the article at those positions ({start}–{end}): "
            f"you selected {quote!r} but the article has {text!r} there. The article may have "
            "changed since the page was loaded: reload the page and select again."
        )
    return Anchor(
        start=start,
        end=end,
        quote=text,
        prefix=body[max(0, start - CONTEXT_CHARS) : start],
        suffix=body[end : end + CONTEXT_CHARS],
    )


def check_offsets(body: str, start: int, end: int) -> None:
    """Raise ``SpanError`` unless ``0 <= start < end <= len(body)`` for two whole numbers."""
    if not _is_int(start) or not _is_int(end):
        raise SpanError(
            f"The selection's positions must be whole numbers, not {start!r} and {end!r}. "
            "Reload the page and select again."
        )
    if not 0 <= start < end <= len(body):
        raise SpanError(
            f"The selection {start}–{end} is not inside the article, which is {len(body)} "
            "characters long (a selection needs 0 ≤ start < end ≤ length). "
            "Reload the page and select again."
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- snapping to words -------------------------------------------------------------------------


def snap_to_words(body: str, start: int, end: int) -> tuple[int, int]:
    """Trim ``body[start:end]`` to its first and last word characters, then widen to whole words."""
    check_offsets(body, start, end)
    trimmed_start, trimmed_end = _trim(body, start, end)
    if trimmed_start == trimmed_end:
        raise SpanError(
            f"The selection {start}–{end} holds only spaces or punctuation. "
            "Select at least one word."
        )
    return _widen(body, trimmed_start, trimmed_end)


def check_within_paragraph(body: str, start: int, end: int) -> None:
    """Raise ``SpanError`` if ``body[start:end]`` crosses a paragraph break: a name never
    does, so such a selection is a slip of the mouse (an event's evidence may cross)."""
    if _PARAGRAPH_BREAK_RE.search(body, start, end):
        raise SpanError(
            f"The selection “{_shortened(body[start:end])}” runs across two paragraphs. "
            "A mention names something within one paragraph: select just the name."
        )


def _shortened(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not _is_word_char(body[start]):
        start += 1
    while start < end and not _is_word_char(body[end - 1]):
        if _closes_abbreviation(body, dot=end - 1, start=start):
            break
        end -= 1
    return start, end


def _widen(body: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _is_word_char(body[start - 1]):
        start -= 1
    while end < len(body) and _is_word_char(body[end - 1]) and _is_word_char(body[end]):
        end += 1
    if end < len(body) and _closes_abbreviation(body, dot=end, start=start):
        end += 1
    return start, end


def _closes_abbreviation(body: str, *, dot: int, start: int) -> bool:
    """Whether ``body[dot]`` is the "." after "X.Y" with all three characters from ``start`` on."""
    return (
        body[dot] == "." and dot - 2 >= start and body[dot - 1].isalpha() and body[dot - 2] == "."
    )


# --- UTF-16 offsets ----------------------------------------------------------------------------


def index_to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset of ``text[index]``: one unit per code point, two above U+FFFF."""
    if not 0 <= index <= len(text):
        raise SpanError(
            f"Position {index} is outside the text, which is {len(text)} characters long."
        )
    return index + len(_ASTRAL_CHAR_RE.findall(text, 0, index))


def utf16_to_index(text: str, utf16_offset: int) -> int:
    """The code point index at a UTF-16 offset; an offset between a surrogate pair is an error."""
    astral_before = 0
    for match in _ASTRAL_CHAR_RE.finditer(text):
        astral_offset = match.start() + astral_before
        if astral_offset >= utf16_offset:
            break
        if astral_offset + 1 == utf16_offset:
            raise SpanError(
                f"Position {utf16_offset} falls inside the character {match.group()!r}. "
                "Select again without splitting it."
            )
        astral_before += 1
    index = utf16_offset - astral_before
    if not 0 <= index <= len(text):
        raise SpanError(
            f"Position {utf16_offset} is outside the text, which is "
            f"{index_to_utf16(text, len(text))} UTF-16 units long. "
            "Reload the page and select again."
        )
    return index


# --- segmentation ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    key: object


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of one paragraph covered by the same spans; ``keys`` are theirs, in span order."""

    start: int
    end: int
    text: str
    keys: tuple


def paragraphs(
    body: str, spans: Iterable[Span], *, bounds: list[tuple[int, int]] | None = None
) -> list[list[Segment]]:
    """The body's paragraphs, each cut into segments at every span boundary inside it.

    Keys are ordered by span start, then longer span first, then input order. A span crossing a
    paragraph break adds its key to segments on both sides. Raises ``ValueError`` for a span
    that is empty or not inside the body: spans are validated before they are stored.

    ``bounds`` (some of ``paragraph_bounds(body)``, in order) cuts only those paragraphs, one
    list each: their segments are the same as in the whole body's, so a change can re-render
    just the paragraphs it touches, given only the spans that overlap them.
    """
    ordered = _in_key_order(body, spans)
    starting_at: dict[int, list[int]] = {}
    ending_at: dict[int, list[int]] = {}
    for rank, span in enumerate(ordered):
        starting_at.setdefault(span.start, []).append(rank)
        ending_at.setdefault(span.end, []).append(rank)
    if bounds is None:
        bounds = paragraph_bounds(body)
    paragraph_starts = {start for start, _ in bounds}
    paragraph_ends = {end for _, end in bounds}
    cuts = sorted({*starting_at, *ending_at, *paragraph_starts, *paragraph_ends})

    result: list[list[Segment]] = []
    paragraph: list[Segment] = []
    in_paragraph = False
    # Spans start in rank order (the cuts ascend and each cut's ranks ascend), so the dict's
    # insertion order is always the key order.
    active: dict[int, object] = {}
    for cut, next_cut in pairwise(cuts):
        for rank in ending_at.get(cut, ()):
            del active[rank]
        for rank in starting_at.get(cut, ()):
            active[rank] = ordered[rank].key
        if cut in paragraph_ends:
            in_paragraph = False
        if cut in paragraph_starts:
            in_paragraph = True
            paragraph = []
            result.append(paragraph)
        if in_paragraph:
            paragraph.append(Segment(cut, next_cut, body[cut:next_cut], tuple(active.values())))
    return result


def _in_key_order(body: str, spans: Iterable[Span]) -> list[Span]:
    indexed = list(enumerate(spans))
    for position, span in indexed:
        if not (
            _is_int(span.start) and _is_int(span.end) and 0 <= span.start < span.end <= len(body)
        ):
            raise ValueError(
                f"Span {position} ({span.start!r}, {span.end!r}, key={span.key!r}) is not a "
                f"non-empty range inside the body of {len(body)} characters."
            )
    indexed.sort(key=lambda item: (item[1].start, -item[1].end, item[0]))
    return [span for _, span in indexed]


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: the non-empty stretches between paragraph breaks."""
    text_start = len(body) - len(body.lstrip("\n"))
    text_end = len(body.rstrip("\n"))
    bounds = []
    paragraph_start = text_start
    for paragraph_break in _PARAGRAPH_BREAK_RE.finditer(body, text_start, text_end):
        bounds.append((paragraph_start, paragraph_break.start()))
        paragraph_start = paragraph_break.end()
    if paragraph_start < text_end:
        bounds.append((paragraph_start, text_end))
    return bounds


# A sentence ends at . ! or ? (optionally followed by closing quotes or brackets) before
# whitespace, or at a paragraph break.
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n{2,}")


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or sentences) containing body[start:end]: from just
    after the previous sentence end to the next sentence end, inclusive of its mark.
    Abbreviations like "U.S." may end a sentence early; that only narrows the search for
    a nearby date, it never loses the evidence itself."""
    check_offsets(body, start, end)
    sentence_start = 0
    for match in _SENTENCE_END_RE.finditer(body, 0, start):
        sentence_start = match.end()
    following = _SENTENCE_END_RE.search(body, max(end - 1, start))
    sentence_end = (
        following.end()
        if following and following.group()[0] != "\n"
        else (following.start() if following else len(body))
    )
    while sentence_start < start and body[sentence_start].isspace():
        sentence_start += 1
    return sentence_start, max(sentence_end, end)
