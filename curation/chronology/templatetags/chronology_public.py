"""Template helpers for the public chronology pages: a type's colour, a timeline mark's
classes and position, an entry's date as a <time>, and the JSON-LD script."""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from curation.chronology import public_page, schema_org
from curation.temporal import display

register = template.Library()

DEFAULT_TYPE_COLOUR = "#6b6b78"
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@register.filter
def type_colour(event_type) -> str:
    """The type's colour, else its parent's: only a colour the model's validator allows
    reaches a style attribute, whatever the database holds."""
    for kind in (event_type, getattr(event_type, "parent", None)):
        if kind is not None and _COLOUR.fullmatch(kind.colour or ""):
            return kind.colour
    return DEFAULT_TYPE_COLOUR


@register.simple_tag
def mark_classes(drawn) -> str:
    mark = drawn.mark
    classes = ["mark", "mark-point" if mark.is_point else "mark-bar"]
    if mark.approximate:
        classes.append("mark-approximate")
    if drawn.ongoing:
        classes.append("mark-ongoing")
    if mark.clipped_start:
        classes.append("mark-clipped-start")
    if mark.clipped_end:
        classes.append("mark-clipped-end")
    return " ".join(classes)


@register.simple_tag
def mark_style(drawn) -> str:
    """Where the mark sits: percentages of the axis (timeline.layout's), its lane, and
    its type's colour."""
    mark = drawn.mark
    return (
        f"--left: {mark.left:.3f}%; --width: {mark.width:.3f}%; --lane: {mark.lane}; "
        f"--type: {type_colour(drawn.item.entry.event_type)}"
    )


@register.simple_tag
def tick_style(tick) -> str:
    return f"--left: {tick.left:.3f}%"


@register.simple_tag
def entry_time(entry) -> str:
    """The entry's date for people, in a <time> element when it is one day, month or
    year (what HTML's datetime can say at that precision)."""
    if not entry.date:
        return "Date unknown"
    start, end = schema_org.iso_dates(entry.date)
    if start == end:
        return format_html('<time datetime="{}">{}</time>', start, display(entry.date))
    return display(entry.date)


@register.filter
def span_note(entry) -> str | None:
    if not entry.date:
        return None
    return public_page.span_note(entry.date_lower, entry.date_upper)


@register.simple_tag
def jsonld_script(data: dict) -> SafeString:
    """``data`` as a <script type="application/ld+json">. schema_org.script_text escapes
    every "<", ">" and "&" (as json_script does), so headlines and quotes can't end the
    tag; what is marked safe is that escaped JSON only."""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(schema_org.script_text(data)),  # noqa: S308 (no <, > or & left in it)
    )


@register.filter
def elided_pages(paginator, number):
    """Page numbers around ``number``, with the paginator's ELLIPSIS between runs."""
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.filter
def roles_text(roles) -> str:
    """An entity's roles in an entry, in words: "actor, target"; the place is "location"."""
    return ", ".join("location" if role == "Place" else role.lower() for role in roles)
