"""No lost updates (issue 8's acceptance): two people load the same event's form and both
save an edit at the same moment. Exactly one edit is saved; the other person gets 409
saying who changed it, and nothing of the winner's edit is lost or mixed with theirs.

Requests are sent from threads to the live server, as two browsers would send them (see
tests/annotations/live.py); on SQLite the test database is a file, so each request has a
connection of its own, and on PostgreSQL the conditional UPDATE decides."""

import re

import pytest

from curation import roles
from curation.annotations.models import EntityKind, Event, EventType, Status
from tests.annotations.live import LiveSession, all_at_once
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

ROUNDS = 5
BODY = "Officials said the meeting in Doha was cancelled on Monday."


@pytest.fixture
def people(live_server, transactional_db, event_types):
    """The event's author (an annotator) and two reviewers, each with a browser session."""
    author = UserFactory(username="annie", first_name="Annie", role=roles.ANNOTATOR)
    first = UserFactory(username="rita", first_name="Rita", role=roles.REVIEWER)
    second = UserFactory(username="rex", first_name="Rex", role=roles.REVIEWER)
    return {user: LiveSession(live_server.url, user) for user in (author, first, second)}


def form_version(session: LiveSession, event: Event) -> int:
    """Open the event's edit form, as the Edit button does, and read its version."""
    status, html = session.request(
        "GET", f"/articles/{event.article_id}/annotate/events/{event.pk}/", htmx=True
    )
    assert status == 200, html
    return int(re.search(r'<input type="hidden" name="version" value="(\d+)">', html)[1])


def test_two_edits_of_one_event_at_once_save_one_and_refuse_the_other(people):
    author, first, second = people
    meeting = EventType.objects.get(slug="consult-meeting")
    cancelled = EventType.objects.get(slug="reject-meeting-cancelled")
    doha = EntityFactory(name="Doha", kind=EntityKind.objects.get(slug="place"))
    for round_ in range(ROUNDS):
        article = ArticleFactory(body=f"{BODY}\n\nRound {round_}.")
        MentionFactory(article=article, entity=doha, created_by=author)  # a place to pick
        start = BODY.index("the meeting")
        event = Event.objects.create(
            article=article,
            start=start,
            end=BODY.index(" on Monday"),
            quote=BODY[start : BODY.index(" on Monday")],
            event_type=meeting,
            headline="Meeting in Doha",
            date="2024-06-17",
            created_by=author,
        )
        # Odd rounds: the author and a reviewer edit the author's draft; even rounds: two
        # reviewers edit an approved event, which their edit sends back to review.
        if round_ % 2:
            editors = [(author, people[author]), (first, people[first])]
        else:
            Event.objects.filter(pk=event.pk).update(status=Status.APPROVED)
            editors = [(first, people[first]), (second, people[second])]
        edits = {
            user: {
                "headline": f"Meeting cancelled, as {user.first_name} read it ({round_})",
                "event_type": cancelled.slug if user == editors[0][0] else meeting.slug,
                "date": "2024-06-20" if user == editors[0][0] else "2024-06",
                "notes": f"{user.first_name}'s note",
                "location": doha.pk if user == editors[0][0] else "",
                "version": form_version(session, event),
            }
            for user, session in editors
        }
        address = f"/articles/{article.pk}/annotate/events/{event.pk}/"

        results = all_at_once(
            [
                lambda session=session, data=edits[user], address=address: session.post(
                    address, data, htmx=True
                )
                for user, session in editors
            ]
        )

        statuses = [status for status, _ in results]
        assert sorted(statuses) == [200, 409], results
        winner, _ = editors[statuses.index(200)]
        loser, _ = editors[statuses.index(409)]
        refusal = results[statuses.index(409)][1]
        assert f"This event was changed by {winner.first_name} at " in refusal
        assert "Reload to see their version" in refusal
        # the loser's form is still there, with what they typed
        assert "as " + loser.first_name + " read it" in refusal

        saved = Event.objects.get(pk=event.pk)
        wanted = edits[winner]
        assert saved.headline == wanted["headline"]
        assert saved.event_type.slug == wanted["event_type"]
        assert saved.date == wanted["date"]
        assert saved.notes == wanted["notes"]
        assert saved.location_id == (wanted["location"] or None)
        assert saved.version == 2
        assert saved.status == (Status.DRAFT if round_ % 2 else Status.SUBMITTED)
        # one edit in the history, the winner's, after the event was recorded
        edits_recorded = saved.history.filter(history_type="~")
        assert [record.history_user for record in edits_recorded] == [winner]
        assert edits_recorded.get().headline == wanted["headline"]
