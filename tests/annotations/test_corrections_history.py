"""A correction in the History panels of mentions and events: who corrected the
article, when, what became of the item, and its offsets before and after."""

import pytest
from django.urls import reverse
from django.utils import timezone

from curation import roles
from curation.annotations import history
from curation.annotations.models import Status
from curation.articles.corrections import article_correct
from tests.corrections import BODY, article_with, mark, nth, record_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MIDDLE = BODY.replace("met Lloyd Austin", "met US Defense Secretary Lloyd Austin")


@pytest.fixture
def editor():
    return UserFactory(username="rita", role=roles.REVIEWER)


def today() -> str:
    return f"{timezone.localdate():%-d %b %Y}"


def test_a_moved_mention_says_where_from_and_where_to(editor):
    article = article_with()
    gallant = mark(article, "Gallant", occurrence=1)
    old = nth(BODY, "Gallant", 1)
    article_correct(article=article, new_body=MIDDLE, by=editor, reason="a title added")
    new = nth(MIDDLE, "Gallant", 1)
    latest = history.mention_history(gallant.pk).entries[0]
    assert latest.who == "rita"
    assert latest.summary == "corrected the article; the mention moved with its words"
    assert latest.reason == (
        f"Re-anchored by the correction of {today()} (revision 2): diff, "
        f"{old}–{old + 7} → {new}–{new + 7}"
    )
    assert latest.changes == ()  # offsets and context are bookkeeping


def test_a_mention_the_correction_did_not_touch_says_it_stayed(editor):
    article = article_with()
    hezbollah = mark(article, "Hezbollah")
    article_correct(article=article, new_body=MIDDLE, by=editor, reason="a title added")
    entries = history.mention_history(hezbollah.pk).entries
    assert [entry.summary for entry in entries] == [
        "corrected the article; the mention stayed on its words",
        "created the mention",
    ]
    assert entries[0].reason == (
        f"Kept in place by the correction of {today()} (revision 2): position, 0–9"
    )


def test_an_orphaned_event_says_it_lost_its_words_and_shows_its_state(editor):
    article = article_with()
    denial = record_event(article, "Officials in Beirut denied the report", status=Status.APPROVED)
    start = nth(BODY, "Officials")
    article_correct(
        article=article, new_body=BODY.rsplit("\n\n", 1)[0], by=editor, reason="withdrawn"
    )
    latest = history.event_history(denial.pk).entries[0]
    assert latest.summary == "corrected the article; the event lost its words"
    assert latest.reason == (
        f"Lost its words in the correction of {today()} (revision 2): orphan, "
        f"{start}–{start + 37} → no place"
    )
    assert [(c.label, c.before, c.after) for c in latest.changes] == [
        ("Status", "Approved", "Submitted")
    ]


def test_a_fuzzy_placement_shows_the_words_it_moved_onto(editor):
    article = article_with()
    strike = record_event(article, "Hezbollah fired rockets at Haifa", headline="Strike")
    article_correct(
        article=article,
        new_body=BODY.replace("Hezbollah fired", "Hizbollah fired"),
        by=editor,
        reason="spelling",
    )
    latest = history.event_history(strike.pk).entries[0]
    assert latest.summary == "corrected the article; the event was placed on similar words"
    assert latest.reason.endswith(": fuzzy, 0–32 → 0–32, to check")
    assert ("Evidence", "Hezbollah fired rockets at Haifa", "Hizbollah fired rockets at Haifa") in [
        (c.label, c.before, c.after) for c in latest.changes
    ]


def test_the_history_page_shows_the_correction(editor, client):
    article = article_with()
    gallant = mark(article, "Gallant", occurrence=1)
    article_correct(article=article, new_body=MIDDLE, by=editor, reason="a title added")
    client.force_login(editor)
    page = client.get(reverse("annotations:mention-history", args=[gallant.pk]))
    assert page.status_code == 200
    assert "Re-anchored by the correction of" in page.content.decode()
