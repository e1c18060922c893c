"""Text to blocks: one canonical form of the characters, then paragraphs made of lines."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .cleaning import clean_inline, ends_sentence, is_rule_line

# C0 controls other than tab and line breaks, DEL, and byte order marks left inside the text.
_INVISIBLE_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\ufeff]")
# The printable ASCII characters, and the line break.
_PRINTABLE_ASCII_LINES = bytes(range(0x20, 0x7F)) + b"\n"
_LIST_ITEM_RE = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
_MARKDOWN_HEADING_RE = re.compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?")
_MARKDOWN_QUOTE_RE = re.compile(r"(?:>\s?)+")
_SETEXT_UNDERLINE_RE = re.compile(r"={3,}|-{3,}")
_MARKDOWN_REFERENCE_RE = re.compile(r"\[[^\]\n]+\]:\s+\S+.*")

# Hard-wrapped text (email, wire copy) has no lines this long; pasted web text has many.
_HARD_WRAP_MAX_CHARS = 100
_LONG_LINE_SHARE_FOR_PARAGRAPH_LINES = 0.25


@dataclass(slots=True)
class Block:
    """A paragraph as its lines. ``heading`` is the Markdown heading level, 0 for other text."""

    lines: list[str] = field(default_factory=list)
    heading: int = 0

    @property
    def text(self) -> str:
        """The paragraph as one string: soft line breaks become spaces; list items keep lines."""
        if len(self.lines) == 1:
            return self.lines[0]
        parts = [self.lines[0]]
        for line in self.lines[1:]:
            parts.append("\n" if is_list_item(line) else " ")
            parts.append(line)
        return "".join(parts)


def is_list_item(line: str) -> bool:
    return _LIST_ITEM_RE.match(line) is not None


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line breaks, single spaces, no spaces at line ends, no stray controls."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    lines = text.split("\n")
    if _is_plain_ascii(text):  # what _tidy_line does to every line of it, at once
        return "\n".join([line.strip(" ") for line in lines])
    return "\n".join([_tidy_line(line) for line in lines])


def _is_plain_ascii(text: str) -> bool:
    """Printable ASCII in lines, with single spaces: then ``_tidy_line`` only trims the
    lines' ends. One pass over the whole text instead of a Unicode check of each line,
    which was most of the time spent reading an article."""
    return (
        text.isascii()
        and not text.encode("ascii").translate(None, _PRINTABLE_ASCII_LINES)
        and "  " not in text
    )


def _tidy_line(line: str) -> str:
    """One space between words, none at the ends, no invisible control characters."""
    # Tabs, no-break and other Unicode spaces, and control characters are all unprintable.
    if line.isprintable() and "  " not in line:
        return line.strip(" ")
    return " ".join(_INVISIBLE_RE.sub("", line).split())


def split_blocks(text: str, *, markdown: bool) -> list[Block]:
    """Split text from ``normalize_text`` into paragraphs at blank lines, rules and headings.

    Inside a paragraph a line break is soft (the lines are joined later), unless the text is
    made of long unwrapped lines: then every line is a paragraph of its own, and only list
    items stay together.
    """
    lines = text.split("\n")
    lines_are_paragraphs = _lines_are_paragraphs(lines)
    blocks: list[Block] = []
    current = Block()

    def close_current() -> None:
        nonlocal current
        if current.lines:
            blocks.append(current)
            current = Block()

    for line in lines:
        if markdown:
            line = _MARKDOWN_QUOTE_RE.sub("", line, count=1) if line.startswith(">") else line
            if line.startswith("#") and (heading := _MARKDOWN_HEADING_RE.fullmatch(line)):
                close_current()
                _append_heading(blocks, heading.group(2), level=len(heading.group(1)))
                continue
            if current.lines and line[:1] in "=-" and _SETEXT_UNDERLINE_RE.fullmatch(line):
                # A setext underline ("=====" or "-----") makes the line above it a heading.
                level = 1 if line[0] == "=" else 2
                *above, last = current.lines
                current.lines = above
                close_current()
                _append_heading(blocks, last, level=level)
                continue
            if line.startswith("[") and _MARKDOWN_REFERENCE_RE.fullmatch(line):
                continue
        if not line or is_rule_line(line):
            close_current()
            continue
        line = clean_inline(line, markdown=markdown)
        if not line:
            continue
        if (
            lines_are_paragraphs
            and current.lines
            and not (is_list_item(line) and is_list_item(current.lines[-1]))
        ):
            close_current()
        current.lines.append(line)
    close_current()
    return _join_accidental_splits(blocks)


def _join_accidental_splits(blocks: list[Block]) -> list[Block]:
    """Join a paragraph that stops mid-sentence to a following one that starts in lower case."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous
            and not previous.heading
            and not block.heading
            and block.lines[0][:1].islower()
            and not ends_sentence(previous.lines[-1])
        ):
            previous.lines.extend(block.lines)
        else:
            joined.append(block)
    return joined


def _append_heading(blocks: list[Block], text: str, *, level: int) -> None:
    text = clean_inline(text, markdown=True)
    if text:
        blocks.append(Block([text], heading=level))


def _lines_are_paragraphs(lines: list[str]) -> bool:
    filled = [line for line in lines if line]
    if not filled:
        return False
    long_lines = sum(1 for line in filled if len(line) > _HARD_WRAP_MAX_CHARS)
    return long_lines >= _LONG_LINE_SHARE_FOR_PARAGRAPH_LINES * len(filled)
