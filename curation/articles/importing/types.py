"""The shapes that come out of the import pipeline.

Nothing here imports Django: the pipeline turns bytes into these plain objects,
and ``curation.articles.services`` decides what to save.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


class ImportProblem(Exception):
    """A file (or one line of a JSONL file) that cannot be imported.

    ``message`` says what was wrong and what to do about it, in words for an editor.
    ``where`` locates it: a file name, and a line number for JSONL. ``log_detail`` is
    for the log, for admins: the setting involved, say, which an editor cannot change.
    """

    def __init__(self, message: str, *, where: str = "", log_detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.log_detail = log_detail

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass
class ParsedArticle:
    body: str
    raw_text: str
    format: str  # one of FORMATS
    title: str = ""
    title_derived: bool = False
    kicker: str = ""
    standfirst: str = ""
    byline: str = ""
    published_on: date | None = None
    dateline: str = ""  # the dateline the publication date was read from, to be checked
    source_name: str = ""  # a hint: the outlet named by a footer, metadata or a JSONL field
    url: str = ""
    warnings: list[str] = field(default_factory=list)
    line: int | None = None  # the line of a JSONL file this came from

    @property
    def date_detected(self) -> bool:
        return self.published_on is not None

    @property
    def date_from_dateline(self) -> bool:
        return bool(self.dateline) and self.published_on is not None

    @property
    def content_hash(self) -> str:
        return content_hash(self.body)


FORMATS = ("text", "markdown", "html", "jsonl")


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
