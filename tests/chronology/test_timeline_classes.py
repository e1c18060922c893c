"""The timeline's places as classes (chronology/timeline_classes.py): a percentage is
its whole part and its hundredths, a lane and the lane count are one class each, and
static/css/timeline.css, which gives them their values, is the one the module writes."""

from datetime import date

import pytest
from django.conf import settings

from curation.chronology import timeline_classes
from curation.chronology.timeline import MAX_LANES, Item, Mark, Tick
from tests.chronology.reading import class_rules


def mark(left: float, width: float, lane: int = 0) -> Mark:
    item = Item(key="k", lower=date(2024, 1, 1), upper=date(2024, 1, 2))
    return Mark(item, left, width, lane, clipped_start=False, clipped_end=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.0, "left-0 left-hundredths-0"),
        (73.684, "left-73 left-hundredths-68"),
        (73.686, "left-73 left-hundredths-69"),
        (19.999, "left-20 left-hundredths-0"),
        (100.0, "left-100 left-hundredths-0"),
        (-0.001, "left-0 left-hundredths-0"),
        (100.4, "left-100 left-hundredths-0"),
    ],
)
def test_a_percentage_is_its_whole_part_and_its_hundredths(value, expected):
    assert timeline_classes.percent_classes("left", value) == expected


def test_a_mark_a_tick_and_the_track_name_their_places():
    assert timeline_classes.mark_classes(mark(26.316, 0.6, 3)) == (
        "left-26 left-hundredths-32 width-0 width-hundredths-60 lane-3"
    )
    assert timeline_classes.tick_classes(Tick(left=50.5, label="Jul")) == (
        "left-50 left-hundredths-50"
    )
    assert timeline_classes.track_classes(4) == "lanes-4"
    assert timeline_classes.track_classes(MAX_LANES + 5) == f"lanes-{MAX_LANES}"


def test_the_stylesheet_gives_every_class_the_code_can_name_its_value():
    rules = class_rules(timeline_classes.stylesheet())
    for whole in range(101):
        assert rules[f"left-{whole}"] == {"--left-whole": str(whole)}
        assert rules[f"width-{whole}"] == {"--width-whole": str(whole)}
    for rest in range(100):
        assert rules[f"left-hundredths-{rest}"] == {"--left-hundredths": str(rest)}
        assert rules[f"width-hundredths-{rest}"] == {"--width-hundredths": str(rest)}
    for lane in range(MAX_LANES):
        assert rules[f"lane-{lane}"] == {"--lane": str(lane)}
    for lanes in range(1, MAX_LANES + 1):
        assert rules[f"lanes-{lanes}"] == {"--lanes": str(lanes)}
    css = timeline_classes.stylesheet()
    whole_and_hundredths = "calc(var(--left-whole) * 1% + var(--left-hundredths) * .01%)"
    assert f".timeline-marks .mark {{ --left: {whole_and_hundredths};" in css
    assert f".timeline-ticks li {{ --left: {whole_and_hundredths}; }}" in css


def test_the_static_stylesheet_is_the_one_the_module_writes():
    written = (settings.BASE_DIR / "static" / "css" / "timeline.css").read_text("utf-8")
    assert written == timeline_classes.stylesheet(), (
        "Run: python -m curation.chronology.timeline_classes > static/css/timeline.css"
    )
