"""Two curators at the same moment, for real: requests sent from threads to the live server
(tests/annotations/live.py), as two browsers would send them, on SQLite (a file database:
each request has a connection of its own) and on PostgreSQL alike.

- Both merge the same waiting event, into different entries or with different events:
  exactly one merge is made; the other curator is told where the event went, and no
  event is ever in two entries (nor is a half-made entry left behind).
- One publishes an entry while the other edits it, both from the same version: exactly
  one change is saved, and the other gets a 409 naming who changed the entry.
"""

import re
from html import unescape

import pytest

from curation import roles
from curation.chronology import services
from curation.chronology.models import Chronology, Entry, EntryEvent
from tests.annotations.live import LiveSession, all_at_once
from tests.chronology.desk import entity, waiting_event
from tests.factories import UserFactory

ROUNDS = 5


@pytest.fixture
def curators(live_server, event_types):
    """Two curators, each with a browser session of their own."""
    cora = UserFactory(username="cora", first_name="Cora", role=roles.CURATOR)
    carl = UserFactory(username="carl", first_name="Carl", role=roles.CURATOR)
    return {user: LiveSession(live_server.url, user) for user in (cora, carl)}


def sending(session: LiveSession, address: str, data: dict):
    """A request to send later, in a thread of its own."""
    return lambda: session.post(address, data, htmx=True)


def report(day: str, headline: str, source: str = "Axios"):
    return waiting_event(
        day, headline=headline, participants=(entity("White House"),), source=source
    )


def test_two_merges_of_one_event_into_different_entries_make_one(curators):
    (cora, cora_session), (carl, carl_session) = curators.items()
    for round_ in range(ROUNDS):
        day = f"2024-06-{10 + round_:02d}"
        contested = report(day, f"Talks off ({round_})")
        first = services.entry_create(events=[report(day, f"A ({round_})")], by=cora)
        second = services.entry_create(events=[report(day, f"B ({round_})")], by=carl)
        address = f"/curate/events/{contested.pk}/merge/"
        shown = [contested.pk]

        results = all_at_once(
            [
                sending(
                    cora_session,
                    address,
                    {"with": f"entry-{first.pk}", "version": first.version, "shown": shown},
                ),
                sending(
                    carl_session,
                    address,
                    {"with": f"entry-{second.pk}", "version": second.version, "shown": shown},
                ),
            ]
        )

        statuses = [status for status, _ in results]
        assert sorted(statuses) == [200, 422], results
        winner = [first, second][statuses.index(200)]
        refusal = unescape(results[statuses.index(422)][1])
        assert f"“Talks off ({round_})” is already in the entry “{winner.headline}”" in refusal
        assert "Detach it there first." in refusal
        # ...and the refused curator's card of it leaves their page.
        assert f'<div id="card-{contested.pk}" hx-swap-oob="delete">' in refusal
        assert EntryEvent.objects.get(event=contested).entry_id == winner.pk
        loser = [first, second][statuses.index(422)]
        assert Entry.objects.get(pk=loser.pk).entry_events.count() == 1


def test_two_merges_of_one_event_with_different_events_make_one_entry(curators):
    (cora, cora_session), (carl, carl_session) = curators.items()
    for round_ in range(ROUNDS):
        day = f"2024-06-{10 + round_:02d}"
        contested = report(day, f"Talks off ({round_})")
        partners = [report(day, f"Cora's pick ({round_})"), report(day, f"Carl's pick ({round_})")]
        address = f"/curate/events/{contested.pk}/merge/"

        results = all_at_once(
            [
                sending(session, address, {"with": f"event-{partner.pk}"})
                for session, partner in zip((cora_session, carl_session), partners, strict=True)
            ]
        )

        statuses = [status for status, _ in results]
        assert sorted(statuses) == [200, 422], results
        assert "is already in the entry" in unescape(results[statuses.index(422)][1])
        entry = EntryEvent.objects.get(event=contested).entry
        assert set(entry.events.all()) == {contested, partners[statuses.index(200)]}
        # The refused merge left nothing behind: its partner still waits.
        assert not EntryEvent.objects.filter(event=partners[statuses.index(422)]).exists()
    assert Entry.objects.count() == ROUNDS


def form_version(session: LiveSession, entry: Entry) -> int:
    """Open the entry's page, as a curator does, and read the version its forms carry."""
    status, html = session.request("GET", f"/curate/entries/{entry.pk}/")
    assert status == 200, html
    return int(re.search(r'<input type="hidden" name="version" value="(\d+)">', html)[1])


def test_publishing_and_editing_one_entry_at_once_saves_one(curators):
    (cora, cora_session), (carl, carl_session) = curators.items()
    topic = Chronology.objects.create(title="Iran talks", slug="iran-talks", is_public=True)
    outcomes = set()
    for round_ in range(ROUNDS):
        entry = services.entry_create(
            events=[report(f"2024-06-{10 + round_:02d}", f"Talks off ({round_})")], by=cora
        )
        seen = {user: form_version(session, entry) for user, session in curators.items()}
        assert seen[cora] == seen[carl] == entry.version
        publish = {"chronologies": [topic.pk], "version": seen[cora]}
        edit = {
            "headline": f"Carl's headline ({round_})",
            "event_type": entry.event_type_id,
            "date": "2024-06",
            "version": seen[carl],
        }

        results = all_at_once(
            [
                sending(cora_session, f"/curate/entries/{entry.pk}/publish/", publish),
                sending(carl_session, f"/curate/entries/{entry.pk}/edit/", edit),
            ]
        )

        statuses = [status for status, _ in results]
        assert sorted(statuses) == [200, 409], results
        winner, loser = (cora, carl) if statuses[0] == 200 else (carl, cora)
        refusal = unescape(results[statuses.index(409)][1])
        assert f"This entry was changed by {winner.first_name} at " in refusal
        assert "so your change was not saved. Reload to see their version" in refusal
        saved = Entry.objects.get(pk=entry.pk)
        assert saved.version == entry.version + 1
        if winner == cora:  # published as it was; Carl's edit is not in it
            assert saved.status == Entry.Status.PUBLISHED and saved.headline == entry.headline
            assert saved.date == entry.date
        else:  # edited, and still a draft
            assert saved.status == Entry.Status.DRAFT and saved.headline == edit["headline"]
            assert saved.date == "2024-06"
        assert [record.history_user for record in saved.history.filter(history_type="~")] == [
            winner
        ]
        outcomes.add(winner.username)
    print(f"winners over {ROUNDS} rounds: {sorted(outcomes)}")
