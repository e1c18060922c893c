"""Every URL pattern, crossed with every kind of person and with their own object or
someone else's, gets the answer the roles promise (curation/roles.py, workflow.py).

The patterns come from the URL resolver: a new URL without an expectation here fails
``test_every_url_pattern_has_an_expectation``. Outcomes are classes of answers:

- LOGIN: sent to the login page (anonymous visitors);
- DENIED: 403;
- OK: allowed through the checks, whatever the (empty) request then gets: 200, a
  redirect elsewhere than the login page, 409 (no version sent) or 422 (empty form);
- ADMIN_LOGIN: sent to the admin's login page (not staff);
- HIDDEN: 404, for what the public may not know exists (a private chronology).

A 500 is never an expected outcome, and a 404 only where HIDDEN is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

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
from curation.annotations.suggested import SuggestedEvent, SuggestedMention
from curation.chronology.models import Chronology, Entry, EntryEvent
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN, DENIED, OK, ADMIN_LOGIN, HIDDEN = "login", "denied", "ok", "admin login", "hidden"

PERSONAS = ["anonymous", "no role", "annotator", "other annotator", "reviewer", "curator", "admin"]
READERS = {"annotator", "other annotator", "reviewer", "curator", "admin"}
REVIEWERS = {"reviewer", "curator", "admin"}
CURATORS = {"curator", "admin"}
ANNOTATORS = {"annotator", "other annotator"}


def readers(persona: str, own: bool) -> str:
    """Any role: reading and annotating articles."""
    if persona == "anonymous":
        return LOGIN
    return OK if persona in READERS else DENIED


def reviewers(persona: str, own: bool) -> str:
    if persona == "anonymous":
        return LOGIN
    return OK if persona in REVIEWERS else DENIED


def authors_or_reviewers(persona: str, own: bool) -> str:
    """Changing a draft: its author, or a reviewer."""
    if persona == "anonymous":
        return LOGIN
    if persona in REVIEWERS or (persona in ANNOTATORS and own):
        return OK
    return DENIED


def four_eyes(persona: str, own: bool) -> str:
    """Approving: a reviewer, on someone else's item only."""
    if persona == "anonymous":
        return LOGIN
    return OK if persona in REVIEWERS and not own else DENIED


def curators(persona: str, own: bool) -> str:
    if persona == "anonymous":
        return LOGIN
    return OK if persona in CURATORS else DENIED


def curators_see_it(persona: str, own: bool) -> str:
    """A private chronology's page: a preview for curators, not there for anyone else."""
    return OK if persona in CURATORS else HIDDEN


def hidden(persona: str, own: bool) -> str:
    """A private chronology's exports: never served."""
    return HIDDEN


def everyone(persona: str, own: bool) -> str:
    return OK


def logged_in(persona: str, own: bool) -> str:
    """One's own page (API tokens): anyone logged in, with a role or not."""
    return LOGIN if persona == "anonymous" else OK


def staff_only(persona: str, own: bool) -> str:
    return OK if persona == "admin" else ADMIN_LOGIN


@dataclass(frozen=True)
class Expect:
    method: str  # "get" or "post"
    outcome: Callable[[str, bool], str]
    args: Callable[[dict], list] = lambda objects: []
    owned: bool = False  # tried with the person's own object and with someone else's
    query: dict | None = None


def article(o):
    return [o["article"]]


def mention(key):
    return lambda o: [o["article"], o[key]]


# The person's own draft mention/event (or someone else's), and submitted ones for review.
DRAFT_MENTION, DRAFT_EVENT = mention("mention"), mention("event")


def chronology(key):
    return lambda o: [o[f"{key} chronology"]]


PUBLIC, PRIVATE = chronology("public"), chronology("private")
WAITING_EVENT = lambda o: [o["approved event"]]  # noqa: E731
DRAFT_ENTRY, PUBLISHED_ENTRY = (lambda o: [o["draft entry"]]), (lambda o: [o["published entry"]])
EXPORTS = ["timeline-json", "entries-csv", "feed", "calendar", "annotations"]


def review(kind):
    return lambda o: [kind, o[f"submitted {kind}"]]


