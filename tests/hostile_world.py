"""A desk full of hostile text (tests/hostile.py) in every field people type or import, and
the pages and HTMX fragments that show it: shared by the browser test
(tests/e2e/test_hostile_content.py) and the fast one (tests/test_user_text_hx_disabled.py).
Build it inside a test that may write to the database."""

from __future__ import annotations

from django.contrib.auth.models import Group

from curation import roles
from curation.annotations.models import (
    Alias,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Participant,
)
from curation.annotations.suggested import SuggestedMention
from curation.articles.models import Article, Source
from curation.chronology.models import Chronology, Entry, EntryEvent
from tests.factories import ArticleFactory, UserFactory
from tests.hostile import HOSTILE_ORIGIN, hostile

OPENING = "Vienna talks began on Monday with envoys present. "  # the words spans sit on


def fits(model, field: str, name: str) -> str:
    """The payloads for a field, cut to its maximum length (PostgreSQL enforces it)."""
    return hostile(name, limit=model._meta.get_field(field).max_length)


def build_world() -> dict:
    """The hostile desk; returns the people, ids and chronology the pages need."""
    boss = UserFactory(username="boss", is_staff=True)
    boss.groups.add(*Group.objects.filter(name__in=[roles.ANNOTATOR, roles.REVIEWER,
                                                    roles.CURATOR, roles.ADMIN]))  # fmt: skip
    author = UserFactory(username="author", role=roles.ANNOTATOR)
    source = Source.objects.create(name=fits(Source, "name", "source"), slug="hostile-source")
    body = OPENING + hostile("body") + "\n\n" + hostile("body2")
    article = ArticleFactory(
        source=source,
        title=fits(Article, "title", "title"),
        byline=fits(Article, "byline", "byline"),
        kicker=fits(Article, "kicker", "kicker"),
        standfirst=fits(Article, "standfirst", "standfirst"),
        url=f"javascript:alert(1)//{HOSTILE_ORIGIN}/url",
        body=body,
        published_on="2024-06-20",
    )
    kind = EntityKind.objects.get(slug="place")
    entity = Entity.objects.create(
        name=fits(Entity, "name", "entity"),
        kind=kind,
        description=fits(Entity, "description", "description"),
    )
    Alias.objects.create(entity=entity, text=fits(Alias, "text", "alias"))
    meeting = EventType.objects.get(slug="consult-meeting")

    def on(word: str) -> dict:
        start = OPENING.index(word)
        return {"article": article, "start": start, "end": start + len(word), "quote": word}

    mention = Mention.objects.create(
        **on("Vienna"), entity=entity, created_by=author, status="submitted"
    )
    own_rejected = Mention.objects.create(
        **on("talks"), entity=entity, created_by=boss, status="rejected",
        review_note=fits(Mention, "review_note", "rejection"),
    )  # fmt: skip
    event = Event.objects.create(
        **on("began"), event_type=meeting, headline=fits(Event, "headline", "headline"), notes=hostile("notes"),
        created_by=author, status="submitted", date="2024-06-20",
    )  # fmt: skip
    rejected_event = Event.objects.create(
        **on("Monday"), event_type=meeting, headline=fits(Event, "headline", "headline2"), notes=hostile("notes2"),
        created_by=boss, status="rejected", review_note=fits(Event, "review_note", "event-rejection"),
    )  # fmt: skip
    approved = Event.objects.create(
        **on("envoys"), event_type=meeting, headline=fits(Event, "headline", "approved"), notes=hostile("notes3"),
        created_by=author, status="approved", date="2024-06-20",
    )  # fmt: skip
    waiting = Event.objects.create(
        **on("present"), event_type=meeting, headline=fits(Event, "headline", "waiting"), created_by=author,
        status="approved", date="2024-06-21",
    )  # fmt: skip
    Participant.objects.create(event=approved, entity=entity)
    chronology = Chronology.objects.create(
        title=fits(Chronology, "title", "chronology"), slug="hostile", is_public=True,
        description=fits(Chronology, "description", "chronology-description"),
    )  # fmt: skip
    entry = Entry.objects.create(
        headline=fits(Entry, "headline", "entry"),
        description=fits(Entry, "description", "entry-description"),
        event_type=meeting, date="2024-06-20", slug="hostile-entry",
        status=Entry.Status.PUBLISHED,
    )  # fmt: skip
    EntryEvent.objects.create(entry=entry, event=approved)
    entry.chronologies.add(chronology)
    tagged = SuggestedMention.objects.create(
        **on("with"),
        origin=fits(SuggestedMention, "origin", "tagger"),
        entity=entity,
        target="entity",
    )
    return {
        "boss": boss, "article": article.pk, "entity": entity.pk, "mention": mention.pk,
        "own rejected": own_rejected.pk, "event": event.pk, "rejected event": rejected_event.pk,
        "waiting": waiting.pk, "entry": entry.pk, "chronology": chronology,
        "tagged": tagged.pk,
    }  # fmt: skip


def desk_pages(w: dict) -> list[str]:
    a, e = w["article"], w["entity"]
    return [
        "/articles/",
        f"/articles/{a}/",
        f"/articles/{a}/edit/",
        f"/articles/{a}/annotate/",
        "/entities/",
        f"/entities/{e}/",
        f"/entities/{e}/history/",
        "/review/",
        "/review/mine/",
        "/review/mine/?state=rejected",
        "/curate/",
        "/curate/entries/",
        f"/curate/entries/{w['entry']}/",
        "/curate/chronologies/",
        f"/curate/chronologies/{w['chronology'].pk}/",
        "/c/",
        f"/c/{w['chronology'].slug}/",
        f"/c/entities/{e}/",
    ]


def public_pages(w: dict) -> list[str]:
    return ["/c/", f"/c/{w['chronology'].slug}/", f"/c/entities/{w['entity']}/"]


# The workspace's fragments, swapped in by htmx as the desk's own script does.
def workspace_fragments(w: dict) -> list[tuple[str, str]]:
    base = f"/articles/{w['article']}/annotate"
    return [
        (f"{base}/events/{w['event']}/", "#event-slot"),
        (f"{base}/events/{w['rejected event']}/", "#event-slot"),
        (f"{base}/mentions/{w['mention']}/", "#popover"),
        (f"{base}/mentions/{w['own rejected']}/", "#popover"),
        (f"{base}/tagged/mentions/{w['tagged']}/", "#popover"),
        (f"{base}/events/new/?start=0&end=6&quote=Vienna", "#event-slot"),
        (f"{base}/mentions/new/?start=0&end=6&quote=Vienna", "#popover"),
        (f"/history/event/{w['event']}/", "#event-slot"),
        (f"/history/mention/{w['mention']}/", "#popover"),
    ]
