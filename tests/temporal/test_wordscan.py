"""The fast scans find what the plain regexes they stand for find (hypothesis): whole words
(``wordscan``) and quotations (``speech.quotations``)."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from curation.temporal.lexicon import trie
from curation.temporal.speech import quotations
from curation.temporal.wordscan import WholeWords, whole_word_spans

WORDS = ["twenty", "twenty-first", "first", "mid", "july", "q1", "day", "said", "says", "a"]
PIECES = [*WORDS, " ", "-", "x", "_", "1", "é", "ſ", "\n", "’", "²", "İ", "Said", "“", "”", '"']


def pieces(alphabet: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=12).map("".join)


HYPHENATED = ["a-b", "b-c-d", "c-d"]


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(pieces(PIECES), st.text(max_size=30)))
@example(text="twenty-first-first")  # a word inside the first one is not found again
@example(text="first day")
@example(text="x-first. first (twenty-first")
def test_whole_words_finds_what_the_word_boundary_regex_finds(text):
    expected = [found.span() for found in re.finditer(rf"\b(?:{trie(WORDS)})\b", text)]
    assert WholeWords(WORDS).spans(text) == expected


@settings(max_examples=300, deadline=None)
@given(text=pieces([*HYPHENATED, " ", "-", "x", "a", "d"]))
@example(text=" a-b-c-d")  # "c-d" after "a-b", though "b-c-d" overlaps both
def test_whole_words_with_hyphens_inside_find_what_the_regex_finds(text):
    expected = [found.span() for found in re.finditer(rf"\b(?:{trie(HYPHENATED)})\b", text)]
    assert WholeWords(HYPHENATED).spans(text) == expected


def test_a_word_with_a_space_is_refused():
    with pytest.raises(ValueError, match="no space"):
        WholeWords(["new year"])


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(pieces(PIECES), st.text(max_size=30)))
@example(text="said unsaid saidx says_ ²says said")
@example(text="says day said")
def test_whole_word_spans_finds_what_the_word_boundary_regex_finds(text):
    words = ["said", "says", "day", "a"]
    expected = [found.span() for found in re.finditer(rf"\b(?:{'|'.join(words)})\b", text)]
    assert whole_word_spans(text, words) == expected


@settings(max_examples=500, deadline=None)
@given(text=pieces(["“", "”", '"', "\n", "a", " ", '"b"', "“c”"]))
@example(text='“open "closed" “curly”')
@example(text='"across\na line" "within"')
def test_quotations_are_what_the_quotation_regex_finds(text):
    expected = [found.span() for found in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]
    assert list(quotations(text)) == expected