EXPECTATIONS: dict[str, list[Expect]] = {
    "home": [Expect("get", everyone)],
    "login": [Expect("get", everyone), Expect("post", everyone)],
    "logout": [Expect("post", everyone)],
    "healthz": [Expect("get", everyone)],
    "articles:list": [Expect("get", readers)],
    "articles:detail": [Expect("get", readers, article)],
    "articles:edit": [Expect("get", readers, article), Expect("post", readers, article)],
    # Correcting the text moves everyone's work: reviewers; reading its revisions: readers.
    "articles:correct": [Expect("get", reviewers, article), Expect("post", reviewers, article)],
    "articles:revisions": [Expect("get", readers, article)],
    "articles:revision": [Expect("get", readers, lambda o: [o["article"], 1])],
    "articles:diff": [Expect("get", readers, article)],
    "articles:import": [Expect("get", readers)],
    "articles:import-preview": [Expect("post", readers)],
    "articles:import-save": [Expect("post", readers)],
    "annotations:workspace": [Expect("get", readers, article)],
    "annotations:entity-rows": [Expect("get", readers, article)],
    "annotations:mention-new": [
        Expect("get", readers, article, query={"start": 0, "end": 6, "quote": "Israel"})
    ],
    "annotations:mention-create": [Expect("post", readers, article)],
    "annotations:mention-edit": [
        Expect("get", readers, DRAFT_MENTION, owned=True),
        Expect("post", authors_or_reviewers, DRAFT_MENTION, owned=True),
    ],
    "annotations:mention-delete": [Expect("post", authors_or_reviewers, DRAFT_MENTION, owned=True)],
    "annotations:mention-state": [Expect("post", authors_or_reviewers, DRAFT_MENTION, owned=True)],
    # Re-attaching an orphan is editing it (checked before the form, so a placed item
    # tells who may: 422 "only an orphan is re-attached" is past the checks).
    "annotations:mention-reattach": [
        Expect("post", authors_or_reviewers, DRAFT_MENTION, owned=True)
    ],
    "annotations:event-reattach": [Expect("post", authors_or_reviewers, DRAFT_EVENT, owned=True)],
    "annotations:drafts-submit": [Expect("post", readers, article)],
    "annotations:suggestion-accept": [Expect("post", readers, article)],
    "annotations:suggestions-accept-all": [Expect("post", readers, article)],
    "annotations:suggestion-dismiss": [Expect("post", readers, article)],
    "annotations:event-new": [
        Expect("get", readers, article, query={"start": 0, "end": 6, "quote": "Israel"})
    ],
    "annotations:event-create": [Expect("post", readers, article)],
    "annotations:events-panel": [Expect("get", readers, article)],
    "annotations:event-edit": [
        Expect("get", authors_or_reviewers, DRAFT_EVENT, owned=True),
        Expect("post", authors_or_reviewers, DRAFT_EVENT, owned=True),
    ],
    "annotations:event-delete": [Expect("post", authors_or_reviewers, DRAFT_EVENT, owned=True)],
    "annotations:event-state": [Expect("post", authors_or_reviewers, DRAFT_EVENT, owned=True)],
    "annotations:date-preview": [Expect("get", readers, article, query={"date": "mid-July"})],
    # Suggestions from taggers (the API's pre-annotations): seen, accepted or dismissed.
    "annotations:tagged-mention": [
        Expect("get", readers, lambda o: [o["article"], o["tagged mention"]]),
        Expect("post", readers, lambda o: [o["article"], o["tagged mention"]]),
    ],
    "annotations:tagged-event": [
        Expect("get", readers, lambda o: [o["article"], o["tagged event"]]),
        Expect("post", readers, lambda o: [o["article"], o["tagged event"]]),
    ],
    "api-tokens": [Expect("get", logged_in), Expect("post", logged_in)],
    # Linked from every page, the login page included: kind and type colours only.
    "annotations:kind-styles": [Expect("get", everyone)],
    "annotations:event-type-styles": [Expect("get", everyone)],
    "annotations:entities": [Expect("get", readers)],
    "annotations:entity-autocomplete": [Expect("get", readers, query={"q": "Isr"})],
    "annotations:entity": [Expect("get", readers, lambda o: [o["entity"]])],
    "annotations:entity-edit": [
        Expect("get", readers, lambda o: [o["entity"]]),
        Expect("post", readers, lambda o: [o["entity"]]),
    ],
    "annotations:alias-add": [Expect("post", readers, lambda o: [o["entity"]])],
    "annotations:alias-delete": [
        Expect("post", readers, lambda o: [o["entity"], o["alias"]]),
    ],
    "annotations:entity-merge": [
        Expect("get", reviewers, lambda o: [o["entity"]]),
        Expect("post", reviewers, lambda o: [o["entity"]]),
    ],
    "annotations:entity-history": [Expect("get", readers, lambda o: [o["entity"]])],
    "annotations:mention-history": [Expect("get", readers, lambda o: [o["mention"]])],
    "annotations:event-history": [Expect("get", readers, lambda o: [o["event"]])],
    "review:queue": [Expect("get", reviewers)],
    "review:counts": [Expect("get", reviewers)],
    "review:approve-many": [Expect("post", reviewers)],
    "review:row": [Expect("get", reviewers, review("mention"), owned=True)],
    "review:approve": [
        Expect("post", four_eyes, review("mention"), owned=True),
        Expect("post", four_eyes, review("event"), owned=True),
    ],
    "review:reject": [
        Expect("post", reviewers, review("mention"), owned=True),
        Expect("post", reviewers, review("event"), owned=True),
    ],
    "review:edit": [
        Expect("get", four_eyes, review("event"), owned=True),
        Expect("post", four_eyes, review("event"), owned=True),
    ],
    "review:mine": [Expect("get", readers)],
    "review:submit": [
        Expect("post", authors_or_reviewers, lambda o: ["mention", o["mention"]], owned=True),
        Expect("post", authors_or_reviewers, lambda o: ["event", o["event"]], owned=True),
    ],
    "chronology:curate": [Expect("get", curators)],
    "chronology:curate-create": [Expect("post", curators, WAITING_EVENT)],
    "chronology:curate-merge": [Expect("post", curators, WAITING_EVENT)],
    "chronology:curate-not-same": [Expect("post", curators, WAITING_EVENT)],
    "chronology:curate-entries": [Expect("get", curators)],
    "chronology:curate-entry": [
        Expect("get", curators, DRAFT_ENTRY),
        Expect("get", curators, PUBLISHED_ENTRY),
    ],
    "chronology:curate-entry-edit": [Expect("post", curators, DRAFT_ENTRY)],
    "chronology:curate-entry-confirm-date": [Expect("post", curators, DRAFT_ENTRY)],
    "chronology:curate-entry-detach": [Expect("post", curators, DRAFT_ENTRY)],
    "chronology:curate-entry-split": [Expect("post", curators, DRAFT_ENTRY)],
    "chronology:curate-entry-merge": [Expect("post", curators, DRAFT_ENTRY)],
    "chronology:curate-entry-publish": [Expect("post", curators, DRAFT_ENTRY)],
    "chronology:curate-entry-unpublish": [Expect("post", curators, PUBLISHED_ENTRY)],
    "chronology:curate-entry-resolve-attention": [Expect("post", curators, DRAFT_ENTRY)],
    "chronology:curate-chronologies": [Expect("get", curators)],
    "chronology:curate-chronology-new": [
        Expect("get", curators),
        Expect("post", curators),
    ],
    "chronology:curate-chronology-edit": [
        Expect("get", curators, lambda o: [o["private chronology id"]]),
        Expect("post", curators, lambda o: [o["private chronology id"]]),
    ],
    # The public pages: no login; a private chronology is a curators' preview.
    "chronology:index": [Expect("get", everyone)],
    "chronology:public": [Expect("get", everyone, PUBLIC), Expect("get", curators_see_it, PRIVATE)],
    "chronology:public-entity-options": [
        Expect("get", everyone, PUBLIC),
        Expect("get", curators_see_it, PRIVATE),
    ],
    "chronology:public-entity": [Expect("get", everyone, lambda o: [o["entity"]])],
    **{
        f"chronology:{name}": [Expect("get", everyone, PUBLIC), Expect("get", hidden, PRIVATE)]
        for name in EXPORTS
    },
    # The per-article Web Annotations: for the desk's people, not the public.
    "chronology:article-annotations": [Expect("get", readers, article)],
    "chronology:all-annotations": [Expect("get", readers)],
}


