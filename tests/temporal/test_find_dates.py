"""find_dates: every date expression in the seed articles, then rules one sentence at a time."""

from datetime import date, datetime
from pathlib import Path

import pytest

from curation.temporal import DateMention, find_dates

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# 001 carries its date; 000 has none (an editor enters 2024-06-26); 002 is from 9 October 2024.
REFERENCES = {"000": date(2024, 6, 26), "001": date(2024, 6, 27), "002": date(2024, 10, 9)}


def seed(name: str) -> str:
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


def pairs(mentions: list[DateMention]) -> list[tuple[str, str | None]]:
    return [(mention.text, mention.value) for mention in mentions]


# --- the seeds: every expression, in order, and nothing else ---------------------------------

SEED_MENTIONS = {
    "000": [
        ("next month", "2024-07"),
        ("last Thursday", "2024-06-20"),
        ("mid-July", "2024-07-11/2024-07-20"),
        ("July 24", "2024-07-24"),
        ("March 2023", "2023-03"),
        ("This month", "2024-06"),
        ("Tuesday", "2024-06-25"),
        ("This week", "2024-06-24/2024-06-30"),
    ],
    "001": [
        ("2024-06-27", "2024-06-27"),
        ("two weeks ago", "2024-06-10/2024-06-16"),  # issue 11: the week, not a day
        ("Wednesday", "2024-06-26"),
        ("November", "2024-11"),
        ("Tuesday", "2024-06-25"),
        ("July", "2024-07"),
        ("last week", "2024-06-17/2024-06-23"),
        ("2009", "2009"),
        ("March 2023", "2023-03"),
        ("last week", "2024-06-17/2024-06-23"),
    ],
    "002": [
        ("Wednesday", "2024-10-09"),
        ("YESTERDAY", "2024-10-08"),
        ("this week", "2024-10-07/2024-10-13"),
        ("Tuesday", "2024-10-08"),
        ("last week", "2024-09-30/2024-10-06"),
        ("Wednesday", "2024-10-09"),
        ("a year ago", "2023~"),  # issue 11: a year, not a month
        ("Tuesday", "2024-10-08"),
        ("today", "2024-10-08"),  # issue 11: in Singh's words of Tuesday
        ("this week", "2024-10-07/2024-10-13"),
        ("Tuesday", "2024-10-08"),
    ],
}


@pytest.mark.parametrize("name", sorted(SEED_MENTIONS))
def test_every_date_in_the_seed_and_nothing_else(name):
    assert pairs(find_dates(seed(name), REFERENCES[name])) == SEED_MENTIONS[name]


# (seed, a phrase that occurs once in it, the span find_dates reports inside it, its value)
SEED_TABLE = [
    # the acceptance table
    ("000", "originally scheduled for last Thursday", "last Thursday", "2024-06-20"),
    ("000", "expected to occur in mid-July", "mid-July", "2024-07-11/2024-07-20"),
    ("000", "Congress on July 24", "July 24", "2024-07-24"),
    ("000", "not convened since March 2023", "March 2023", "2023-03"),
    ("000", "This month, G7 leaders", "This month", "2024-06"),
    ("000", "Lloyd Austin stated on Tuesday", "Tuesday", "2024-06-25"),
    ("001", "nuclear threat two weeks ago", "two weeks ago", "2024-06-10/2024-06-16"),
    ("001", "Axios reported Wednesday", "Wednesday", "2024-06-26"),
    ("001", "which was formed in 2009", "2009", "2009"),
    ("001", "presidential elections in November", "November", "2024-11"),
    ("002", "missile attack](#) last week", "last week", "2024-09-30/2024-10-06"),
    ("002", "Sabrina Singh said on Tuesday", "Tuesday", "2024-10-08"),
    ("002", "attack on Israel a year ago", "a year ago", "2023~"),
    # the rest of 000
    ("000", "joint meeting on Iran next month", "next month", "2024-07"),
    ("000", "This week, Netanyahu announced", "This week", "2024-06-24/2024-06-30"),
    # the rest of 001
    ("001", "date 2024-06-27", "2024-06-27", "2024-06-27"),
    ("001", "On Tuesday, Axios", "Tuesday", "2024-06-25"),
    ("001", "on Iran in July that was canceled", "July", "2024-07"),
    ("001", "by the White House last week", "last week", "2024-06-17/2024-06-23"),
    ("001", "were in Washington last week", "last week", "2024-06-17/2024-06-23"),
    ("001", "forum has not convened since March 2023", "March 2023", "2023-03"),
    # the rest of 002
    ("002", "in Washington on Wednesday ©", "Wednesday", "2024-10-09"),
    ("002", "Tel Aviv YESTERDAY", "YESTERDAY", "2024-10-08"),
    ("002", "travel to Washington this week", "this week", "2024-10-07/2024-10-13"),
    ("002", "in Washington on Wednesday.", "Wednesday", "2024-10-09"),
    ("002", "had not spoken on Tuesday", "Tuesday", "2024-10-08"),
    # Singh's "later today" is the Tuesday she spoke on ("Sabrina Singh said on Tuesday")
    ("002", "scheduled for later today", "today", "2024-10-08"),
    ("002", "or later this week", "this week", "2024-10-07/2024-10-13"),
    ("002", "Netanyahu on Tuesday released", "Tuesday", "2024-10-08"),
]

