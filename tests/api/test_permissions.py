"""Every API route, crossed with every kind of caller: no token, a bad token, a revoked
token, and a valid token of each role (and of none). Routes come from the URL resolver:
a new one without an expectation here fails ``test_every_api_route_has_an_expectation``.

Outcomes: UNAUTHENTICATED (401), DENIED (403), OK (200). Every answer is JSON, and
every refusal has the one error shape. The state rules hold too: an annotator can't
approve through the API, and nobody approves their own item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention
from curation.api.models import ApiToken
from curation.api.tokens import token_create, token_revoke
from curation.chronology.models import Chronology
from tests.api.conftest import ApiClient, make_person
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

UNAUTHENTICATED, DENIED, OK = "401", "403", "ok"
CALLERS = [
    "anonymous",
    "bad token",
    "revoked token",
    "no role",
    "annotator",
    "reviewer",
    "curator",
    "admin",
]
ROLES = {"annotator", "reviewer", "curator", "admin"}
REVIEWERS = {"reviewer", "curator", "admin"}


def public(caller: str) -> str:
    return OK


def any_token(caller: str) -> str:
    return OK if caller in {"no role", *ROLES} else UNAUTHENTICATED


def with_a_role(caller: str) -> str:
    if caller in ("anonymous", "bad token", "revoked token"):
        return UNAUTHENTICATED
    return OK if caller in ROLES else DENIED


def reviewers(caller: str) -> str:
    if caller in ("anonymous", "bad token", "revoked token"):
        return UNAUTHENTICATED
    return OK if caller in REVIEWERS else DENIED


@dataclass(frozen=True)
class Expect:
    method: str
    outcome: Callable[[str], str]
    args: Callable[[dict], list] = lambda world: []
    body: Callable[[dict], object] | None = None
    query: dict | None = None


def article(world):
    return [world["article"]]


EXPECTATIONS: dict[str, list[Expect]] = {
    "api-root": [Expect("get", public)],
    "openapi-json": [Expect("get", public)],
    "openapi-view": [Expect("get", public)],
    "me": [Expect("get", any_token)],
    "import_articles": [
        Expect("post", with_a_role, body=lambda w: [{"body": "A new article, sent alone."}])
    ],
    "list_articles": [Expect("get", with_a_role)],
    "get_article": [Expect("get", with_a_role, article)],
    "suggest_mentions": [
        Expect(
            "post",
            with_a_role,
            article,
            body=lambda w: {"origin": "tagger", "items": [{"quote": "Iran", "label": "GPE"}]},
        )
    ],
    "suggest_events": [
        Expect(
            "post",
            with_a_role,
            article,
            body=lambda w: {
                "origin": "tagger",
                "items": [{"quote": "Iran", "type": "consult-meeting", "headline": "Talks"}],
            },
        )
    ],
    "mark_mentions": [
        Expect(
            "post",
            with_a_role,
            article,
            body=lambda w: {"items": [{"quote": "Iran", "prefix": "and ", "entity": w["entity"]}]},
        )
    ],
    "article_mentions": [Expect("get", with_a_role, article)],
    "article_events": [Expect("get", with_a_role, article)],
    "article_annotations": [Expect("get", with_a_role, article)],
    "all_annotations": [Expect("get", with_a_role)],
    "list_entities": [Expect("get", with_a_role, query={"search": "Isr"})],
    "list_event_types": [Expect("get", with_a_role)],
    # Approving someone else's submitted item: reviewers only (the workflow's rule).
    "mention_transition": [
        Expect(
            "post",
            reviewers,
            lambda w: [w["submitted mention"]],
            body=lambda w: {"action": "approve", "version": 1},
        )
    ],
    "event_transition": [
        Expect(
            "post",
            reviewers,
            lambda w: [w["submitted event"]],
            body=lambda w: {"action": "approve", "version": 1},
        )
    ],
    "list_chronologies": [Expect("get", any_token)],
    "chronology_entries": [Expect("get", any_token, lambda w: ["iran-talks"])],
}


def api_route_names() -> set[str]:
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace == "api-v1":
                yield pattern.name

    return set(walk(get_resolver().url_patterns))


def test_every_api_route_has_an_expectation():
    names = api_route_names()
    assert names, "the API's routes were not found"
    assert names == set(EXPECTATIONS), (
        f"without an expectation: {sorted(names - set(EXPECTATIONS))}; "
        f"no longer routes: {sorted(set(EXPECTATIONS) - names)}"
    )


@pytest.fixture
def callers():
    secrets = {"anonymous": None, "bad token": "cdk_" + "x" * 43}
    author = make_person("tagger", "annotator")
    for role in ["no role", "annotator", "reviewer", "curator", "admin", "revoked token"]:
        user = make_person(role.replace(" ", "-"), role if role != "revoked token" else "admin")
        token, secrets[role] = token_create(user=user, name="matrix", created_by=user)
        if role == "revoked token":
            token_revoke(token=token, revoked_by=user)
    return secrets, author


@pytest.fixture
def world(callers):
    _, author = callers
    text = ArticleFactory(body="Israel and Iran met. Iran spoke.")
    place = EntityKind.objects.get(slug="place")
    entity = Entity.objects.create(name="Israel", kind=place)
    mention = Mention.objects.create(
        article=text,
        entity=entity,
        start=0,
        end=6,
        quote="Israel",
        created_by=author,
        status="submitted",
    )
    event = Event.objects.create(
        article=text,
        start=0,
        end=19,
        quote="Israel and Iran met",
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Met",
        created_by=author,
        status="submitted",
    )
    Chronology.objects.create(title="Iran talks", slug="iran-talks", is_public=True)
    return {
        "article": text.pk,
        "entity": entity.pk,
        "submitted mention": mention.pk,
        "submitted event": event.pk,
    }


def outcome_of(response) -> str:
    if response.status_code == 401:
        return UNAUTHENTICATED
    if response.status_code == 403:
        return DENIED
    if response.status_code == 200:
        return OK
    return f"unexpected {response.status_code}: {response.content[:300]!r}"


def test_each_route_answers_each_caller_as_the_roles_promise(callers, world, settings):
    settings.CURATION_API_RATE_LIMIT = 10_000
    secrets, _ = callers
    wrong = []
    for name, expectations in EXPECTATIONS.items():
        for expect in expectations:
            address = reverse(f"api-v1:{name}", args=expect.args(world))
            for caller in CALLERS:
                client = ApiClient(secrets.get(caller))
                with transaction.atomic():  # each request sees the same world
                    if expect.method == "get":
                        response = client.get(address, expect.query)
                    else:
                        response = client.post(address, expect.body(world))
                    transaction.set_rollback(True)
                got, wanted = outcome_of(response), expect.outcome(caller)
                if got != wanted:
                    wrong.append(
                        f"{expect.method.upper()} {name} as {caller}: {got}, expected {wanted}"
                    )
                if response.status_code >= 400:
                    body = response.json()
                    if set(body) != {"error"} or not body["error"].get("message"):
                        wrong.append(f"{name} as {caller}: not the error shape: {body}")
    assert not wrong, "\n".join(wrong)


def test_an_annotator_cannot_approve_and_nobody_approves_their_own(callers, world):
    secrets, author = callers
    _, own_secret = token_create(user=author, name="own", created_by=author)
    path = reverse("api-v1:mention_transition", args=[world["submitted mention"]])
    annotator = ApiClient(secrets["annotator"]).post(path, {"action": "approve", "version": 1})
    assert annotator.status_code == 403
    assert "can't approve" in annotator.json()["error"]["message"]
    reviewer_author = ApiToken.objects.get(user__username="reviewer").user
    Mention.objects.filter(pk=world["submitted mention"]).update(created_by=reviewer_author)
    own = ApiClient(secrets["reviewer"]).post(path, {"action": "approve", "version": 1})
    assert own.status_code == 403
    assert Mention.objects.get(pk=world["submitted mention"]).status == "submitted"
    stale = ApiClient(secrets["curator"]).post(path, {"action": "approve", "version": 7})
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "stale_version"
    approved = ApiClient(secrets["curator"]).post(path, {"action": "approve", "version": 1})
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    assert own_secret  # the author's own token: submits, withdraws, never approves
    withdraw = ApiClient(own_secret).post(
        reverse("api-v1:event_transition", args=[world["submitted event"]]),
        {"action": "withdraw", "version": 1},
    )
    assert withdraw.status_code == 200
    assert withdraw.json()["status"] == "draft"
