from pathlib import Path

import pytest

from curation.articles.date_phrases import relative_date_phrases
from curation.articles.importing import parse_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_an_undated_article_quotes_its_own_relative_dates():
    parsed = parse_document((SEEDS / "002_410c50c9ff093c32.txt").read_bytes(), filename="002.txt")
    assert parsed.published_on is None
    phrases = relative_date_phrases(parsed.body)
    assert phrases == ["this week", "Tuesday", "last week"]
    assert all(phrase in parsed.body for phrase in phrases)
    assert "last Thursday" not in phrases


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Talks ended on 20 June 2024.", []),
        ("They met last week. Last week was busy. Tomorrow too.", ["last week", "Tomorrow"]),
        # Counted from another date in the text, not from the publication date.
        ("They met last week. The day before, they had spoken.", ["last week"]),
    ],
)
def test_phrases_are_distinct_and_only_the_unresolvable_ones(body, expected):
    assert relative_date_phrases(body) == expected


def test_a_body_read_once_is_not_read_again_and_a_changed_one_is(monkeypatch):
    from curation.articles import date_phrases

    reads = []
    real = date_phrases.find_dates
    monkeypatch.setattr(
        date_phrases, "find_dates", lambda body, ref: reads.append(body) or real(body, ref)
    )
    body = "They met last week, in a body only this test reads."
    assert relative_date_phrases(body) == ["last week"]
    answer = relative_date_phrases(body)
    answer.append("changed by the caller")
    assert relative_date_phrases(body) == ["last week"]
    assert len(reads) == 1
    assert relative_date_phrases(body + " Tomorrow too.") == ["last week", "Tomorrow"]
    assert len(reads) == 2
