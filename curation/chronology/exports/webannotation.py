"""W3C Web Annotation Data Model (www.w3.org/TR/annotation-model/) in JSON-LD.

An annotation:

    {"@context": "http://www.w3.org/ns/anno.jsonld",
     "id": IRI, "type": "Annotation", "motivation": "describing" | "identifying",
     "created": "2024-06-21T09:30:00Z",
     "body": [...],
     "target": {"type": "SpecificResource", "source": the article,
                "selector": [{"type": "TextQuoteSelector", "exact", "prefix", "suffix"},
                             {"type": "TextPositionSelector", "start", "end"}]}}

- The target's source is the article's own URL when it has one (with a ``TimeState``
  giving when the desk imported it), else the article's address on the desk.
- Selectors are what the desk stores for every span: the quote and the 32 characters
  either side, and the start and end offsets. Offsets count Unicode code points
  (Python ``str`` indices), end exclusive, as the model asks ("in terms of unicode
  code points, not in terms of code units"); they count in the desk's clean text of the
  article, which may differ from the publisher's page: the quote selector is the one
  that finds the passage there.
- An event's bodies: its headline (``describing``), its type (``classifying``), its
  date as EDTF (``describing``, ``conformsTo`` the EDTF specification), and each
  participant or place (``tagging``: the name, and the Wikidata item when known).
- A mention's bodies: the entity's Wikidata item (``identifying``) when known, its name
  (``tagging``) and its kind (``classifying``).

Collections follow section 5: an ``AnnotationCollection`` (label, total, ``first``
embedded, ``last``) and ``AnnotationPage``s of ``PAGE_SIZE`` items at ``?page=N``
(N from 0), each with ``partOf``, ``startIndex``, and ``next``/``prev`` between them. A
``next`` link may also say where its page starts (``&after=``), for the server to find
it faster; the page's ``id`` is its number's.
A page that is not embedded carries the ``@context``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTENT_TYPE = f'application/ld+json; profile="{CONTEXT}"'
PAGE_SIZE = 500
EDTF_SPECIFICATION = "https://www.loc.gov/standards/datetime/"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class Named:
    """An entity as an annotation names it."""

    name: str
    kind: str
    wikidata_id: str = ""


def utc(moment: datetime) -> str:
    """xsd:dateTime in UTC, as the model asks for created and sourceDate."""
    # isoformat, not strftime: a third of the time, for each of an export's annotations
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def text_target(
    *,
    source: str,
    quote: str,
    prefix: str,
    suffix: str,
    start: int,
    end: int,
    captured: datetime | None = None,
) -> dict:
    """A passage of an article; ``captured`` (the import time) for an external page."""
    target = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextQuoteSelector", "exact": quote, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
    }
    if captured is not None:
        target["state"] = {"type": "TimeState", "sourceDate": utc(captured)}
    return target


def _text(value: str, purpose: str) -> dict:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _wikidata(wikidata_id: str, purpose: str) -> dict:
    return {"type": "SpecificResource", "purpose": purpose, "source": WIKIDATA_ENTITY + wikidata_id}


def event_bodies(
    *, headline: str, type_name: str, date: str, participants: Iterable[Named]
) -> list[dict]:
    bodies = [_text(headline, "describing"), _text(type_name, "classifying")]
    if date:
        bodies.append({**_text(date, "describing"), "conformsTo": EDTF_SPECIFICATION})
    for named in participants:
        bodies.append(_text(named.name, "tagging"))
        if named.wikidata_id:
            bodies.append(_wikidata(named.wikidata_id, "tagging"))
    return bodies


def mention_bodies(entity: Named) -> list[dict]:
    bodies = [_wikidata(entity.wikidata_id, "identifying")] if entity.wikidata_id else []
    return [*bodies, _text(entity.name, "tagging"), _text(entity.kind, "classifying")]


def annotation(
    *, id: str, motivation: str, created: datetime, body: list[dict], target: dict
) -> dict:
    """An annotation as an item of a page (the page carries the @context)."""
    return {
        "id": id,
        "type": "Annotation",
        "motivation": motivation,
        "created": utc(created),
        "body": body,
        "target": target,
    }


def page_count(total: int) -> int:
    return -(-total // PAGE_SIZE)


def page_url(collection: str, number: int, *, after: str | None = None) -> str:
    """A page's address; ``after``: where the page starts, for a faster way to it."""
    return f"{collection}?page={number}" + (f"&after={after}" if after else "")


def page(
    *,
    collection: str,
    number: int,
    has_next: bool,
    items: list[dict],
    embedded: bool,
    next_after: str | None = None,
) -> dict:
    """Page ``number`` (from 0) of a collection; ``has_next``: another page follows,
    ``next_after`` where it starts, if the collection says."""
    described: dict = {} if embedded else {"@context": CONTEXT}
    described |= {
        "id": page_url(collection, number),
        "type": "AnnotationPage",
        "partOf": collection,
        "startIndex": number * PAGE_SIZE,
    }
    if number > 0:
        described["prev"] = page_url(collection, number - 1)
    if has_next:
        described["next"] = page_url(collection, number + 1, after=next_after)
    described["items"] = items
    return described


def collection(
    *, id: str, label: str, total: int, first_items: list[dict], next_after: str | None = None
) -> dict:
    """The collection, with its first page embedded (none when it is empty)."""
    described = {
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": total,
    }
    if total:
        described["first"] = page(
            collection=id,
            number=0,
            has_next=total > PAGE_SIZE,
            items=first_items,
            embedded=True,
            next_after=next_after,
        )
        described["last"] = page_url(id, page_count(total) - 1)
    return described
