"""The timeline's geometry as class names, and the stylesheet that gives those classes
their values (static/css/timeline.css, written by ``python -m
curation.chronology.timeline_classes``; a test checks the file is current).

The Content-Security-Policy refuses inline styles, so a mark can't carry its place in a
style attribute; and a nonce'd style element of the page's own would be refused when htmx
swaps in filtered results, whose response has another nonce than the page. So a
percentage of the axis is two classes, its whole part and its hundredths:
``left-73 left-hundredths-68`` is 73.68%, which the stylesheet makes ``--left`` again
(desk.css places marks and ticks by ``--left``, ``--width``, ``--lane`` and the track's
height by ``--lanes``). Rounded to hundredths of a percent, a mark moves by less than
a tenth of a pixel on a 1600-pixel axis: it sits where the exact figures would put it.
"""

from __future__ import annotations

from curation.chronology.timeline import MAX_LANES, Mark, Tick

WHOLE = range(101)
HUNDREDTHS = range(100)
LENGTHS = ("left", "width")


def percent_classes(name: str, value: float) -> str:
    """``value`` (a percentage, held to 0–100) as its ``name`` classes."""
    hundredths = round(min(max(value, 0.0), 100.0) * 100)
    whole, rest = divmod(hundredths, 100)
    return f"{name}-{whole} {name}-hundredths-{rest}"


def mark_classes(mark: Mark) -> str:
    lane = min(max(mark.lane, 0), MAX_LANES - 1)
    return (
        f"{percent_classes('left', mark.left)} {percent_classes('width', mark.width)} lane-{lane}"
    )


def tick_classes(tick: Tick) -> str:
    return percent_classes("left", tick.left)


def track_classes(lanes: int) -> str:
    return f"lanes-{min(max(lanes, 1), MAX_LANES)}"


def _from_classes(name: str) -> str:
    return f"--{name}: calc(var(--{name}-whole) * 1% + var(--{name}-hundredths) * .01%);"


def stylesheet() -> str:
    lines = [
        "/* Written by curation/chronology/timeline_classes.py: the timeline's places as",
        "   classes (see there). Don't edit; run",
        "   python -m curation.chronology.timeline_classes > static/css/timeline.css */",
        f".timeline-marks .mark {{ {_from_classes('left')} {_from_classes('width')} }}",
        f".timeline-ticks li {{ {_from_classes('left')} }}",
    ]
    for name in LENGTHS:
        lines += [f".{name}-{n} {{ --{name}-whole: {n}; }}" for n in WHOLE]
        lines += [f".{name}-hundredths-{n} {{ --{name}-hundredths: {n}; }}" for n in HUNDREDTHS]
    lines += [f".lane-{n} {{ --lane: {n}; }}" for n in range(MAX_LANES)]
    lines += [f".lanes-{n} {{ --lanes: {n}; }}" for n in range(1, MAX_LANES + 1)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(stylesheet(), end="")
