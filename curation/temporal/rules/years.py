"""Years, year ranges, decades and centuries: "in 2009", "a 2010 raid", "the 1957-58 season",
"the 1990s", "the nineties", "the 20th century".

A four-digit number from 1900 to 2099 is a year when something in news copy says so:

- a preposition before it ("in 2009", "since 2010", "by 2030", "for 2025", "of 2008" unless
  a quantity comes first: "a crowd of 2000"), "the year" ("the year 2023");
- a determiner or a possessive before it ("a 2010 raid", "his 2007 campaign", "Obama's 2008
  campaign"), or its own possessive ("2008's crisis");
- a year just before it in a list or a range ("2008, 2012 and 2016", "from 2010 to 2015");
- a noun of the calendar after it ("2024 elections", "2025 forecast"), or, opening a sentence,
  a verb ("2023 was the hottest year"); brackets around it alone ("Trump (2017-2021)");
- "around", "about", "circa" before it, which make it approximate ("around 2015" -> 2015~).

And it is not a year when it counts or tells the time: a count noun after it ("2000 troops",
"2010 new jobs", "a 2000-strong force"), a time zone or "hours" ("2030 GMT"), "at" before it
("at 2030"), a label before it ("No. 2010", "Flight 2019", "resolution 2025"), or a name
("Vision 2030", "Euro 2024", "Limited 2024"). Years 1000-1899 count only after a preposition
and at the end of a phrase ("erupted in 1821."), never before a noun ("in 1500 trucks").

"1957-58", "2019/20", "2010-2015" are one expression, an interval of years (1957/1958), running
forwards. After "fiscal", "FY" or "financial/tax/budget year" years are not calendar years and
are not reported ("fiscal 2024", "the fiscal year in 2009-10").

Decades: "1990s" (199X), "the '90s", "the nineties" (after "the": "his nineties" is an age).
"the mid-1990s" is the decade, 199X. Centuries: "the 20th century", "the twentieth century"
(19XX), from the 2nd (01XX) on; the 1st would start in year 0.
"""

import re

from curation.temporal import periods
from curation.temporal.context import Context, Found, absolute
from curation.temporal.lexicon import (
    DECADE_WORD,
    DECADE_WORDS,
    ORDINAL_WORD,
    ORDINAL_WORDS,
    fold,
    ordinal_number,
)
from curation.temporal.rules.base import DIGITS, Rule, approximated, opens_sentence

_YEAR_TAIL = r"(?![\w%]|[.,][0-9]|[-–/:][0-9])"
_YEAR = re.compile(
    r"(?<![\w'’$£€#.-])(?P<year>1[0-9]{3}|20[0-9]{2})"
    rf"(?:\s?[-–/]\s?(?P<year2>[0-9]{{4}}|[0-9]{{2}}){_YEAR_TAIL})?{_YEAR_TAIL}"
)
_DECADE = re.compile(r"(?<![\w'’])(?P<decade>[12][0-9]{2})0s\b")
_SHORT_DECADE = re.compile(r"(?<=['’])(?P<digit>[0-9])0s\b")
_DECADE_WORD = re.compile(rf"(?P<word>{DECADE_WORD})\b", re.IGNORECASE)
_CENTURY = re.compile(
    rf"(?:(?<![\w.])(?P<number>[0-9]{{1,2}})(?:st|nd|rd|th)|(?P<word>{ORDINAL_WORD}))"
    r"(?:\s+|-)century\b",
    re.IGNORECASE,
)