def url_names() -> set[str]:
    """The name of every URL pattern, with its namespace."""

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


def test_every_url_pattern_has_an_expectation():
    unnamed_admin_helpers = {name for name in url_names() if name.startswith("admin:")}
    # The JSON API has its own matrix, with tokens: tests/api/test_permissions.py.
    api = {name for name in url_names() if name.startswith("api-v1:")}
    missing = url_names() - set(EXPECTATIONS) - unnamed_admin_helpers - api
    assert not missing, f"URL patterns without a permission expectation: {sorted(missing)}"
    assert not set(EXPECTATIONS) - url_names(), "expectations for URLs that no longer exist"


# --- the people and their objects --------------------------------------------------------


def person(username: str, role: str | None, **flags):
    user = UserFactory(username=username, **flags)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def people():
    return {
        "anonymous": None,
        "no role": person("nobody", None),
        "annotator": person("ann", roles.ANNOTATOR),
        "other annotator": person("bea", roles.ANNOTATOR),
        "reviewer": person("rev", roles.REVIEWER),
        "curator": person("cur", roles.CURATOR),
        "admin": person("adm", roles.ADMIN, is_staff=True, is_superuser=True),
    }


@pytest.fixture
def world(people):
    """One article and entity, and for each person a draft and a submitted mention and
    event of their own."""
    body = "Israel and Iran. " + " ".join(f"Name{n} spoke." for n in range(20))
    text = ArticleFactory(body=body)
    entity = Entity.objects.create(
        name="Israel", kind=EntityKind.objects.get(slug="place"), created_by=people["annotator"]
    )
    alias = Alias.objects.create(entity=entity, text="Jerusalem")
    meeting = EventType.objects.get(slug="consult-meeting")
    owned = {}
    for index, (name, user) in enumerate(people.items()):
        if user is None:
            continue
        items = {}
        for state in ("draft", "submitted"):
            start = body.index(f"Name{index * 2 + (state == 'submitted')} ")
            end = start + len(f"Name{index * 2 + (state == 'submitted')}")
            mention = Mention.objects.create(
                article=text,
                entity=entity,
                start=start,
                end=end,
                quote=body[start:end],
                created_by=user,
                status=state,
            )
            event = Event.objects.create(
                article=text,
                start=start,
                end=end,
                quote=body[start:end],
                event_type=meeting,
                headline=f"Meeting {name} {state}",
                created_by=user,
                status=state,
            )
            prefix = "" if state == "draft" else "submitted "
            items[f"{prefix}mention"], items[f"{prefix}event"] = mention.pk, event.pk
        owned[name] = items
    # The chronology: a public one with a published entry (of an approved event), a
    # private one, and a draft entry.
    approved = Event.objects.create(
        article=text,
        start=0,
        end=6,
        quote="Israel",
        event_type=meeting,
        headline="Published meeting",
        created_by=people["other annotator"],
        status="approved",
        date="2024-06-20",
    )
    waiting = Event.objects.create(
        article=text,
        start=0,
        end=6,
        quote="Israel",
        event_type=meeting,
        headline="Approved, not in an entry",
        created_by=people["other annotator"],
        status="approved",
        date="2024-06-21",
    )
    public = Chronology.objects.create(title="Iran talks", slug="iran-talks", is_public=True)
    private = Chronology.objects.create(title="Notes", slug="notes", is_public=False)
    published = Entry.objects.create(
        headline="Published meeting",
        event_type=meeting,
        date="2024-06-20",
        slug="published-meeting",
        status=Entry.Status.PUBLISHED,
    )
    EntryEvent.objects.create(entry=published, event=approved)
    Participant.objects.create(event=approved, entity=entity)  # so the entity is public
    published.chronologies.add(public)
    draft_entry = Entry.objects.create(
        headline="Draft entry", event_type=meeting, date="2024-06-21", slug="draft-entry"
    )
    tagged = {"article": text, "start": 0, "end": 6, "quote": "Israel", "origin": "tagger"}
    tagged_mention = SuggestedMention.objects.create(**tagged, entity=entity, target="entity")
    tagged_event = SuggestedEvent.objects.create(**tagged, event_type=meeting, headline="Met")
    return {
        "article": text.pk,
        "entity": entity.pk,
        "alias": alias.pk,
        "owned": owned,
        "approved event": waiting.pk,
        "public chronology": public.slug,
        "private chronology": private.slug,
        "private chronology id": private.pk,
        "published entry": published.pk,
        "draft entry": draft_entry.pk,
        "tagged mention": tagged_mention.pk,
        "tagged event": tagged_event.pk,
    }