# Vague or durational phrases in the seeds that are deliberately not reported.
SEED_NOT_DATES = [
    ("000", "mere days after"),
    ("000", "escalated since then"),
    ("000", "for over eight months"),
    ("000", "In recent weeks"),
    ("001", "Since then"),
    ("001", "shortly before it was"),
    ("002", 'for "many days"'),
    ("002", "was expected soon"),
    ("002", "in frequent contact in recent days"),
    ("002", '"still early'),
    ("002", "Financial Times Limited 2024"),
]


def mentions_within(name: str, phrase: str) -> list[DateMention]:
    text = seed(name)
    assert text.count(phrase) == 1, f"{phrase!r} should occur once in seed {name}"
    start = text.index(phrase)
    end = start + len(phrase)
    return [m for m in find_dates(text, REFERENCES[name]) if m.start < end and m.end > start]


@pytest.mark.parametrize(("name", "phrase", "span", "value"), SEED_TABLE, ids=lambda v: str(v))
def test_seed_expression(name, phrase, span, value):
    assert pairs(mentions_within(name, phrase)) == [(span, value)]


@pytest.mark.parametrize(("name", "phrase"), SEED_NOT_DATES, ids=lambda v: str(v))
def test_seed_phrase_is_not_a_date(name, phrase):
    assert mentions_within(name, phrase) == []


def test_seed_without_a_reference_keeps_only_absolute_dates():
    values = dict(pairs(find_dates(seed("000"), None)))
    assert values["last Thursday"] is None
    assert values["mid-July"] is None
    assert values["March 2023"] == "2023-03"


def test_offsets_are_code_points_into_the_seed():
    text = seed("002")
    for mention in find_dates(text, REFERENCES["002"]):
        assert text[mention.start : mention.end] == mention.text


# --- one sentence at a time -------------------------------------------------------------------

WED = date(2024, 6, 26)  # a Wednesday
THU = date(2024, 6, 27)

