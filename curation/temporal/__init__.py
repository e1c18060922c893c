"""Dates in news text: find them, store them as EDTF, show them, sort them. Plain Python.

    find_dates(text, reference)        -> [DateMention(start, end, text, value)]
    find_dates_jsonl(text, reference)  -> one JSON line per mention
    read_date_input(text, reference)   -> EDTF from "2024-07", "mid-July 2024", "24/07/2024";
                                          DateInputError with a message for people
    parse_date_input(text, reference)  -> the same, or None where read_date_input refuses
    validate(value) -> value           ValueError with a message for people
    bounds(value) -> (lower, upper)    inclusive days; 9999-12-31 for an open end
    display(value) -> "mid-July 2024"  never more precise than the value
    sort_key(value, id)                (lower, length in days, upper, id)

The rules live in the docstrings of the modules: ``finder`` (what counts as a date expression
and what it resolves to), ``tense`` (underspecified dates), ``edtf`` (values and bounds),
``display`` and ``inputs``. No Django here: the design note keeps ``temporal`` free of apps.
"""

from curation.temporal.display import display
from curation.temporal.edtf import Kind, bounds, parse, sort_key, validate
from curation.temporal.finder import DateMention, find_dates, find_dates_jsonl
from curation.temporal.inputs import (
    DateInputError,
    NeedsReference,
    as_typed,
    parse_date_input,
    read_date_input,
)

__all__ = [
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
