"""Properties that hold for any text and any reference date (hypothesis)."""

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curation.temporal import (
    DateInputError,
    bounds,
    display,
    find_dates,
    parse_date_input,
    periods,
    read_date_input,
    sort_key,
    validate,
)
from curation.temporal.finder import ANOTHER_DATE, NO_REFERENCE
from curation.temporal.lexicon import MONTH_DISPLAY_NAMES, WEEKDAYS

DATE_WORDS = (
    "24 July 2024 July 24, 2024 2024-07-24 2024-06-27T10:00 March 2023 in 2009 the 1990s 2000s "
    "summer 2023 winter 2023–24 fall 2022 spring of 2021 mid-July mid July early late 2024 "
    "mid-2024 today tonight yesterday tomorrow morning night this last next week weekend month "
    "year Tuesday Wednesday Thursday ago a an two twenty-one 3 999 days weeks months years on "
    "in since until by before after of the will was had due to expected that which but , . ; "
    "May may March march June April 31 30 29 February 24th 1st Jan. Sept USA Today Black Friday "
    "recent for over eight – - / : ſunday THİS weeK thıs 🚀 é Q3 q1 H1 H2 Q5 quarter half "
    "first third fourth final fiscal FY2024 from since c. about ~ ? % .. 24/07/2024 05/07/2024 "
    "around raid troops GMT 1957-58 2008's '90s nineties century 20th end beginning start "
    "middle year-end Christmas Day Eve New Year's that same following previous later earlier "
    'said told arrested fell returns would until "Singh “We ” \n'
).split(" ")

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(DATE_WORDS), st.text(max_size=3)), max_size=40).flatmap(
        lambda words: st.lists(
            st.sampled_from([" ", "", "-", ", ", "\n", "  "]),
            min_size=len(words),
            max_size=len(words),
        ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
    ),
)
references = st.one_of(st.none(), st.dates())
ordinary_references = st.dates(min_value=date(1100, 1, 1), max_value=date(2900, 12, 31))


@settings(max_examples=400, deadline=None)
@given(text=texts, reference=references)
def test_never_raises_and_offsets_slice_to_the_text(text, reference):
    mentions = find_dates(text, reference)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start


@settings(max_examples=300, deadline=None)
@given(text=texts, reference=references)
def test_every_value_is_edtf_we_can_bound_display_and_sort(text, reference):
    for mention in find_dates(text, reference):
        if mention.value is None:
            continue
        assert validate(mention.value) == mention.value
        lower, upper = bounds(mention.value)
        assert lower <= upper
        assert display(mention.value)
        assert sort_key(mention.value)[0] == lower


@settings(max_examples=300, deadline=None)
@given(text=texts, reference=ordinary_references)
def test_the_reference_changes_values_never_spans(text, reference):
    without = find_dates(text, None)
    with_reference = find_dates(text, reference)
    assert [(m.start, m.end) for m in without] == [(m.start, m.end) for m in with_reference]
    for mention in with_reference:
        assert (mention.value is None) == (mention.reason == ANOTHER_DATE), mention
    for mention in without:
        assert (mention.value is None) == (mention.reason in (NO_REFERENCE, ANOTHER_DATE))
    assert all(a.value == b.value for a, b in zip(without, with_reference, strict=True) if a.value)


# --- a value is never more precise than its words ---------------------------------------------