# (text, reference, [(span, value), ...])
SENTENCES = [
    # absolute days, months, years, decades, seasons
    ("The talks began on 24 July 2024.", WED, [("24 July 2024", "2024-07-24")]),
    ("The talks began on July 24, 2024.", WED, [("July 24, 2024", "2024-07-24")]),
    ("Filed 2024-07-24 by the desk.", WED, [("2024-07-24", "2024-07-24")]),
    ("Filed at 2024-07-24T10:00Z.", WED, [("2024-07-24", "2024-07-24")]),
    ("Tuesday, 23 July 2024 was hot.", WED, [("23 July 2024", "2024-07-23")]),
    ("On the 4th of July, 1776 they signed.", WED, [("4th of July, 1776", "1776-07-04")]),
    ("Jan. 6, 2021 changed things.", WED, [("Jan. 6, 2021", "2021-01-06")]),
    ("The summit ran 24–26 July 2024.", WED, [("24–26 July 2024", "2024-07-24/2024-07-26")]),
    ("It opened in March 2023.", WED, [("March 2023", "2023-03")]),
    ("It was founded in 2009.", WED, [("2009", "2009")]),
    ("Emissions must fall by 2030.", WED, [("2030", "2030")]),
    ("It was popular in the 1990s.", WED, [("1990s", "199X")]),
    ("Drought in summer 2023 hit farms.", WED, [("summer 2023", "2023-22")]),
    ("During the summer of 2023 it rained.", WED, [("summer of 2023", "2023-22")]),
    ("Snow in winter 2023–24 was rare.", WED, [("winter 2023–24", "2023-24")]),
    ("Prices rose in fall 2022.", WED, [("fall 2022", "2022-23")]),
    ("Talks resume in mid-July 2024.", WED, [("mid-July 2024", "2024-07-11/2024-07-20")]),
    ("It started in early July 2024.", WED, [("early July 2024", "2024-07-01/2024-07-10")]),
    ("It ended late February 2024.", WED, [("late February 2024", "2024-02-21/2024-02-29")]),
    ("It ended late February 2023.", WED, [("late February 2023", "2023-02-21/2023-02-28")]),
    ("Growth slowed in mid-2024.", WED, [("mid-2024", "2024-05/2024-08")]),
    ("A deal is possible in late 2024.", WED, [("late 2024", "2024-09/2024-12")]),
    ("It was cold in early 2025.", WED, [("early 2025", "2025-01/2025-04")]),
    # quarters and halves of a calendar year (EDTF 33-36, 40-41)
    ("Output fell in Q3 2024.", WED, [("Q3 2024", "2024-35")]),
    ("Output fell in Q1, 2024.", WED, [("Q1, 2024", "2024-33")]),
    ("Output fell in Q2 of 2023.", WED, [("Q2 of 2023", "2023-34")]),
    ("Growth slowed in the third quarter of 2024.", WED, [("third quarter of 2024", "2024-35")]),
    ("Sales rose in the 4th quarter 2023.", WED, [("4th quarter 2023", "2023-36")]),
    ("It peaked in the final quarter of 2022.", WED, [("final quarter of 2022", "2022-36")]),
    ("Talks stalled in the first half of 2024.", WED, [("first half of 2024", "2024-40")]),
    ("Talks resume in the second half of 2024.", WED, [("second half of 2024", "2024-41")]),
    ("Profits rose in H1 2024 and H2 2024.", WED, [("H1 2024", "2024-40"), ("H2 2024", "2024-41")]),
    ("The first quarter of 2024 was slow.", None, [("first quarter of 2024", "2024-33")]),
    ("Its fiscal third quarter of 2024 ended in June.", WED, [("June", "2024-06")]),
    ("Results for Q3 FY2024 are due.", WED, []),
    ("Q3 results are due.", WED, []),
    ("In the first half, they scored twice.", WED, []),
    ("The last quarter was weak.", WED, []),
    ("Q5 2024 is not a quarter.", WED, []),
    # relative to the reference
    ("Officials said today that talks would go on.", WED, [("today", "2024-06-26")]),
    ("He speaks tonight.", WED, [("tonight", "2024-06-26")]),
    ("She arrived this morning.", WED, [("this morning", "2024-06-26")]),
    ("Officials met yesterday.", WED, [("yesterday", "2024-06-25")]),
    ("Yesterday evening the talks stalled.", WED, [("Yesterday evening", "2024-06-25")]),
    ("Sirens sounded last night.", WED, [("last night", "2024-06-25")]),
    ("The vote is tomorrow.", WED, [("tomorrow", "2024-06-27")]),
    ("Talks continue this week.", WED, [("this week", "2024-06-24/2024-06-30")]),
    ("Talks stalled last week.", WED, [("last week", "2024-06-17/2024-06-23")]),
    ("Talks resume next week.", WED, [("next week", "2024-07-01/2024-07-07")]),
    ("Protests are planned this weekend.", WED, [("this weekend", "2024-06-29/2024-06-30")]),
    ("Exports fell last month.", WED, [("last month", "2024-05")]),
    ("Exports grew this year.", WED, [("this year", "2024")]),
    ("Exports fell last year.", WED, [("last year", "2023")]),
    ("Elections come next year.", WED, [("next year", "2025")]),
    ("It was agreed late last year.", WED, [("late last year", "2023-09/2023-12")]),
    ("A review is due early next month.", WED, [("early next month", "2024-07-01/2024-07-10")]),
    ("He left three days ago.", WED, [("three days ago", "2024-06-23")]),
    ("He left 3 days ago.", WED, [("3 days ago", "2024-06-23")]),
    ("He left a week ago.", WED, [("a week ago", "2024-06-17/2024-06-23")]),
    ("He left six months ago.", WED, [("six months ago", "2023-12~")]),
    ("He left a month ago.", WED, [("a month ago", "2024-05~")]),
    ("He left two years ago.", WED, [("two years ago", "2022~")]),
    ("He left twenty-one years ago.", WED, [("twenty-one years ago", "2003~")]),
    # weekdays: last/next are strictly before/after the reference
    ("They met last Thursday.", THU, [("last Thursday", "2024-06-20")]),
    ("They meet next Tuesday.", WED, [("next Tuesday", "2024-07-02")]),
    ("They meet next Wednesday.", WED, [("next Wednesday", "2024-07-03")]),
    ("They met last Wednesday.", WED, [("last Wednesday", "2024-06-19")]),
    ("They met late on Monday night.", WED, [("Monday night", "2024-06-24")]),
    # this/last/next month names and seasons
    ("They met last November.", WED, [("last November", "2023-11")]),
    ("They meet next March.", WED, [("next March", "2025-03")]),
    ("Results come this December.", WED, [("this December", "2024-12")]),
    ("Fires raged last summer.", WED, [("last summer", "2023-22")]),
    ("Gas runs short next winter.", WED, [("next winter", "2024-24")]),
    ("Heating costs rose this winter.", date(2024, 1, 15), [("this winter", "2023-24")]),
    # underspecified: the tense of the clause decides
    ("The summit will be held on Monday.", WED, [("Monday", "2024-07-01")]),
    ("The summit was held on Monday.", WED, [("Monday", "2024-06-24")]),
    ("Leaders met on Monday.", WED, [("Monday", "2024-06-24")]),
    ("Leaders meet on Friday.", WED, [("Friday", "2024-06-28")]),
    ("They had been scheduled to meet on Wednesday.", WED, [("Wednesday", "2024-06-26")]),
    ("The vote is expected on 3 March.", WED, [("3 March", "2025-03-03")]),
    ("The vote was on 3 March.", WED, [("3 March", "2024-03-03")]),
    ("The vote on 3 March passed.", WED, [("3 March", "2024-03-03")]),
    ("Elections are due in November.", WED, [("November", "2024-11")]),
    ("Elections were held in November.", WED, [("November", "2023-11")]),
    ("Turnout in January set records.", WED, [("January", "2024-01")]),
    (
        "The report is slated for late September.",
        WED,
        [("late September", "2024-09-21/2024-09-30")],
    ),
    ("Planting will start in the spring.", WED, [("spring", "2025-21")]),
    ("Flights were cancelled due to the storm on Friday.", WED, [("Friday", "2024-06-21")]),
    ("Flights are due to resume on Friday, officials were told.", WED, [("Friday", "2024-06-28")]),
    # no tense cue in its clause: the latest July that starts on or before the reference
    ("A meeting in July that was cancelled.", WED, [("July", "2023-07")]),
    ("They won’t meet on Monday.", WED, [("Monday", "2024-07-01")]),
    ("They’ll meet on Monday.", WED, [("Monday", "2024-07-01")]),
    ("They didn't meet on Friday.", WED, [("Friday", "2024-06-21")]),
    # the nearest tense marker decides: "rose"
    ("He will explain why prices rose on Monday.", WED, [("Monday", "2024-06-24")]),
    ("He will explain, since prices rose on Monday.", WED, [("Monday", "2024-06-24")]),
    ("He will explain since prices rose on Monday.", WED, [("Monday", "2024-06-24")]),
    # prepositions are context, not span
    ("Nothing has changed since March 2023.", WED, [("March 2023", "2023-03")]),
    ("It must be signed before mid-July 2024.", WED, [("mid-July 2024", "2024-07-11/2024-07-20")]),
    ("Talks begin in May.", WED, [("May", "2025-05")]),  # a present of what is planned
    # case does not matter
    ("TALKS STALLED LAST WEEK", WED, [("LAST WEEK", "2024-06-17/2024-06-23")]),
    ("IN MARCH 2023 THE FORUM MET", WED, [("MARCH 2023", "2023-03")]),
    # impossible days are not days
    ("Due on 31 June 2024.", WED, [("June 2024", "2024-06")]),
    ("Due on 30 February.", WED, [("February", "2025-02")]),
    ("Results come in November 31.", WED, [("November", "2024-11")]),
    # look-alikes that are dates after all, or only partly
    ("On Tuesday 24 people died.", WED, [("Tuesday", "2024-06-25")]),
    ("It began on Sept. 11, 2001.", WED, [("Sept. 11, 2001", "2001-09-11")]),
    ("Rates peaked in the mid-1990s.", WED, [("1990s", "199X")]),
    ("He speaks this evening.", WED, [("this evening", "2024-06-26")]),
    ("The ceasefire holds until 2025.", WED, [("2025", "2025")]),
    # durations, vague periods and look-alikes are not reported
    ("Fire has been exchanged for over eight months.", WED, []),
    ("In recent weeks, shelling intensified.", WED, []),
    ("They have been in contact in recent days.", WED, []),
    ("The war lasted two years.", WED, []),
    ("Prices rose over the last year.", WED, []),
    ("It happened in the last week of June.", WED, [("June", "2024-06")]),
    ("The next morning they left.", WED, [("next morning", None)]),  # another date
    ("Escalation has continued since then.", WED, []),
    ("He left a few days ago.", WED, []),
    ("Black Friday sales and Super Tuesday votes.", WED, []),
    ("The board meets on Tuesdays.", WED, []),
    ("The 2024 election is close.", WED, [("2024", "2024")]),  # issue 11: a bare year
    ("© The Financial Times Limited 2024.", WED, []),
    ("USA Today reported it.", WED, []),
    ("Iran may seek an advantage.", WED, []),
    ("Prices may 5 times exceed costs.", WED, []),
    ("April Ryan and June Carter spoke.", WED, []),
    ("Crowds march 2023 metres.", WED, []),
    ("It was seen during the Arab Spring.", WED, []),
    ("The fiscal year in 2009–10 was hard.", WED, []),
    ("He sent 1500 troops in 1500 trucks.", WED, []),
    # without a reference only absolute dates resolve
    ("They met last Thursday.", None, [("last Thursday", None)]),
    ("The talks began on 24 July 2024.", None, [("24 July 2024", "2024-07-24")]),
    ("Congress meets on July 24.", None, [("July 24", None)]),
    ("Officials met yesterday.", None, [("yesterday", None)]),
    ("It was founded in 2009.", None, [("2009", "2009")]),
    ("He left two weeks ago.", None, [("two weeks ago", None)]),
    ("It was popular in the 1990s.", None, [("1990s", "199X")]),
    # a reference at the ends of the calendar gives None rather than an error
    ("Exports fell last year.", date(1, 6, 1), [("last year", None)]),
    ("Talks resume next week.", date(9999, 12, 30), [("next week", None)]),
    # any case; the long s and the Kelvin sign read as s and k, as the patterns read them, also
    # beside a character that lowers to two ("İ"); a word with "İ" in it is no date word
    ("They met on SUNDAY.", WED, [("SUNDAY", "2024-06-23")]),
    ("They met on ſunday.", WED, [("ſunday", "2024-06-23")]),
    (
        "Shares rose in the wee\u212a of March 6.",
        WED,
        [("wee\u212a of March 6", "2024-03-04/2024-03-10")],
    ),
    (
        "In İstanbul they met on ſunday, in the wee\u212a of March 6.",
        WED,
        [("ſunday", "2024-06-23"), ("wee\u212a of March 6", "2024-03-04/2024-03-10")],
    ),
    ("THİS week, talks resume on Friday.", WED, [("Friday", "2024-06-28")]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), SENTENCES, ids=lambda v: str(v))
