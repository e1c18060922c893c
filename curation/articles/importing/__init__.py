"""The import pipeline: bytes or pasted text in, ParsedArticle out. Plain Python, no Django.

- ``format_for_filename`` picks the format from a file name.
- ``parse_document`` reads one text, Markdown or HTML file; ``parse_text`` reads pasted text.
- ``iter_jsonl`` streams the articles of a JSON Lines file, one per line.

Every problem with the input is an ``ImportProblem`` whose message an editor can act on.
"""

from .decoding import CP1252_WARNING, decode_bytes
from .jsonl import iter_jsonl
from .limits import DEFAULT_MAX_BYTES
from .pipeline import format_for_filename, parse_document, parse_text
from .types import FORMATS, ImportProblem, ParsedArticle, content_hash

__all__ = [
    "CP1252_WARNING",
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ImportProblem",
    "ParsedArticle",
    "content_hash",
    "decode_bytes",
    "format_for_filename",
    "iter_jsonl",
    "parse_document",
    "parse_text",
]