_MONTH_NAMES = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
# (what the words name, the fewest days that unit ever spans)
UNITS_NAMED = [
    (r"\d{4}-\d{2}-\d{2}", 1),
    (r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", 1),
    (r"\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|eve|days?)\b", 1),
    (
        r"\b(?:christmas|halloween|hogmanay|juneteenth|new year['’]s|fourth of july|july fourth)\b",
        1,
    ),
    (r"(?<![\d'’\-–/qh])\b\d{1,2}(?:st|nd|rd|th)?\b(?![-\s]*(?:century|quarter))", 1),
    (r"\bweekends?\b", 2),
    (r"\b(?:beginning|start|middle|end)\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?week\b", 2),
    (r"\bweeks?\b", 7),
    (r"\b(?:early|mid|late)[\s-]*(?:" + _MONTH_NAMES + r"|(?:this|last|next)\s+month)\b", 8),
    (
        r"\b(?:beginning|start|middle|end)\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?"
        r"(?:month|" + _MONTH_NAMES + r")\b|\bend-" + _MONTH_NAMES + r"\b|\bmonth[-\s]end\b",
        8,
    ),
    (r"\b" + _MONTH_NAMES + r"\b|\bmonths?\b", 28),
    (r"\b(?:spring|summer|autumn|fall|winter)\b", 89),
    (r"\bquarters?\b|\bq[1-4]\b", 89),
    (r"\bhalf\b|\bh[12]\b", 181),
    (
        r"\b(?:beginning|start|middle|end)\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?"
        r"(?:year|\d{4})\b|\byear[-\s]end\b|\bend-\d{4}\b",
        59,
    ),
    (r"\b(?:early|mid|late)[\s-]*(?:\d{4}|(?:this|last|next)\s+year)\b", 120),
    (r"\byears?\b|(?<!\d)\d{4}(?![\ds])", 365),
    (
        r"\bdecades?\b|\d0s\b|\b(?:thirties|forties|fifties|sixties|seventies|eighties|nineties"
        r"|noughties)\b",
        3652,
    ),
    (r"\bcentur(?:y|ies)\b", 36524),
]
_UNITS_NAMED = [(re.compile(pattern, re.IGNORECASE), days) for pattern, days in UNITS_NAMED]


def fewest_days_named(expression: str) -> int | None:
    """The length of the finest unit the expression's words name, in its shortest instance."""
    named = [days for pattern, days in _UNITS_NAMED if pattern.search(expression)]
    return min(named, default=None)


phrases = st.one_of(
    st.builds(
        lambda n, unit, s: f"{n} {unit}{s} ago",
        st.one_of(st.integers(1, 120).map(str), st.sampled_from(["a", "an", "two", "forty"])),
        st.sampled_from(["day", "week", "month", "year"]),
        st.sampled_from(["", "s"]),
    ),
    st.builds(
        lambda the, edge, relation, unit: f"{the}{edge} of {relation}{unit}",
        st.sampled_from(["the ", "", "by the "]),
        st.sampled_from(["end", "beginning", "start", "middle"]),
        st.sampled_from(["the ", "this ", "last ", "next ", ""]),
        st.sampled_from(["year", "month", "week", "June", "2024", "decade"]),
    ),
    st.builds(
        lambda before, word, after: f"{before} {word} {after}",
        st.sampled_from(["in", "a", "his", "the", "since", "around", "about", "fiscal", "at"]),
        st.sampled_from(
            [
                "2010",
                "1957-58",
                "2019/20",
                "2008's",
                "'90s",
                "nineties",
                "20th century",
                "1200",
                "third quarter",
                "first half of the year",
                "June last year",
                "Tuesday last week",
                "week of March 6",
                "weekend of June 15",
                "mid-June",
                "June 10",
                "year-end",
                "Christmas Day",
                "New Year's Eve",
                "the day before",
                "that year",
                "two days later",
            ]
        ),
        st.sampled_from(["raid", "troops", "GMT", "", ".", "was", "season"]),
    ),
)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(texts, phrases), reference=ordinary_references)
def test_a_value_is_never_finer_than_the_finest_unit_its_words_name(text, reference):
    for mention in find_dates(text, reference):
        if mention.value is None:
            continue
        fewest = fewest_days_named(mention.text)
        assert fewest is not None, f"{mention.text!r} names no unit we know"
        lower, upper = bounds(mention.value)
        assert (upper - lower).days + 1 >= fewest, f"{mention.text!r} -> {mention.value}"


@pytest.mark.parametrize(
    ("expression", "fewest"),
    [
        ("four years ago", 365),
        ("two weeks ago", 7),
        ("mid-July", 8),
        ("end of the year", 59),
        ("24 July 2024", 1),
        ("Q3 2024", 89),
        ("1990s", 3652),
        ("week of March 6", 1),
    ],
)
def test_the_units_an_expression_names(expression, fewest):
    assert fewest_days_named(expression) == fewest


years = st.integers(min_value=1000, max_value=2998)
months = st.integers(min_value=1, max_value=12)
parts = st.sampled_from(["early", "mid", "late"])
days_ = st.dates(min_value=date(1000, 1, 1), max_value=date(2998, 12, 31))


@st.composite
def day_ranges_in_a_month(draw):
    first = draw(days_)
    last_day = periods.days_in_month(year=first.year, month=first.month)
    last = first.replace(day=draw(st.integers(min_value=first.day, max_value=last_day)))
    return periods.days(first=first, last=last)


