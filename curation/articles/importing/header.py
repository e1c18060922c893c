"""The top of an article: a date header, then kicker, title, standfirst, byline, photo caption.

Header lines are short and do not end like a sentence; the first paragraph that does (or
that is long) starts the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .cleaning import ends_sentence
from .datelines import Dateline, read_dateline
from .dates import DATE_LABEL_TEXT, DATE_TEXT, TIME_TEXT, parse_date
from .header_lines import (
    UpdateStamp,
    is_caption,
    is_page_chrome,
    read_byline,
    read_date_line,
    read_update_stamp,
)
from .normalizing import Block, is_list_item

_HEADER_MAX_CHARS = 250
_MAX_HEADER_LINES = 8
_SHORT_KICKER_WORDS = 4

# " date 2024-06-27 Prime Minister…": the body may follow on the same line.
_DATE_HEADER_RE = re.compile(
    rf"{DATE_LABEL_TEXT}\s*[:\-–—]?\s*(?P<date>{DATE_TEXT}){TIME_TEXT}"
    r"(?:\s*[|·,;:—–-]\s*|\s+|$)",
    re.IGNORECASE,
)
# Words a wrapped line may end on but a headline does not.
_DANGLING_WORDS = frozenset(
    "a an the of to and or but that which who in on at for with by from as is are was were".split()
)


@dataclass
class Header:
    kicker: str = ""
    title: str = ""
    standfirst: str = ""
    byline: str = ""
    published_on: date | None = None
    # From an "Updated …" line: the publication date only when the text gives no other.
    update_stamp: UpdateStamp | None = None
    dateline: Dateline | None = None  # when the publication date came from a dateline
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _DisplayLine:
    """A header line that is a kicker, title or standfirst; which one depends on its neighbours."""

    text: str
    is_title: bool = False


def read_header(
    blocks: list[Block], *, known_title: str = "", known_date: date | None = None
) -> tuple[Header, list[Block]]:
    """Take the header off the top of ``blocks``. Returns it and the blocks of the body.

    ``known_title`` and ``known_date`` were found elsewhere (HTML metadata) and win. A header
    line equal to the known title is the title, and the line before it the kicker.
    """
    header = Header(published_on=known_date)
    blocks = _take_date_header(blocks, header)
    display: list[_DisplayLine] = []
    title_key = _comparable(known_title)
    body_start = 0
    room = _MAX_HEADER_LINES
    for block in blocks[:_MAX_HEADER_LINES]:
        header_lines, rest = _split_header_lines(block, room=room)
        room -= len(header_lines)
        for line in header_lines:
            first_markdown_title = block.heading == 1 and not any(d.is_title for d in display)
            if first_markdown_title or (title_key and _comparable(line) == title_key):
                display.append(_DisplayLine(line, is_title=True))
            else:
                _classify(line, header, display)
        if rest:
            if header_lines:  # the body starts inside this block
                blocks = [*blocks[:body_start], Block(rest), *blocks[body_start + 1 :]]
            break
        body_start += 1
    leftovers = _assign_display_lines(display, header, known_title=known_title)
    stamp = header.update_stamp
    if stamp and stamp.on and not header.published_on:
        use_dateline(header, Dateline(stamp.on, stamp.text, len(stamp.text), is_update_stamp=True))
    return header, [Block([text]) for text in leftovers] + blocks[body_start:]


def use_dateline(header: Header, dateline: Dateline) -> None:
    """Take a dateline's date as the publication date, with a note to check it."""
    header.published_on, header.dateline = dateline.published_on, dateline
    header.warnings.append(dateline.note())


