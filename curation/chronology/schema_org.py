"""The public page's JSON-LD: each entry as a schema.org ``Event``, and the script tag's
text, escaped so that nothing in it can end the tag.

Dates keep their precision. schema.org dates are ISO 8601, which writes a day, a month
or a year ("2024-06-20", "2024-07", "2024"); each entry gets ``startDate`` and
``endDate`` at the precision it has:

    2024-06-20             2024-06-20 .. 2024-06-20
    2024-07                2024-07 .. 2024-07
    2024                   2024 .. 2024
    199X                   1990 .. 1999             (a decade: its first and last years)
    2023-22 (summer)       2023-06 .. 2023-08       (seasons, quarters, halves: their months)
    2024-07-11/2024-07-20  2024-07-11 .. 2024-07-20 (a range: its bounds)
    2024-06/..             2024-06 ..  (no endDate) (an open end)
    2024-06-13~            2024-06-13 .. 2024-06-13 (ISO 8601 has no "about"; the entry's
                                                    description keeps the reading)

Never a day that isn't stored: a month stays a month, not its first day.

Participants (``selectors.Taking``), by the properties schema.org gives an Event:
an actor that is a person or an organisation is an ``organizer``; places are its
``location``; everyone else (targets, others, and actors that schema.org can't call
organizers, such as a country) is what it is ``about``. Each citation is a
``subjectOf``: a ``Quotation`` whose ``text`` is the quoted passage and which
``isBasedOn`` the ``NewsArticle`` (headline, publisher, datePublished). Only the quoted
words go in, never more of the article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from curation.temporal import Kind, display, parse
from curation.temporal.edtf import Edtf

CONTEXT = "https://schema.org"
WIKIDATA = "https://www.wikidata.org/wiki/"
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")

# The entity kinds' slugs (annotations/kinds.py) and the schema.org type each is.
TYPE_BY_KIND = {
    "person": "Person",
    "organisation": "Organization",
    "group": "Organization",
    "place": "Place",
}
ORGANIZER_TYPES = {"Person", "Organization"}  # what schema.org's organizer expects
# The role names public_details gives (Participant.Role labels, and "Place").
ACTOR, PLACE = "Actor", "Place"


def iso_dates(value: str) -> tuple[str, str | None]:
    """(startDate, endDate) at the value's precision; endDate None for an open end."""
    parsed = parse(value)
    if parsed.kind is Kind.INTERVAL:
        assert parsed.start is not None
        start = _iso(parsed.start)[0]
        return start, None if parsed.end is None else _iso(parsed.end)[1]
    return _iso(parsed)


def _iso(parsed: Edtf) -> tuple[str, str]:
    lower, upper = parsed.lower, parsed.upper
    match parsed.kind:
        case Kind.DAY:
            return lower.isoformat(), upper.isoformat()
        case Kind.YEAR | Kind.DECADE | Kind.CENTURY:
            return f"{lower.year:04d}", f"{upper.year:04d}"
        case _:  # a month, season, quarter or half: its first and last months
            return f"{lower.year:04d}-{lower.month:02d}", f"{upper.year:04d}-{upper.month:02d}"


def wikidata_url(wikidata_id: str) -> str | None:
    return WIKIDATA + wikidata_id if _WIKIDATA_ID.fullmatch(wikidata_id or "") else None


def _thing(taking, entity_url: Callable[[int], str]) -> dict:
    node = {
        "@type": TYPE_BY_KIND.get(taking.kind_slug, "Thing"),
        "name": taking.name,
        "url": entity_url(taking.entity_id),
    }
    if same_as := wikidata_url(getattr(taking, "wikidata_id", "")):
        node["sameAs"] = same_as
    return node


def event(details, *, url: str, entity_url: Callable[[int], str]) -> dict:
    """One entry (a ``selectors.PublicEntry``) as a schema.org Event. ``url`` is the
    entry's address on the public page; ``entity_url`` gives an entity's public page."""
    entry = details.entry
    node: dict = {"@type": "Event", "@id": url, "url": url, "name": entry.headline}
    if entry.date:
        node["startDate"], end = iso_dates(entry.date)
        if end is not None:
            node["endDate"] = end
    description = [entry.description] if entry.description else []
    if entry.date and parse(entry.date).approximate:
        description.insert(0, f"Date: {display(entry.date)}.")
    if description:
        node["description"] = " ".join(description)
    organizers, places, about = [], [], []
    for taking in details.participants:
        thing = _thing(taking, entity_url)
        if PLACE in taking.roles:
            places.append(thing)
        if ACTOR in taking.roles and thing["@type"] in ORGANIZER_TYPES:
            organizers.append(thing)
        elif set(taking.roles) - {PLACE}:
            about.append(thing)
    for name, things in (("location", places), ("organizer", organizers), ("about", about)):
        if things:
            node[name] = things
    if details.citations:
        node["subjectOf"] = [_quotation(citation) for citation in details.citations]
    return node


def _quotation(citation) -> dict:
    article: dict = {
        "@type": "NewsArticle",
        "headline": citation.article_title,
        "publisher": {"@type": "Organization", "name": citation.source},
    }
    if citation.published_on:
        article["datePublished"] = citation.published_on.isoformat()
    return {"@type": "Quotation", "text": citation.quote, "isBasedOn": article}


def graph(events: list[dict]) -> dict:
    return {"@context": CONTEXT, "@graph": events}


# What json_script escapes (django.utils.html): with these, the text has no "<", ">"
# or "&" at all, so nothing in a headline or a quote can end the script tag.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_text(data: dict) -> str:
    """JSON for inside a <script type="application/ld+json"> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    assert not {"<", ">", "&"} & set(text)
    return text
