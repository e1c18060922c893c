"""find_dates on the corpus (tests/temporal/corpus): every sentence's expressions and values,
in order, and nothing else. Sentences are written for the project in wire and newspaper style;
see the corpus package for the annotation conventions."""

import pytest

from curation.temporal import find_dates
from tests.temporal.corpus import Case
from tests.temporal.corpus.all import ALL_CASES, CATEGORIES


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.id)
def test_corpus_sentence(case: Case):
    found = [(m.text, m.value) for m in find_dates(case.text, case.published)]
    assert found == list(case.expected)


def test_the_corpus_is_large_enough_in_every_category():
    assert len(ALL_CASES) >= 300
    numbered = {name: cases for name, cases in CATEGORIES.items() if name[0].isdigit()}
    assert sorted(name[0] for name in numbered) == list("1234567")
    assert all(len(cases) >= 15 for cases in numbered.values())
    assert len({(case.published, case.text) for case in ALL_CASES}) == len(ALL_CASES)