_COUNT_NOUNS = (
    "people persons men women troops soldiers fighters workers jobs employees staff members "
    "students children families households homes houses units cars vehicles trucks lorries "
    "tanks aircraft planes flights ships boats tonnes tons barrels km kilometres kilometers "
    "miles metres meters feet acres hectares dollars euros pounds yen yuan rupees shares votes "
    "seats points cases deaths dead casualties victims patients beds doctors nurses police "
    "officers refugees migrants prisoners detainees protesters demonstrators civilians "
    "residents voters delegates visitors tourists passengers fans spectators participants "
    "words pages rounds missiles rockets drones shells bombs weapons guns rifles animals "
    "cattle sheep trees tests samples companies firms businesses schools hospitals villages "
    "buildings apartments flats kilograms kg litres liters gallons megawatts calls complaints "
    "arrests incidents sites stores shops branches times copies signatures applications "
    "infections vaccinations doses tickets items products devices phones computers accounts "
    "users customers subscribers viewers readers listeners"
).split()
_COUNT_AFTER = re.compile(
    rf"(?:\s+[a-z]+)?\s+(?:{'|'.join(_COUNT_NOUNS)})\b"
    r"|-(?:strong|metre|meter|mile|km|tonne|ton|page|seat|member|bed|year|day)\b"
    r"|\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|IST|JST)\b"
    r"|\s+(?:local\s+time|hrs|hours|h)\b"
)
_LABEL_BEFORE = re.compile(
    r"(?:\bat|\bno\.|\bnos?\.|\bnumber|\bpage|\bpages|\broom|\bflight|\broute|\bresolution|"
    r"\barticle|\bsection|\bchapter|\bmodel|\bversion|\bcode|\bhighway|\bbus|\bline|"
    r"\bplatform|\bgate|\bseat|\bunit|\bfiscal|\bFY|\bpost|\bpre|"
    r"\b(?:fiscal|financial|tax|budget|school|academic)\s+year)\s*\Z",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|before|after|during|from|through|throughout|between|for|"
    r"around|about|circa|c\.|ca\.|approximately|roughly|of|the\s+year|year)\s+\Z",
    re.IGNORECASE,
)
_OLD_YEAR_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|before|after|during|from|around|circa|c\.)\s+\Z",
    re.IGNORECASE,
)
_QUANTITY_OF_BEFORE = re.compile(
    r"\b(?:crowd|total|group|sum|number|force|fleet|army|population|toll|tally|figure|"
    r"estimate|maximum|minimum|average|salary|price|cost|fine|payment|rise|increase|drop|"
    r"fall|decline|loss|gain|margin|majority|score|count|team|staff|workforce|debt|deficit|"
    r"out|some|one|each|list|batch|wave|convoy|contingent|delegation)\s+of\s+\Z",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|his|her|its|their|our|my|your|whose)|\w['’]s)\s+\Z",
    re.IGNORECASE,
)
_CHAIN_BEFORE = re.compile(
    r"(?<![0-9])(?:1[0-9]|20)[0-9]{2}s?"
    r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through|until|till|&)\s+)\Z"
)
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+\Z")
_CALENDAR_NOUN_AFTER = re.compile(
    r"\s+(?:elections?|polls|midterms|census|olympics|world\s+cup|budget|season|campaign|"
    r"crisis|war|summit|referendum|harvest|championships?|tournament|recession|uprising|"
    r"revolution|coup|earthquake|tsunami|invasion|treaty|deadline|target|forecast|outlook|"
    r"guidance)\b",
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(
    r"\s+(?:was|is|has|had|will|saw|marked|brought|began|ended|proved|became|promises|looks|"
    r"could|may|might|would|should|must|also)\b"
)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_PHRASE_END_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\]\"”]|\Z|\s+(?:and|or|but|when|while|after|before|until|during|last|"
    r"this|next|on|in|at|to|for|with|by|from|as)\b)"
)
_FISCAL_BEFORE = re.compile(
    r"\b(?:fiscal|FY|(?:financial|tax|budget)\s+year)\b[^.]{0,20}\Z", re.IGNORECASE
)
_THE_DECADE_BEFORE = re.compile(
    r"\bthe\s+(?:(?:early|mid|late)(?:\s*-\s*|\s+))?['’]?\Z", re.IGNORECASE
)


