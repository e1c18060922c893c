"""The public chronology page's entries and timeline marks as HTML.

A page lists up to a hundred entries, each with its participants and citations, and a
timeline mark for each; as a template loop that was most of the page's time. Here each
piece is one ``format_html`` (which escapes every value it is given): nothing that an
editor or an article wrote is ever marked safe. The markup is the page's own, described
in static/css/chronology.css and desk.css:

    <li class="entry-item"><article class="entry" id="entry-<slug>">
      <header class="entry-head"> date, headline (h4), type badge, span note </header>
      description; participants (each a link to the entity's public page);
      "Reported by N sources"; citations: …context <mark>quote</mark> context…,
      source name, <cite>article title</cite>, publication date
    </article></li>

    <li class="mark mark-bar|mark-point [mark-approximate] [mark-ongoing] …">
      <a href="#entry-<slug>"><span class="mark-label">headline, date</span></a></li>
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from curation.chronology import public_page, schema_org
from curation.chronology.selectors import Citation, PublicEntry, Taking
from curation.temporal import display

DEFAULT_TYPE_COLOUR = "#6b6b78"
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def type_colour(event_type) -> str:
    """The type's colour, else its parent's: only a colour the model's validator allows
    reaches a style attribute, whatever the database holds."""
    for kind in (event_type, getattr(event_type, "parent", None)):
        if kind is not None and _COLOUR.fullmatch(kind.colour or ""):
            return kind.colour
    return DEFAULT_TYPE_COLOUR


def roles_text(roles) -> str:
    """An entity's roles in an entry, in words: "actor, target"; the place is "location"."""
    return ", ".join("location" if role == "Place" else role.lower() for role in roles)


def entry_time(entry) -> SafeString | str:
    """The entry's date for people, in a <time> element when it is one day, month or
    year (what HTML's datetime can say at that precision)."""
    if not entry.date:
        return "Date unknown"
    start, end = schema_org.iso_dates(entry.date)
    if start == end:
        return format_html('<time datetime="{}">{}</time>', start, display(entry.date))
    return display(entry.date)


def span_note(entry) -> str | None:
    if not entry.date:
        return None
    return public_page.span_note(entry.date_lower, entry.date_upper)


def published_on(day: date | None) -> str:
    return display(day.isoformat()) if day else ""


def _participant(taking: Taking, entity_url: Callable[[int], str]) -> SafeString:
    return format_html(
        '<li class="k-{}"><span class="kind-dot" aria-hidden="true"></span>'
        '<a href="{}">{}</a> <span class="participant-roles">{}; {}</span></li>',
        taking.kind_slug,
        entity_url(taking.entity_id),
        taking.name,
        taking.kind_name.lower(),
        roles_text(taking.roles),
    )


def _citation(citation: Citation) -> SafeString:
    before, after = citation.before, citation.after
    if before:
        before = format_html('<span class="context">…{}</span>', before)
    if after:
        after = format_html('<span class="context">{}…</span>', after)
    day = published_on(citation.published_on)
    return format_html(
        '<li class="citation"><blockquote class="citation-quote"><p>{}<mark>{}</mark>{}</p>'
        '</blockquote><p class="citation-source"><span class="source-name">{}</span>, '
        "<cite>{}</cite>{}</p></li>",
        before,
        citation.quote,
        after,
        citation.source,
        citation.article_title,
        f", {day}" if day else "",
    )


def entry_item(item: PublicEntry, *, entity_url: Callable[[int], str]) -> SafeString:
    """One entry of the list; ``entity_url`` gives an entity's public page."""
    entry = item.entry
    note = span_note(entry)
    description = (
        format_html('<p class="entry-description">{}</p>', linebreaksbr(entry.description))
        if entry.description
        else ""
    )
    participants = (
        format_html(
            '<ul class="participants" aria-label="Taking part">{}</ul>',
            format_html_join("", "{}", ((_participant(t, entity_url),) for t in item.participants)),
        )
        if item.participants
        else ""
    )
    count = item.source_count
    return format_html(
        '<li class="entry-item"><article class="entry" id="entry-{slug}" style="--type: {colour}"'
        ' aria-labelledby="entry-{slug}-headline" tabindex="-1">'
        '<header class="entry-head"><p class="entry-date">{time}</p>'
        '<h4 class="entry-headline" id="entry-{slug}-headline">{headline}</h4>'
        '<span class="badge type-badge">{type}</span>{note}</header>'
        "{description}{participants}"
        '<p class="source-count">Reported by {count} source{plural}</p>'
        '<ol class="citations">{citations}</ol></article></li>',
        slug=entry.slug,
        colour=type_colour(entry.event_type),
        time=entry_time(entry),
        headline=entry.headline,
        type=str(entry.event_type),
        note=format_html('<p class="entry-note">{}</p>', note) if note else "",
        description=description,
        participants=participants,
        count=count,
        plural="" if count == 1 else "s",
        citations=format_html_join("", "{}", ((_citation(c),) for c in item.citations)),
    )


def mark_classes(drawn: public_page.DrawnMark) -> str:
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
    if mark.left + mark.width / 2 > 50:  # its text, when shown, reads leftwards from its end
        classes.append("mark-late")
    return " ".join(classes)


def mark_style(drawn: public_page.DrawnMark) -> str:
    """Where the mark sits: percentages of the axis (timeline.layout's), its lane, and
    its type's colour."""
    mark = drawn.mark
    return (
        f"--left: {mark.left:.3f}%; --width: {mark.width:.3f}%; --lane: {mark.lane}; "
        f"--type: {type_colour(drawn.item.entry.event_type)}"
    )


def timeline_mark(drawn: public_page.DrawnMark) -> SafeString:
    """A mark: a link to its entry, named by the entry's headline and date."""
    entry = drawn.item.entry
    return format_html(
        '<li class="{}" style="{}"><a href="#entry-{}"><span class="mark-label">{}, {}{}</span>'
        "</a></li>",
        mark_classes(drawn),
        mark_style(drawn),
        entry.slug,
        entry.headline,
        display(entry.date),
        ", still going on" if drawn.ongoing else "",
    )
