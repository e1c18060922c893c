"""Where the clause around a date expression starts and ends, for ``tense``.

The clause runs from the previous clause boundary to the next one, at most 300 characters
either way. Boundaries are sentence and clause punctuation (. ! ? ; : , brackets, double
quotes, a line break, an em dash, and a dash between spaces) and the words that open a clause:
that, which, who, whom, whose, where, when, while, whereas, although, though, because, but,
before, after, since, until, if, unless (in any case). A boundary word that is the
expression's own preposition ("before July 24") does not cut the clause.

Written for speed (a clause is looked for around most dates), and to find exactly what these
regexes find in the 300 characters before and after the expression::

    punctuation   [.!?;:,()\\[\\]{}"“”«»\\n—]|\\s[-–]\\s
    clause words  \\b(?:that|which|...)\\b, with re.IGNORECASE

Searched as they are, both are slow: each tries a match at every position, and IGNORECASE
keeps the engine from ruling a word out by its first letter. Instead: the marks alone are one
character class, which the engine skips to; a dash between spaces is found with str.find; and
the clause words, factored by their letters (``lexicon.trie``), are matched case-sensitively in
a copy of the window in which every letter that IGNORECASE reads as an ASCII letter is that
letter.
"""

import re

from curation.temporal.lexicon import trie

CLAUSE_WINDOW = 300

_CLAUSE_WORDS = (
    "that which who whom whose where when while whereas although though because but before "
    "after since until if unless"
).split()
_CLAUSE_WORD = re.compile(rf"\b(?:{trie(_CLAUSE_WORDS)})\b")  # in a window _as_ascii made
_MARK = re.compile(r"[.!?;:,()\[\]{}\"“”«»\n—]")
_DASHES = ("-", "–")
_OWN_PREPOSITION_GAP = re.compile(r"\s+(?:the\s+)?")


def clause_bounds(text: str, *, start: int, end: int) -> tuple[int, int]:
    """The clause that contains text[start:end], as offsets."""
    window_start = max(0, start - CLAUSE_WINDOW)
    before = text[window_start:start]
    return window_start + _clause_start(before), end + clause_end(text[end : end + CLAUSE_WINDOW])


def clause_end(after: str) -> int:
    """Where the clause that after starts in ends: at the first punctuation or clause word."""
    mark = _MARK.search(after)
    end = _first_spaced_dash(after, mark.start() if mark else len(after))
    word = _CLAUSE_WORD.search(_as_ascii(after[:end]))
    return word.start() if word else end


def _clause_start(before: str) -> int:
    """After the last punctuation, or at the last clause word after it (unless it's our own)."""
    after_punctuation = _end_of_last_punctuation(before)
    clause_start = after_punctuation
    folded = _as_ascii(before[after_punctuation:])
    for word in _CLAUSE_WORD.finditer(folded):
        if not _OWN_PREPOSITION_GAP.fullmatch(folded, word.end()):
            clause_start = after_punctuation + word.start()
    return clause_start


def _end_of_last_punctuation(before: str) -> int:
    """Where the punctuation that starts last ends (a line break that also opens a spaced dash
    is a mark); 0 without any."""
    last_mark = _MARK.search(before[::-1])
    mark = len(before) - 1 - last_mark.start() if last_mark else -1
    dash = _last_spaced_dash(before, mark)
    return dash + 3 if dash > mark else mark + 1


def _first_spaced_dash(after: str, stop: int) -> int:
    """Where the first dash between spaces starts (at the space before it), if before stop;
    else stop."""
    for dash in _DASHES:
        position = after.find(dash, 1, stop + 1)
        while position >= 0:
            if _spaced(after, position):
                stop = position - 1
                break
            position = after.find(dash, position + 1, stop + 1)
    return stop


def _last_spaced_dash(before: str, mark: int) -> int:
    """Where the last dash between spaces starts (at the space before it), if after mark;
    else -1."""
    last = mark
    for dash in _DASHES:
        position = before.rfind(dash, last + 2)
        while position >= 0:
            if _spaced(before, position):
                last = position - 1
                break
            position = before.rfind(dash, last + 2, position)
    return last if last > mark else -1


def _spaced(text: str, dash: int) -> bool:
    """Whether whitespace (as \\s reads it) stands on both sides of the dash."""
    return 0 < dash < len(text) - 1 and text[dash - 1].isspace() and text[dash + 1].isspace()


def _as_ascii(window: str) -> str:
    """The window with its ASCII letters lowered, and ſ, K, İ and ı (the other letters that
    re.IGNORECASE reads as ASCII ones) as s, k, i and i, each a character still: ASCII words
    matched in it case-sensitively are what re.IGNORECASE finds in the window."""
    if window.isascii():
        return window.lower()
    # bytes.lower() lowers ASCII letters only, and UTF-8 keeps other characters out of ASCII
    lowered = window.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    return lowered.replace("ſ", "s").replace("\u212a", "k").replace("İ", "i").replace("ı", "i")