def _year(match: re.Match[str], context: Context) -> Found | None:
    """A bare year, or a range of years, where the words around it say it is one."""
    text, start, end = context.text, match.start(), match.end()
    first = int(match["year"])
    if _COUNT_AFTER.match(text, end) or context.preceded_by(_LABEL_BEFORE, start=start):
        return None
    licence = _licence(context, start=start, end=end)
    if licence is None or (first < 1900 and licence != "old"):
        return None
    if context.preceded_by(_FISCAL_BEFORE, start=start):
        return None  # "fiscal 2024", "the fiscal year in 2009-10": not calendar years
    if match["year2"] is None:
        value = absolute(lambda: periods.whole_year(first))
    else:
        last = _range_end(first, match["year2"])
        if last is None:
            return None
        value = absolute(lambda: periods.years(first=first, last=last))
    if value is None:
        return None
    return approximated(context, Found(start, end, value), about=True)


def _licence(context: Context, *, start: int, end: int) -> str | None:
    """What makes the number a year ("old" for a preposition before a year before 1900)."""
    text = context.text
    if preposition := context.preceded_by(_PREPOSITION_BEFORE, start=start):
        if preposition[0].lower().startswith("of") and context.preceded_by(
            _QUANTITY_OF_BEFORE, start=start
        ):
            return None
        if context.preceded_by(_OLD_YEAR_PREPOSITION_BEFORE, start=start) and (
            _PHRASE_END_AFTER.match(text, end)
        ):
            return "old"
        return "preposition"
    if context.preceded_by(_DETERMINER_BEFORE, start=start) or context.preceded_by(
        _CHAIN_BEFORE, start=start
    ):
        return "determiner"
    if _POSSESSIVE_AFTER.match(text, end) or _CALENDAR_NOUN_AFTER.match(text, end):
        return "after"
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return "brackets"  # "Trump (2017-2021)", a film (1999)
    if capitalised := context.preceded_by(_CAPITALISED_BEFORE, start=start):
        if not opens_sentence(text, capitalised.start()):
            return None  # a name: "Vision 2030", "Limited 2024"
    if opens_sentence(text, start) and _VERB_AFTER.match(text, end):
        return "subject"
    return None


def _range_end(first: int, written: str) -> int | None:
    """The last year of '1957-58' or '2010-2015': later than the first, and not by much."""
    if len(written) == 2:
        last = first // 100 * 100 + int(written)
        if last <= first:
            last += 100
        return last if last - first <= 20 else None
    last = int(written)
    return last if first < last <= first + 100 else None


def _decade(match: re.Match[str], context: Context) -> Found | None:
    value = absolute(lambda: periods.decade(int(match["decade"]) * 10))
    return None if value is None else Found(match.start(), match.end(), value)


def _short_decade(match: re.Match[str], context: Context) -> Found | None:
    """ "the '90s": 1930s-1990s, and "the '00s"; the 1910s and 1920s could be the 2020s."""
    digit = int(match["digit"])
    start = match.start() - 1
    if not 3 <= digit <= 9 and digit != 0:
        return None
    if not context.preceded_by(_THE_DECADE_BEFORE, start=match.start()):
        return None
    first_year = 2000 if digit == 0 else 1900 + 10 * digit
    return Found(start, match.end(), periods.decade(first_year).value)


def _decade_word(match: re.Match[str], context: Context) -> Found | None:
    """ "the nineties"; "in his nineties" is an age."""
    if not context.preceded_by(_THE_DECADE_BEFORE, start=match.start()):
        return None
    first_year = DECADE_WORDS[fold(match["word"])]
    return Found(match.start(), match.end(), periods.decade(first_year).value)


def _century(match: re.Match[str], context: Context) -> Found | None:
    number = ordinal_number(match["word"]) if match["word"] else int(match["number"])
    if number is None or not 2 <= number <= 99:
        return None
    return Found(match.start(), match.end(), periods.century((number - 1) * 100).value)


RULES = (
    Rule("year", (DIGITS,), _YEAR, _year),
    Rule("decade", (DIGITS,), _DECADE, _decade, needs=("0s",)),
    Rule("decade short", (DIGITS,), _SHORT_DECADE, _short_decade, needs=("'", "’")),
    Rule("decade word", tuple(DECADE_WORDS), _DECADE_WORD, _decade_word),
    Rule("century", (DIGITS, *ORDINAL_WORDS, "twenty"), _CENTURY, _century, needs=("century",)),
)
