"""A batch of articles sent in one request: a JSON array of objects, or JSON Lines.

Each item is read as a JSONL line is (``jsonl.article_from_fields``: the same fields,
cleaning and metadata detection), and each is read on its own: a bad item is an
``ImportProblem`` in its place, and the others are still read. ``index`` counts from
0: the item's place in the array, or its line in JSON Lines (blank lines are skipped
but counted, so the index of a line is its line number less one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .decoding import decode_text
from .jsonl import _EXAMPLE_LINE, _json_kind, _json_object, article_from_fields
from .limits import DEFAULT_MAX_BYTES, check_size
from .parallel import mapped_in_order, start_helpers
from .types import ImportProblem, ParsedArticle


class BulkFormatError(ValueError):
    """The body as a whole can't be read: no item is read at all."""


@dataclass(frozen=True, slots=True)
class BulkItem:
    index: int
    article: ParsedArticle | None = None
    problem: ImportProblem | None = None


_LEADING = re.compile(rb"[ \t\r\n\xef\xbb\xbf]*")


def _first_char(body: bytes | bytearray) -> bytes:
    """Its first byte past blanks and a byte order mark, found in place: ``lstrip``
    copied the whole body (80 MB, half a second of fresh memory here, for 20,000
    articles) to look at one byte."""
    at = _LEADING.match(body).end()
    return bytes(body[at : at + 1])


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def decode_array(body: bytes | bytearray) -> list[str]:
    """The text of each item of a JSON array, exactly as sent (what an article keeps as
    its raw text). Each item is parsed to find where it ends, and its value dropped:
    holding every value until the last is parsed took as much memory again as the body."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BulkFormatError(
            f"The body is not UTF-8 text (byte {error.start} cannot be read). Send it "
            "encoded as UTF-8."
        ) from None
    try:
        return _array_items(text)
    except json.JSONDecodeError as error:
        raise BulkFormatError(
            f"The body is not valid JSON: {error.msg} at line {error.lineno}, column "
            f"{error.colno}. Send a JSON array of articles, or one article per line (JSON "
            "Lines)."
        ) from None
    except ValueError:  # json refuses an integer of more than 4,300 digits
        raise BulkFormatError(
            "The body has a number too long to read (over 4,300 digits). Send numbers as "
            "text, or leave them out."
        ) from None


def _array_items(text: str) -> list[str]:
    at = _SPACE.match(text).end()
    if text[at : at + 1] != "[":
        raise json.JSONDecodeError("Expecting '['", text, at)
    at = _SPACE.match(text, at + 1).end()
    items: list[str] = []
    if text[at : at + 1] == "]":
        at += 1
    else:
        while True:
            end = _DECODER.raw_decode(text, at)[1]
            items.append(text[at:end])
            at = _SPACE.match(text, end).end()
            if text[at : at + 1] == ",":
                at = _SPACE.match(text, at + 1).end()
            elif text[at : at + 1] == "]":
                at += 1
                break
            else:
                raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
    if _SPACE.match(text, at).end() != len(text):
        raise json.JSONDecodeError("Extra data", text, at)
    return items


CHUNK_SIZE = 200  # items a helper process reads at a time (see ``parallel``)


def read_bulk(
    body: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    helpers: int = 0,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[int, Iterator[BulkItem]]:
    """How many items the body holds, and each of them read as an article or as the
    problem with it (lazily: the count comes first, so a limit can refuse the body
    before any item is read). With ``helpers``, processes of that number read all but
    the first ``chunk_size`` items meanwhile (``parallel``)."""
    first = _first_char(body)
    if first == b"[":
        entries = [(ARRAY, index, raw_text) for index, raw_text in enumerate(decode_array(body))]
    elif first == b"{":
        entries = [(LINE, index, bytes(line)) for index, line in _lines(body) if line.strip()]
    else:
        raise BulkFormatError(
            "Nothing to import: send a JSON array of articles, or one article per line "
            f"(JSON Lines), each like {_EXAMPLE_LINE}"
        )
    chunks = [
        (max_bytes, entries[start : start + chunk_size])
        for start in range(0, len(entries), chunk_size)
    ]
    read = mapped_in_order(read_chunk, chunks, processes=helpers)
    return len(entries), _with_raw_text(read, entries)


def _with_raw_text(
    items: Iterator[BulkItem], entries: list[tuple[str, int, str | bytes]]
) -> Iterator[BulkItem]:
    """The items, each array item's article given back its raw text (``read_chunk``
    leaves it out: a helper would send back what it was sent)."""
    for item, (kind, _, raw) in zip(items, entries, strict=True):
        if kind == ARRAY and item.article is not None:
            item.article.raw_text = raw
        yield item


ARRAY, LINE = "array", "line"  # an item of a JSON array (its text), a line of JSON Lines

_SAMPLE_ITEM = json.dumps(
    {"title": "Talks resume", "body": "DOHA, June 27 (Reuters) - Officials met.\n\nBy Jo Doe"}
)


def start_readers(processes: int) -> None:
    """Start the helper processes (at server start), each having read a sample item, so
    that the first large import finds the reading code loaded in them."""
    start_helpers(processes, read_chunk, (DEFAULT_MAX_BYTES, [(ARRAY, 0, _SAMPLE_ITEM)]))


def read_chunk(chunk: tuple[int, list[tuple[str, int, str | bytes]]]) -> list[BulkItem]:
    """Each of the chunk's entries read: (kind, index, its text or its line's bytes). An
    array item's article is left without its raw text, which is the entry's text."""
    max_bytes, entries = chunk
    return [
        _read_array_item(index, raw, max_bytes)
        if kind == ARRAY
        else _read_line(index, raw, max_bytes)
        for kind, index, raw in entries
    ]


def _lines(body: bytes) -> Iterator[tuple[int, bytes]]:
    lines = body.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return enumerate(lines)


def _read_array_item(index: int, raw_text: str, max_bytes: int) -> BulkItem:
    label = f"item {index}"
    try:
        fields = json.loads(raw_text)
        if not isinstance(fields, dict):
            raise ImportProblem(
                f"{label} is {_json_kind(fields)}, not a JSON object. Each item must be "
                f"an object, like {_EXAMPLE_LINE}",
                where=label,
            )
        size = len(raw_text) if raw_text.isascii() else len(raw_text.encode())
        check_size(size, max_bytes, what=label.capitalize(), where=label)
        article = article_from_fields(fields, raw_text="", label=label, where=label)
    except ImportProblem as problem:
        return BulkItem(index, problem=problem)
    return BulkItem(index, article=article)


def _read_line(index: int, raw_line: bytes, max_bytes: int) -> BulkItem:
    number = index + 1
    where = f"line {number}"
    try:
        check_size(len(raw_line), max_bytes, what=f"Line {number}", where=where)
        text, warnings = decode_text(raw_line, where=where)
        text = text.rstrip("\r")
        fields = _json_object(text, number=number, where=where)
        article = article_from_fields(fields, raw_text=text, label=where, where=where, line=number)
        article.warnings[:0] = warnings
    except ImportProblem as problem:
        return BulkItem(index, problem=problem)
    return BulkItem(index, article=article)
