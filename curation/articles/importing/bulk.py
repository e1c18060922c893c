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
from .types import ImportProblem, ParsedArticle


class BulkFormatError(ValueError):
    """The body as a whole can't be read: no item is read at all."""


@dataclass(frozen=True, slots=True)
class BulkItem:
    index: int
    article: ParsedArticle | None = None
    problem: ImportProblem | None = None


def _first_char(body: bytes) -> bytes:
    stripped = body.lstrip(b" \t\r\n\xef\xbb\xbf")
    return stripped[:1]


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def decode_array(body: bytes) -> list[tuple[object, str]]:
    """Each item of a JSON array with its own text, exactly as sent (what an article
    keeps as its raw text), read one item after another."""
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


def _array_items(text: str) -> list[tuple[object, str]]:
    at = _SPACE.match(text).end()
    if text[at : at + 1] != "[":
        raise json.JSONDecodeError("Expecting '['", text, at)
    at = _SPACE.match(text, at + 1).end()
    items: list[tuple[object, str]] = []
    if text[at : at + 1] == "]":
        at += 1
    else:
        while True:
            value, end = _DECODER.raw_decode(text, at)
            items.append((value, text[at:end]))
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


def read_bulk(body: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[int, Iterator[BulkItem]]:
    """How many items the body holds, and each of them read as an article or as the
    problem with it (lazily: the count comes first, so a limit can refuse the body
    before any item is read)."""
    first = _first_char(body)
    if first == b"[":
        values = decode_array(body)
        return len(values), read_array(values, max_bytes=max_bytes)
    if first == b"{":
        count = sum(1 for line in body.split(b"\n") if line.strip())
        return count, read_lines(body, max_bytes=max_bytes)
    raise BulkFormatError(
        "Nothing to import: send a JSON array of articles, or one article per line "
        f"(JSON Lines), each like {_EXAMPLE_LINE}"
    )


def read_array(items: list[tuple[object, str]], *, max_bytes: int) -> Iterator[BulkItem]:
    for index, (fields, raw_text) in enumerate(items):
        label = f"item {index}"
        try:
            if not isinstance(fields, dict):
                raise ImportProblem(
                    f"{label} is {_json_kind(fields)}, not a JSON object. Each item must be "
                    f"an object, like {_EXAMPLE_LINE}",
                    where=label,
                )
            size = len(raw_text) if raw_text.isascii() else len(raw_text.encode())
            check_size(size, max_bytes, what=label.capitalize(), where=label)
            article = article_from_fields(fields, raw_text=raw_text, label=label, where=label)
        except ImportProblem as problem:
            yield BulkItem(index, problem=problem)
        else:
            yield BulkItem(index, article=article)


def read_lines(body: bytes, *, max_bytes: int) -> Iterator[BulkItem]:
    lines = body.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    for index, raw_line in enumerate(lines):
        if not raw_line.strip():
            continue
        number = index + 1
        where = f"line {number}"
        try:
            check_size(len(raw_line), max_bytes, what=f"Line {number}", where=where)
            text, warnings = decode_text(raw_line, where=where)
            text = text.rstrip("\r")
            fields = _json_object(text, number=number, where=where)
            article = article_from_fields(
                fields, raw_text=text, label=where, where=where, line=number
            )
            article.warnings[:0] = warnings
        except ImportProblem as problem:
            yield BulkItem(index, problem=problem)
        else:
            yield BulkItem(index, article=article)
