"""Hostile text in every field people type or import (tests/hostile.py), opened in a real
browser on every page that shows it, as the person who sees the most (every role, staff)
and anonymously on the public pages, with the workspace's HTMX fragments swapped in.

On every page: no dialog opens, no element is built or armed from payload markup, no
request goes to the payloads' addresses, and template syntax is shown as typed. (A
refusal under the Content-Security-Policy also fails the test: tests/e2e/conftest.py.)
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

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
from curation.articles.models import Source
from curation.chronology.models import Chronology, Entry, EntryEvent
from tests.factories import ArticleFactory, UserFactory
from tests.hostile import (
    FIND_INJECTED_ELEMENTS,
    FIND_USER_TEXT_OUTSIDE_HX_DISABLE,
    HOSTILE_ORIGIN,
    TEMPLATE_SYNTAX,
    hostile,
    is_hostile_request,
)

PASSWORD = "correct horse battery staple"
OPENING = "Vienna talks began on Monday with envoys present. "  # the words spans sit on


@pytest.fixture
def world(transactional_db, event_types):
    boss = UserFactory(username="boss", is_staff=True)
    boss.groups.add(*Group.objects.filter(name__in=[roles.ANNOTATOR, roles.REVIEWER,
                                                    roles.CURATOR, roles.ADMIN]))  # fmt: skip
    author = UserFactory(username="author", role=roles.ANNOTATOR)
    source = Source.objects.create(name=hostile("source")[:200], slug="hostile-source")
    body = OPENING + hostile("body") + "\n\n" + hostile("body2")
    article = ArticleFactory(
        source=source,
        title=hostile("title"),
        byline=hostile("byline"),
        kicker=hostile("kicker", limit=200),
        standfirst=hostile("standfirst"),
        url=f"javascript:alert(1)//{HOSTILE_ORIGIN}/url",
        body=body,
        published_on="2024-06-20",
    )
    kind = EntityKind.objects.get(slug="place")
    entity = Entity.objects.create(
        name=hostile("entity"), kind=kind, description=hostile("description", limit=500)
    )
    Alias.objects.create(entity=entity, text=hostile("alias"))
    meeting = EventType.objects.get(slug="consult-meeting")
    def on(word: str) -> dict:
        start = OPENING.index(word)
        return {"article": article, "start": start, "end": start + len(word), "quote": word}

    mention = Mention.objects.create(**on("Vienna"), entity=entity, created_by=author, status="submitted")
    own_rejected = Mention.objects.create(
        **on("talks"), entity=entity, created_by=boss, status="rejected",
        review_note=hostile("rejection"),
    )  # fmt: skip
    event = Event.objects.create(
        **on("began"), event_type=meeting, headline=hostile("headline"), notes=hostile("notes"),
        created_by=author, status="submitted", date="2024-06-20",
    )  # fmt: skip
    rejected_event = Event.objects.create(
        **on("Monday"), event_type=meeting, headline=hostile("headline2"), notes=hostile("notes2"),
        created_by=boss, status="rejected", review_note=hostile("event-rejection"),
    )  # fmt: skip
    approved = Event.objects.create(
        **on("envoys"), event_type=meeting, headline=hostile("approved"), notes=hostile("notes3"),
        created_by=author, status="approved", date="2024-06-20",
    )  # fmt: skip
    waiting = Event.objects.create(
        **on("present"), event_type=meeting, headline=hostile("waiting"), created_by=author,
        status="approved", date="2024-06-21",
    )  # fmt: skip
    Participant.objects.create(event=approved, entity=entity)
    chronology = Chronology.objects.create(
        title=hostile("chronology", limit=200), slug="hostile", is_public=True,
        description=hostile("chronology-description"),
    )  # fmt: skip
    entry = Entry.objects.create(
        headline=hostile("entry"), description=hostile("entry-description"),
        event_type=meeting, date="2024-06-20", slug="hostile-entry",
        status=Entry.Status.PUBLISHED,
    )  # fmt: skip
    EntryEvent.objects.create(entry=entry, event=approved)
    entry.chronologies.add(chronology)
    tagged = SuggestedMention.objects.create(
        **on("with"), origin=hostile("tagger", limit=100), entity=entity, target="entity"
    )
    return {
        "boss": boss, "article": article.pk, "entity": entity.pk, "mention": mention.pk,
        "own rejected": own_rejected.pk, "event": event.pk, "rejected event": rejected_event.pk,
        "waiting": waiting.pk, "entry": entry.pk, "chronology": chronology,
        "tagged": tagged.pk,
    }  # fmt: skip


class Watch:
    """Dialogs and requests to the hostile origin, for the whole test."""

    def __init__(self, page) -> None:
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request) -> None:
        if is_hostile_request(request.url):
            self.requests.append(request.url)


def check(page, where: str, *, literal: bool = True) -> list[str]:
    """What is wrong on the page as it stands."""
    wrong = [f"{where}: {found}" for found in page.evaluate(FIND_INJECTED_ELEMENTS, HOSTILE_ORIGIN)]
    if literal and TEMPLATE_SYNTAX not in page.locator("body").inner_text():
        wrong.append(f"{where}: the template syntax {TEMPLATE_SYNTAX} is not shown as typed")
    return wrong


def log_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/articles/")


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


# Pages whose user content must sit in [hx-disable] containers: (page, container).
HX_DISABLED = [
    ("/articles/{article}/", ".article-body"),
    ("/articles/{article}/annotate/", "#workspace-text"),
]


def test_hostile_text_stays_text_on_every_desk_page(page, live_server, world):
    watch = Watch(page)
    log_in(page, live_server, world["boss"])
    wrong: list[str] = []
    for address in desk_pages(world):
        response = page.goto(live_server.url + address)
        assert response.status == 200, f"{address} answered {response.status}"
        # The template syntax is checked where a payload is certainly in view.
        wrong += check(page, address, literal="/curate/chronologies/" not in address)

    page.goto(f"{live_server.url}/articles/{world['article']}/annotate/")
    for url, target in workspace_fragments(world):
        page.evaluate(
            "([url, target]) => htmx.ajax('GET', url, {target, swap: 'innerHTML'})",
            [url, target],
        )
        expect(page.locator(target)).not_to_be_empty()
        wrong += check(page, f"workspace + {url}", literal=False)

    for address, container in HX_DISABLED:
        page.goto(live_server.url + address.format(**world))
        outside = page.evaluate(FIND_USER_TEXT_OUTSIDE_HX_DISABLE, ["alert(1)", container])
        wrong += [f"{address} {container}: outside hx-disable: {text}" for text in outside]

    assert not watch.dialogs, f"dialogs opened: {watch.dialogs}"
    assert not watch.requests, f"requests to the payloads' addresses: {watch.requests}"
    assert not wrong, "\n".join(wrong)


def test_hostile_text_stays_text_on_the_public_pages(page, live_server, world):
    watch = Watch(page)
    wrong: list[str] = []
    for address in ["/c/", f"/c/{world['chronology'].slug}/", f"/c/entities/{world['entity']}/"]:
        response = page.goto(live_server.url + address)
        assert response.status == 200, f"{address} answered {response.status}"
        wrong += check(page, f"{address} (anonymous)")
    assert not watch.dialogs, f"dialogs opened: {watch.dialogs}"
    assert not watch.requests, f"requests to the payloads' addresses: {watch.requests}"
    assert not wrong, "\n".join(wrong)
