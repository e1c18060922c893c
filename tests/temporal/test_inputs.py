"""parse_date_input(): what an editor types, as EDTF; and the JSON lines for the command."""

import json
from datetime import date

import pytest

from curation.temporal import find_dates_jsonl, parse_date_input

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
    ("since March 2023", WED, "2023-03"),
    ("24 July 2024", WED, "2024-07-24"),
    ("the 1990s", WED, "199X"),
    ("summer 2023", WED, "2023-22"),
    ("winter 2023–24", WED, "2023-24"),
    ("two weeks ago", date(2024, 6, 27), "2024-06-13~"),
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
]


@pytest.mark.parametrize(("text", "reference", "value"), INPUTS, ids=lambda v: str(v))
def test_parse_date_input(text, reference, value):
    assert parse_date_input(text, reference) == value


def test_jsonl_one_object_per_mention():
    lines = list(find_dates_jsonl("Met yesterday in Zürich, not in 2009.", WED))
    assert [json.loads(line) for line in lines] == [
        {"start": 4, "end": 13, "text": "yesterday", "value": "2024-06-25"},
        {"start": 32, "end": 36, "text": "2009", "value": "2009"},
    ]
    assert all("\n" not in line for line in lines)


def test_jsonl_keeps_unicode_and_null():
    (line,) = find_dates_jsonl("Zürich, letzte Woche… last Thursday", None)
    assert line == '{"start": 22, "end": 35, "text": "last Thursday", "value": null}'
