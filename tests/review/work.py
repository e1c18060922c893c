"""Work for the review tests: an annotator's submitted mentions and events, made
directly (and in bulk for the queue at scale, as the benchmark does too)."""

from __future__ import annotations

import itertools
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention, Status
from curation.articles.models import Article
from tests.factories import ArticleFactory, SourceFactory

BODY = (
    "Officials said Benjamin Netanyahu would travel to Washington next week.\n\n"
    "The meeting, originally scheduled for last Thursday, was reportedly canceled by "
    "the White House after a call on 20 June 2024."
)


def client_for(user, *, csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


_numbers = itertools.count(1)


def article(title: str = "Talks off", *, source=None, body: str | None = None) -> Article:
    """An article with BODY (each a little different: the desk refuses duplicates)."""
    body = body or f"{BODY}\n\nReport {next(_numbers)}."
    return ArticleFactory(title=title, body=body, source=source or SourceFactory(name="Axios"))


def person(name: str = "Benjamin Netanyahu") -> Entity:
    return Entity.objects.get_or_create(
        name=name, defaults={"kind": EntityKind.objects.get(slug="person")}
    )[0]


def _span(body: str, text: str) -> dict:
    start = body.index(text)
    end = start + len(text)
    return {
        "start": start,
        "end": end,
        "quote": text,
        "prefix": body[max(0, start - 32) : start],
        "suffix": body[end : end + 32],
    }


def mention(
    *,
    by,
    on: Article | None = None,
    text: str = "Benjamin Netanyahu",
    entity: Entity | None = None,
    status: str = Status.SUBMITTED,
    submitted_at=None,
) -> Mention:
    on = on or article()
    item = Mention.objects.create(
        article=on,
        entity=entity or person(),
        created_by=by,
        **_span(on.body, text),
    )
    _set_state(item, status, submitted_at)
    return item


def event(
    *,
    by,
    on: Article | None = None,
    text: str = "was reportedly canceled by the White House",
    headline: str = "White House cancels the meeting",
    date: str = "2024-06-20",
    type_slug: str = "reject-meeting-cancelled",
    status: str = Status.SUBMITTED,
    submitted_at=None,
) -> Event:
    on = on or article()
    item = Event.objects.create(
        article=on,
        event_type=EventType.objects.get(slug=type_slug),
        headline=headline,
        date=date,
        created_by=by,
        **_span(on.body, text),
    )
    _set_state(item, status, submitted_at)
    return item


def _set_state(item, status: str, submitted_at) -> None:
    """Put the item in ``status`` as the workflow would have (without its history)."""
    if status != Status.DRAFT:
        submitted_at = submitted_at or timezone.now() - timedelta(minutes=5)
    type(item).objects.filter(pk=item.pk).update(status=status, submitted_at=submitted_at)
    item.refresh_from_db()


def bulk_work(n: int, *, authors, articles, entities, event_type: EventType) -> None:
    """``n`` submitted items, half mentions and half events, spread over the articles and
    authors, inserted with bulk_create (no history, no per-row save). A mention's
    (article, span, entity) is unique: there must be len(articles) * len(entities) >= n/2."""
    assert len(articles) * len(entities) * 2 >= n
    now = timezone.now()
    mentions, events = [], []
    for i in range(n):
        common = {
            "created_by": authors[i % len(authors)],
            "status": Status.SUBMITTED,
            "submitted_at": now - timedelta(minutes=i),
        }
        if i % 2:
            on = articles[i % len(articles)]
            events.append(
                Event(
                    **common,
                    **_span(on.body, "was reportedly canceled by the White House"),
                    article=on,
                    event_type=event_type,
                    headline=f"Event number {i}",
                )
            )
        else:
            m = i // 2
            on = articles[m % len(articles)]
            mentions.append(
                Mention(
                    **common,
                    **_span(on.body, "Benjamin Netanyahu"),
                    article=on,
                    entity=entities[m // len(articles)],
                )
            )
    Mention.objects.bulk_create(mentions, batch_size=1000)
    Event.objects.bulk_create(events, batch_size=1000)
