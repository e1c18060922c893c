"""The merge suggestion rule, without a database."""

from datetime import date

import pytest

from curation.chronology.matching import Candidate, dates_overlap, match, suggestions

MEETING_CANCELLED = dict(type_id=7, category_id=3, type_label="REJECT › meeting cancelled")


def candidate(key, *, lower, upper=None, label="", participants=None, events=None, **kind):
    kind = kind or MEETING_CANCELLED
    return Candidate(
        key=key,
        lower=lower,
        upper=upper or lower,
        date_label=label or (lower.isoformat() if lower else "unknown"),
        participants=participants if participants is not None else {1: "White House"},
        event_ids=frozenset(events or [int(key.split("-")[1])]),
        **kind,
    )


# The seed pair: seed 000 dates the cancellation "last Thursday" (20 June 2024), seed 001
# "last week" (the week of 17 June); both name the White House.
AXIOS = candidate(
    "event-1",
    lower=date(2024, 6, 20),
    label="20 June 2024",
    participants={1: "White House", 2: "Israel"},
)
JNS = candidate(
    "event-2",
    lower=date(2024, 6, 17),
    upper=date(2024, 6, 23),
    label="week of 17 June 2024",
    participants={1: "White House", 2: "Israel", 3: "Benjamin Netanyahu"},
)


def test_the_seed_pair_is_suggested_with_its_reasons():
    [found] = suggestions(AXIOS, [JNS])
    assert found.candidate is JNS
    assert found.why == (
        "same type REJECT › meeting cancelled; dates 20 June 2024 / week of 17 June 2024 "
        "overlap; shared: Israel, White House"
    )


def test_a_pair_said_not_to_be_the_same_is_never_suggested_again():
    assert suggestions(AXIOS, [JNS], not_same={frozenset((1, 2))}) == []
    # ...nor an entry holding that event.
    entry = candidate("entry-9", lower=date(2024, 6, 17), upper=date(2024, 6, 23), events=[2, 5])
    assert suggestions(AXIOS, [entry], not_same={frozenset((1, 2))}) == []
    assert suggestions(AXIOS, [entry], not_same={frozenset((1, 4))}) != []


@pytest.mark.parametrize(
    ("other", "why_not"),
    [
        (candidate("event-3", lower=date(2024, 6, 22)), "single days two apart"),
        (candidate("event-4", lower=date(2024, 6, 24), upper=date(2024, 6, 30)), "later week"),
        (candidate("event-5", lower=date(2024, 6, 20), participants={9: "Hamas"}), "no one shared"),
        (
            candidate(
                "event-6",
                lower=date(2024, 6, 20),
                type_id=8,
                category_id=4,
                type_label="ASSAULT",
            ),
            "another category",
        ),
        (candidate("event-7", lower=None, upper=None), "undated"),
    ],
)
def test_all_three_must_hold(other, why_not):
    assert match(AXIOS, other) is None, why_not


def test_single_days_may_be_one_day_apart():
    next_day = candidate("event-8", lower=date(2024, 6, 21))
    assert dates_overlap(AXIOS, next_day)
    assert match(AXIOS, next_day).why.startswith("same type REJECT › meeting cancelled; dates")


def test_a_related_type_matches_below_the_same_type():
    parent = candidate(
        "event-10", lower=date(2024, 6, 20), type_id=3, category_id=3, type_label="REJECT"
    )
    same = candidate("event-11", lower=date(2024, 6, 20))
    ranked = suggestions(AXIOS, [parent, same])
    assert [m.candidate.key for m in ranked] == ["event-11", "event-10"]
    assert ranked[1].reasons[0] == "related types REJECT › meeting cancelled / REJECT"


def test_more_shared_participants_and_closer_dates_rank_higher():
    week = candidate(
        "event-12",
        lower=date(2024, 6, 17),
        upper=date(2024, 6, 23),
        participants={1: "White House", 2: "Israel"},
    )
    day = candidate(
        "event-13", lower=date(2024, 6, 20), participants={1: "White House", 2: "Israel"}
    )
    lone = candidate("event-14", lower=date(2024, 6, 20))
    assert [m.candidate.key for m in suggestions(AXIOS, [lone, week, day])] == [
        "event-13",
        "event-12",
        "event-14",
    ]


def test_an_event_is_not_suggested_to_itself_nor_to_its_own_entry():
    own_entry = candidate("entry-1", lower=date(2024, 6, 20), events=[1, 2])
    assert suggestions(AXIOS, [AXIOS, own_entry]) == []
