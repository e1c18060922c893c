"""The chronology as an iCalendar file (RFC 5545), built with the icalendar package.

- A day becomes an all-day event: ``DTSTART;VALUE=DATE`` and an exclusive ``DTEND``
  (the next day). An interval of days ("mid-July 2024", "24–30 June 2024") becomes an
  all-day span, ``DTEND`` the day after its last day (exports/dates.calendar_days).
- Coarser entries (a month, a season, a year, an interval with a coarser end, an open
  end) and undated ones are left out, and the calendar says how many: in its
  ``DESCRIPTION`` (RFC 7986) and ``X-WR-CALDESC`` in words, and in
  ``X-CURATION-LEFT-OUT`` as a number.
- An approximate day ("2024-06-13~") stays on its day; its summary ends "(c. 13 June
  2024)" and its description says the date is approximate.
- ``UID`` is ``entry-<id>@<host>``: the same entry keeps its UID in every chronology and
  every download, so calendar programs update it rather than add it twice.
- Events are ``TRANSP:TRANSPARENT``: a news event doesn't make anyone busy.

The response streams: the calendar's own lines first (``calendar_head``), then each
event (``calendar_event``), then ``CALENDAR_END``. An event's lines are written one by
one with the package's values and content lines, which escape and fold them; building
an ``Event`` component for each took three times as long, for the same bytes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from icalendar import Calendar, vDate, vDatetime, vText, vUri
from icalendar.parser import Contentline, Parameters

from curation.chronology.exports.dates import is_approximate
from curation.chronology.exports.html import published_on, sources_phrase

if TYPE_CHECKING:
    from curation.chronology.selectors import PublicEntry

PRODUCT = "-//Curation desk//Chronology export//EN"
LEFT_OUT_PROPERTY = "X-CURATION-LEFT-OUT"
CALENDAR_END = b"END:VCALENDAR\r\n"
_NO_PARAMETERS = Parameters()
_ALL_DAY = Parameters({"VALUE": "DATE"})


def left_out_note(count: int) -> str:
    if not count:
        return "Every entry of this chronology is in this calendar."
    entries = "entry is" if count == 1 else "entries are"
    return (
        f"{count} {entries} not in this calendar: their dates are not days or runs of "
        "days (only a month, a season, a year or coarser, or no date)."
    )


def calendar_head(*, name: str, description: str, url: str, left_out: int) -> bytes:
    """BEGIN:VCALENDAR and the calendar's properties, without its END line."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    note = left_out_note(left_out)
    text = f"{description}\n\n{note}" if description else note
    calendar.add("name", name)
    calendar.add("description", text)
    calendar.add("url", url)
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-caldesc", vText(text))
    calendar.add(LEFT_OUT_PROPERTY, str(left_out))
    head = calendar.to_ical()
    assert head.endswith(CALENDAR_END)
    return head[: -len(CALENDAR_END)]


def calendar_event(
    item: PublicEntry, *, days: tuple[date, date], uid: str, link: str, stamp: datetime
) -> bytes:
    """One entry as a VEVENT over ``days`` (first day, the day after the last): the lines
    and their order that the package's ``Event`` writes."""
    entry = item.entry
    approximate = is_approximate(entry.date)
    summary = entry.headline
    if approximate:
        summary += f" ({entry.date_display})"
    description = _description(item, approximate=approximate, link=link)
    return b"".join(
        (
            b"BEGIN:VEVENT\r\n",
            _line("SUMMARY", summary),
            _line("DTSTART", vDate(days[0]), _ALL_DAY),
            _line("DTEND", vDate(days[1]), _ALL_DAY),
            _line("DTSTAMP", vDatetime(stamp)),
            _line("UID", uid),
            _line("CATEGORIES", str(entry.event_type)),
            _line("DESCRIPTION", description),
            b"TRANSP:TRANSPARENT\r\n",
            _line("URL", vUri(link)),
            b"END:VEVENT\r\n",
        )
    )


def _line(name: str, value, parameters: Parameters = _NO_PARAMETERS) -> bytes:
    """A content line, folded: text is escaped, a value of the package writes itself."""
    return Contentline.from_parts(name, parameters, value).to_ical() + b"\r\n"


def _description(item: PublicEntry, *, approximate: bool, link: str) -> str:
    entry = item.entry
    lines = [f"Date: {entry.date_display}" + (" (approximate)" if approximate else "")]
    if entry.description:
        lines += ["", entry.description]
    if item.participants:
        lines += ["", "Taking part: " + ", ".join(taking.name for taking in item.participants)]
    lines += ["", f"{sources_phrase(item.source_count)}:"]
    for citation in item.citations:
        lines.append(
            f"“{citation.quote}” ({citation.source}, {citation.article_title}, "
            f"{published_on(citation)})"
        )
    lines += ["", link]
    return "\n".join(lines)
