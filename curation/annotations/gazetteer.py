"""Finding known names (entity names and aliases) in article text with one Aho-Corasick automaton.

Matching rules:

- Word boundaries: the characters just before and after a match are not letters or digits, so
  "Iran" is not found in "Iranian", nor "US" in "USA" or "bus". An apostrophe may follow:
  "Netanyahu’s" holds a match for "Netanyahu".
- Case: matching ignores case (character by character, ``str.lower``), except that
  (a) an alias written all in capitals ("US", "UN", "IRGC", "G7") matches only text with no
  lower-case letter, and (b) a capitalised alias ("Turkey") matches only text whose first letter
  is not lower case ("Turkey", "TURKEY", but not "turkey"). Other aliases ("al-Qaeda") match in
  any case. When several aliases of one pattern differ only in case, a match carries the entity
  ids of every alias whose rule accepts it.
- Equivalences: curly and straight apostrophes and quotes are the same, and so is any run of
  spaces, tabs and single line breaks ("Benjamin  Netanyahu" matches "Benjamin Netanyahu"). A
  paragraph break (two or more line breaks) never falls inside a match.
- Overlaps: leftmost-longest and non-overlapping. Of the matches starting first, the longest
  wins ("Prime Minister Benjamin Netanyahu" over "Benjamin Netanyahu"), and scanning resumes
  after its end, so a match inside or overlapping a chosen one is dropped.
- Offsets are code points into the text as given, end exclusive, and ``text`` is that slice.
- The text is expected in NFC, as the importer stores bodies; aliases are put in NFC here.

``normalise_alias`` is the different, stored form of an alias (casefolded) used to keep an
entity's aliases unique; matching doesn't use it.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

# Inserted around every run of letters and digits in the text searched, so that a pattern
# starting or ending with a word character can only match at a word boundary.
_WORD_MARK = "\x00"
_PARAGRAPH_MARK = "\n"

_APOSTROPHES = "\u2018\u2019\u201a\u201b\u02bc\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\uff02"
_QUOTE_FOLDS = {char: "'" for char in _APOSTROPHES} | {char: '"' for char in _DOUBLE_QUOTES}
_QUOTE_TABLE = str.maketrans(_QUOTE_FOLDS)
# Every character for which str.isspace() is true.
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Applied to lower-cased text; every character maps to exactly one, so offsets survive.
_MATCH_FOLDS = (
    _QUOTE_FOLDS
    | {char: " " for char in _WHITESPACE if char not in " \n"}
    | {"ς": "σ", _WORD_MARK: "\ufffd"}
)
# str.translate looks up every character of non-ASCII text; a regex only stops at these.
_MATCH_FOLD_RE = re.compile("[" + re.escape("".join(_MATCH_FOLDS)) + "]")

_WHITESPACE_RUN_RE = re.compile(r"\s+")
_SPACING_RE = re.compile(r"[ \n]{2,}|\n")
_WORD_RUN_RE = re.compile(r"[^\W_]+")


def normalise_alias(text: str) -> str:
    """NFC, straight quotes, single spaces, stripped and casefolded: the form kept unique."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTE_TABLE)
    return _WHITESPACE_RUN_RE.sub(" ", text).strip().casefold()


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int
    end: int
    text: str
    entity_ids: tuple[int, ...]


class _Case(enum.Enum):
    ANY = "any"
    CAPITALISED = "capitalised"
    CAPITALS = "capitals"


@dataclass(frozen=True, slots=True)
class _Variant:
    case: _Case
    entity_ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class _Pattern:
    length: int  # in the folded text, without word marks
    variants: tuple[_Variant, ...]


