"""read_date_input(): what an editor types into a date field, as an EDTF value, or a message.

    read_date_input(text, reference) -> "2024-07"   DateInputError with a message for people
    parse_date_input(text, reference) -> "2024-07"  or None where read_date_input refuses

Rules:

- Text made of EDTF characters (digits, X, - / . ~ ? %) is EDTF, normalised by ``validate``
  ("199x" -> "199X"), and its messages are ``validate``'s ("2024-06-13?~%": one mark at most).
- A day written with numbers, 24/07/2024 (also 24.07.2024 and 24-07-2024), is read when only
  one reading is a real day: day/month/year, or month/day/year (07/24/2024). 05/05/2024 reads
  the same both ways. 05/07/2024 is refused with both readings ("5 July 2024 or 7 May
  2024?"); the year must have all its digits. 2024/07/24 is year/month/day.
- Anything else is read with ``find_dates`` against the reference (the article's date): it must
  hold exactly one date expression, which gives the value ("mid-July 2024", "last Thursday",
  "Q3 2024"). Words around it are allowed ("on Tuesday", "sometime in 2009"); two dates are not,
  nor numbers or marks the expression doesn't take in: "1 January 10000" is refused, not read
  as 1 January of the year the tense points to.
- The word just before the expression matters. "since" and "from" make an open interval
  ("since June 2024" -> "2024-06/..", shown "from June 2024"); "before", "after", "until",
  "till" and "by" name a limit, not the date, and are refused.
- "c.", "ca.", "circa", "about", "around", "approx." or "approximately" in front, or ~ right
  after the expression, make a day, month, year, season, quarter or half approximate
  ("c. 13 June 2024" -> "2024-06-13~"), so that what ``display`` writes reads back. An interval
  or a decade is already a range and stays as it is.
- A relative date without a reference raises ``NeedsReference`` (a DateInputError): it is
  never resolved against today. One that counts from another date ("the day before", "that
  year") is refused whatever the reference: only the editor knows which date that is.
"""

import re
from datetime import date

from curation.temporal.display import display
from curation.temporal.edtf import OPEN, UNCERTAIN_HELP, YEAR_RANGE_HELP, Kind, parse, validate
from curation.temporal.finder import ANOTHER_DATE, DateMention, find_dates


class DateInputError(ValueError):
    """What was typed can't be stored faithfully; str() is the message for the editor."""


class NeedsReference(DateInputError):
    """A relative date ("last Thursday") and no reference date to resolve it against."""


EXAMPLES = "2024-06-20, 24 July 2024, 2024-07, mid-July 2024, Q3 2024 or last Thursday"

_APPROXIMATE_WORDS = r"c\.|ca\.|circa|about|around|approx\.|approximately"
_APPROXIMATE_PREFIX = re.compile(rf"(?:{_APPROXIMATE_WORDS})\s*", re.IGNORECASE)
_EDTF_CHARACTERS = re.compile(r"[0-9Xx\-/.~?%+\s]*[0-9][0-9Xx\-/.~?%+\s]*")
_NUMERIC_DAY = re.compile(
    r"(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<year>[0-9]+)"
)
_NUMERIC_YEAR_FIRST = re.compile(
    r"(?P<year>[0-9]{4})(?P<sep>[/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})"
)
_SPACED_SEPARATOR = re.compile(r"\s*([/.-])\s*")
_WORDS_BEFORE = re.compile(
    r"(?:\b(?P<word>since|from|before|after|until|till|by)\s+)?"
    rf"(?:(?<!\w)(?P<approximate>{_APPROXIMATE_WORDS})\s*)?(?:\bthe\s+)?\Z",
    re.IGNORECASE,
)
_OPENING_WORDS = frozenset({"since", "from"})
_OPENING_PREFIX = re.compile(r"(?:since|from)\s+(?P<rest>.+)", re.IGNORECASE)
_STRAY = re.compile(r"[0-9]+(?:[:.,][0-9]+)*|[?~%]|\.\.|/")
_LONG_NUMBER = re.compile(r"[0-9]{5,}")


