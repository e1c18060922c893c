"""A title made from the first sentence of the body, for articles that come without one."""

from __future__ import annotations

import re

from .dates import WEEKDAY_NAME_TEXT

MAX_TITLE_CHARS = 88
_LOOK_AT_CHARS = 600
_MIN_CUT_SHARE = 0.5

# A wire dateline opening the story: "GAZA CITY (AP) — ", "WASHINGTON, June 27 (Reuters) - ",
# "RAFAH, Gaza Strip (AP) — ". The body has single spaces, so the pattern can insist on them.
_WIRE_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"  # the place, in capitals
    r"(?:, [A-Z][\w.]*(?: [\w.]+){0,2})?"  # a region or a date
    r"(?: \([A-Za-z ]{1,30}\))?"  # the agency
    r" ?[-–—]{1,2} (?=[A-Z\"“‘'])"
)
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st prof gen sen rep gov lt col capt sgt jr sr no vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# A trailing ", Axios reported Wednesday", ", officials said", ", according to …", ", citing …".
_ATTRIBUTION_RE = re.compile(
    r"(?:according\s+to|citing|as\s+reported\s+by)\b.*"
    r"|(?:[\w’'.&-]+\s+){0,4}?(?:said|says|reported|reports|announced|confirmed|wrote|told\s+\S+)"
    rf"(?:\s+(?:on\s+)?(?:{WEEKDAY_NAME_TEXT}|today|yesterday|last\s+week|this\s+week|earlier))?",
    re.IGNORECASE,
)
_CLAUSE_OPENERS = frozenset(
    """and but or so yet while whereas although though because since if when which who""".split()
)
# Cut before these words first: what comes before them is a whole phrase.
_PHRASE_BREAK_WORDS = frozenset(
    """that which who whom whose after before amid while because since as when despite following
    during until unless although though where""".split()
)
_DANGLING_WORDS = frozenset(
    """a an the of to and or but nor that which who whom whose in on at for with by from as into
    onto over after before amid while its his her their our my your this these those is are was
    were be been has have had will would than about""".split()
)
_TRAILING_PUNCTUATION = " ,;:–—-"


def derive_title(body: str) -> str:
    """The body's first sentence, without a trailing attribution, cut to a headline's length."""
    first_paragraph = body.split("\n", 1)[0]
    if dateline := _WIRE_DATELINE_RE.match(first_paragraph):
        first_paragraph = first_paragraph[dateline.end() :]
    sentence = first_sentence(first_paragraph[:_LOOK_AT_CHARS])
    if sentence.endswith("."):
        sentence = sentence.rstrip(".")
    return shorten(_without_attribution(sentence), MAX_TITLE_CHARS)


def first_sentence(text: str) -> str:
    for end in _SENTENCE_END_RE.finditer(text):
        if text[end.start()] == "." and _is_abbreviation(text, end.start()):
            continue
        following = text[end.end() :].lstrip()
        if (
            not following
            or following[0].isupper()
            or following[0].isdigit()
            or following[0] in "\"'“‘("
        ):
            return text[: end.end()]
    return text


def _is_abbreviation(text: str, dot_at: int) -> bool:
    word = text[text.rfind(" ", 0, dot_at) + 1 : dot_at]
    return (len(word) == 1 and word.isupper()) or "." in word or word.lower() in _ABBREVIATIONS


def _without_attribution(sentence: str) -> str:
    while (comma := sentence.rfind(", ")) > 0:
        tail = sentence[comma + 2 :]
        opener = tail.split(" ", 1)[0].lower()
        if opener in _CLAUSE_OPENERS or not _ATTRIBUTION_RE.fullmatch(tail):
            break
        sentence = sentence[:comma]
    return sentence


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters at a clause, phrase or word boundary; end in "…"."""
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    shortest = int(limit * _MIN_CUT_SHARE)
    cut = window.rfind(", ")
    if cut < shortest:
        cut = _last_phrase_break(window, shortest)
    if cut < shortest:
        cut = window.rfind(" ") if text[limit - 1] != " " else limit - 1
    words = text[: max(cut, 1)].split()
    while len(words) > 1 and words[-1].lower().strip(_TRAILING_PUNCTUATION) in _DANGLING_WORDS:
        words.pop()
    return " ".join(words).rstrip(_TRAILING_PUNCTUATION) + "…"


def _last_phrase_break(window: str, shortest: int) -> int:
    position = len(window)
    while (position := window.rfind(" ", 0, position)) >= shortest:
        next_word = window[position + 1 :].split(" ", 1)[0].lower()
        if next_word in _PHRASE_BREAK_WORDS:
            return position
    return -1
