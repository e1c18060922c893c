"""What one line at the top of an article is: a date, an update stamp, a button's label,
a photo caption or a byline. Whatever is none of these is a kicker, title or standfirst.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import (
    CLOCK_TEXT,
    DATE_LABEL_TEXT,
    DATE_TEXT,
    RELATIVE_DATE_TEXT,
    TIME_TEXT,
    WEEKDAY_NAME_TEXT,
    parse_date,
)

# A line that is only a date, maybe labelled: "27 June 2024", "Published: June 27, 2024",
# "10:45 AM EDT, June 27, 2024", "June 27, 2024 10:45 AM GMT+3 Updated 2 hours ago".
_DATELINE_RE = re.compile(
    rf"(?:{DATE_LABEL_TEXT}\s*[:\-–—]?\s*)?(?:{CLOCK_TEXT},?\s+)?"
    rf"(?P<date>{DATE_TEXT}){TIME_TEXT}"
    r"(?:\s*[|·,;—–-]?\s*(?:last\s+)?updated\b.*)?",
    re.IGNORECASE,
)
# "Updated 10:45 AM EDT, June 27, 2024": when the page last changed, not when it was published.
_UPDATED_LINE_RE = re.compile(
    rf"(?:last\s+)?updated:?(?:\s+(?:on\s+)?(?:{CLOCK_TEXT},?\s*)?"
    rf"(?:(?P<date>{DATE_TEXT}){TIME_TEXT}|{RELATIVE_DATE_TEXT})?)?",
    re.IGNORECASE,
)
# Buttons and labels copied along with the article.
_PAGE_CHROME = frozenset(
    [
        "share", "save", "listen", "print", "email", "comments", "advertisement", "follow",
        "subscribe", "copy link", "share this article", "listen to this article", "save article",
        "gift this article", "add to myft", "share on facebook", "share on x", "share on twitter",
    ]
)  # fmt: skip
_CHROME_EDGES = " :|·•"

# Searched in lower-cased lines.
_CAPTION_WORDS = ("photo", "picture", "image", "credit", "illustration")
_PHOTO_CREDIT_RE = re.compile(
    r"\b(?:photo(?:graph)?|picture|image|credit|illustration)s?\s*(?::|by\b)\s*(?P<credit>.*)"
    r"|\bimage\s+(?:source|caption)\b|\bgetty\s+images\b"
)
# "Photo: AP" alone is a credit line; "Photos: Gaza after the strikes" is a gallery's headline.
_MAX_CREDIT_WORDS = 3  # after a label that starts the line
_AGENCY_SLASH_RE = re.compile(
    r"\b(?:reuters|afp|ap|epa|getty images|anadolu|xinhua|bloomberg)\s*/"
    r"|/\s*(?:reuters|afp|ap|epa|getty)\b"
)
_AGENCY_IN_PARENTHESES_RE = re.compile(
    r"\b(?:getty|afp|ap|reuters|epa|shutterstock|alamy|pool|images?|photos?|photograph|file)\b"
)

_BY_PREFIX_RE = re.compile(r"by:?\s+(?=\S)", re.IGNORECASE)
# Lines are normalised to single spaces; matching exactly one keeps the search linear.
_BYLINE_DATE_SUFFIX_RE = re.compile(
    r"(?: ?[,|·•—–-] ?| )"
    rf"(?P<date>{DATE_TEXT}|{RELATIVE_DATE_TEXT}|{WEEKDAY_NAME_TEXT}){TIME_TEXT}\s*$",
    re.IGNORECASE,
)
# The longest date suffix, "Thursday, 27 September 2024 at 10:45 a.m. BST", is under this.
_DATE_SUFFIX_MAX_CHARS = 60
_DATE_SUFFIX_LAST_WORDS = frozenset(
    """yesterday today tonight night now ago monday tuesday wednesday thursday friday saturday
    sunday z utc gmt bst cest cet est edt cst cdt pst pdt idt am pm a.m. p.m.""".split()
)
_BYLINE_TOKEN_RE = re.compile(r",|&|[^\s,&]+")
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’.\-]*")
_NAME_PARTICLES = frozenset(
    "de da di del della der den van von du la le al el bin ibn dos das y st".split()
)
# Capitalised words that headlines and section names use and people's names do not.
_NOT_NAME_WORDS = frozenset(
    """the a an after before amid with without for to of on over under as at from into is are
    was were will says say said why how what who when where war news live latest analysis opinion
    breaking politics business economy markets world middle east west north south central africa
    asia europe america americas united states kingdom union republic report update updates
    exclusive explainer editorial comment review sport sports technology science health culture
    talks crisis""".split()
)
_MAX_NAME_WORDS = 4
_MAX_PLACE_WORDS = 4
_MAX_BY_PREFIX_WORDS = 15


@dataclass(frozen=True, slots=True)
class UpdateStamp:
    """An "Updated …" line: when the page last changed, which is not when it was published."""

    on: date | None
    text: str = ""  # the line as printed


def is_page_chrome(line: str) -> bool:
    """A button or label copied along with the article: "Share", "Listen to this article"."""
    return line.lower().strip(_CHROME_EDGES) in _PAGE_CHROME


def read_date_line(line: str) -> date | None:
    """The date of a line that is only a date, such as "Published: June 27, 2024 10:45 BST"."""
    dateline = _DATELINE_RE.fullmatch(line)
    return parse_date(dateline.group("date")) if dateline else None


def read_update_stamp(line: str) -> UpdateStamp | None:
    """The stamp of a line like "Updated 10:45 AM EDT, June 27, 2024" or "Updated 2 hours ago"."""
    stamp = _UPDATED_LINE_RE.fullmatch(line)
    if not stamp:
        return None
    return UpdateStamp(parse_date(stamp.group("date")) if stamp.group("date") else None, line)


def is_caption(line: str) -> bool:
    """A photo caption: with a ©, a credit ("Photo: AP", "Reuters/Jane Doe"), "(Getty Images)"."""
    if "©" in line:
        return True
    lowered = line.lower()
    if "(c) " in lowered:
        return True
    has_caption_word = any(word in lowered for word in _CAPTION_WORDS)
    if has_caption_word and (credit := _PHOTO_CREDIT_RE.search(lowered)):
        starts_with_label = credit.start() == 0 and credit.group("credit") is not None
        return not starts_with_label or len(credit.group("credit").split()) <= _MAX_CREDIT_WORDS
    if "/" in line and _AGENCY_SLASH_RE.search(lowered):
        return True
    return (
        line.endswith(")")
        and "(" in line
        and _AGENCY_IN_PARENTHESES_RE.search(lowered, lowered.rfind("(")) is not None
    )


def read_byline(line: str) -> tuple[str, str] | None:
    """``(names, date_words)`` if ``line`` is a byline, such as "By Jane Doe" or
    "Steff Chávez and James Politi in Washington YESTERDAY"; otherwise None.
    """
    by_prefix = _BY_PREFIX_RE.match(line)
    names = line[by_prefix.end() :] if by_prefix else line
    when = ""
    if date_suffix := _date_suffix(names):
        when = date_suffix.group("date")
        names = names[: date_suffix.start()]
    names = names.strip(" ,|·•—–-")
    if not names:
        return None
    tokens = _BYLINE_TOKEN_RE.findall(names)
    if by_prefix:
        words = [token for token in tokens if token not in ",&"]
        looks_right = bool(words) and _is_name_word(words[0]) and len(words) <= _MAX_BY_PREFIX_WORDS
    else:
        looks_right = _is_list_of_names(tokens) and (
            when or len(tokens) > 1 and _has_connector(tokens)
        )
    return (names, when) if looks_right else None


def _date_suffix(line: str) -> re.Match[str] | None:
    last_word = line[line.rfind(" ") + 1 :].lower()
    if not (last_word[-1:].isdigit() or last_word in _DATE_SUFFIX_LAST_WORDS):
        return None
    return _BYLINE_DATE_SUFFIX_RE.search(line, max(0, len(line) - _DATE_SUFFIX_MAX_CHARS))


def _has_connector(tokens: list[str]) -> bool:
    return any(token in (",", "&", "and", "in") for token in tokens)


def _is_list_of_names(tokens: list[str]) -> bool:
    """Names joined by "and", "&" or commas, each maybe followed by "in <Place>"."""
    groups: list[tuple[str, list[str]]] = [("person", [])]
    for token in tokens:
        if token in (",", "&", "and"):
            groups.append(("person or place" if groups[-1][0] == "place" else "person", []))
        elif token == "in":
            groups.append(("place", []))
        elif _is_name_word(token):
            groups[-1][1].append(token)
        else:
            return False
    return all(_is_group_of(kind, words) for kind, words in groups)


def _is_group_of(kind: str, words: list[str]) -> bool:
    if not words:
        return False
    is_place = 1 <= len(words) <= _MAX_PLACE_WORDS
    is_person = 2 <= len(words) <= _MAX_NAME_WORDS and not any(
        word.lower() in _NOT_NAME_WORDS for word in words
    )
    if kind == "place":
        return is_place
    if kind == "person":
        return is_person
    return is_person or is_place


def _is_name_word(word: str) -> bool:
    lowered = word.lower()
    if lowered in _NAME_PARTICLES or lowered.split("-", 1)[0] in _NAME_PARTICLES:
        return True
    return word[0].isupper() and _NAME_WORD_RE.fullmatch(word) is not None