def parse_date_input(text: str, reference: date | None) -> str | None:
    """The EDTF value, or None when ``read_date_input`` would refuse the text."""
    try:
        return read_date_input(text, reference)
    except ValueError:
        return None


def as_typed(value: str) -> str:
    """How a stored EDTF value is written into a date field for editing: its human
    reading ("summer 2024") when that reads back to the same value, else the EDTF."""
    reading = display(value)
    return reading if parse_date_input(reading, None) == value else value


def read_date_input(text: str, reference: date | None) -> str:
    """The EDTF value; DateInputError with a message that says what to write instead."""
    text = " ".join(text.split())
    if not text:
        raise DateInputError(f"The date is empty. Write a date such as {EXAMPLES}.")
    approximate, phrase = _split_approximate(text)
    value, marked_approximate = _read(phrase, whole=text, reference=reference)
    if approximate or marked_approximate:
        return _approximated(value, whole=text)
    return value


def _split_approximate(text: str) -> tuple[bool, str]:
    prefix = _APPROXIMATE_PREFIX.match(text)
    return (True, text[prefix.end() :]) if prefix else (False, text)


def _read(phrase: str, *, whole: str, reference: date | None) -> tuple[str, bool]:
    """(value, whether a ~ after a phrase in words made it approximate)."""
    opening = _OPENING_PREFIX.fullmatch(phrase)
    if opening and _written_with_numbers(opening["rest"]):
        value, _ = _read(opening["rest"], whole=whole, reference=reference)
        return _open_from(value, whole=whole), False
    compact = _SPACED_SEPARATOR.sub(r"\1", phrase)
    if match := _NUMERIC_DAY.fullmatch(compact):
        return _numeric_day(phrase, match), False
    if match := _NUMERIC_YEAR_FIRST.fullmatch(compact):
        return _numeric_year_first(phrase, match), False
    if _EDTF_CHARACTERS.fullmatch(phrase):
        try:
            return validate(phrase), False
        except ValueError as error:
            raise DateInputError(str(error)) from None
    return _words(phrase, whole=whole, reference=reference)


def _written_with_numbers(text: str) -> bool:
    compact = _SPACED_SEPARATOR.sub(r"\1", text)
    return any(
        pattern.fullmatch(compact)
        for pattern in (_NUMERIC_DAY, _NUMERIC_YEAR_FIRST, _EDTF_CHARACTERS)
    )


# --- days written with numbers ------------------------------------------------------------


def _numeric_day(text: str, match: re.Match[str]) -> str:
    year = _full_year(text, match["year"])
    first, second = int(match["a"]), int(match["b"])
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            reading = date(year, month, day)
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    if not readings:
        raise DateInputError(
            f"“{text}” is not a day of the calendar, whichever number is the day. "
            "Write it as year-month-day (2024-07-24) or in words (24 July 2024)."
        )
    if len(readings) == 2:
        day_first, month_first = readings
        raise DateInputError(
            f"“{text}”: {_words_for(day_first)} or {_words_for(month_first)}? Write it as "
            f"{day_first.isoformat()} or {_words_for(day_first)}."
        )
    return readings[0].isoformat()


def _numeric_year_first(text: str, match: re.Match[str]) -> str:
    year = _full_year(text, match["year"])
    try:
        return date(year, int(match["month"]), int(match["day"])).isoformat()
    except ValueError:
        raise DateInputError(
            f"“{text}” is not a day of the calendar. Write it as year-month-day "
            "(2024-07-24) or in words (24 July 2024)."
        ) from None


def _full_year(text: str, digits: str) -> int:
    if len(digits) <= 2:
        raise DateInputError(
            f"“{text}”: write the year with all its digits (24/07/2024), or the date as "
            "year-month-day (2024-07-24)."
        )
    year = int(digits)
    if not 1 <= year <= 9999:
        raise DateInputError(f"“{text}”: {YEAR_RANGE_HELP}")
    return year


