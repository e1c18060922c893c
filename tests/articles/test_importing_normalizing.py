"""``normalize_text`` reads plain ASCII text in one pass: the same text as tidying it
line by line gives, for any text."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from curation.articles.importing.normalizing import _tidy_line, normalize_text

# What decides between the two ways: spaces (single, double, at the ends of lines),
# other whitespace, control characters, and text outside ASCII.
PLAIN = ["a", "Word", ".", " ", "  ", "\n", "\n\n"]
ODD = ["\t", "\x0b", "\x0c", "\x1c", "\x1f", "\x00", "\x07", "\x7f", "\x85", "\xa0"]
ODD += ["\u2009", "\u200b", "\ufeff", "\r\n", "é", "e\u0301"]
texts = st.one_of(
    st.lists(st.sampled_from(PLAIN), max_size=40).map("".join),
    st.lists(st.sampled_from(PLAIN + ODD), max_size=40).map("".join),
    st.text(max_size=80),
)


def tidied_line_by_line(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    text = unicodedata.normalize("NFC", text)
    return "\n".join(_tidy_line(line) for line in text.split("\n"))


@given(texts)
def test_any_text_is_tidied_as_line_by_line(text):
    assert normalize_text(text) == tidied_line_by_line(text)


def test_plain_lines_only_lose_the_spaces_at_their_ends():
    assert normalize_text(" One line. \nTwo words \n\n Three") == "One line.\nTwo words\n\nThree"


def test_double_spaces_tabs_and_controls_are_tidied():
    assert normalize_text("Two  spaces.\n") == "Two spaces.\n"
    assert normalize_text("A\ttab,\x07 a bell\x7f.") == "A tab, a bell."
