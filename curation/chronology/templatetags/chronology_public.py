"""Template helpers for the public chronology pages: the entries and the timeline marks
(built in chronology/public_html.py), an entry's date as a <time>, the timeline's place
classes, the pager's pages and the JSON-LD script."""

from __future__ import annotations

from functools import cache

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from curation.chronology import public_html, schema_org, timeline_classes

register = template.Library()

tick_classes = register.filter("tick_classes", timeline_classes.tick_classes)
track_classes = register.filter("track_classes", timeline_classes.track_classes)
roles_text = register.filter("roles_text", public_html.roles_text)
entry_time = register.simple_tag(public_html.entry_time, name="entry_time")


@register.simple_tag
def public_entries(items) -> SafeString:
    """The entries (``selectors.PublicEntry``), each an <li> of the page's list."""
    entity_url = cache(lambda pk: reverse("chronology:public-entity", args=[pk]))
    html = "".join(public_html.entry_item(item, entity_url=entity_url) for item in items)
    return mark_safe(html)  # noqa: S308 (safe pieces from public_html, joined)


@register.simple_tag
def timeline_marks(marks) -> SafeString:
    """The timeline's marks (``public_page.DrawnMark``), each an <li> with its link."""
    html = "".join(public_html.timeline_mark(drawn) for drawn in marks)
    return mark_safe(html)  # noqa: S308 (safe pieces from public_html, joined)


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
