"""The timeline's geometry: a range is a bar across its bounds, a day a point, an
approximate date faded, and overlapping marks on separate lanes."""

from datetime import date

from curation.chronology.timeline import MIN_BAR, Item, layout, ticks

JUNE = (date(2024, 6, 1), date(2024, 7, 31))  # 61 days


def test_a_range_is_a_bar_across_its_bounds():
    mid_july = Item("mid-july", date(2024, 7, 11), date(2024, 7, 20))
    timeline = layout([mid_july], start=JUNE[0], end=JUNE[1])
    [mark] = timeline.marks
    assert not mark.is_point
    assert mark.left == round(40 / 61 * 100, 3)  # 11 July is day 41 of 61
    assert mark.width == round(10 / 61 * 100, 3)  # 11-20 July, both ends included


def test_a_day_is_a_point_at_its_middle():
    [mark] = layout(
        [Item("day", date(2024, 6, 20), date(2024, 6, 20))], start=JUNE[0], end=JUNE[1]
    ).marks
    assert mark.is_point and mark.width == 0
    assert mark.left == round(19.5 / 61 * 100, 3)


def test_a_short_range_far_zoomed_out_is_still_a_bar():
    week = Item("week", date(2024, 6, 17), date(2024, 6, 23))
    timeline = layout([week], start=date(2000, 1, 1), end=date(2024, 12, 31))
    [mark] = timeline.marks
    assert not mark.is_point and mark.width == MIN_BAR


def test_an_approximate_date_is_marked_to_be_faded():
    marks = layout(
        [
            Item("about", date(2024, 6, 13), date(2024, 6, 13), approximate=True),
            Item("exact", date(2024, 6, 20), date(2024, 6, 20)),
        ]
    ).marks
    assert [(m.item.key, m.approximate) for m in marks] == [("about", True), ("exact", False)]


def test_overlapping_marks_go_on_separate_lanes():
    a = Item("a", date(2024, 6, 17), date(2024, 6, 23))
    b = Item("b", date(2024, 6, 20), date(2024, 6, 20))
    c = Item("c", date(2024, 7, 20), date(2024, 7, 20))
    timeline = layout([a, b, c], start=JUNE[0], end=JUNE[1])
    lanes = {m.item.key: m.lane for m in timeline.marks}
    assert lanes == {"a": 0, "b": 1, "c": 0}
    assert timeline.lanes == 2


def test_an_open_end_runs_to_the_axis_and_is_marked_ongoing():
    since = Item("since", date(2024, 6, 1), date(9999, 12, 31), open_end=True)
    other = Item("day", date(2024, 7, 31), date(2024, 7, 31))
    timeline = layout([since, other])
    assert timeline.end == date(2024, 7, 31)
    mark = next(m for m in timeline.marks if m.item.key == "since")
    assert mark.left == 0 and mark.width == 100 and mark.clipped_end


def test_zooming_to_a_filter_leaves_out_what_is_outside_and_clips_what_crosses():
    inside = Item("in", date(2024, 6, 20), date(2024, 6, 20))
    outside = Item("out", date(2023, 1, 1), date(2023, 1, 1))
    crossing = Item("cross", date(2024, 5, 20), date(2024, 6, 10))
    timeline = layout([inside, outside, crossing], start=JUNE[0], end=JUNE[1])
    assert {m.item.key for m in timeline.marks} == {"in", "cross"}
    cross = next(m for m in timeline.marks if m.item.key == "cross")
    assert cross.left == 0 and cross.clipped_start and not cross.clipped_end


def test_ticks_are_weeks_months_or_years_by_span():
    assert [t.label for t in ticks(date(2024, 6, 1), date(2024, 6, 30))] == [
        "3 Jun",
        "10 Jun",
        "17 Jun",
        "24 Jun",
    ]
    assert [t.label for t in ticks(date(2024, 5, 15), date(2024, 9, 30))] == [
        "Jun 2024",
        "Jul",
        "Aug",
        "Sep",
    ]
    assert [t.label for t in ticks(date(2009, 1, 1), date(2024, 12, 31))][:3] == [
        "2009",
        "2010",
        "2011",
    ]
    assert len(ticks(date(1900, 1, 1), date(2024, 12, 31))) <= 13


def test_nothing_to_draw_is_no_timeline():
    assert layout([]) is None
