"""Whole words from a list, found in a text as ``re.finditer(r"\b(?:words)\b")`` finds them,
only faster. Every word starts with a letter or digit.

- ``WholeWords``, for many words or common ones (the anchor scan). A pattern that opens with
  ``\b`` makes the regex engine try a match at every position of the text; one that opens with
  a literal character or a character class lets it skip ahead to where those are. So: a search
  for a space followed by one of the words (the space is the ``\b`` before it; a literal is
  what the engine finds fastest), a search for any other non-word character followed by one (an
  ASCII class the engine tests quickly, confirmed by a look back), and a match at the very
  start of the text. Their finds, in order, are kept as the single regex keeps its matches:
  each one that starts where the last one kept has ended, or later. A word may hold a hyphen
  ("twenty-first" holds "first" after one), so the second search only looks at the word after
  the character it finds, without stepping over it, lest it step over a word the single regex
  would find; and no word may hold a space, so the first search can step over the words.
  Case-sensitive: with IGNORECASE the engine tries every word at every candidate character, and
  the gain is lost.
- ``whole_word_spans``, for a few words that are rare in a text (the speech verbs): ``str.find``
  for each word, and a look at the characters either side of what it finds.
"""

import re
from collections.abc import Iterable

from curation.temporal.lexicon import trie


class WholeWords:
    def __init__(self, words: Iterable[str]):
        words = list(words)
        if not all(word[:1].isalnum() and " " not in word for word in words):
            raise ValueError("every word starts with a letter or digit and holds no space")
        alternation = trie(words)
        self._at_start = re.compile(rf"(?:{alternation})\b")
        # (no group around the words where it can be helped: the engine is much faster without)
        self._after_space = re.compile(rf" (?:{alternation})\b")
        self._after_other = re.compile(rf"[^A-Za-z0-9_ ](?<=\W)(?=(?P<word>{alternation})\b)")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each match, left to right, not overlapping."""
        first = self._at_start.match(text)
        found = [first.span()] if first else []
        found += [(space.start() + 1, space.end()) for space in self._after_space.finditer(text)]
        found += [other.span("word") for other in self._after_other.finditer(text)]
        found.sort()
        spans, resume = [], 0
        for start, end in found:
            if start >= resume:
                spans.append((start, end))
                resume = end
        return spans


def whole_word_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of each of the words (word characters only) found as a whole word, left to
    right. Two such spans never overlap: each is a whole run of word characters."""
    spans = []
    for word in words:
        position = text.find(word)
        while position >= 0:
            end = position + len(word)
            if not _is_word_character(text, position - 1) and not _is_word_character(text, end):
                spans.append((position, end))
            position = text.find(word, position + 1)
    spans.sort()
    return spans


def _is_word_character(text: str, index: int) -> bool:
    """What \\w matches (a letter, digit or underscore, in any script); False off the text."""
    if not 0 <= index < len(text):
        return False
    character = text[index]
    return character.isalnum() or character == "_"
