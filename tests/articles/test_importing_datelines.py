"""Datelines at the start of a report: read as the publication date, flagged to check."""

from datetime import date

import pytest

from curation.articles.importing import parse_text
from curation.articles.importing.datelines import read_dateline

LEAD = "Israeli jets struck southern Lebanon on Wednesday, the army said."


@pytest.mark.parametrize(
    ("text", "published_on", "dateline", "is_update_stamp"),
    [
        ("BEIRUT, 14 August 2024 — " + LEAD, date(2024, 8, 14), "BEIRUT, 14 August 2024", False),
        ("BEIRUT, 14 August 2024 —", date(2024, 8, 14), "BEIRUT, 14 August 2024", False),
        ("BEIRUT, 14 August 2024 " + LEAD, date(2024, 8, 14), "BEIRUT, 14 August 2024", False),
        (
            "TEL AVIV, Wednesday, 14 August 2024 – " + LEAD,
            date(2024, 8, 14),
            "TEL AVIV, Wednesday, 14 August 2024",
            False,
        ),
        (
            "BEIRUT, Lebanon, 14 August 2024 - " + LEAD,
            date(2024, 8, 14),
            "BEIRUT, Lebanon, 14 August 2024",
            False,
        ),
        (
            "WASHINGTON, June 27, 2024 (Reuters) - " + LEAD,
            date(2024, 6, 27),
            "WASHINGTON, June 27, 2024 (Reuters)",
            False,
        ),
        (
            "CAIRO (Reuters) — Aug. 14, 2024",
            date(2024, 8, 14),
            "CAIRO (Reuters) — Aug. 14, 2024",
            False,
        ),
        (
            "CAIRO (Reuters) — Aug. 14, 2024 — " + LEAD,
            date(2024, 8, 14),
            "CAIRO (Reuters) — Aug. 14, 2024",
            False,
        ),
        (
            "RAMALLAH, West Bank (AP) — Aug. 14, 2024 — " + LEAD,
            date(2024, 8, 14),
            "RAMALLAH, West Bank (AP) — Aug. 14, 2024",
            False,
        ),
        (
            "Beirut (AFP), 14 August 2024 — " + LEAD,
            date(2024, 8, 14),
            "Beirut (AFP), 14 August 2024",
            False,
        ),
        (
            "SÃO PAULO, 14 August 2024 — " + LEAD,
            date(2024, 8, 14),
            "SÃO PAULO, 14 August 2024",
            False,
        ),
        ("Updated 14 Aug 2024 09:12 BST", date(2024, 8, 14), "Updated 14 Aug 2024 09:12 BST", True),
        (
            "Last updated: 10:45 AM EDT, June 3, 2024",
            date(2024, 6, 3),
            "Last updated: 10:45 AM EDT, June 3, 2024",
            True,
        ),
        (
            "UPDATED 14 Aug 2024 09:12 BST " + LEAD,
            date(2024, 8, 14),
            "UPDATED 14 Aug 2024 09:12 BST",
            True,
        ),
    ],
)
def test_datelines_are_read(text, published_on, dateline, is_update_stamp):
    found = read_dateline(text)
    assert found is not None
    assert (found.published_on, found.text, found.is_update_stamp) == (
        published_on,
        dateline,
        is_update_stamp,
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(LEAD, id="an ordinary first sentence"),
        pytest.param(
            "On Tuesday, 14 August 2024 — the day the talks failed — " + LEAD,
            id="a sentence in ordinary capitals",
        ),
        pytest.param(
            "Beirut, 14 August 2024 — " + LEAD, id="a place not in capitals, with no agency"
        ),
        pytest.param("BY JANE DOE, 14 August 2024", id="a byline in capitals"),
        pytest.param("CAIRO, June 27 (Reuters) - " + LEAD, id="no year: no full date"),
        pytest.param("CAIRO (Reuters) - " + LEAD, id="no date at all"),
        pytest.param("BEIRUT, 31 February 2024 — " + LEAD, id="not a real date"),
        pytest.param("BEIRUT, 14 August 2024 5 people were killed.", id="a number right after"),
        pytest.param(
            "Updated guidance for travellers, 14 August 2024", id="a headline about an update"
        ),
        pytest.param("The talks in BEIRUT, 14 August 2024 — " + LEAD, id="not at the start"),
    ],
)
def test_what_is_not_a_dateline(text):
    assert read_dateline(text) is None


def test_a_whole_line_must_be_only_the_dateline():
    assert read_dateline("BEIRUT, 14 August 2024 —", whole=True) is not None
    assert read_dateline("BEIRUT, 14 August 2024 — " + LEAD, whole=True) is None


@pytest.mark.parametrize(
    ("text", "title", "body_starts"),
    [
        pytest.param(
            f"Israel strikes Lebanon\n\nBEIRUT, 14 August 2024 — {LEAD}",
            "Israel strikes Lebanon",
            "BEIRUT, 14 August 2024 — Israeli jets",
            id="at the start of the body: it stays in the text",
        ),
        pytest.param(
            f"Israel strikes Lebanon\n\nCAIRO (Reuters) — Aug. 14, 2024\n\n{LEAD}",
            "Israel strikes Lebanon",
            "Israeli jets",
            id="a line of its own, as a header line",
        ),
        pytest.param(
            f"BEIRUT, 14 August 2024 — {LEAD}",
            "Israeli jets struck southern Lebanon on Wednesday",
            "BEIRUT, 14 August 2024 — Israeli jets",
            id="no title: the title made from the sentence after the dateline",
        ),
        pytest.param(
            f"Israel strikes Lebanon\nUpdated 14 Aug 2024 09:12 BST\n\n{LEAD}",
            "Israel strikes Lebanon",
            "Israeli jets",
            id="an update stamp under the title",
        ),
    ],
)
def test_a_dateline_gives_an_undated_article_its_date_flagged(text, title, body_starts):
    article = parse_text(text)
    assert article.published_on == date(2024, 8, 14)
    assert article.date_from_dateline
    assert article.title == title
    assert article.body.startswith(body_starts)
    [note] = article.warnings
    assert note.startswith("The publication date, 14 August 2024, was read from")
    assert note.endswith("Check it.")


def test_a_date_the_text_states_wins_over_its_dateline():
    article = parse_text(f"Published: 13 August 2024\n\nBEIRUT, 14 August 2024 — {LEAD}")
    assert article.published_on == date(2024, 8, 13)
    assert not article.date_from_dateline and article.dateline == ""
    assert article.warnings == []


def test_a_jsonl_row_without_a_date_takes_its_body_dateline():
    from curation.articles.importing import iter_jsonl

    rows = [b'{"title": "Strikes", "body": "BEIRUT, 14 August 2024 \\u2014 Jets struck."}\n']
    [article] = iter_jsonl(rows, filename="feed.jsonl")
    assert article.published_on == date(2024, 8, 14) and article.date_from_dateline
