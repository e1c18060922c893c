"""Work on the curators' desk for the curation tests: approved events waiting for an
entry (each in an article of its own, with participants and a place), made directly,
and curators' clients."""

from __future__ import annotations

import itertools

from django.test import Client

from curation.annotations.models import Entity, EntityKind, Event, EventType, Participant, Status
from curation.articles.importing import content_hash
from curation.articles.models import Article, Source

QUOTE = "The White House canceled the meeting"
BODY = (
    "Reporting from Washington, our correspondents followed the talks all week long. "
    f"{QUOTE} with Israeli officials. A later paragraph explains the background."
)

_numbers = itertools.count(1)


def client_for(user, *, csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def entity(name: str, kind: str = "organisation") -> Entity:
    return Entity.objects.get_or_create(
        name=name, defaults={"kind": EntityKind.objects.get(slug=kind)}
    )[0]


def article(source_name: str = "Axios") -> Article:
    number = next(_numbers)
    body = f"{BODY}\n\nReport {number}."
    source = Source.objects.get_or_create(
        slug=source_name.lower().replace(" ", "-"), defaults={"name": source_name}
    )[0]
    return Article.objects.create(
        source=source,
        title=f"Talks called off ({number})",
        body=body,
        raw_text=body,
        content_hash=content_hash(body),
        format=Article.Format.TEXT,
    )


def waiting_event(
    date: str = "2024-06-20",
    *,
    headline: str | None = None,
    type_slug: str = "reject-meeting-cancelled",
    participants: tuple[Entity, ...] = (),
    location: Entity | None = None,
    source: str = "Axios",
    status: str = Status.APPROVED,
) -> Event:
    """An event (approved unless told) in an article of its own, quoting QUOTE."""
    on = article(source)
    start = on.body.index(QUOTE)
    end = start + len(QUOTE)
    event = Event.objects.create(
        article=on,
        start=start,
        end=end,
        quote=QUOTE,
        prefix=on.body[max(0, start - 32) : start],
        suffix=on.body[end : end + 32],
        event_type=EventType.objects.get(slug=type_slug),
        headline=headline or f"Event {next(_numbers)}",
        date=date,
        location=location,
    )
    for taking in participants:
        Participant.objects.create(event=event, entity=taking)
    Event.objects.filter(pk=event.pk).update(status=status)
    event.refresh_from_db()
    return event
