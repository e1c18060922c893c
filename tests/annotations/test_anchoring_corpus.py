"""annotations.anchoring over the correction corpus (tests/annotations/anchoring_corpus.py):
exact outcomes case by case, then the invariant over the whole corpus."""

import re
from collections import Counter
from itertools import pairwise

import pytest

from curation.annotations.anchoring import Placement, Rule, Span, reanchor
from curation.annotations.spans import anchor
from tests.annotations.anchoring_corpus import CASES

KINDS_OF_CORRECTION = (
    "typo",
    "sentence inserted",
    "deleted",
    "respelled",
    "moved",
    "span deleted",
    "twice",
    "as long as the gap",
    "typographic",
    "spaces",
    "emoji",
)


def test_the_corpus_has_thirty_cases_or_more_of_every_kind_asked_for():
    names = [case.name for case in CASES]
    assert len(names) >= 30
    assert len(set(names)) == len(names)
    for kind in KINDS_OF_CORRECTION:
        assert any(kind in name for name in names), kind
    outcomes = Counter(expected.status for case in CASES for _, expected in case.annotations)
    assert outcomes["ok"] >= 90 and outcomes["needs-check"] >= 15 and outcomes["orphan"] >= 10


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_expectations_name_the_text_they_point_at(case):
    """The corpus itself: an ok expectation points at the quote, a needs-check one at the
    text it names, and the correction really changed the body (but the first case)."""
    for span, expected in case.annotations:
        start, end = expected.bounds(span.quote)
        if expected.rule == Rule.ORPHAN:
            continue
        text = span.quote if expected.text is None else expected.text
        assert case.new[start:end] == text, span.key
        if expected.rule == Rule.FUZZY:
            assert text != span.quote, span.key
    assert (case.new != case.old) == (case is not CASES[0])


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_annotation_lands_where_the_corpus_says(case):
    placements = reanchor(case.old, case.new, case.spans)
    assert [placement.key for placement in placements] == [span.key for span in case.spans]
    for (span, expected), placement in zip(case.annotations, placements, strict=True):
        start, end = expected.bounds(span.quote)
        assert (placement.rule, placement.start, placement.end) == (expected.rule, start, end), (
            span.key
        )
        assert placement.status.value == expected.status, span.key
        if placement.start is None:
            assert placement.quote == span.quote
        else:
            assert placement.quote == case.new[placement.start : placement.end]


# --- zero silent mis-anchors -------------------------------------------------------------

_WORD = re.compile(r"\w+")


def every_repeated_phrase(body: str) -> list[Span]:
    """A span on every occurrence of every word (of four letters or more) and every pair of
    words that the body holds more than once: the annotations most at risk of landing on
    another occurrence."""
    words = list(_WORD.finditer(body))
    bounds = [(word.start(), word.end()) for word in words if len(word.group()) >= 4]
    bounds += [(first.start(), second.end()) for first, second in pairwise(words)]
    counts = Counter(body[start:end] for start, end in bounds)
    spans = []
    for start, end in bounds:
        if counts[body[start:end]] > 1:
            stored = anchor(body, start, end)
            spans.append(Span((start, end), start, end, stored.quote, stored.prefix, stored.suffix))
    return spans


def silent_mis_anchors(case, spans: list[Span], place=reanchor) -> list[str]:
    """Every placement marked ok that is on text other than its quote, on text the correction
    carried over from another place in the old body, or off its own words while the
    correction kept them whole. The truth is the correction's own pieces, not a diff."""
    wrong = []
    for span, placement in zip(spans, place(case.old, case.new, spans), strict=True):
        if placement.status != "ok":
            continue
        start, end = placement.start, placement.end
        origin = case.origin(start, end)
        kept_at = case.carried_to(span.start, span.end)
        if case.new[start:end] != span.quote:
            wrong.append(f"{span.key}: on {case.new[start:end]!r}, not {span.quote!r}")
        elif origin is not None and origin != span.start:
            wrong.append(f"{span.key} ({span.quote!r} at {span.start}): on the one at {origin}")
        elif kept_at is not None and kept_at != start:
            wrong.append(f"{span.key} ({span.quote!r}): at {start}, its words are at {kept_at}")
    return wrong


def test_no_annotation_marked_ok_is_on_other_words_anywhere_in_the_corpus():
    checked = 0
    wrong = []
    for case in CASES:
        for spans in (case.spans, every_repeated_phrase(case.old)):
            wrong += [f"{case.name}: {problem}" for problem in silent_mis_anchors(case, spans)]
            checked += len(spans)
    assert wrong == []
    assert checked > 10_000  # the corpus's own annotations and the repeated phrases


def keep_offsets_while_the_quote_matches(old, new, spans):
    """What a store of bare offsets does: the old offsets, ok whenever the text there still
    reads the same."""
    return [
        Placement(span.key, Rule.POSITION, span.start, span.end, span.quote)
        if new[span.start : span.end] == span.quote
        else Placement(span.key, Rule.ORPHAN, None, None, span.quote)
        for span in spans
    ]


def test_the_mis_anchor_check_catches_bare_offsets():
    case = next(case for case in CASES if "insertion exactly as long as the gap" in case.name)
    wrong = silent_mis_anchors(case, case.spans, place=keep_offsets_while_the_quote_matches)
    assert wrong == ["Israel@3 ('Israel' at 545): on the one at 527"]