class Gazetteer:
    """An automaton over (alias, entity id) pairs; ``find`` returns the matches in a text."""

    def __init__(self, entries: Iterable[tuple[str, int]]) -> None:
        ids_by_key_and_case: dict[str, dict[_Case, set[int]]] = {}
        for alias, entity_id in entries:
            alias = " ".join(unicodedata.normalize("NFC", alias).split())
            if not alias:
                continue  # a blank alias can match nothing
            key = _Folded(alias).marked
            ids_by_case = ids_by_key_and_case.setdefault(key, {})
            ids_by_case.setdefault(_case_of(alias), set()).add(entity_id)

        self._automaton = ahocorasick.Automaton()
        for key, ids_by_case in ids_by_key_and_case.items():
            variants = tuple(_Variant(case, frozenset(ids)) for case, ids in ids_by_case.items())
            self._automaton.add_word(key, _Pattern(len(key) - key.count(_WORD_MARK), variants))
        if ids_by_key_and_case:
            self._automaton.make_automaton()
        self._pattern_count = len(ids_by_key_and_case)

    def __len__(self) -> int:
        """Distinct patterns: aliases differing only in case, quotes or spacing are one."""
        return self._pattern_count

    def find(self, text: str, *, taken: bytes | bytearray | None = None) -> list[GazetteerMatch]:
        """Leftmost-longest matches. ``taken`` (one byte a character, non-zero where the
        text is already marked) removes the matches that overlap marked text *before*
        choosing, so a shorter name beside a mark is still found ("Prime Minister" when
        "Benjamin Netanyahu" after it is marked)."""
        if not self._pattern_count:
            return []
        candidates = self._candidates(text)
        if taken is not None:
            candidates = [m for m in candidates if taken.find(1, m.start, m.end) == -1]
        return _leftmost_longest(candidates)

    def _candidates(self, text: str) -> list[GazetteerMatch]:
        """Every match at word boundaries whose case some alias accepts, overlapping or not."""
        folded = _Folded(text)
        candidates = []
        marks_before = counted_to = 0
        for marked_end, pattern in self._automaton.iter(folded.marked):
            marks_before += folded.marked.count(_WORD_MARK, counted_to, marked_end)
            counted_to = marked_end
            # The last character in ``spaced``: one back if the pattern ends with a word mark.
            last = marked_end - marks_before - (folded.marked[marked_end] == _WORD_MARK)
            first = last - pattern.length + 1
            if not folded.at_word_boundaries(first, last + 1):
                continue
            start, end = folded.original_index(first), folded.original_index(last) + 1
            entity_ids = _accepted_ids(pattern, text[start:end])
            if entity_ids:
                candidates.append(GazetteerMatch(start, end, text[start:end], entity_ids))
        return candidates


def _leftmost_longest(candidates: list[GazetteerMatch]) -> list[GazetteerMatch]:
    chosen = []
    resume_at = 0
    for match in sorted(candidates, key=lambda match: (match.start, -match.end)):
        if match.start >= resume_at:
            chosen.append(match)
            resume_at = match.end
    return chosen


def _case_of(alias: str) -> _Case:
    cased = [char for char in alias if char.islower() or char.isupper()]
    if not cased:
        return _Case.ANY
    if not any(char.islower() for char in cased):
        return _Case.CAPITALS
    return _Case.CAPITALISED if cased[0].isupper() else _Case.ANY


def _accepts(case: _Case, matched: str) -> bool:
    if case is _Case.CAPITALS:
        return not any(char.islower() for char in matched)
    if case is _Case.CAPITALISED:
        first_cased = next((char for char in matched if char.islower() or char.isupper()), "")
        return not first_cased.islower()
    return True


def _accepted_ids(pattern: _Pattern, matched: str) -> tuple[int, ...]:
    ids: set[int] = set()
    for variant in pattern.variants:
        if _accepts(variant.case, matched):
            ids |= variant.entity_ids
    return tuple(sorted(ids))


class _Folded:
    """A text as the automaton sees it, and the way back to the text's own offsets.

    Three steps: lower case and straight quotes (one character for one); runs of whitespace
    become one space, or one paragraph mark if they hold a blank line (``spaced``); and a word
    mark goes either side of every run of letters and digits (``marked``). Offsets in ``spaced``
    map back through the positions of the shortened runs.
    """

    def __init__(self, text: str) -> None:
        folded = _MATCH_FOLD_RE.sub(_fold_char, _lower_charwise(text))
        self.spaced, self._run_positions, self._removed_before = _collapse_spacing(folded)
        self.marked = _WORD_RUN_RE.sub(f"{_WORD_MARK}\\g<0>{_WORD_MARK}", self.spaced)

    def at_word_boundaries(self, start: int, end: int) -> bool:
        before = self.spaced[start - 1] if start > 0 else " "
        after = self.spaced[end] if end < len(self.spaced) else " "
        return not before.isalnum() and not after.isalnum()

    def original_index(self, spaced_index: int) -> int:
        """The text's offset of a character of ``spaced`` that is not a shortened run."""
        return spaced_index + self._removed_before[bisect_left(self._run_positions, spaced_index)]


def _fold_char(match: re.Match[str]) -> str:
    return _MATCH_FOLDS[match.group()]


def _lower_charwise(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered  # lower() never shrinks a character, so each one stayed one
    return "".join(char if len(low := char.lower()) != 1 else low for char in text)


def _collapse_spacing(folded: str) -> tuple[str, list[int], list[int]]:
    """``folded`` with single spaces; the new positions of shortened runs; chars removed before.

    ``removed_before[i]`` is how many characters the runs before ``run_positions[i]`` lost.
    """
    pieces: list[str] = []
    run_positions: list[int] = []
    removed_before = [0]
    copied_to = 0
    for run in _SPACING_RE.finditer(folded):
        pieces.append(folded[copied_to : run.start()])
        pieces.append(_PARAGRAPH_MARK if run.group().count("\n") >= 2 else " ")
        copied_to = run.end()
        if len(run.group()) > 1:
            run_positions.append(run.start() - removed_before[-1])
            removed_before.append(removed_before[-1] + len(run.group()) - 1)
    pieces.append(folded[copied_to:])
    return "".join(pieces), run_positions, removed_before
