"""annotations.reanchoring: a correction takes every mention and event along in the
database, exactly, or flags it; never a silent move onto other words."""

import pytest
from django.urls import reverse

from curation import roles
from curation.annotations import event_reads, reanchoring, selectors
from curation.annotations.anchoring import Placement, Rule
from curation.annotations.models import Event, Mention, Reanchoring, Status
from curation.articles.corrections import article_correct
from tests.corrections import BODY, article_with, mark, nth, on_its_words, record_event
from tests.factories import EntityFactory, UserFactory

pytestmark = pytest.mark.django_db

INSERTED = "dozens of "
LONGER = BODY.replace("fired rockets", "fired " + INSERTED + "rockets")


@pytest.fixture
def editor():
    return UserFactory(username="rita", role=roles.REVIEWER)


def correct(article, new_body, editor, reason="typo"):
    return article_correct(article=article, new_body=new_body, by=editor, reason=reason)


MIDDLE = BODY.replace("met Lloyd Austin", "met US Defense Secretary Lloyd Austin")
ADDED = len("US Defense Secretary ")


def test_work_before_the_edit_stays_and_work_after_it_moves_exactly(editor):
    article = article_with()
    hezbollah = mark(article, "Hezbollah", status=Status.APPROVED)  # far before the edit
    yoav = mark(article, "Yoav Gallant", status=Status.APPROVED)  # the edit is in its suffix
    gallant = mark(article, "Gallant", occurrence=1, status=Status.APPROVED)  # after it
    versions = {m.pk: m.version for m in (hezbollah, yoav, gallant)}
    result = correct(article, MIDDLE, editor)

    for mention in (hezbollah, yoav, gallant):
        assert on_its_words(mention)
        assert mention.status == Status.APPROVED  # its words are the same words
    assert (hezbollah.start, yoav.start) == (0, nth(BODY, "Yoav Gallant"))
    assert gallant.start == nth(BODY, "Gallant", 1) + ADDED == nth(MIDDLE, "Gallant", 1)
    # Only what was written takes a new version, with a history record that names the
    # correction and its author.
    assert hezbollah.version == versions[hezbollah.pk]
    assert not hezbollah.history.filter(history_type="~").exists()
    assert yoav.version == versions[yoav.pk] + 1
    assert gallant.version == versions[gallant.pk] + 1
    record = gallant.history.latest()
    assert record.history_user == editor
    assert record.history_change_reason == "re-anchored by the correction of revision 2: diff"
    assert yoav.history.latest().history_change_reason.endswith(": position")

    by_id = {o.id: o for o in result.outcomes}
    assert [(by_id[m.pk].rule, by_id[m.pk].status) for m in (hezbollah, yoav, gallant)] == [
        ("position", "ok"),
        ("position", "ok"),
        ("diff", "ok"),
    ]
    moved = by_id[gallant.pk]
    assert (moved.old_start, moved.old_end) == (
        nth(BODY, "Gallant", 1),
        nth(BODY, "Gallant", 1) + 7,
    )
    assert (moved.new_start, moved.new_end) == (gallant.start, gallant.start + 7)
    assert moved.kind == "mention" and moved.old_quote == moved.new_quote == "Gallant"


def test_the_outcomes_list_mentions_then_events_by_id(editor):
    article = article_with()
    second = mark(article, "Beirut")
    first_event = record_event(article, "Gallant said Israel was ready")
    first = mark(article, "Haifa")
    result = correct(article, LONGER, editor)
    assert [(o.kind, o.id) for o in result.outcomes] == [
        ("mention", second.pk),
        ("mention", first.pk),
        ("event", first_event.pk),
    ]


def test_every_item_gets_a_record_of_the_correction(editor):
    article = article_with()
    hezbollah = mark(article, "Hezbollah")
    event = record_event(article, "Officials in Beirut denied the report")
    result = correct(article, LONGER, editor)
    records = {(r.kind, r.object_id): r for r in Reanchoring.objects.all()}
    assert set(records) == {("mention", hezbollah.pk), ("event", event.pk)}
    moved = records["event", event.pk]
    assert moved.revision == result.revision
    assert (moved.rule, moved.outcome) == ("diff", "ok")
    assert (moved.old_start, moved.old_end) == (
        nth(BODY, "Officials"),
        nth(BODY, "Officials") + len("Officials in Beirut denied the report"),
    )
    assert (moved.new_start, moved.new_end) == (
        event.start + len(INSERTED),
        event.end + len(INSERTED),
    )
    assert moved.old_quote == moved.new_quote == "Officials in Beirut denied the report"


