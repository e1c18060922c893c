"""Every tested sentence of the corpus, by the issue's numbered categories (1 to 7) and the
everyday sentences that carry no category ("general")."""

from tests.temporal.corpus import (
    Case,
    ago,
    bare_years,
    general,
    months,
    not_dates,
    smaller,
    speech,
    tense,
)

CATEGORIES: dict[str, list[Case]] = {
    "1 bare years": bare_years.CASES,
    "2 tense": tense.CASES,
    "3 months": months.CASES,
    "4 ago": ago.CASES,
    "5 reported speech": speech.CASES,
    "6 smaller categories": smaller.CASES,
    "7 not dates": not_dates.CASES,
    "general": general.CASES,
}
ALL_CASES: list[Case] = [case for cases in CATEGORIES.values() for case in cases]
