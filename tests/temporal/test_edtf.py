"""EDTF values: bounds, validation with messages for people, and the sort key."""

from datetime import date

import pytest

from curation.temporal import bounds, sort_key, validate

BOUNDS = [
    ("2024-06-20", date(2024, 6, 20), date(2024, 6, 20)),
    ("2024-07", date(2024, 7, 1), date(2024, 7, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
    ("2009", date(2009, 1, 1), date(2009, 12, 31)),
    ("199X", date(1990, 1, 1), date(1999, 12, 31)),
    # a century, as EDTF writes it (issue 11: "the 20th century" -> 19XX)
    ("19XX", date(1900, 1, 1), date(1999, 12, 31)),
    ("20XX", date(2000, 1, 1), date(2099, 12, 31)),
    ("19XX/..", date(1900, 1, 1), date(9999, 12, 31)),
    ("2023-21", date(2023, 3, 1), date(2023, 5, 31)),
    ("2023-22", date(2023, 6, 1), date(2023, 8, 31)),
    ("2023-23", date(2023, 9, 1), date(2023, 11, 30)),
    ("2023-24", date(2023, 12, 1), date(2024, 2, 29)),
    ("2024-24", date(2024, 12, 1), date(2025, 2, 28)),
    ("2024-07-11/2024-07-20", date(2024, 7, 11), date(2024, 7, 20)),
    ("2024-09-30/2024-10-06", date(2024, 9, 30), date(2024, 10, 6)),
    ("2024-09/2024-12", date(2024, 9, 1), date(2024, 12, 31)),
    ("2009/2012", date(2009, 1, 1), date(2012, 12, 31)),
    ("2023-22/2023-23", date(2023, 6, 1), date(2023, 11, 30)),
    ("2024-06-13~", date(2024, 6, 13), date(2024, 6, 13)),
    ("2023-10~", date(2023, 10, 1), date(2023, 10, 31)),
    ("2009~", date(2009, 1, 1), date(2009, 12, 31)),
    ("0001", date(1, 1, 1), date(1, 12, 31)),
    ("9999-23", date(9999, 9, 1), date(9999, 11, 30)),
    # quarters and halves (EDTF level 2 sub-year groupings 33-36, 40-41)
    ("2024-33", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024-34", date(2024, 4, 1), date(2024, 6, 30)),
    ("2024-35", date(2024, 7, 1), date(2024, 9, 30)),
    ("2024-36", date(2024, 10, 1), date(2024, 12, 31)),
    ("2024-40", date(2024, 1, 1), date(2024, 6, 30)),
    ("2024-41", date(2024, 7, 1), date(2024, 12, 31)),
    ("2024-35~", date(2024, 7, 1), date(2024, 9, 30)),
    ("2024-34/2024-35", date(2024, 4, 1), date(2024, 9, 30)),
    ("2024-40/2024-07", date(2024, 1, 1), date(2024, 7, 31)),
    ("9999-36", date(9999, 10, 1), date(9999, 12, 31)),
    # an open end: from the start to the last day we can store
    ("2024-06/..", date(2024, 6, 1), date(9999, 12, 31)),
    ("2024-06-13/..", date(2024, 6, 13), date(9999, 12, 31)),
    ("199X/..", date(1990, 1, 1), date(9999, 12, 31)),
    ("2024-35/..", date(2024, 7, 1), date(9999, 12, 31)),
    ("9998-12-31/..", date(9998, 12, 31), date(9999, 12, 31)),
]


@pytest.mark.parametrize(("value", "lower", "upper"), BOUNDS, ids=lambda v: str(v))
def test_bounds(value, lower, upper):
    assert bounds(value) == (lower, upper)


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("2024-07", "2024-07"),
        ("  2024-07-11 / 2024-07-20 ", "2024-07-11/2024-07-20"),
        ("199x", "199X"),
        ("19xx", "19XX"),
        ("2024-06-13~", "2024-06-13~"),
        (" 2024-06 / .. ", "2024-06/.."),
    ],
)
def test_validate_returns_the_value_normalised(value, normalised):
    assert validate(value) == normalised


INVALID = [
    ("", "empty"),
    ("   ", "empty"),
    ("next Tuesday", "not a date we can store"),
    ("2024-13", "no month 13"),
    ("2024-25", "21-24 are seasons"),
    ("2024-00-10", "no month 00"),
    ("2024-02-30", "February 2024 has days 01-29"),
    ("2023-02-29", "February 2023 has days 01-28"),
    ("0000", "years run from 0001 to 9999"),
    ("000X", "years run from 0001 to 9999"),
    ("9999-24", "ends after 9999"),
    ("2024-07-20/2024-07-11", "ends before it starts"),
    ("2024/2024-03", "ends before it starts"),
    ("2024-07/", "exactly two dates"),
    ("../2024-07", "an open start"),
    ("../..", "an open start"),
    ("9999-12-31/..", "an open end must start before 9999"),
    ("9999/..", "an open end must start before 9999"),
    ("2024-06~/..", "not inside an interval"),
    ("2024-06-13?~%", "one mark at most"),
    ("2024-06-13~~", "one mark at most"),
    ("2024-06-13?~", "one mark at most"),
    ("2024-~06-13", "not on a part of it. Write 2024-06-13~"),
    ("?2024-06-13", "not on a part of it"),
    ("2024?/2025", "uncertain"),
    ("10000", "years run from 0001 to 9999"),
    ("10000-01-01", "years run from 0001 to 9999"),
    ("2024-37", "33-36 quarters"),
    ("2024-42", "40-41 halves"),
    ("/2024", "exactly two dates"),
    ("2024/2025/2026", "exactly two dates"),
    ("2024-06~/2024-07", "not inside an interval"),
    ("199X~", "a decade can't be approximate"),
    ("2024-06-20?", "uncertain"),
    ("2024%", "uncertain"),
    ("24/07/2024", "year-month-day"),
    ("07/24/24", "year-month-day"),
    ("-0100", "not a date we can store"),
    ("Y20240", "not a date we can store"),
    ("2024-06-20T10:00", "not a date we can store"),
    ("1XXX", "not a date we can store"),
    ("00XX", "years run from 0001 to 9999"),
    ("19XX~", "a century can't be approximate"),
]


@pytest.mark.parametrize(("value", "message"), INVALID, ids=lambda v: str(v))
def test_validate_explains_what_is_wrong(value, message):
    with pytest.raises(ValueError, match=message):
        validate(value)


def test_every_message_quotes_the_value_or_says_it_is_empty():
    for value, _ in INVALID:
        with pytest.raises(ValueError) as error:
            validate(value)
        assert value.strip() in str(error.value) or "empty" in str(error.value)


def test_not_text_is_a_value_error():
    with pytest.raises(ValueError, match="must be text"):
        validate(2024)  # type: ignore[arg-type]


def test_sort_key_orders_by_lower_then_finer_first():
    values = ["2024-07-24", "2024-07-11/2024-07-20", "2024", "2024-07", "2024-07-01", "202X"]
    assert sorted(values, key=sort_key) == [
        "202X",
        "2024",
        "2024-07-01",
        "2024-07",
        "2024-07-11/2024-07-20",
        "2024-07-24",
    ]


def test_sort_key_breaks_ties_by_id():
    assert sort_key("2024-06-13~", 2) > sort_key("2024-06-13", 1)
    assert sort_key("2024-06-13~", 1) < sort_key("2024-06-13", 2)


def test_sort_key_shape():
    assert sort_key("2024-07", 7) == (date(2024, 7, 1), 30, date(2024, 7, 31), 7)


def test_quarters_halves_and_open_ends_sort_by_start_then_finer_first():
    values = ["2024-06/..", "2024-35", "2024", "2024-06", "2024-40", "2024-06-01", "2024-33"]
    assert sorted(values, key=sort_key) == [
        "2024-33",
        "2024-40",
        "2024",
        "2024-06-01",
        "2024-06",
        "2024-06/..",
        "2024-35",
    ]
