"""Properties that hold for any text and any reference date (hypothesis)."""

import re
from datetime import date, timedelta

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
from curation.temporal.lexicon import MONTH_DISPLAY_NAMES, WEEKDAYS

DATE_WORDS = (
    "24 July 2024 July 24, 2024 2024-07-24 2024-06-27T10:00 March 2023 in 2009 the 1990s 2000s "
    "summer 2023 winter 2023–24 fall 2022 spring of 2021 mid-July mid July early late 2024 "
    "mid-2024 today tonight yesterday tomorrow morning night this last next week weekend month "
    "year Tuesday Wednesday Thursday ago a an two twenty-one 3 999 days weeks months years on "
    "in since until by before after of the will was had due to expected that which but , . ; "
    "May may March march June April 31 30 29 February 24th 1st Jan. Sept USA Today Black Friday "
    "recent for over eight – - / : ſunday THİS weeK thıs 🚀 é Q3 q1 H1 H2 Q5 quarter half "
    "first third fourth final fiscal FY2024 from since c. about ~ ? % .. 24/07/2024 05/07/2024 \n"
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
    assert all(m.value is not None for m in with_reference)
    assert all(a.value == b.value for a, b in zip(without, with_reference, strict=True) if a.value)


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
    the = "the " if start.endswith(("X", "-40", "-41")) else ""  # a decade or a half
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
