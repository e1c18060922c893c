"""The public chronology page's entries and timeline marks as HTML.

A page lists up to a hundred entries, each with its participants and citations, and a
timeline mark for each; as a template loop that was most of the page's time, and so
was ``format_html`` (Django's escape checks every value for a lazy string first). So
the HTML is written here with f-strings, and every value that comes from the database
or from people goes through ``_text`` (the standard library's ``html.escape``, which is
what Django's ``escape`` calls): & < > " ' are escaped, in text and in attributes. Each
such text also sits in an element with ``hx-disable`` (curation/inert.py). The only
strings marked safe are the ones built here that way (tests/chronology/test_public_page.py
puts markup into every field and checks it comes out as text). The markup is the page's
own, styled by static/css/chronology.css and desk.css:

    <li class="entry-item"><article class="entry" id="entry-<slug>">
      <header class="entry-head"> date, headline (h4), type badge, span note </header>
      description; participants (each a link to the entity's public page);
      "Reported by N sources"; citations: …context <mark>quote</mark> context…,
      source name, <cite>article title</cite>, publication date
    </article></li>

    <li class="mark mark-bar|mark-point [mark-approximate] [mark-ongoing] … <place> type-<id>">
      <a href="#entry-<slug>"><span class="mark-label">headline, date</span></a></li>

Nothing carries a style attribute (the Content-Security-Policy refuses them): a type's
colour is the class ``type-<id>`` (the /event-types.css stylesheet), a mark's place on
the axis its classes from chronology/timeline_classes.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from django.utils.safestring import SafeString, mark_safe

from curation.chronology import public_page, schema_org, timeline_classes
from curation.chronology.context import words_after, words_before
from curation.chronology.selectors import Citation, PublicEntry, Taking
from curation.table_rows import text as _text
from curation.temporal import display

_NEWLINES = re.compile(r"\r\n|\r|\n")


def type_class(event_type_id: int) -> str:
    """The class that gives an element its event type's colour as ``--type``."""
    return f"type-{int(event_type_id)}"


def roles_text(roles) -> str:
    """An entity's roles in an entry, in words: "actor, target"; the place is "location"."""
    return ", ".join("location" if role == "Place" else role.lower() for role in roles)


def _time_html(entry) -> str:
    if not entry.date:
        return "Date unknown"
    start, end = schema_org.iso_dates(entry.date)
    words = _text(display(entry.date))
    return f'<time datetime="{_text(start)}">{words}</time>' if start == end else words


def entry_time(entry) -> SafeString:
    """The entry's date for people, in a <time> element when it is one day, month or
    year (what HTML's datetime can say at that precision)."""
    return mark_safe(_time_html(entry))  # noqa: S308 (built from escaped text)


def span_note(entry) -> str | None:
    if not entry.date:
        return None
    return public_page.span_note(entry.date_lower, entry.date_upper)


def published_on(day: date | None) -> str:
    return display(day.isoformat()) if day else ""


def _participant_html(taking: Taking, entity_url: Callable[[int], str]) -> str:
    return (
        f'<li class="k-{_text(taking.kind_slug)}"><span class="kind-dot" aria-hidden="true">'
        f'</span><a href="{_text(entity_url(taking.entity_id))}" hx-disable>'
        f"{_text(taking.name)}</a> "
        f'<span class="participant-roles">{_text(taking.kind_name.lower())}; '
        f"{_text(roles_text(taking.roles))}</span></li>"
    )


def _citation_html(citation: Citation) -> str:
    before, after = words_before(citation.before), words_after(citation.after)
    before = f'<span class="context">{_text(before)}</span>' if before else ""
    after = f'<span class="context">{_text(after)}</span>' if after else ""
    day = published_on(citation.published_on)
    return (
        f'<li class="citation"><blockquote class="citation-quote" hx-disable><p>{before}'
        f"<mark>{_text(citation.quote)}</mark>{after}</p></blockquote>"
        f'<p class="citation-source"><span class="source-name" hx-disable>'
        f"{_text(citation.source)}</span>, <cite hx-disable>{_text(citation.article_title)}</cite>"
        f"{_text(f', {day}' if day else '')}</p>"
        "</li>"
    )


def entry_item(item: PublicEntry, *, entity_url: Callable[[int], str]) -> SafeString:
    """One entry of the list; ``entity_url`` gives an entity's public page."""
    entry = item.entry
    slug = _text(entry.slug)
    note = span_note(entry)
    parts = [
        f'<li class="entry-item"><article class="entry {type_class(entry.event_type_id)}" '
        f'id="entry-{slug}" '
        f'aria-labelledby="entry-{slug}-headline" tabindex="-1">'
        f'<header class="entry-head"><p class="entry-date">{_time_html(entry)}</p>'
        f'<h4 class="entry-headline" id="entry-{slug}-headline" hx-disable>'
        f"{_text(entry.headline)}</h4>"
        f'<span class="badge type-badge">{_text(entry.event_type)}</span>'
    ]
    if note:
        parts.append(f'<p class="entry-note">{_text(note)}</p>')
    parts.append("</header>")
    if entry.description:
        lines = _NEWLINES.sub("<br>", _text(entry.description))
        parts.append(f'<p class="entry-description" hx-disable>{lines}</p>')
    if item.participants:
        parts.append('<ul class="participants" aria-label="Taking part">')
        parts += [_participant_html(taking, entity_url) for taking in item.participants]
        parts.append("</ul>")
    count = item.source_count
    parts.append(
        f'<p class="source-count">Reported by {count} source{"" if count == 1 else "s"}</p>'
    )
    parts.append('<ol class="citations">')
    parts += [_citation_html(citation) for citation in item.citations]
    parts.append("</ol></article></li>")
    return mark_safe("".join(parts))  # noqa: S308 (built from escaped text)


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
    classes.append(timeline_classes.mark_classes(mark))  # where it sits
    classes.append(type_class(drawn.item.entry.event_type_id))
    return " ".join(classes)


def timeline_mark(drawn: public_page.DrawnMark) -> SafeString:
    """A mark: a link to its entry, named by the entry's headline and date."""
    entry = drawn.item.entry
    label = f"{entry.headline}, {display(entry.date)}"
    if drawn.ongoing:
        label += ", still going on"
    return mark_safe(  # noqa: S308 (built from escaped text)
        f'<li class="{_text(mark_classes(drawn))}">'
        f'<a href="#entry-{_text(entry.slug)}">'
        f'<span class="mark-label" hx-disable>{_text(label)}</span>'
        "</a></li>"
    )