# --- lost words: orphans ------------------------------------------------------------------

WITHOUT_THE_LAST_PARAGRAPH = BODY.rsplit("\n\n", 1)[0]


def test_work_whose_words_are_gone_becomes_an_orphan_and_goes_back_to_review(editor):
    article = article_with()
    beirut = mark(article, "Beirut", status=Status.APPROVED)
    denial = record_event(article, "Officials in Beirut denied the report", status=Status.APPROVED)
    kept = mark(article, "Haifa")
    stored = {m: (m.quote, m.prefix, m.suffix) for m in (beirut, denial)}
    result = correct(article, WITHOUT_THE_LAST_PARAGRAPH, editor, reason="paragraph withdrawn")
    for item in (beirut, denial):
        item.refresh_from_db()
        assert item.is_orphan and (item.start, item.end) == (None, None)
        assert (item.quote, item.prefix, item.suffix) == stored[item]
        assert item.status == Status.SUBMITTED
        assert "Lost its words in the correction of" in item.review_note
        assert "(revision 2)" in item.review_note
    assert {(o.id, o.rule, o.status, o.new_start, o.new_end) for o in result.outcomes} >= {
        (beirut.pk, "orphan", "orphan", None, None),
        (denial.pk, "orphan", "orphan", None, None),
    }
    record = Reanchoring.objects.get(kind="mention", object_id=beirut.pk)
    assert (record.new_start, record.new_end, record.new_quote) == (None, None, "")
    # Orphans have no place in the text: the workspace neither highlights nor counts them.
    assert [m.pk for m in selectors.article_mentions(article)] == [kept.pk]
    assert [m.pk for m in selectors.article_marks(article)] == [kept.pk]
    assert [row.id for row in selectors.article_entity_counts(article)] == [kept.entity_id]
    assert event_reads.article_events(article) == []
    assert selectors.article_orphans(article) == ([beirut], [denial])


def test_the_workspace_and_the_review_queue_show_an_article_with_orphans(editor, client):
    article = article_with()
    beirut = mark(article, "Beirut", status=Status.SUBMITTED)
    haifa = mark(article, "Haifa", status=Status.SUBMITTED)
    record_event(article, "Officials in Beirut denied the report", status=Status.SUBMITTED)
    correct(article, WITHOUT_THE_LAST_PARAGRAPH, editor)
    client.force_login(editor)
    page = client.get(reverse("annotations:workspace", args=[article.pk]))
    assert page.status_code == 200
    assert f'id="m-{haifa.pk}"' in page.content.decode()
    assert f'id="m-{beirut.pk}"' not in page.content.decode()
    queue = client.get(reverse("review:queue"))
    assert queue.status_code == 200
    assert "Beirut" in queue.content.decode()
    beirut.refresh_from_db()
    # An orphan waits to be re-attached: approving it is refused, and says why.
    approved = client.post(
        reverse("review:approve", args=["mention", beirut.pk]),
        {"version": beirut.version},
        HTTP_HX_REQUEST="true",
    )
    assert approved.status_code == 403
    assert "Re-attach it first" in approved.content.decode()
    beirut.refresh_from_db()
    assert beirut.status == Status.SUBMITTED


def test_an_orphan_stays_an_orphan_through_later_corrections(editor):
    article = article_with()
    beirut = mark(article, "Beirut")
    correct(article, WITHOUT_THE_LAST_PARAGRAPH, editor)
    result = correct(
        article, WITHOUT_THE_LAST_PARAGRAPH + "\n\nOfficials in Beirut denied it.", editor
    )
    beirut.refresh_from_db()
    assert beirut.is_orphan
    assert result.outcomes == []
    assert Reanchoring.objects.filter(object_id=beirut.pk).count() == 1


# --- similar words: needs-check -----------------------------------------------------------

RESPELLED = BODY.replace("Hezbollah fired", "Hizbollah fired")


