"""parse_date_input(): what an editor types, as EDTF; and the JSON lines for the command."""

import json
from datetime import date

import pytest

from curation.temporal import (
    DateInputError,
    NeedsReference,
    as_typed,
    find_dates_jsonl,
    parse_date_input,
    read_date_input,
)

WED = date(2024, 6, 26)

INPUTS = [
    ("2024-07", WED, "2024-07"),
    (" 199x ", WED, "199X"),
    ("2024-07-11/2024-07-20", WED, "2024-07-11/2024-07-20"),
    ("mid-July 2024", WED, "2024-07-11/2024-07-20"),
    ("mid-July 2024", None, "2024-07-11/2024-07-20"),
    ("last Thursday", WED, "2024-06-20"),
    ("last Thursday", None, None),
    ("on Tuesday", WED, "2024-06-25"),
    ("since March 2023", WED, "2023-03/.."),
    ("24 July 2024", WED, "2024-07-24"),
    ("the 1990s", WED, "199X"),
    ("summer 2023", WED, "2023-22"),
    ("winter 2023–24", WED, "2023-24"),
    ("two weeks ago", date(2024, 6, 27), "2024-06-10/2024-06-16"),
    ("c. 13 June 2024", WED, "2024-06-13~"),
    ("circa 2009", WED, "2009~"),
    ("about October 2023", WED, "2023-10~"),
    ("c. 2024-06-13", WED, "2024-06-13~"),
    ("c. mid-July 2024", WED, "2024-07-11/2024-07-20"),
    ("c. 13 June 2024~", WED, "2024-06-13~"),
    ("", WED, None),
    ("soon", WED, None),
    ("Tuesday and Wednesday", WED, None),
    ("2024-02-30", WED, None),
    # quarters and halves, in EDTF and in words
    ("2024-35", WED, "2024-35"),
    ("Q3 2024", WED, "2024-35"),
    ("q3 2024", WED, "2024-35"),
    ("Q1 of 2025", WED, "2025-33"),
    ("third quarter of 2024", WED, "2024-35"),
    ("the third quarter of 2024", WED, "2024-35"),
    ("in the 4th quarter, 2023", WED, "2023-36"),
    ("the last quarter of 2024", WED, "2024-36"),
    ("H1 2024", WED, "2024-40"),
    ("H2 2024", WED, "2024-41"),
    ("the first half of 2024", WED, "2024-40"),
    ("second half of 2025", WED, "2025-41"),
    ("c. Q3 2024", WED, "2024-35~"),
    ("about the first half of 2024", WED, "2024-40~"),
    ("2024-41~", WED, "2024-41~"),
    # days written with numbers: read when only one reading is a real day
    ("24/07/2024", WED, "2024-07-24"),
    ("07/24/2024", WED, "2024-07-24"),
    ("13/01/2024", WED, "2024-01-13"),
    ("5/5/2024", WED, "2024-05-05"),
    ("24.07.2024", WED, "2024-07-24"),
    ("24-07-2024", WED, "2024-07-24"),
    ("2024/07/24", WED, "2024-07-24"),
    ("24/07/2024", None, "2024-07-24"),
    ("c. 24/07/2024", WED, "2024-07-24~"),
    ("24 / 07 / 2024", WED, "2024-07-24"),
    ("since 24/07/2024", WED, "2024-07-24/.."),
    ("from 1000", WED, "1000/.."),
    # open ends: since/from, or EDTF ..
    ("2024-06/..", WED, "2024-06/.."),
    ("since June 2024", WED, "2024-06/.."),
    ("from June 2024", WED, "2024-06/.."),
    ("from the 1990s", WED, "199X/.."),
    ("from Q3 2024", WED, "2024-35/.."),
    ("since last Thursday", WED, "2024-06-20/.."),
    ("strike ongoing since 13 June 2024", WED, "2024-06-13/.."),
    # ~ right after words, or an approximation word just before the date
    ("13 June 2024~", WED, "2024-06-13~"),
    ("talks held around 13 June 2024", WED, "2024-06-13~"),
    # refused: what can't be read faithfully
    ("1 January 10000", WED, None),
    ("2024-06-13?~%", WED, None),
    ("9999-12-31/..", WED, None),
    ("05/07/2024", WED, None),
    ("24 July 2024 at 10:00", WED, None),
    ("before June 2024", WED, None),
    ("the day before", WED, None),
]


@pytest.mark.parametrize(("text", "reference", "value"), INPUTS, ids=lambda v: str(v))
def test_parse_date_input(text, reference, value):
    assert parse_date_input(text, reference) == value