def _take_date_header(blocks: list[Block], header: Header) -> list[Block]:
    if not blocks:
        return blocks
    first_line = blocks[0].lines[0]
    match = _DATE_HEADER_RE.match(first_line)
    if not match:
        return blocks
    published_on = parse_date(match.group("date"))
    if published_on is None:
        header.warnings.append(
            f'The date header "{match.group("date")}" is not a real date, '
            "so it was left in the text."
        )
        return blocks
    header.published_on = header.published_on or published_on
    first_lines = [first_line[match.end() :].strip(), *blocks[0].lines[1:]]
    first_lines = [line for line in first_lines if line]
    first = [Block(first_lines, heading=blocks[0].heading)] if first_lines else []
    return first + blocks[1:]


def _split_header_lines(block: Block, *, room: int) -> tuple[list[str], list[str]]:
    """At most ``room`` header lines from the top of a block, and the lines after them."""
    if block.heading:
        text = block.lines[0]
        return ([text], []) if room and len(text) < _HEADER_MAX_CHARS else ([], block.lines)
    lines = _join_lowercase_continuations(block.lines)
    header_lines: list[str] = []
    for index, line in enumerate(lines[:room]):
        wrapped = index + 1 < len(lines) and _ends_like_a_wrapped_line(line)
        if wrapped or not is_header_line(line):
            break
        header_lines.append(line)
    return header_lines, lines[len(header_lines) :]


def is_header_line(line: str) -> bool:
    return len(line) < _HEADER_MAX_CHARS and not ends_sentence(line) and not is_list_item(line)


def _join_lowercase_continuations(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and line[:1].islower():
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _ends_like_a_wrapped_line(line: str) -> bool:
    last_word = line.rsplit(" ", 1)[-1].lower()
    return line.endswith((",", "-", "–", "—")) or last_word in _DANGLING_WORDS


def _classify(line: str, header: Header, display: list[_DisplayLine]) -> None:
    """Put a header line where it belongs; lines that are none of these go to ``display``."""
    if is_page_chrome(line):
        return
    if published_on := read_date_line(line):
        header.published_on = header.published_on or published_on
        return
    if stamp := read_update_stamp(line):
        header.update_stamp = header.update_stamp or stamp
        return
    if dateline := read_dateline(line, whole=True):
        if header.published_on is None:
            use_dateline(header, dateline)
        return
    if is_caption(line):
        header.warnings.append(f'Left out a photo caption at the top: "{_preview(line)}".')
        return
    if not header.byline and (byline := read_byline(line)):
        names, when = byline
        header.byline = names
        _apply_byline_date(when, header)
        return
    display.append(_DisplayLine(line))


def _apply_byline_date(when: str, header: Header) -> None:
    if not when:
        return
    if published_on := parse_date(when):
        header.published_on = header.published_on or published_on
    elif header.published_on is None:
        header.warnings.append(
            f'The byline ends with "{when}", a date relative to a day the file does not give. '
            "Enter the publication date."
        )


def _assign_display_lines(
    display: list[_DisplayLine], header: Header, *, known_title: str
) -> list[str]:
    """Make the display lines kicker, title and standfirst. Returns the lines left over."""
    texts = [line.text for line in display]
    title_at = next((index for index, line in enumerate(display) if line.is_title), None)
    if known_title:
        header.title = known_title
        title_at = -1 if title_at is None else title_at
    elif title_at is None:
        return _assign_by_count(texts, header)
    else:
        header.title = texts[title_at]
    before, after = texts[: max(title_at, 0)], texts[title_at + 1 :]
    header.kicker = before[-1] if before else ""
    header.standfirst = after[0] if after else ""
    return before[:-1] + after[1:]


def _assign_by_count(texts: list[str], header: Header) -> list[str]:
    if len(texts) == 1:
        header.title = texts[0]
    elif len(texts) == 2:
        first, second = texts
        if len(first.split()) <= _SHORT_KICKER_WORDS and len(second) > len(first):
            header.kicker, header.title = first, second
        else:
            header.title, header.standfirst = first, second
    elif texts:
        header.kicker, header.title, header.standfirst = texts[:3]
        return texts[3:]
    return []


def _comparable(text: str) -> str:
    return " ".join(text.split()).casefold()


def _preview(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
