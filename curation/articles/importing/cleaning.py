"""Cleaning the body: markup left over from the web, footers, paragraphs split by accident."""

from __future__ import annotations

import re

# Sentence-ending punctuation, possibly followed by closing quotes or brackets.
_TERMINALS = (".", "!", "?", ":", ";", "…")
_CLOSERS = "\"'”’»)]"

_IMAGE_RE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
# [text](target "title"): the target may hold balanced parentheses, as Wikipedia links do.
_LINK_RE = re.compile(
    r"\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)"
)
_REFERENCE_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_MARKDOWN_EMPHASIS_RES = (
    re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*"),
    re.compile(r"__(?=\S)([^_\n]+?)(?<=\S)__"),
    re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"),
    re.compile(r"`([^`\n]+)`"),
)
_RULE_RE = re.compile(r"(?:-[ ]?){3,}|(?:\*[ ]?){3,}|(?:_[ ]?){3,}|(?:=[ ]?){3,}|[—–]{2,}")

_FOOTER_MAX_CHARS = 300
_MAX_FOOTERS = 3
_ALL_RIGHTS_RESERVED_RE = re.compile(r"\ball rights reserved\b\.?", re.IGNORECASE)
_COPYRIGHT_MARK_RE = re.compile(r"\bcopyright\b|©|\(c\)", re.IGNORECASE)
_YEARS_RE = re.compile(r"\b\d{4}(?:\s*[-–]\s*\d{2,4})?\b")
_SENTENCE_BREAK_RE = re.compile(r"\. |\.$| [|·•] ")
_LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_COMPANY_SUFFIX_RE = re.compile(
    r",? (?:limited|ltd|inc|llc|plc|corp|corporation|co|gmbh|ag|s\.?a)\.?$", re.IGNORECASE
)
_NAME_EDGE_PUNCTUATION = " .,;:-–—|"


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends in ``. ! ? : ; …``, maybe followed by closing quotes."""
    return text.rstrip(_CLOSERS).endswith(_TERMINALS)


def is_rule_line(line: str) -> bool:
    """``---``, ``***``, ``___``, ``- - -``, ``===``: a horizontal rule (or a setext underline)."""
    return line[:1] in "-*_=—–" and _RULE_RE.fullmatch(line) is not None


def clean_inline(line: str, *, markdown: bool) -> str:
    """Remove images and keep only the text of links; in Markdown also drop emphasis markers.

    Editorial brackets such as ``[to the Iranian strikes]`` stay: only ``[text](target)`` is a link.
    """
    if "[" in line:
        if "![" in line:
            line = " ".join(_IMAGE_RE.sub("", line).split())
        if "](" in line:
            line = _LINK_RE.sub(r"\1", line)
        if markdown and "][" in line:
            line = _REFERENCE_LINK_RE.sub(r"\1", line)
    if markdown and ("*" in line or "_" in line or "`" in line):
        for emphasis_re in _MARKDOWN_EMPHASIS_RES:
            line = emphasis_re.sub(r"\1", line)
    return line.strip()


def remove_copyright_footer(paragraphs: list[str]) -> str:
    """Drop trailing copyright paragraphs, in place. Returns the outlet they name, or ""."""
    outlet = ""
    for _ in range(_MAX_FOOTERS):
        if not paragraphs or not _is_copyright_footer(paragraphs[-1]):
            break
        outlet = outlet_name(paragraphs.pop()) or outlet
    return outlet


def _is_copyright_footer(paragraph: str) -> bool:
    if len(paragraph) > _FOOTER_MAX_CHARS:
        return False
    lowered = paragraph.lower()
    if "all rights reserved" in lowered or lowered.startswith(("©", "(c) ")):
        return True
    # "Copyright infringement claims were dismissed." is the end of a story, not a footer.
    return lowered.startswith("copyright") and _YEARS_RE.search(paragraph) is not None


def outlet_name(footer: str) -> str:
    """The outlet a copyright footer names.

    ``"Copyright The Financial Times Limited 2024. All rights reserved."`` → ``"Financial Times"``
    """
    text = _ALL_RIGHTS_RESERVED_RE.sub(" ", footer)
    text = _COPYRIGHT_MARK_RE.sub(" ", text)
    text = " ".join(_YEARS_RE.sub(" ", text).split())
    for piece in _SENTENCE_BREAK_RE.split(text):
        name = piece.strip(_NAME_EDGE_PUNCTUATION)
        if any(character.isalpha() for character in name):
            return _without_company_words(name)
    return ""


def _without_company_words(name: str) -> str:
    name = _LEADING_THE_RE.sub("", name)
    while True:
        shorter = _COMPANY_SUFFIX_RE.sub("", name).strip(_NAME_EDGE_PUNCTUATION)
        if shorter == name or not shorter:
            return name
        name = shorter