# (what an editor typed, the reference, words the message must contain: what was wrong and
# what to write instead). Matched as plain text, not as a pattern.
REFUSALS = [
    # a date that counts from another one, with or without a reference
    ("the day before", WED, ["counts from another date", "Write the date itself"]),
    ("that year", None, ["counts from another date", "Write the date itself"]),
    # the cases
    ("1 January 10000", WED, ["years run from 0001 to 9999", "10000 can't be stored"]),
    ("10000-01-01", WED, ["years run from 0001 to 9999"]),
    ("24 July 10000", WED, ["years run from 0001 to 9999"]),
    ("summer 10000", WED, ["years run from 0001 to 9999"]),
    ("2024-06-13?~%", WED, ["one mark at most", "Write 2024-06-13~"]),
    ("2024-06-13~?", WED, ["one mark at most", "Write 2024-06-13~"]),
    ("2024-~06-13", WED, ["not on a part of it", "Write 2024-06-13~"]),
    ("2024-06-13?", WED, ["uncertain dates", "Use ~"]),
    ("13 June 2024?", WED, ["uncertain dates", "Use ~"]),
    ("9999-12-31/..", WED, ["an open end must start before 9999", "2024-06/.."]),
    ("../2024-06", WED, ["an open start (..) is not supported", "2024-01/2024-06"]),
    ("2024-06/", WED, ["exactly two dates", "2024-06/.."]),
    (
        "05/07/2024",
        WED,
        ["5 July 2024 or 7 May 2024? Write it as 2024-07-05 or 5 July 2024."],
    ),
    ("07/05/2024", WED, ["7 May 2024 or 5 July 2024? Write it as 2024-05-07 or 7 May 2024."]),
    ("31/02/2024", WED, ["not a day of the calendar", "2024-07-24"]),
    ("13/13/2024", WED, ["not a day of the calendar"]),
    ("2024/02/30", WED, ["not a day of the calendar"]),
    ("24/07/24", WED, ["write the year with all its digits", "24/07/2024"]),
    ("24/07/0000", WED, ["years run from 0001 to 9999"]),
    # numbers and marks outside the one date expression are never dropped
    ("1 January 3000", WED, ["only “1 January” reads as a date", "“3000” can't be placed"]),
    ("24 July 2024 at 10:00", WED, ["only “24 July 2024” reads", "“10:00” can't be placed"]),
    ("24 July 24", WED, ["“24” can't be placed", "24 July 2024"]),
    ("June 2024/..", WED, ["“/ ..” can't be placed"]),
    # limits are not the date something happened
    ("before June 2024", WED, ["“before” names a limit", "2024-01/2024-06"]),
    ("until Q3 2024", WED, ["“until” names a limit"]),
    ("by the 1990s", WED, ["“by” names a limit"]),
    ("after last Thursday", WED, ["“after” names a limit"]),
    # an open end starts at one value, written exactly
    ("since mid-July 2024", WED, ["an open interval starts at one day", "2024-07/.."]),
    ("since c. June 2024", WED, ["an open interval starts at one day"]),
    ("since June 2024~", WED, ["an open interval starts at one day"]),
    ("c. since June 2024", WED, ["an open interval starts at one day"]),
    ("about 2024-06/..", WED, ["an open interval starts at one day"]),
    # and what was refused before, still with a message
    ("sometime soonish", WED, ["Can't read “sometime soonish” as a date", "Q3 2024"]),
    ("Tuesday and Wednesday", WED, ["holds 2 dates (“Tuesday”, “Wednesday”)", "interval"]),
    ("", WED, ["The date is empty"]),
    ("2024-13", WED, ["there is no month 13"]),
    ("fiscal Q3 2024", WED, ["Can't read “fiscal Q3 2024” as a date"]),
]


@pytest.mark.parametrize(("text", "reference", "words"), REFUSALS, ids=lambda v: str(v))
def test_read_date_input_refuses_with_a_message_that_says_what_to_write(text, reference, words):
    with pytest.raises(DateInputError) as refused:
        read_date_input(text, reference)
    for expected in words:
        assert expected in str(refused.value)


def test_a_relative_date_without_a_reference_needs_one():
    with pytest.raises(NeedsReference, match="no date to count from"):
        read_date_input("last Thursday", None)


def test_jsonl_one_object_per_mention():
    lines = list(find_dates_jsonl("Met yesterday in Zürich, not in 2009.", WED))
    assert [json.loads(line) for line in lines] == [
        {"start": 4, "end": 13, "text": "yesterday", "value": "2024-06-25"},
        {"start": 32, "end": 36, "text": "2009", "value": "2009"},
    ]
    assert all("\n" not in line for line in lines)


def test_jsonl_keeps_unicode_and_null():
    (line,) = find_dates_jsonl("Zürich, letzte Woche… last Thursday", None)
    assert line == (
        '{"start": 22, "end": 35, "text": "last Thursday", "value": null, '
        '"reason": "no publication date"}'
    )


def test_jsonl_says_why_a_value_is_null():
    lines = find_dates_jsonl("They met on 3 May 2024 and again the day after.", WED)
    assert [json.loads(line) for line in lines] == [
        {"start": 12, "end": 22, "text": "3 May 2024", "value": "2024-05-03"},
        {
            "start": 37,
            "end": 46,
            "text": "day after",
            "value": None,
            "reason": "refers to another date",
        },
    ]


@pytest.mark.parametrize(
    ("value", "typed"),
    [
        ("2024-06-20", "20 June 2024"),
        ("2024-22", "summer 2024"),
        ("2024-35", "Q3 2024"),
        ("2024-07-11/2024-07-20", "mid-July 2024"),
        ("2024-06-13~", "c. 13 June 2024"),
    ],
)
def test_a_stored_date_is_edited_in_words_when_they_read_back(value, typed):
    assert as_typed(value) == typed
    assert parse_date_input(typed, None) == value
