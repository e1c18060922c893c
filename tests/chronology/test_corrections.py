"""A correction of an article that moves or orphans a cited event: its entry is flagged
for the curator, and the public page keeps the quote that was approved."""

import pytest
from django.urls import reverse

from curation import roles
from curation.annotations.models import Status
from curation.articles.corrections import article_correct
from curation.chronology import services
from curation.chronology.corrections import entry_attention_resolve
from curation.chronology.export_reads import article_annotation_events, article_annotation_mentions
from curation.chronology.models import Chronology, Entry, EntryEvent
from curation.chronology.selectors import (
    public_details,
)
from tests.corrections import BODY, article_with, mark, record_event
from tests.factories import SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

STRIKE = "Hezbollah fired rockets at Haifa"
RESPELLED = BODY.replace("Hezbollah fired", "Hizbollah fired")
WITHOUT_THE_STRIKE = BODY.split("\n\n", 1)[1]
UPDATED = "Updated at 10:00.\n\n" + BODY


@pytest.fixture
def curator():
    return UserFactory(username="cura", role=roles.CURATOR)


@pytest.fixture
def editor():
    return UserFactory(username="rita", role=roles.REVIEWER)


@pytest.fixture
def topic():
    return Chronology.objects.create(title="Northern front", slug="north", is_public=True)


@pytest.fixture
def article():
    return article_with(title="Rockets on Haifa", source=SourceFactory(name="Axios"))


@pytest.fixture
def strike(article):
    return record_event(article, STRIKE, status=Status.APPROVED, headline="Rockets on Haifa")


@pytest.fixture
def entry(strike, curator, topic):
    entry = services.entry_create(events=[strike], by=curator, date="2024-06-23")
    services.entry_publish(
        entry=entry, chronologies=[topic], by=curator, expected_version=entry.version
    )
    return Entry.objects.get(pk=entry.pk)


def citation(entry):
    [details] = public_details([entry])
    return [(c.before, c.quote, c.after) for c in details.citations]


def test_an_event_moved_onto_other_words_flags_its_entry_and_keeps_the_approved_quote(
    article, strike, entry, editor
):
    shown = citation(entry)
    version = entry.version
    article_correct(article=article, new_body=RESPELLED, by=editor, reason="spelling")
    entry.refresh_from_db()
    strike.refresh_from_db()
    assert strike.status == Status.SUBMITTED and strike.quote == "Hizbollah fired rockets at Haifa"
    assert entry.needs_attention
    assert entry.attention_note == (
        "The correction of “Rockets on Haifa” (revision 2) moved “Rockets on Haifa” from "
        "“Hezbollah fired rockets at Haifa” onto “Hizbollah fired rockets at Haifa”, which "
        "a reviewer must check."
    )
    assert entry.version == version + 1
    assert entry.history.latest().history_user == editor
    link = EntryEvent.objects.get(event=strike)
    assert (link.approved_prefix, link.approved_quote) == ("", STRIKE)
    # The public page still cites the approved words, though the event waits for review.
    assert citation(entry) == shown == [("", STRIKE, BODY[len(STRIKE) : len(STRIKE) + 32])]


def test_an_orphaned_event_flags_its_entry_and_the_public_keeps_its_quote(
    article, strike, entry, editor, client
):
    article_correct(article=article, new_body=WITHOUT_THE_STRIKE, by=editor, reason="withdrawn")
    entry.refresh_from_db()
    strike.refresh_from_db()
    assert strike.is_orphan and entry.needs_attention
    assert "lost the words of “Rockets on Haifa” (“Hezbollah fired rockets at Haifa”)" in (
        entry.attention_note
    )
    assert citation(entry)[0][1] == STRIKE
    page = client.get(reverse("chronology:public", args=["north"]))
    assert page.status_code == 200
    assert STRIKE in page.content.decode()


def test_an_event_that_moved_with_its_words_leaves_its_entry_alone(article, strike, entry, editor):
    version = entry.version
    article_correct(article=article, new_body=UPDATED, by=editor, reason="update stamp")
    entry.refresh_from_db()
    strike.refresh_from_db()
    assert strike.start == len("Updated at 10:00.\n\n") and strike.status == Status.APPROVED
    assert not entry.needs_attention and entry.version == version
    assert not EntryEvent.objects.get(event=strike).approved_quote
    # The citation follows the event, whose context is the new text's.
    assert citation(entry) == [("Updated at 10:00.\n\n", STRIKE, strike.suffix)]


def test_a_second_correction_keeps_the_first_approved_quote(article, strike, entry, editor):
    article_correct(article=article, new_body=RESPELLED, by=editor, reason="spelling")
    article_correct(
        article=article,
        new_body=RESPELLED.replace("Hizbollah", "Hisbollah"),
        by=editor,
        reason="again",
    )
    entry.refresh_from_db()
    assert EntryEvent.objects.get(event=strike).approved_quote == STRIKE
    assert entry.attention_note.count("The correction of") == 2
    assert citation(entry)[0][1] == STRIKE


