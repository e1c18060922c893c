"""display(): for people, never more precise than the stored value."""

import re

import pytest

from curation.temporal import display

DISPLAY = [
    ("2024-06-20", "20 June 2024"),
    ("2024-07", "July 2024"),
    ("2009", "2009"),
    ("199X", "1990s"),
    ("200X", "2000s"),
    ("2023-21", "spring 2023"),
    ("2023-22", "summer 2023"),
    ("2023-23", "autumn 2023"),
    ("2023-24", "winter 2023–24"),
    ("1999-24", "winter 1999–2000"),
    ("2024-06-13~", "c. 13 June 2024"),
    ("2023-10~", "c. October 2023"),
    ("2009~", "c. 2009"),
    ("2023-22~", "c. summer 2023"),
    ("2024-07-01/2024-07-10", "early July 2024"),
    ("2024-07-11/2024-07-20", "mid-July 2024"),
    ("2024-07-21/2024-07-31", "late July 2024"),
    ("2024-02-21/2024-02-29", "late February 2024"),
    ("2024-02-21/2024-02-28", "21–28 February 2024"),
    ("2024-06-24/2024-06-30", "24–30 June 2024"),
    ("2024-06-30/2024-07-02", "30 June – 2 July 2024"),
    ("2024-09-30/2024-10-06", "30 September – 6 October 2024"),
    ("2024-12-30/2025-01-02", "30 December 2024 – 2 January 2025"),
    ("2024-07-24/2024-07-24", "24 July 2024"),
    ("2024-01/2024-04", "early 2024"),
    ("2024-05/2024-08", "mid-2024"),
    ("2024-09/2024-12", "late 2024"),
    ("2024-03/2024-05", "March–May 2024"),
    ("2023-11/2024-02", "November 2023 – February 2024"),
    ("2024-07/2024-07", "July 2024"),
    ("2009/2012", "2009–2012"),
    ("2009/2009", "2009"),
    ("2024-06/2024-07-15", "June 2024 – 15 July 2024"),
    ("199X/2003", "1990s – 2003"),
    ("0999-06-20", "20 June 999"),
    # quarters and halves: never a month or a day
    ("2024-33", "Q1 2024"),
    ("2024-34", "Q2 2024"),
    ("2024-35", "Q3 2024"),
    ("2024-36", "Q4 2024"),
    ("2024-40", "first half of 2024"),
    ("2024-41", "second half of 2024"),
    ("2024-35~", "c. Q3 2024"),
    ("2024-40~", "c. first half of 2024"),
    ("2024-35/2025-34", "Q3 2024 – Q2 2025"),
    ("2024-40/2024-35", "first half of 2024 – Q3 2024"),
    ("2024-22/2024-36", "summer 2024 – Q4 2024"),
    # an open end
    ("2024-06/..", "from June 2024"),
    ("2024-06-13/..", "from 13 June 2024"),
    ("2009/..", "from 2009"),
    ("199X/..", "from the 1990s"),
    ("2024-22/..", "from summer 2024"),
    ("2023-24/..", "from winter 2023–24"),
    ("2024-35/..", "from Q3 2024"),
    ("2024-41/..", "from the second half of 2024"),
]

# Every kind of value the desk can store, and what it must never show instead.
NEVER_SHOWN_AS_CODES = [
    "2024-21",
    "2024-22",
    "2024-23",
    "2024-24",
    "2024-33",
    "2024-40",
    "2024-06/..",
]


@pytest.mark.parametrize(("value", "text"), DISPLAY, ids=lambda v: str(v))
def test_display(value, text):
    assert display(value) == text


def test_mid_july_is_never_a_day():
    assert "15" not in display("2024-07-11/2024-07-20")


def test_display_refuses_what_it_cannot_store():
    with pytest.raises(ValueError, match="no month 13"):
        display("2024-13")


@pytest.mark.parametrize("value", NEVER_SHOWN_AS_CODES)
def test_groupings_and_open_ends_are_shown_in_words_not_as_codes(value):
    assert not re.search(r"[0-9]{4}-[0-9]{2}|\.\.", display(value))
