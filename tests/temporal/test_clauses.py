"""clause_bounds finds the clause the plain regexes of its rules find (hypothesis): the last
punctuation before the date and the clause words after it, the first punctuation or clause word
after the date, within 300 characters either way."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from curation.temporal.clauses import CLAUSE_WINDOW, clause_bounds

PUNCTUATION = r"[.!?;:,()\[\]{}\"“”«»\n—]|\s[-–]\s"
CLAUSE_WORD = re.compile(
    r"\b(?:although|because|whereas|before|though|unless|after|since|until|where|which|while"
    r"|whose|that|when|whom|but|who|if)\b",
    re.IGNORECASE,
)
OWN_PREPOSITION_GAP = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)


def plain_clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    window_start = max(0, start - CLAUSE_WINDOW)
    before, after = text[window_start:start], text[end : end + CLAUSE_WINDOW]
    last = re.match(rf".*(?:{PUNCTUATION})", before, re.DOTALL)
    clause_start = last.end() if last else 0
    for word in CLAUSE_WORD.finditer(before, clause_start):
        if not OWN_PREPOSITION_GAP.fullmatch(before, word.end()):
            clause_start = word.start()
    first = re.search(PUNCTUATION, after)
    clause_end = first.start() if first else len(after)
    if word := CLAUSE_WORD.search(after, 0, clause_end):
        clause_end = word.start()
    return window_start + clause_start, end + clause_end


PIECES = [
    *(" ", " ", "\n", "\t", "\u2003", "-", "–", "—", ",", ".", "«", "(", '"', "“", "_", "1", "é"),
    *("x", "word", "Which", "which", "whichever", "WHEN", "the", "THE", "before", "since"),
    *("ſince", "İf", "ıf", "whoſe", "\u212a", " - ", " – ", "\n- ", "Tuesday", "will", "said"),
]


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, int, int]:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=140)))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 12)))
    return text, start, end


@settings(max_examples=1500, deadline=None)
@given(case=texts_and_spans())
@example(case=("He left \n- on Tuesday", 14, 21))  # a line break opening a dash is a mark
@example(case=("They met - on Tuesday - and left", 14, 21))
@example(case=("ıf they meet on Tuesday İf not", 16, 23))  # IGNORECASE reads ı and İ as i
@example(case=("x" * 320 + " which they met on Tuesday", 339, 346))
def test_clause_bounds_are_what_the_plain_regexes_find(case):
    text, start, end = case
    assert clause_bounds(text, start=start, end=end) == plain_clause_bounds(text, start, end)
