"""JSON Lines: one article per line, read as a stream."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from .dates import parse_iso_date
from .decoding import decode_text, refuse_binary
from .limits import DEFAULT_MAX_BYTES, check_size
from .normalizing import normalize_text, split_blocks
from .pipeline import clean_body, finish
from .types import ImportProblem, ParsedArticle

_TEXT_FIELDS = ("title", "body", "source", "published_on", "url", "kicker", "standfirst", "byline")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_EXAMPLE_LINE = '{"title": "…", "body": "…", "source": "…", "published_on": "2024-06-27"}'


def iter_jsonl(
    lines: Iterable[bytes], *, filename: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ParsedArticle]:
    """Yield an article for each non-blank line, reading ``lines`` only as far as needed."""
    found_any = False
    for number, raw_line in enumerate(lines, start=1):
        where = f"{filename}, line {number}"
        if number == 1:
            refuse_binary(raw_line, where=filename)
            raw_line = raw_line.removeprefix(codecs.BOM_UTF8)
        check_size(len(raw_line), max_bytes, what=f"Line {number}", where=where)
        text, warnings = decode_text(raw_line, where=where)
        text = text.rstrip("\r\n")
        if not text.strip():
            continue
        found_any = True
        article = _article_from_line(text, number=number, where=where)
        article.warnings[:0] = warnings
        yield article
    if not found_any:
        raise ImportProblem(
            "No articles found: the file has no JSON lines. "
            f"Put one JSON object per line, like {_EXAMPLE_LINE}",
            where=filename,
        )


def _article_from_line(text: str, *, number: int, where: str) -> ParsedArticle:
    fields = _json_object(text, number=number, where=where)
    return article_from_fields(
        fields, raw_text=text, label=f"line {number}", where=where, line=number
    )


def article_from_fields(
    fields: dict[str, Any], *, raw_text: str, label: str, where: str, line: int | None = None
) -> ParsedArticle:
    """The article of one JSON object (a JSONL line, or an item the API was sent):
    ``label`` names it in messages ("line 3", "item 2")."""
    for name in _TEXT_FIELDS:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise ImportProblem(
                f'{label}: "{name}" must be text (a JSON string), not {_json_kind(value)}.',
                where=where,
            )
        if value and not value.isascii() and _SURROGATE_RE.search(value):
            raise ImportProblem(
                f'{label}: "{name}" holds half of a UTF-16 pair (an escape like \\ud83d '
                "without the one that completes it), which is not text. Send the whole "
                "character, or both halves of its escape.",
                where=where,
            )
    body_text = fields.get("body") or ""
    if not body_text.strip():
        raise ImportProblem(
            f'{label} has no "body": every {label.split()[0]} needs the article text in "body".',
            where=where,
        )
    body, footer_outlet = clean_body(split_blocks(normalize_text(body_text), markdown=False))
    if not body:
        raise ImportProblem(
            f'{label}: no article text left after cleaning the "body".', where=where
        )
    article = ParsedArticle(
        body=body,
        raw_text=raw_text,
        format="jsonl",
        title=_one_line(fields.get("title")),
        kicker=_one_line(fields.get("kicker")),
        standfirst=_one_line(fields.get("standfirst")),
        byline=_one_line(fields.get("byline")),
        published_on=_published_on(fields.get("published_on"), label=label, where=where),
        source_name=_one_line(fields.get("source")) or footer_outlet,
        url=_one_line(fields.get("url")),
        line=line,
    )
    if unknown := sorted(set(fields) - set(_TEXT_FIELDS)):
        names = ", ".join(f'"{name}"' for name in unknown)
        article.warnings.append(f"Ignored fields this import does not use: {names}.")
    return finish(article)


def _json_object(text: str, *, number: int, where: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"line {number} is not valid JSON: {error.msg} at column {error.colno}. "
            f"Each line must be one JSON object, like {_EXAMPLE_LINE}",
            where=where,
        ) from None
    except ValueError:  # json reads an integer of more than 4,300 digits as an error
        raise ImportProblem(
            f"line {number} has a number too long to read (over 4,300 digits). "
            f"Each line must be one JSON object, like {_EXAMPLE_LINE}",
            where=where,
        ) from None
    if not isinstance(value, dict):
        raise ImportProblem(
            f"line {number} is {_json_kind(value)}, not a JSON object. "
            f"Each line must be one JSON object, like {_EXAMPLE_LINE}",
            where=where,
        )
    return value


def _published_on(value: str | None, *, label: str, where: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    published_on = parse_iso_date(value)
    if published_on is None:
        raise ImportProblem(
            f'{label}: published_on "{value}" is not a date; use YYYY-MM-DD, like 2024-06-27.',
            where=where,
        )
    return published_on


def _one_line(value: str | None) -> str:
    return " ".join(normalize_text(value).split()) if value else ""


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return "text"