def objects_for(world, persona: str, own: bool) -> dict:
    """The objects a request uses: the person's own, or another annotator's."""
    owner = persona if own else ("annotator" if persona != "annotator" else "other annotator")
    if persona in ("anonymous", "no role") and own:
        owner = "annotator"
    return {**world, **world["owned"][owner]}


def outcome_of(response) -> str:
    status = response.status_code
    location = response.get("Location", "")
    if "HX-Redirect" in response:  # an HTMX request is sent to log in as a whole page
        status, location = 302, response["HX-Redirect"]
    if status == 302 and location.startswith(reverse("login")):
        return LOGIN
    if status == 302 and location.startswith(reverse("admin:login")):
        return ADMIN_LOGIN
    if status == 403:
        return DENIED
    if status == 404:
        return HIDDEN
    if status in (200, 204, 302, 409, 422):
        return OK
    return f"unexpected {status}"


def client_for(people, persona: str) -> Client:
    client = Client()
    if people[persona] is not None:
        client.force_login(people[persona])
    return client


def test_each_url_answers_each_person_as_the_roles_promise(people, world):
    wrong = []
    for name, expectations in EXPECTATIONS.items():
        for expect in expectations:
            for own in (True, False) if expect.owned else (True,):
                for persona in PERSONAS:
                    objects = objects_for(world, persona, own)
                    address = reverse(name, args=expect.args(objects))
                    # Each request sees the same world: what it changes is rolled back.
                    with transaction.atomic():
                        # A fresh client each time: logging out or in changes its cookies.
                        response = getattr(client_for(people, persona), expect.method)(
                            address, expect.query or {}, HTTP_HX_REQUEST="true"
                        )
                        transaction.set_rollback(True)
                    got, wanted = outcome_of(response), expect.outcome(persona, own)
                    if got != wanted:
                        whose = " (own)" if own and expect.owned else " (someone else's)"
                        wrong.append(
                            f"{expect.method.upper()} {name}{whose if expect.owned else ''} as "
                            f"{persona}: {got} ({response.status_code}), expected {wanted}"
                        )
    assert not wrong, "\n".join(wrong)