def test_the_curator_resolves_the_flag_and_the_citation_follows_its_event(
    article, strike, entry, editor, curator
):
    article_correct(article=article, new_body=RESPELLED, by=editor, reason="spelling")
    entry.refresh_from_db()
    entry_attention_resolve(entry=entry, by=curator, expected_version=entry.version)
    entry.refresh_from_db()
    assert not entry.needs_attention and entry.attention_note == ""
    assert not EntryEvent.objects.get(event=strike).approved_quote
    # The event waits for review, so the public cites nothing of it now.
    assert citation(entry) == []
    strike.refresh_from_db()
    from curation.annotations import workflow

    workflow.approve(strike, by=curator, expected_version=strike.version)
    assert citation(entry)[0][1] == "Hizbollah fired rockets at Haifa"


def test_an_orphan_goes_into_no_entry(article, editor, curator):
    lost = record_event(article, STRIKE, status=Status.APPROVED)
    article_correct(article=article, new_body=WITHOUT_THE_STRIKE, by=editor, reason="withdrawn")
    lost.refresh_from_db()
    type(lost).objects.filter(pk=lost.pk).update(status=Status.APPROVED)  # approved again
    with pytest.raises(services.ChronologyError, match="lost its words in a correction"):
        services.entry_create(events=[lost], by=curator)


def test_orphans_are_left_out_of_the_annotation_exports(article, editor):
    lost = record_event(article, STRIKE, status=Status.APPROVED)
    kept = record_event(article, "Officials in Beirut denied the report", status=Status.APPROVED)
    haifa = mark(article, "Haifa", status=Status.APPROVED)
    beirut = mark(article, "Beirut", status=Status.APPROVED)
    article_correct(article=article, new_body=WITHOUT_THE_STRIKE, by=editor, reason="withdrawn")
    for item in (lost, haifa):  # approved again by a reviewer, still without words
        type(item).objects.filter(pk=item.pk).update(status=Status.APPROVED)
    assert [row[0] for row in article_annotation_events(article.pk)] == [kept.pk]
    assert [m.pk for m in article_annotation_mentions(article.pk)] == [beirut.pk]


# --- the curator's pages: the flag seen, and marked as checked ----------------------------


def test_the_entries_list_and_the_entry_page_show_the_flag_with_its_note(
    article, strike, entry, editor, curator, client
):
    client.force_login(curator)
    entries = reverse("chronology:curate-entries")
    page = reverse("chronology:curate-entry", args=[entry.pk])
    assert "badge-warn needs-attention" not in client.get(entries).content.decode()
    assert "A correction changed what this entry cites" not in client.get(page).content.decode()
    article_correct(article=article, new_body=RESPELLED, by=editor, reason="spelling")
    flagged = f'title="{Entry.objects.get(pk=entry.pk).attention_note}">Needs attention</span>'
    assert flagged.replace("“", "&ldquo;") in client.get(entries).content.decode() or (
        "badge-warn needs-attention" in client.get(entries).content.decode()
    )
    assert entry.headline in client.get(entries, {"needs_attention": "true"}).content.decode()
    assert entry.headline not in client.get(entries, {"needs_attention": "false"}).content.decode()
    shown = client.get(page).content.decode()
    assert "A correction changed what this entry cites" in shown
    assert "onto “Hizbollah fired rockets at Haifa”, which a reviewer must check." in shown
    assert reverse("chronology:curate-entry-resolve-attention", args=[entry.pk]) in shown


def test_marking_the_entry_as_checked_clears_the_flag(
    article, strike, entry, editor, curator, client
):
    article_correct(article=article, new_body=RESPELLED, by=editor, reason="spelling")
    entry.refresh_from_db()
    client.force_login(curator)
    url = reverse("chronology:curate-entry-resolve-attention", args=[entry.pk])
    stale = client.post(url, {"version": entry.version - 1})
    assert stale.status_code == 409
    entry.refresh_from_db()
    assert entry.needs_attention
    response = client.post(url, {"version": entry.version}, follow=True)
    assert "Marked as checked" in response.content.decode()
    entry.refresh_from_db()
    assert not entry.needs_attention and entry.attention_note == ""
    assert entry.history.latest().history_user == curator
    again = client.post(url, {"version": entry.version})
    assert again.status_code == 422
    assert "needs no attention" in again.content.decode()


def test_only_curators_mark_an_entry_as_checked(article, strike, entry, editor, client):
    article_correct(article=article, new_body=RESPELLED, by=editor, reason="spelling")
    entry.refresh_from_db()
    client.force_login(editor)  # a reviewer, not a curator
    url = reverse("chronology:curate-entry-resolve-attention", args=[entry.pk])
    assert client.post(url, {"version": entry.version}).status_code == 403
    entry.refresh_from_db()
    assert entry.needs_attention
