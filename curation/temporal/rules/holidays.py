"""Holidays with a fixed date: "Christmas Day", "New Year's Eve", "Independence Day".

- Each names one day of the year; the year is written ("Christmas 2023") or comes from the
  tense of the clause, like a day without a year. "last/next/this Christmas" go by relation.
- "Christmas" and "New Year's" alone are the day only after a preposition ("by Christmas",
  "over Christmas") or before a year, and not before a thing ("Christmas Island", "Christmas
  trees"); "Lunar New Year" and other new years are not 1 January and are not read.
- "Independence Day" is 4 July only in a US context: the text mentions the US and no other
  country's name stands before it ("India's Independence Day" is not read).
- Holidays are names: written in lowercase ("may day") they are not read.
- Movable feasts (Easter, Thanksgiving, Ramadan, Diwali) are not read.
"""

import re
from datetime import date

from curation.temporal import periods
from curation.temporal.context import Context, Found, found, found_absolute, yearly
from curation.temporal.lexicon import fold
from curation.temporal.periods import Period
from curation.temporal.rules.base import Rule, year
from curation.temporal.tense import RELATIONS

HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's": (1, 1),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "boxing day": (12, 26),
    "valentine's day": (2, 14),
    "valentines day": (2, 14),
    "halloween": (10, 31),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "july fourth": (7, 4),
    "bastille day": (7, 14),
    "st patrick's day": (3, 17),
    "saint patrick's day": (3, 17),
    "guy fawkes night": (11, 5),
    "bonfire night": (11, 5),
    "armistice day": (11, 11),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "remembrance day": (11, 11),
    "may day": (5, 1),
    "juneteenth": (6, 19),
    "canada day": (7, 1),
    "australia day": (1, 26),
    "anzac day": (4, 25),
    "hogmanay": (12, 31),
    "international women's day": (3, 8),
}
_NEEDS_PREPOSITION = frozenset({"christmas", "new year's"})


def _spelled(name: str) -> str:
    """A holiday's name as a regex: any spacing, straight or curly apostrophes, "St." or "St"."""
    words = [re.escape(word).replace("'", "[’']") for word in name.split()]
    return r"\s+".join(words).replace("st\\s+", r"st\.?\s+")


_HOLIDAY = re.compile(
    rf"(?P<name>{'|'.join(_spelled(name) for name in sorted(HOLIDAYS, key=len, reverse=True))})"
    rf"\b(?:(?:,?\s+|\s+of\s+){year()})?",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:at|by|before|after|until|till|since|over|for|on|during|from|around|near|of|"
    r"through|to|this|last|next)\s+\Z",
    re.IGNORECASE,
)
_THING_AFTER = re.compile(
    r"\s+(?:island|tree|trees|cards?|markets?|carols?|part(?:y|ies)|lights|shopping|presents?|"
    r"gifts?|dinner|lunch|decorations|jumpers?|specials?|message|number\s+one|holidays?|"
    r"season|sales|spending|bonus(?:es)?|rush|break)\b",
    re.IGNORECASE,
)
_OTHER_NEW_YEAR_BEFORE = re.compile(
    r"\b(?:lunar|chinese|jewish|persian|islamic|hindu|thai|tamil|iranian|kurdish|ethiopian|"
    r"orthodox|vietnamese|korean|tibetan|sikh)\s+\Z",
    re.IGNORECASE,
)
_RELATION_BEFORE = re.compile(r"\b(?P<relation>this|last|next)\s+\Z", re.IGNORECASE)
_US = re.compile(r"\b(?:U\.S\.|US|USA|United States|America|Americans?|Washington)\b")
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w.’']*)\s+\Z")
_US_NAMES = frozenset(
    "on the this last next by before after since until over for during around a an its "
    "american america's america’s us u.s. usa".split()
)


def _key(name: str) -> str:
    return " ".join(fold(name).replace("’", "'").replace(".", "").split())


def _holiday(match: re.Match[str], context: Context) -> Found | None:
    name = match["name"]
    key = _key(name)
    month, day = HOLIDAYS[key]
    start, end = match.start(), match.end()
    if not name[0].isupper() or (key == "may day" and not name.endswith("Day")):
        return None
    if context.preceded_by(_OTHER_NEW_YEAR_BEFORE, start=start):
        return None
    if key in _NEEDS_PREPOSITION and not match["year"]:
        if _THING_AFTER.match(context.text, end) or not context.preceded_by(
            _PREPOSITION_BEFORE, start=start
        ):
            return None
    if key == "independence day" and not _in_us_context(context, start):
        return None

    def build(in_year: int) -> Period:
        return periods.single_day(date(in_year, month, day))

    if match["year"]:
        return found_absolute(match, lambda: build(int(match["year"])))
    if relation := context.preceded_by(_RELATION_BEFORE, start=start):
        value = context.by_relation(yearly(build), relation=RELATIONS[fold(relation["relation"])])
        return Found(relation.start(), end, value)
    return found(match, context.by_tense(yearly(build), start=start, end=end))


def _in_us_context(context: Context, start: int) -> bool:
    name = context.preceded_by(_NAME_BEFORE, start=start)
    if name and _key(name["name"]) not in _US_NAMES:
        return False
    return bool(_US.search(context.text))


_ANCHORS = tuple(sorted({_key(name).split()[0].split("'")[0] for name in HOLIDAYS}))

RULES = (
    Rule(
        "holiday",
        _ANCHORS,
        _HOLIDAY,
        _holiday,
        needs=(
            "christmas",
            "new year",
            "boxing",
            "valentine",
            "halloween",
            "independence",
            "fourth",
            "bastille",
            "patrick",
            "fawkes",
            "bonfire",
            "armistice",
            "veterans",
            "remembrance",
            "may day",
            "juneteenth",
            "canada",
            "australia",
            "anzac",
            "hogmanay",
            "women",
        ),
    ),
)