def test_the_admin_is_for_staff(people, world):
    """Django admin: its index and every registered model's list and change pages."""
    names = [("admin:index", [])]
    objects = {
        "article": world["article"],
        "entity": world["entity"],
        "mention": world["owned"]["annotator"]["mention"],
        "event": world["owned"]["annotator"]["event"],
    }
    for model in admin.site._registry:
        label = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        names.append((f"{label}_changelist", []))
        instance = (
            model._default_manager.filter(pk=objects.get(model._meta.model_name)).first()
            or model._default_manager.first()
        )
        if instance is not None:
            names.append((f"{label}_change", [instance.pk]))
            names.append((f"{label}_history", [instance.pk]))
    wrong = []
    for persona in PERSONAS:
        client = client_for(people, persona)
        for name, args in names:
            got = outcome_of(client.get(reverse(name, args=args)))
            if got != staff_only(persona, True):
                wrong.append(f"{name} as {persona}: {got}")
    assert not wrong, "\n".join(wrong)


def test_no_write_works_without_a_csrf_token(people, world):
    """Every POST expectation, sent by the person allowed everything, without CSRF."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin"])
    before = (Mention.objects.count(), Event.objects.count(), Entity.objects.count())
    for name, expectations in EXPECTATIONS.items():
        if name == "login":  # answered before anyone logs in; Django checks it too
            continue
        for expect in expectations:
            if expect.method != "post":
                continue
            address = reverse(name, args=expect.args(objects_for(world, "admin", False)))
            response = client.post(address, {"action": "approve", "version": "1"})
            refused_for_csrf = response.status_code == 403 and "403_csrf.html" in {
                template.name for template in response.templates
            }
            # A 403 alone could come from the view's own checks (a workflow refusal):
            # only Django's CSRF failure page proves the token was asked for.
            assert refused_for_csrf, (
                f"{name} answered {response.status_code} to a POST without a CSRF token, "
                "not the CSRF failure page"
            )
            assert "This form has expired" in response.content.decode()
    after = (Mention.objects.count(), Event.objects.count(), Entity.objects.count())
    assert after == before
