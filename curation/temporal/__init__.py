"""Dates in news text: find them, store them as EDTF, show them, sort them. Plain Python.

    find_dates(text, reference)        -> [DateMention(start, end, text, value, reason)]
                                          reason says why value is None: NO_REFERENCE,
                                          ANOTHER_DATE ("the day before"), OUTSIDE_CALENDAR
    find_dates_jsonl(text, reference)  -> one JSON line per mention
    read_date_input(text, reference)   -> EDTF from "2024-07", "mid-July 2024", "24/07/2024";
                                          DateInputError with a message for people
    parse_date_input(text, reference)  -> the same, or None where read_date_input refuses
    validate(value) -> value           ValueError with a message for people
    bounds(value) -> (lower, upper)    inclusive days; 9999-12-31 for an open end
    display(value) -> "mid-July 2024"  never more precise than the value
    sort_key(value, id)                (lower, length in days, upper, id)

The rules live in the docstrings of the modules: ``finder`` (what counts as a date expression
and what it resolves to, one named rule each in ``rules/``), ``tense`` and ``verbs``
(underspecified dates), ``speech`` (quotations from an earlier day), ``edtf`` (values and
bounds), ``display`` and ``inputs``. No Django here: the design note keeps ``temporal`` free
of apps.
"""

from curation.temporal.display import display
from curation.temporal.edtf import Kind, bounds, parse, sort_key, validate
from curation.temporal.finder import (
    ANOTHER_DATE,
    NO_REFERENCE,
    OUTSIDE_CALENDAR,
    DateMention,
    find_dates,
    find_dates_jsonl,
)
from curation.temporal.inputs import (
    DateInputError,
    NeedsReference,
    as_typed,
    parse_date_input,
    read_date_input,
)

__all__ = [
    "ANOTHER_DATE",
    "NO_REFERENCE",
    "OUTSIDE_CALENDAR",
    "DateInputError",
    "as_typed",
    "DateMention",
    "Kind",
    "NeedsReference",
    "bounds",
    "display",
    "find_dates",
    "find_dates_jsonl",
    "parse",
    "parse_date_input",
    "read_date_input",
    "sort_key",
    "validate",
]