simple_periods = st.one_of(
    days_.map(periods.single_day),
    st.builds(lambda y, m: periods.whole_month(year=y, month=m), years, months),
    years.map(periods.whole_year),
    years.map(lambda y: periods.decade(y // 10 * 10)),
    years.map(lambda y: periods.century(y // 100 * 100)),
    st.builds(
        lambda y, c: periods.season(year=y, code=c), years, st.sampled_from([21, 22, 23, 24])
    ),
    st.builds(lambda y, n: periods.quarter(year=y, number=n), years, st.integers(1, 4)),
    st.builds(lambda y, n: periods.half(year=y, number=n), years, st.integers(1, 2)),
)
readable_periods = st.one_of(
    simple_periods,
    simple_periods.filter(lambda p: not p.value.endswith("X")).map(periods.approximate),
    st.builds(lambda y, m, p: periods.part_of_month(year=y, month=m, part=p), years, months, parts),
    st.builds(lambda y, p: periods.part_of_year(year=y, part=p), years, parts),
    day_ranges_in_a_month(),
)
any_periods = st.one_of(
    readable_periods,
    days_.map(periods.week_containing),
    days_.map(periods.weekend_containing),
)


@given(period=any_periods)
def test_periods_and_their_values_agree_on_bounds(period):
    assert bounds(period.value) == (period.lower, period.upper)


@given(period=readable_periods)
def test_what_display_writes_reads_back(period):
    assert parse_date_input(display(period.value), None) == period.value


@given(period=readable_periods, number=st.integers(min_value=0, max_value=10**6))
def test_a_number_the_date_does_not_take_in_is_refused_never_dropped(period, number):
    assert parse_date_input(f"{display(period.value)} {number}", None) is None


open_ends = simple_periods.map(lambda period: f"{period.value}/..")


@given(value=open_ends)
def test_an_open_end_runs_from_its_start_to_the_last_day_and_reads_back(value):
    start = value.removesuffix("/..")
    assert bounds(value) == (bounds(start)[0], date.max)
    the = "the " if start.endswith(("X", "-40", "-41")) else ""  # a decade, century or half
    assert display(value) == f"from {the}{display(start)}"
    assert parse_date_input(display(value), None) == value
    assert sort_key(start) < sort_key(value)


all_years = st.integers(min_value=1, max_value=9999)


@given(year=all_years, quarter=st.integers(1, 4))
def test_a_quarter_lies_in_its_half_and_its_year_and_holds_its_three_months(year, quarter):
    lower, upper = bounds(periods.quarter(year=year, number=quarter).value)
    half_lower, half_upper = bounds(periods.half(year=year, number=(quarter + 1) // 2).value)
    assert date(year, 1, 1) <= half_lower <= lower <= upper <= half_upper <= date(year, 12, 31)
    months = [periods.whole_month(year=year, month=3 * quarter - 2 + i) for i in range(3)]
    assert (months[0].lower, months[-1].upper) == (lower, upper)


@given(year=all_years)
def test_quarters_and_halves_tile_their_year(year):
    for count, build in ((4, periods.quarter), (2, periods.half)):
        spans = [bounds(build(year=year, number=n).value) for n in range(1, count + 1)]
        assert spans[0][0] == date(year, 1, 1) and spans[-1][1] == date(year, 12, 31)
        for (_, upper), (lower, _) in zip(spans, spans[1:], strict=False):
            assert lower - upper == timedelta(days=1)


@given(year=all_years, code=st.sampled_from([33, 34, 35, 36, 40, 41]), approximate=st.booleans())
def test_a_quarter_or_half_is_never_shown_with_a_month_or_a_day(year, code, approximate):
    value = f"{year:04d}-{code}" + ("~" if approximate else "")
    shown = display(value)
    assert not any(name in shown for name in MONTH_DISPLAY_NAMES)
    # the only numbers shown are the year, and the quarter's number ("Q3 2024")
    assert [int(n) for n in re.findall(r"[0-9]+", shown)] in ([year], [code - 32, year])


days_in_any_year = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(day=days_in_any_year)
def test_a_day_written_with_numbers_is_read_only_when_one_reading_is_a_day(day):
    for written in (
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.month}/{day.day}/{day.year}",
    ):
        if day.day > 12 or day.day == day.month:
            assert read_date_input(written, None) == day.isoformat()
            continue
        swapped = date(day.year, day.day, day.month)
        try:
            read_date_input(written, None)
        except DateInputError as refused:
            assert display(day.isoformat()) in str(refused)
            assert display(swapped.isoformat()) in str(refused)
        else:
            raise AssertionError(f"{written} read although it could be {day} or {swapped}")


@settings(max_examples=300, deadline=None)
@given(text=texts, reference=references)
def test_what_is_typed_is_a_value_we_can_store_or_a_message(text, reference):
    try:
        value = read_date_input(text, reference)
    except DateInputError as refused:
        assert str(refused)
    else:
        assert validate(value) == value
        assert display(value)


@given(values=st.lists(any_periods.map(lambda p: p.value), max_size=12))
def test_sorting_follows_lower_bounds(values):
    ordered = sorted(values, key=sort_key)
    lowers = [bounds(value)[0] for value in ordered]
    assert lowers == sorted(lowers)


@given(reference=st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)))
def test_last_and_next_weekday_are_strictly_before_and_after(reference):
    name = list(WEEKDAYS)[reference.weekday()]
    (last,) = find_dates(f"last {name}", reference)
    (following,) = find_dates(f"next {name}", reference)
    assert bounds(last.value)[0] == reference - timedelta(days=7)
    assert bounds(following.value)[0] == reference + timedelta(days=7)