def test_sentence(text, reference, expected):
    assert pairs(find_dates(text, reference)) == expected


def test_a_datetime_reference_counts_as_its_day():
    assert pairs(find_dates("YESTERDAY", datetime(2024, 10, 9, 23, 30))) == [
        ("YESTERDAY", "2024-10-08")
    ]


def test_mentions_are_sorted_and_never_overlap():
    text = "Last week, on Tuesday 2 July 2024, and in mid-July, then next Tuesday."
    mentions = find_dates(text, WED)
    assert pairs(mentions) == [
        ("Last week", "2024-06-17/2024-06-23"),
        ("2 July 2024", "2024-07-02"),
        ("mid-July", "2024-07-11/2024-07-20"),
        ("next Tuesday", "2024-07-02"),
    ]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_offsets_count_code_points_not_utf16_units():
    text = "🚀🚀 launched yesterday"
    (mention,) = find_dates(text, WED)
    assert (mention.start, mention.end) == (12, 21)
    assert text[mention.start : mention.end] == "yesterday"


def test_a_lone_surrogate_is_read_past():
    text = "Talks \ud800 resume on 24 July 2024."
    assert pairs(find_dates(text, WED)) == [("24 July 2024", "2024-07-24")]


@pytest.mark.parametrize("this", ["thıs", "THİS", "this"])
@pytest.mark.parametrize("holiday", ["Christmas", "CHRISTMAS"])
def test_the_dotless_and_dotted_i_read_as_i_as_the_patterns_match_them(this, holiday):
    """Python's case-insensitive patterns take "ı" and "İ" for "i"; the words they match
    must then be looked up as if spelt with it (this raised KeyError)."""
    (mention,) = find_dates(f"We meet {this} {holiday}.", reference=date(2024, 6, 27))
    assert (mention.text, mention.value) == (f"{this} {holiday}", "2024-12-25")