def test_work_placed_on_similar_words_goes_back_to_review_with_a_note(editor):
    article = article_with()
    strike = record_event(
        article, "Hezbollah fired rockets at Haifa", status=Status.APPROVED, headline="Strike"
    )
    draft = mark(article, "Hezbollah")
    result = correct(article, RESPELLED, editor, reason="the outlet's spelling")
    strike.refresh_from_db()
    draft.refresh_from_db()
    assert (strike.start, strike.end) == (0, len("Hizbollah fired rockets at Haifa"))
    assert strike.quote == "Hizbollah fired rockets at Haifa" and on_its_words(strike)
    assert strike.status == Status.SUBMITTED
    assert "please check that it is on the right words" in strike.review_note
    # A draft stays with its author, who reads the same note.
    assert draft.status == Status.DRAFT and draft.quote == "Hizbollah"
    assert "Re-anchored by the correction of" in draft.review_note
    by_id = {(o.kind, o.id): o for o in result.outcomes}
    assert (by_id["event", strike.pk].rule, by_id["event", strike.pk].status) == (
        "fuzzy",
        "needs-check",
    )
    assert by_id["event", strike.pk].new_quote == "Hizbollah fired rockets at Haifa"
    record = strike.history.latest()
    assert record.status == Status.SUBMITTED
    assert record.history_change_reason == "re-anchored by the correction of revision 2: fuzzy"
    assert strike.history.all()[1].status == Status.APPROVED  # the approved version is kept


def test_an_ok_place_on_other_words_is_never_trusted(editor, monkeypatch):
    """If the pure module ever broke its invariant, the database would not follow it."""
    article = article_with()
    haifa = mark(article, "Haifa", status=Status.APPROVED)
    wrong = nth(LONGER, "Sunday")

    def broken(old_body, new_body, spans):
        return [Placement(span.key, Rule.DIFF, wrong, wrong + 5, "Haifa") for span in spans]

    monkeypatch.setattr(reanchoring, "reanchor", broken)
    (outcome,) = correct(article, LONGER, editor).outcomes
    haifa.refresh_from_db()
    assert (outcome.rule, outcome.status) == ("fuzzy", "needs-check")
    assert haifa.quote == "Sunda" and haifa.status == Status.SUBMITTED


def test_two_mentions_of_one_entity_placed_on_the_same_words_leave_one_an_orphan(
    editor, monkeypatch
):
    article = article_with()
    gallant = EntityFactory(name="Yoav Gallant")
    first = mark(article, "Gallant", entity=gallant)
    second = mark(article, "Gallant", occurrence=1, entity=gallant)
    place = nth(LONGER, "Gallant")

    def onto_one_place(old_body, new_body, spans):
        rules = {first.pk: Rule.DIFF, second.pk: Rule.FUZZY}
        return [
            Placement(span.key, rules[span.key[1]], place, place + 7, "Gallant") for span in spans
        ]

    monkeypatch.setattr(reanchoring, "reanchor", onto_one_place)
    outcomes = {o.id: o for o in correct(article, LONGER, editor).outcomes}
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.start, outcomes[first.pk].status) == (place, "ok")
    assert second.is_orphan and outcomes[second.pk].status == "orphan"
    assert f"already marked as this entity (mention #{first.pk})" in second.review_note


def test_mentions_that_move_onto_each_others_places_are_saved(editor):
    """An insertion exactly as long as the gap between occurrences moves each mention onto
    the place of the next, and each row is checked for a unique span as it is written."""
    body = "Gallant spoke. Gallant spoke. Gallant spoke."
    article = article_with(body=body)
    gallant = EntityFactory(name="Yoav Gallant")
    mentions = [mark(article, "Gallant", occurrence=n, entity=gallant) for n in range(3)]
    inserted = "Officials said "
    assert len(inserted) == len("Gallant spoke. ")
    correct(article, inserted + body, editor)
    for n, mention in enumerate(mentions):
        mention.refresh_from_db()
        assert mention.start == nth(inserted + body, "Gallant", n) == nth(body, "Gallant", n) + 15
        assert on_its_words(mention)


# --- an event's date phrase ---------------------------------------------------------------


