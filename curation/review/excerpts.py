"""A span of an article shown in its context, from the span's stored ``prefix``, ``quote``
and ``suffix`` (so no article body is read): the context stops at a paragraph break and
at whole words, and a very long quote keeps its start and end. Plain Python."""

from __future__ import annotations

from dataclasses import dataclass

# Spans store this many characters either side (DESIGN.md, "Text offsets").
CONTEXT_CHARS = 32
QUOTE_MAX_CHARS = 320


@dataclass(frozen=True, slots=True)
class Excerpt:
    before: str
    quote: str  # the whole quote, or its start when it is cut
    quote_end: str  # the quote's end when its middle is left out, else ""
    after: str
    more_before: bool  # the paragraph goes on before ``before``
    more_after: bool

    @property
    def cut(self) -> bool:
        return bool(self.quote_end)


def excerpt(prefix: str, quote: str, suffix: str, *, quote_max: int = QUOTE_MAX_CHARS) -> Excerpt:
    before, more_before = _context_before(prefix)
    after, more_after = _context_after(suffix)
    quote = " ".join(quote.split())
    quote_end = ""
    if len(quote) > quote_max:
        half = quote_max // 2
        head, tail = quote[:half], quote[-half:]
        # Cut at spaces, so no word is shown in part.
        head = head[: head.rfind(" ")] if " " in head else head
        tail = tail[tail.find(" ") + 1 :] if " " in tail else tail
        quote, quote_end = head, tail
    return Excerpt(before, quote, quote_end, after, more_before, more_after)


def _context_before(prefix: str) -> tuple[str, bool]:
    if "\n" in prefix:  # the paragraph starts inside the prefix
        return _spaced(prefix[prefix.rfind("\n") + 1 :]), False
    if len(prefix) < CONTEXT_CHARS:  # the body starts inside the prefix
        return _spaced(prefix), False
    # The prefix may start inside a word: drop that part of a word.
    if prefix[0].isspace():
        return _spaced(prefix), True
    space = _first_space(prefix)
    return (_spaced(prefix[space:]) if space is not None else ""), True


def _context_after(suffix: str) -> tuple[str, bool]:
    if "\n" in suffix:
        return _spaced(suffix[: suffix.find("\n")]), False
    if len(suffix) < CONTEXT_CHARS:
        return _spaced(suffix), False
    if suffix[-1].isspace():
        return _spaced(suffix), True
    space = _last_space(suffix)
    return (_spaced(suffix[:space]) if space is not None else ""), True


def _first_space(text: str) -> int | None:
    return next((i for i, char in enumerate(text) if char.isspace()), None)


def _last_space(text: str) -> int | None:
    return next((i for i in range(len(text) - 1, -1, -1) if text[i].isspace()), None)


def _spaced(text: str) -> str:
    """Runs of white space as one space, keeping a space at either end (it separates the
    context from the quote)."""
    if not text:
        return ""
    inner = " ".join(text.split())
    lead = " " if text[0].isspace() and inner else ""
    trail = " " if text[-1].isspace() and inner else ""
    return f"{lead}{inner}{trail}" if inner else " "
