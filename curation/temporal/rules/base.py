"""What a rule is, and the regex fragments and look-behind checks the rules share.

A rule is a regex that starts at an anchor word (a month, a weekday, "this", "ago", a run of
digits ...) and a resolver that reads its groups. ``finder`` finds every anchor in a few quick
passes over the text and tries only the rules that start with it, at that spot. What comes
before the anchor (a preposition, "the", "about") is checked by the resolver, looking back.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from curation.temporal.context import Context, Found
from curation.temporal.lexicon import MONTH_ANY

DIGITS = "#"
"""The anchor of rules that start at a run of digits."""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    anchors: tuple[str, ...]  # lowercase words a match starts with, or DIGITS
    pattern: re.Pattern[str]  # matched where the anchor starts
    resolve: Callable[[re.Match[str], Context], Found | None]
    # Lowercase words one of which every match contains: a text without any skips the rule.
    needs: tuple[str, ...] = ()


YEAR_END = r"(?![\w%]|[.,][0-9]|[-–/][0-9])"
MONTH = rf"(?P<month>{MONTH_ANY})"
RELATION = r"(?P<relation>this|last|next)"
PREPOSITIONS = "in|since|until|till|by|before|after|during|from|through|throughout|between"


def year(name: str = "year") -> str:
    return rf"(?P<{name}>[12][0-9]{{3}}){YEAR_END}"


def day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"


DAY_RANGE = rf"{day('day')}(?:\s*[-–]\s*{day('last_day')})?"

RELATION_BEFORE = re.compile(r"\b(?:this|last|next)\s+\Z", re.IGNORECASE)
PART_BEFORE = re.compile(r"\b(?:early|mid|late)(?:\s*-\s*|\s+)\Z", re.IGNORECASE)
THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)
WORD_BEFORE = re.compile(r"\b(\w+)\s+\Z")
FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial)\s+\Z", re.IGNORECASE)
# "around mid-June", "about June 10": approximate, and part of the span.
APPROXIMATE_BEFORE = re.compile(
    r"(?<![\w.])(?:around|approximately|roughly|circa|c\.|ca\.)\s+\Z", re.IGNORECASE
)
ABOUT_BEFORE = re.compile(r"(?<![\w.])about\s+\Z", re.IGNORECASE)
_SENTENCE_END_BEFORE = re.compile(r"(?:\A|[.!?:;\"“‘(\[\n]|[.!?][\"”’'])\s*\Z")
_WORDS = re.compile(r"[A-Za-z][\w’'-]*")


def approximated(context: Context, result: Found, *, about: bool = False) -> Found:
    """result with an approximation word before it ("around", and "about" where the rule allows
    it) taken into its span; a single day, month, year, season, quarter or half becomes
    approximate (~). An interval is already a range and keeps its value."""
    word = context.preceded_by(APPROXIMATE_BEFORE, start=result.start)
    if word is None and about:
        word = context.preceded_by(ABOUT_BEFORE, start=result.start)
    if word is None:
        return result
    value = result.value
    if value is not None and "/" not in value and not value.endswith(("X", "~")):
        value = f"{value}~"
    return Found(word.start(), result.end, value, result.reason)


def opens_sentence(text: str, position: int) -> bool:
    """Whether text[position:] starts a sentence (or a quotation, or a line)."""
    return bool(_SENTENCE_END_BEFORE.search(text, max(0, position - 8), position))


def in_headline(text: str, position: int) -> bool:
    """Whether the line around position is written in title case, as headlines are (and without
    a full stop at its end)."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].rstrip().endswith((".", "!", "?")):
        return False  # a sentence, not a headline
    words = _WORDS.findall(text, line_start, line_end)
    if len(words) < 3:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised >= 0.7 * len(words)


def is_title_case(token: str) -> bool:
    """'Today', 'Week': a capital and then lowercase, as in a name ("ABC's This Week")."""
    return token[:1].isupper() and token[1:].islower()