def _words_for(day: date) -> str:
    return display(day.isoformat())


# --- dates in words -----------------------------------------------------------------------


def _words(phrase: str, *, whole: str, reference: date | None) -> tuple[str, bool]:
    mentions = find_dates(phrase, reference)
    if not mentions:
        if long := _LONG_NUMBER.search(phrase):
            raise DateInputError(f"“{whole}”: {YEAR_RANGE_HELP} {long[0]} can't be stored.")
        raise DateInputError(f"Can't read “{whole}” as a date. Try {EXAMPLES}.")
    if len(mentions) > 1:
        listed = ", ".join(f"“{mention.text}”" for mention in mentions)
        raise DateInputError(
            f"“{whole}” holds {len(mentions)} dates ({listed}); an event has one. For a span, "
            "write an interval such as 2024-07-11/2024-07-20."
        )
    (mention,) = mentions
    before, after = phrase[: mention.start], phrase[mention.end :].lstrip()
    _check_strays(f"{before} {after.removeprefix('~')}", whole=whole, mention=mention)
    if mention.reason == ANOTHER_DATE:
        raise DateInputError(
            f"“{whole}” counts from another date in the text, which the desk can't tell. "
            "Write the date itself (2024-06-20)."
        )
    if mention.value is None:
        raise NeedsReference(
            f"“{whole}” is relative, and there is no date to count from. "
            "Write the date itself (2024-06-20)."
        )
    words_before = _WORDS_BEFORE.search(before)
    assert words_before is not None  # every part of it is optional
    approximate = after.startswith("~") or words_before["approximate"] is not None
    word = (words_before["word"] or "").casefold()
    if word in _OPENING_WORDS:
        return _open_from(mention.value, whole=whole, approximate=approximate), False
    if word:
        raise DateInputError(
            f"“{whole}”: “{words_before['word']}” names a limit, not the date it happened. "
            "Write the date itself if you know it, or an interval such as 2024-01/2024-06."
        )
    return mention.value, approximate


def _check_strays(rest: str, *, whole: str, mention: DateMention) -> None:
    """Numbers and marks outside the date expression: refused, never silently dropped."""
    strays = _STRAY.findall(rest)
    if not strays:
        return
    if long := [stray for stray in strays if _LONG_NUMBER.search(stray)]:
        raise DateInputError(f"“{whole}”: {YEAR_RANGE_HELP} {long[0]} can't be stored.")
    if any(stray in ("?", "%") for stray in strays):
        raise DateInputError(f"“{whole}”: {UNCERTAIN_HELP}")
    shown = " ".join(dict.fromkeys(strays))
    raise DateInputError(
        f"“{whole}”: only “{mention.text}” reads as a date; “{shown}” can't be placed. Write "
        "one date, in words (24 July 2024) or as year-month-day (2024-07-24), or a span as an "
        "interval (2024-07-11/2024-07-20). Times aren't stored, and years in words run from "
        "1000 to 2999."
    )


def _open_from(value: str, *, whole: str, approximate: bool = False) -> str:
    start = parse(value)
    if start.kind is Kind.INTERVAL or start.approximate or approximate:
        raise _inexact_open_start(whole)
    try:
        return validate(f"{value}/{OPEN}")
    except ValueError as error:
        raise DateInputError(str(error)) from None


def _inexact_open_start(whole: str) -> DateInputError:
    return DateInputError(
        f"“{whole}”: an open interval starts at one day, month, season, quarter, year or "
        "decade, written exactly. Write it as 2024-07/.. (from July 2024)."
    )


def _approximated(value: str, *, whole: str) -> str:
    parsed = parse(value)
    if parsed.open_end:
        raise _inexact_open_start(whole)
    if parsed.approximate or parsed.kind in (Kind.INTERVAL, Kind.DECADE):
        return value
    return f"{value}~"
