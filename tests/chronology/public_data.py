"""Published chronologies for the public page's tests and benchmark: one entry at a time
(with its events, sources and participants, made directly as approved work), or many at
once in bulk.

Every article's body holds SECRET, a sentence far from any quoted passage: the public
pages must never show it.
"""

from __future__ import annotations

import itertools
from datetime import date

from django.utils import timezone
from django.utils.text import slugify

from curation.annotations.models import (
    Entity,
    EntityKind,
    Event,
    EventType,
    Participant,
    Status,
)
from curation.articles.importing import content_hash
from curation.articles.models import Article, Source
from curation.chronology.models import Chronology, Entry, EntryEvent
from curation.temporal import bounds

SECRET = "This paragraph of the copyrighted article is never shown to the public."
QUOTE = "The White House canceled the meeting"
BODY = (
    "Reporting from Washington, our correspondents followed the talks all week long. " * 2
    + f"{QUOTE} with Israeli officials. "
    + "A later paragraph explains the background at some length for readers. " * 2
    + SECRET
)

_numbers = itertools.count(1)


def chronology(title: str = "Iran talks", *, slug: str | None = None, public: bool = True):
    return Chronology.objects.create(
        title=title, slug=slug or f"chronology-{next(_numbers)}", is_public=public
    )


def entity(name: str, kind: str = "organisation", **fields) -> Entity:
    return Entity.objects.create(name=name, kind=EntityKind.objects.get(slug=kind), **fields)


def source(name: str) -> Source:
    return Source.objects.get_or_create(
        slug=slugify(name) or f"source-{next(_numbers)}", defaults={"name": name}
    )[0]


def article(
    *,
    source_name: str = "Axios",
    title: str | None = None,
    body: str = BODY,
    published_on: date | None = date(2024, 6, 21),
) -> Article:
    number = next(_numbers)
    body = f"{body}\n\nReport {number}."
    return Article.objects.create(
        source=source(source_name),
        title=title or f"Talks called off ({number})",
        body=body,
        raw_text=body,
        content_hash=content_hash(body),
        format=Article.Format.TEXT,
        published_on=published_on,
    )


def approved_event(
    on: Article,
    *,
    date_value: str = "2024-06-20",
    type_slug: str = "reject-meeting-cancelled",
    quote: str = QUOTE,
    participants=(),
    location: Entity | None = None,
    status: str = Status.APPROVED,
) -> Event:
    start = on.body.index(quote)
    end = start + len(quote)
    event = Event.objects.create(
        article=on,
        start=start,
        end=end,
        quote=quote,
        prefix=on.body[max(0, start - 32) : start],
        suffix=on.body[end : end + 32],
        event_type=EventType.objects.get(slug=type_slug),
        headline="An event",
        date=date_value,
        location=location,
    )
    for taking, role in participants:
        Participant.objects.create(event=event, entity=taking, role=role)
    Event.objects.filter(pk=event.pk).update(status=status)
    event.refresh_from_db()
    return event


def entry(
    chronologies,
    date_value: str,
    *,
    headline: str | None = None,
    type_slug: str = "reject-meeting-cancelled",
    events=(),
    status: str = Entry.Status.PUBLISHED,
    description: str = "",
) -> Entry:
    """An entry in ``chronologies`` citing ``events`` (approved events; one is made from
    an Axios article when none are given)."""
    number = next(_numbers)
    made = Entry.objects.create(
        headline=headline or f"Entry {number}",
        description=description,
        event_type=EventType.objects.get(slug=type_slug),
        date=date_value,
        slug=f"entry-{number}",
        status=status,
        published_at=timezone.now() if status == Entry.Status.PUBLISHED else None,
    )
    for event in events or [approved_event(article(), date_value=date_value)]:
        EntryEvent.objects.create(entry=made, event=event)
    made.chronologies.add(*chronologies)
    return made


# --- in bulk ---------------------------------------------------------------------------


def bulk_entries(
    chronology: Chronology,
    count: int,
    *,
    articles: int = 20,
    sources: int = 4,
    entities: int = 40,
    start_year: int = 2000,
) -> list[int]:
    """``count`` published entries in ``chronology``, each citing 1-3 approved events
    from several articles and sources, with participants and sometimes a place; the
    dates spread over the years from ``start_year`` at mixed precision. Bulk inserts, no
    history. Returns the entries' ids."""
    outlets = [source(f"Outlet {n}") for n in range(sources)]
    texts = [article(source_name=outlets[n % sources].name) for n in range(articles)]
    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    kind_cycle = ["person", "organisation", "place", "group"]
    people = Entity.objects.bulk_create(
        Entity(name=f"Party {n:03d}", kind=kinds[kind_cycle[n % 4]]) for n in range(entities)
    )
    types = list(EventType.objects.filter(parent__isnull=False).order_by("slug")[:8])
    start = texts[0].body.index(QUOTE)
    end = start + len(QUOTE)
    entries, events_of = [], []
    for n in range(count):
        year = start_year + n // 400
        month = 1 + (n // 30) % 12
        value = [
            f"{year}-{month:02d}-{1 + n % 28:02d}",
            f"{year}-{month:02d}",
            f"{year}-{month:02d}-11/{year}-{month:02d}-20",
            f"{year}-{month:02d}-{1 + n % 28:02d}~",
        ][n % 4]
        lower, upper = bounds(value)
        entries.append(
            Entry(
                headline=f"Entry {n} of the benchmark",
                event_type=types[n % len(types)],
                date=value,
                date_lower=lower,
                date_upper=upper,
                date_days=(upper - lower).days,
                status=Entry.Status.PUBLISHED,
                published_at=timezone.now(),
                slug=f"bulk-{chronology.pk}-{n}",
            )
        )
        events_of.append(
            [
                Event(
                    article=texts[(n + k) % articles],
                    start=start,
                    end=end,
                    quote=QUOTE,
                    prefix=texts[0].body[start - 32 : start],
                    suffix=texts[0].body[end : end + 32],
                    event_type=types[n % len(types)],
                    headline=f"Event {n}.{k}",
                    date=value,
                    date_lower=lower,
                    date_upper=upper,
                    status=Status.APPROVED,
                    location=people[(n + 2) % entities] if n % 3 == 0 else None,
                )
                for k in range(1 + n % 3)
            ]
        )
    entries = Entry.objects.bulk_create(entries, batch_size=500)
    events = Event.objects.bulk_create(
        [event for group in events_of for event in group], batch_size=500
    )
    links, takings = [], []
    position = 0
    for n, (made, group) in enumerate(zip(entries, events_of, strict=True)):
        for _k in range(len(group)):
            event = events[position]
            position += 1
            links.append(EntryEvent(entry=made, event=event))
            takings.append(Participant(event=event, entity=people[n % entities], role="actor"))
            takings.append(
                Participant(event=event, entity=people[(n + 1) % entities], role="target")
            )
    EntryEvent.objects.bulk_create(links, batch_size=500)
    Participant.objects.bulk_create(takings, batch_size=500)
    through = Entry.chronologies.through
    through.objects.bulk_create(
        [through(entry=made, chronology=chronology) for made in entries], batch_size=500
    )
    return [made.pk for made in entries]
