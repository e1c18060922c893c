"""Requests that really run at the same time, sent from threads to the live server: crossed
merges, one Wikidata id saved on two entities, and marking an entity while it is merged
away. On SQLite the test database is a file, so every request has a connection of its own
(see tests/settings.py); on PostgreSQL row locks decide who waits."""

import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from curation.annotations.models import Entity, EntityKind, Event, Mention, Participant
from tests.factories import AnnotatorFactory, ArticleFactory, EntityFactory, MentionFactory

ROUNDS = 5


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class LiveSession:
    """A logged-in editor talking to the live server over HTTP: a session cookie, and the
    CSRF cookie and token that the first page hands out, as a browser would send them."""

    opener = urllib.request.build_opener(_NoRedirects)

    def __init__(self, base_url: str, user) -> None:
        self.base_url = base_url
        client = Client()
        client.force_login(user)
        self.cookies = {
            settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value
        }
        status, _ = self.request("GET", reverse("annotations:entities"))
        assert status == 200 and settings.CSRF_COOKIE_NAME in self.cookies

    def request(self, method: str, path: str, data: dict | list | None = None, *, htmx=False):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if method == "POST":
            headers["X-CSRFToken"] = self.cookies[settings.CSRF_COOKIE_NAME]
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(data or {}, doseq=True).encode()
        if htmx:
            headers["HX-Request"] = "true"
        request = urllib.request.Request(self.base_url + path, body, headers, method=method)
        try:
            with self.opener.open(request, timeout=60) as response:
                status, raw, cookies = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, raw, cookies = error.code, error.read(), error.headers
        for header in cookies.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return status, raw.decode()

    def post(self, path: str, data, **kwargs):
        return self.request("POST", path, data, **kwargs)


def all_at_once(calls: list) -> list:
    """Run the calls in threads released together; their results, in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=30)
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def editors(live_server, transactional_db):
    return [LiveSession(live_server.url, AnnotatorFactory()) for _ in range(2)]


@pytest.fixture
def event_types(transactional_db):
    """The live server's tests are flushed afterwards, which also empties the event types
    a data migration seeded: put them back."""
    from importlib import import_module

    from django.apps import apps

    import_module("curation.annotations.migrations.0003_plover_event_types").seed_event_types(apps)


def no_orphans() -> None:
    entities = Entity.objects.values("pk")
    assert not Mention.objects.exclude(entity__in=entities).exists()
    assert not Participant.objects.exclude(entity__in=entities).exists()
    assert not Event.objects.exclude(location=None).exclude(location__in=entities).exists()


def test_crossed_merges_leave_one_survivor_and_explain_the_other(editors):
    first, second = editors
    for round_ in range(ROUNDS):
        a, b = EntityFactory(name=f"Hezbollah {round_}"), EntityFactory(name=f"Hizbollah {round_}")
        article = ArticleFactory(body=f"{a.name} and {b.name}.")
        MentionFactory(article=article, entity=a)
        MentionFactory(article=article, entity=b)

        results = all_at_once(
            [
                lambda a=a, b=b: first.post(f"/entities/{a.pk}/merge/", {"survivor": b.pk}),
                lambda a=a, b=b: second.post(f"/entities/{b.pk}/merge/", {"survivor": a.pk}),
            ]
        )

        statuses = sorted(status for status, _ in results)
        assert statuses == [302, 409], results
        [(_, refusal)] = [result for result in results if result[0] == 409]
        [survivor] = Entity.objects.filter(pk__in=[a.pk, b.pk])
        gone = a if survivor == b else b
        assert f"{gone.name} was just merged into {survivor.name}" in refusal
        assert list(Mention.objects.filter(article=article).values_list("entity", flat=True)) == [
            survivor.pk,
            survivor.pk,
        ]
        no_orphans()


def test_one_wikidata_id_saved_on_two_entities_at_once(editors):
    first, second = editors
    kind = EntityKind.objects.get(slug="group")
    for round_ in range(ROUNDS):
        a, b = EntityFactory(name=f"Hezbollah {round_}"), EntityFactory(name=f"Hizbollah {round_}")
        qid = f"Q{41053 + round_}"

        def save(session, entity, qid=qid):
            return session.post(
                f"/entities/{entity.pk}/edit/",
                {"name": entity.name, "kind": kind.pk, "description": "", "wikidata_id": qid},
                htmx=True,
            )

        results = all_at_once([partial(save, first, a), partial(save, second, b)])

        statuses = sorted(status for status, _ in results)
        assert statuses == [200, 422], results
        [(_, refusal)] = [result for result in results if result[0] == 422]
        assert "Another entity already has this Wikidata id" in refusal
        assert Entity.objects.filter(wikidata_id=qid).count() == 1


def test_marking_an_entity_while_it_is_merged_away(editors, live_server, event_types):
    """Mentions and events of an entity created while another editor merges it: each is
    either saved (and then moved to the survivor) or refused with a message; never a 500,
    never a row left pointing at nothing."""
    merger, marker = editors
    place = EntityKind.objects.get(slug="place")
    words = 14
    for round_ in range(ROUNDS):
        merged = EntityFactory(name=f"Beirut{round_}", kind=place)
        survivor = EntityFactory(name=f"Bayrut{round_}", kind=place)
        article = ArticleFactory(body=" ".join([merged.name] * (words + 1)) + ".")
        MentionFactory(article=article, entity=merged)  # the first word: a place to pick
        step = len(merged.name) + 1
        base = f"/articles/{article.pk}/annotate"

        def mark(n, merged=merged, step=step, base=base):
            span = {"start": n * step, "end": n * step + len(merged.name), "quote": merged.name}
            if n % 2:
                return marker.post(f"{base}/mentions/", {**span, "entity": merged.pk}, htmx=True)
            return marker.post(
                f"{base}/events/",
                {
                    **span,
                    "headline": f"Strike on {merged.name}",
                    "event_type": "ASSAULT",
                    "location": merged.pk,
                    "participant": merged.pk,
                    f"role-{merged.pk}": "target",
                },
                htmx=True,
            )

        calls = [lambda n=n: mark(n) for n in range(1, words + 1)]
        calls.append(
            lambda merged=merged, survivor=survivor: merger.post(
                f"/entities/{merged.pk}/merge/", {"survivor": survivor.pk}
            )
        )
        results = all_at_once(calls)

        *marks, (merge_status, _) = results
        assert merge_status == 302
        assert all(status in (200, 422) for status, _ in marks), [s for s, _ in marks]
        assert not Entity.objects.filter(pk=merged.pk).exists()
        saved = (
            Mention.objects.filter(article=article).count()
            - 1
            + Event.objects.filter(article=article).count()
        )
        assert saved == sum(status == 200 for status, _ in marks)
        assert set(Mention.objects.filter(article=article).values_list("entity", flat=True)) == {
            survivor.pk
        }
        for event in Event.objects.filter(article=article):
            assert event.location_id == survivor.pk
            assert list(event.participants.values_list("entity", flat=True)) == [survivor.pk]
        no_orphans()