def test_the_date_phrase_moves_with_the_evidence_it_is_in(editor):
    article = article_with()
    meeting = record_event(
        article,
        "Yoav Gallant met Lloyd Austin in Washington on 25 June",
        date_phrase="25 June",
        date="2024-06-25",
    )
    correct(article, LONGER, editor)
    meeting.refresh_from_db()
    assert (meeting.date_start, meeting.date_end) == (
        nth(LONGER, "25 June"),
        nth(LONGER, "25 June") + len("25 June"),
    )
    assert meeting.date == "2024-06-25" and meeting.date_text == "25 June"
    record = Reanchoring.objects.get(object_id=meeting.pk, kind="event")
    assert (record.old_date_start, record.new_date_start) == (
        nth(BODY, "25 June"),
        meeting.date_start,
    )


def test_a_date_phrase_outside_the_evidence_is_placed_on_its_own(editor):
    article = article_with()
    ready = record_event(
        article, "Gallant said Israel was ready", date_phrase="25 June", date="2024-06-25"
    )
    correct(article, LONGER, editor)
    ready.refresh_from_db()
    assert LONGER[ready.date_start : ready.date_end] == "25 June"


@pytest.mark.parametrize(
    "new_phrase",
    ["in Washington this week", "in Washington on 26 June"],  # gone; similar words only
)
def test_a_date_phrase_that_lost_its_words_is_forgotten_and_the_date_kept(editor, new_phrase):
    article = article_with()
    ready = record_event(
        article, "Gallant said Israel was ready", date_phrase="25 June", date="2024-06-25"
    )
    new_body = BODY.replace("in Washington on 25 June", new_phrase)
    (outcome,) = correct(article, new_body, editor).outcomes
    ready.refresh_from_db()
    assert (ready.date_start, ready.date_end) == (None, None)
    assert (ready.date, ready.date_text) == ("2024-06-25", "25 June")
    assert outcome.status == "ok" and new_body[ready.start : ready.end] == ready.quote


def test_a_date_phrase_in_the_evidence_follows_the_evidence_not_its_own_placement(
    editor, monkeypatch
):
    """Inside evidence that kept its words, the phrase kept them too: it moves by the
    evidence's shift, whatever its own search would have said."""
    article = article_with()
    meeting = record_event(
        article,
        "Yoav Gallant met Lloyd Austin in Washington on 25 June",
        date_phrase="25 June",
        date="2024-06-25",
    )
    placed_alone = reanchoring.reanchor

    def date_lost_alone(old_body, new_body, spans):
        return [
            Placement(p.key, Rule.ORPHAN, None, None, p.quote) if p.key[0] == "date" else p
            for p in placed_alone(old_body, new_body, spans)
        ]

    monkeypatch.setattr(reanchoring, "reanchor", date_lost_alone)
    correct(article, LONGER, editor)
    meeting.refresh_from_db()
    assert LONGER[meeting.date_start : meeting.date_end] == "25 June"


def test_an_emoji_before_a_span_moves_it_by_one_code_point(editor):
    article = article_with()
    haifa = mark(article, "Haifa")
    new_body = "🚀 " + BODY
    correct(article, new_body, editor)
    haifa.refresh_from_db()
    assert haifa.start == nth(BODY, "Haifa") + 2
    assert new_body[haifa.start : haifa.end] == "Haifa"


def test_straight_quotes_turned_curly_inside_a_span_are_flagged_not_trusted(editor):
    body = 'Gallant said "Israel is ready" on Sunday.\n\nOfficials agreed.'
    article = article_with(body=body)
    quote = mark(article, '"Israel is ready"')
    kept = mark(article, "Officials")
    new_body = body.replace('"Israel is ready"', "“Israel is ready”")
    outcomes = {o.id: o for o in correct(article, new_body, editor).outcomes}
    quote.refresh_from_db()
    assert outcomes[kept.pk].status == "ok"
    assert outcomes[quote.pk].status in {"needs-check", "orphan"}
    if not quote.is_orphan:
        assert quote.quote == new_body[quote.start : quote.end]


def test_mention_and_event_models_accept_no_half_place():
    from django.db import IntegrityError, transaction

    article = article_with()
    mention = mark(article, "Haifa")
    for fields in ({"start": None}, {"end": None}, {"start": 10, "end": 5}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Mention.objects.filter(pk=mention.pk).update(**fields)
    event = record_event(article, "Gallant said Israel was ready")
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(end=None)
