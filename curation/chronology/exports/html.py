"""An entry's text as HTML for the exports whose readers render HTML (TimelineJS's
``text.text``, an Atom entry's summary): its description, who took part, and each
citation's quoted passage with its short stored context, source, article and date.

Every value is escaped (``html.escape``): headlines, quotes and names are what editors
and articles wrote, and they go into other people's pages.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from curation.chronology.context import words_after, words_before
from curation.temporal import display

if TYPE_CHECKING:
    from curation.chronology.selectors import Citation, PublicEntry


def sources_phrase(count: int) -> str:
    return f"Reported by {count} source{'' if count == 1 else 's'}"


def published_on(citation: Citation) -> str:
    return published_on_words(citation.published_on)


def published_on_words(day: date | None) -> str:
    return display(day.isoformat()) if day else "date of publication unknown"


def entry_html(item: PublicEntry, *, link: str = "", with_date: bool = False) -> str:
    """The entry's description, participants and citations; ``with_date`` starts with
    its date in words, ``link`` ends with a link to it on the chronology's page."""
    entry = item.entry
    parts = []
    if with_date:
        parts.append(f"<p><strong>{escape(entry.date_display)}</strong></p>")
    if entry.description:
        parts.append(f"<p>{escape(entry.description)}</p>")
    if item.participants:
        names = ", ".join(
            f"{escape(taking.name)} ({escape(taking.kind_name)})" for taking in item.participants
        )
        parts.append(f"<p>Taking part: {names}</p>")
    parts.append(f"<p>{sources_phrase(item.source_count)}:</p>")
    parts.append("<ul>" + "".join(_citation(citation) for citation in item.citations) + "</ul>")
    if link:
        parts.append(f'<p><a href="{escape(link)}">This entry in the chronology</a></p>')
    return "".join(parts)


def _citation(citation: Citation) -> str:
    before = escape(words_before(citation.before))
    after = escape(words_after(citation.after))
    return (
        f"<li><blockquote><p>{before}<mark>{escape(citation.quote)}</mark>{after}</p>"
        f"</blockquote><p>{escape(citation.source)}, <cite>{escape(citation.article_title)}"
        f"</cite>, {escape(published_on(citation))}</p></li>"
    )
