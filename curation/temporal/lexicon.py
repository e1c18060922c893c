"""The English words that date expressions are made of, and regex fragments built from them.

Rules kept here:

- Month names are full ("July") or abbreviated ("Jul", "Jul.", "Sept"). Abbreviations count only
  next to a day or a year; a bare "Jan" or "Mar" is not a month.
- "May" and "March" are also verbs: written all in lowercase ("may", "march") they are never a
  month. "MAY" and "May" are.
- April, May, June, March and August are also names or words ("June Carter", "an august body"),
  so on their own (no day, no year) they are months only after a preposition ("in June").
- Weekdays are full names only: "Wed", "Sat" and "Sun" are words.
- Seasons: spring 21, summer 22, autumn/fall 23, winter 24 (EDTF season codes).
- Quarters "Q1".."Q4" or "first".."fourth" (also "1st", "final", "last") quarter: 33-36;
  halves "H1", "H2" or "first"/"second" half: 40, 41 (EDTF level 2 sub-year groupings).
- Numbers in "N weeks ago" are digits (1-999) or words: a, an, one ... nineteen, twenty ...
  ninety, and compounds such as "twenty-one".
- Decades in words are the thirties to the nineties (1930s-1990s) and the noughties (2000s);
  "the twenties" could be the 1920s or the 2020s and is not read. Centuries are "20th" or
  "twentieth" century (in words up to the twenty-ninth).
- Lookups are case-insensitive through ``str.casefold``. The long s and the Kelvin sign count
  as s and k ("ſunday" is Sunday), as the case-insensitive regexes read them; a token that
  folds to no known word (a dotted capital İ in "THİS") is simply not a date.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_DISPLAY_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_NEEDING_PREPOSITION = frozenset({"april", "may", "june", "march", "august"})
MONTHS_THAT_ARE_VERBS = frozenset({"may", "march"})

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# "Black Friday", "Super Tuesday", "Easter Monday": named days, not "the nearest Friday".
WEEKDAY_NAME_PREFIXES = frozenset(
    {
        "ash",
        "black",
        "bloody",
        "cyber",
        "easter",
        "giving",
        "good",
        "holy",
        "maundy",
        "palm",
        "shrove",
        "super",
        "whit",
    }
)

SEASONS: dict[str, int] = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
SEASON_DISPLAY_NAMES: dict[int, str] = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

# Quarters and halves of a calendar year: "Q3 2024", "the third quarter of 2024",
# "H1 2024", "the first half of 2024". "last"/"final" quarter is the fourth.
QUARTER_ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
HALF_ORDINALS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
QUARTER_DISPLAY_NAMES: dict[int, str] = {33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4"}
HALF_DISPLAY_NAMES: dict[int, str] = {40: "first half", 41: "second half"}

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{word: value for value, word in enumerate(_UNITS, start=1)},
    **{word: 10 * tens for tens, word in enumerate(_TENS, start=2)},
}
_NUMBER_SPLIT = re.compile(r"[-\s]+")


DECADE_WORDS: dict[str, int] = {
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
    "noughties": 2000,
}
_ORDINAL_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
ORDINAL_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_ORDINAL_UNITS, start=1)},
    "twentieth": 20,
    **{f"twenty-{word}": 20 + value for value, word in enumerate(_ORDINAL_UNITS[:9], start=1)},
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that no word shadows another."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


def trie(words: Iterable[str]) -> str:
    """A regex alternation of literal words, factored by their first letters ("ma(?:y|rch)"), so
    that the engine tries one branch per letter instead of every word: the anchor scan's speed."""
    branches: dict[str, list[str]] = {}
    ends_here = False
    for word in sorted(set(words)):
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    if not branches:
        return ""
    alternatives = "|".join(re.escape(first) + trie(rests) for first, rests in branches.items())
    if ends_here:
        return f"(?:{alternatives})?"
    return alternatives if len(branches) == 1 else f"(?:{alternatives})"


def ordinal_number(token: str) -> int | None:
    """'20th' -> 20, 'twentieth' -> 20, 'twenty-first' -> 21; None for anything else."""
    key = fold(token).replace(" ", "-")
    if key[:-2].isdigit() and key[-2:] in ("st", "nd", "rd", "th"):
        return int(key[:-2])
    return ORDINAL_WORDS.get(key)


@lru_cache(maxsize=4096)  # the same few hundred words, text after text
def fold(token: str) -> str:
    """The lookup key of a matched token: case-folded, trailing abbreviation dot removed.
    The patterns ignore case as Python's ``re`` does, for which the dotless "ı" and the
    dotted "İ" are forms of "i" ("thıs", "THİS"); casefold() keeps the one and turns the
    other into "i" and a combining dot, so both become a plain "i" here."""
    key = token.rstrip(".").casefold()
    if not key.isascii():
        key = key.replace("i\u0307", "i").replace("ı", "i")
    return key


def month_number(token: str) -> int | None:
    key = fold(token)
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


def parse_number(token: str) -> int | None:
    """'3' -> 3, 'a' -> 1, 'two' -> 2, 'twenty-one' -> 21; None for anything else."""
    if token.isascii() and token.isdigit():
        return int(token)
    total = 0
    for word in _NUMBER_SPLIT.split(fold(token)):
        value = NUMBER_WORDS.get(word)
        if value is None:
            return None
        total += value
    return total


MONTH_FULL = alternation(MONTHS)
MONTH_ANY = rf"(?:{MONTH_FULL})\b|(?:{alternation(MONTH_ABBREVIATIONS)})(?:\.|\b)"
WEEKDAY = alternation(WEEKDAYS)
SEASON = alternation(SEASONS)
QUARTER_ORDINAL = alternation(QUARTER_ORDINALS)
HALF_ORDINAL = alternation(HALF_ORDINALS)
NUMBER = (
    rf"[0-9]{{1,3}}|(?:{alternation(_TENS)})(?:[-\s](?:{alternation(_UNITS[:9])}))?"
    rf"|{alternation([*_UNITS, 'a', 'an'])}"
)
PART_OF_DAY = r"morning|afternoon|evening|night"
DECADE_WORD = alternation(DECADE_WORDS)
ORDINAL_WORD = rf"twenty[-\s](?:{alternation(_ORDINAL_UNITS[:9])})|{alternation(ORDINAL_WORDS)}"
