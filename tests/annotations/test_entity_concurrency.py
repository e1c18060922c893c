"""Requests that really run at the same time, sent from threads to the live server: crossed
merges, one Wikidata id saved on two entities, and marking an entity while it is merged
away. On SQLite the test database is a file, so every request has a connection of its own
(see tests/settings.py); on PostgreSQL row locks decide who waits."""

from functools import partial

import pytest

from curation import roles
from curation.annotations.models import Entity, EntityKind, Event, Mention, Participant
from tests.annotations.live import LiveSession, all_at_once
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

ROUNDS = 5


@pytest.fixture
def editors(live_server, transactional_db):
    """Two reviewers: merging entities, which touches everyone's work, needs the role."""
    return [LiveSession(live_server.url, UserFactory(role=roles.REVIEWER)) for _ in range(2)]


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
                {
                    "name": entity.name,
                    "kind": kind.pk,
                    "description": "",
                    "wikidata_id": qid,
                    "version": entity.version,
                },
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
