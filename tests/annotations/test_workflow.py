"""annotations.workflow: every allowed and refused transition, four-eyes on and off, an
edit after approval, the required reason, and stale versions."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from curation.annotations import services, workflow
from curation.annotations.errors import AnnotationError, NotAllowed, StaleVersion
from curation.annotations.models import Event, EventType, Mention, Status
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

ALL = [Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.REJECTED]


@pytest.fixture
def author():
    return UserFactory(username="author", role="annotator")


@pytest.fixture
def colleague():
    return UserFactory(username="colleague", role="annotator")


@pytest.fixture
def reviewer():
    return UserFactory(username="reviewer", role="reviewer")


def mention(author, status=Status.DRAFT) -> Mention:
    item = MentionFactory(
        entity=EntityFactory(name="Tehran"),
        article=ArticleFactory(body=f"Tehran spoke. {ArticleFactory._meta.model.objects.count()}"),
    )
    Mention.objects.filter(pk=item.pk).update(created_by=author, status=status)
    item.refresh_from_db()
    return item


def event(author, status=Status.DRAFT) -> Event:
    article = ArticleFactory()
    article.body = "The meeting was cancelled."
    article.save()
    item = Event.objects.create(
        article=article,
        start=0,
        end=11,
        quote="The meeting",
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Meeting cancelled",
        created_by=author,
    )
    Event.objects.filter(pk=item.pk).update(status=status)
    item.refresh_from_db()
    return item


def stored(item):
    return type(item).objects.get(pk=item.pk)


# --- the transitions, from every state ------------------------------------------------

ALLOWED = {
    # (action, from) -> to, as (who does it)
    ("submit", Status.DRAFT): (Status.SUBMITTED, "author"),
    ("submit", Status.REJECTED): (Status.SUBMITTED, "author"),
    ("withdraw", Status.SUBMITTED): (Status.DRAFT, "author"),
    ("approve", Status.SUBMITTED): (Status.APPROVED, "reviewer"),
    ("reject", Status.SUBMITTED): (Status.REJECTED, "reviewer"),
    ("reopen", Status.APPROVED): (Status.SUBMITTED, "reviewer"),
    ("reopen", Status.REJECTED): (Status.SUBMITTED, "reviewer"),
}


def act(action, item, user):
    kwargs = {"by": user, "expected_version": item.version}
    if action in ("reject", "reopen"):
        kwargs["reason"] = "The quote is the headline, not the body."
    return getattr(workflow, action)(item, **kwargs)


@pytest.mark.parametrize("make", [mention, event], ids=["mention", "event"])
@pytest.mark.parametrize("action", ["submit", "withdraw", "approve", "reject", "reopen"])
@pytest.mark.parametrize("status", ALL)
def test_each_transition_from_each_state(make, action, status, author, reviewer):
    item = make(author, status)
    expected = ALLOWED.get((action, status))
    user = {"author": author, "reviewer": reviewer}[expected[1] if expected else "reviewer"]
    if expected is None:
        with pytest.raises(NotAllowed):
            act(action, item, user)
        assert stored(item).status == status and stored(item).version == item.version
        return
    act(action, item, user)
    after = stored(item)
    assert after.status == expected[0]
    assert after.version == 2
    record = after.history.latest()
    assert record.history_user == user
    assert record.history_change_reason.startswith(action.replace("submit", "submitted")[:6])


@pytest.mark.parametrize("action", ["approve", "reject", "reopen"])
def test_annotators_do_not_review(action, author, colleague):
    status = Status.APPROVED if action == "reopen" else Status.SUBMITTED
    item = mention(author, status)
    with pytest.raises(NotAllowed, match="for reviewers"):
        act(action, item, colleague)
    assert stored(item).status == status


def test_only_the_author_submits_and_withdraws(author, colleague):
    item = mention(author)
    with pytest.raises(NotAllowed, match="only its author"):
        workflow.submit(item, by=colleague, expected_version=1)
    workflow.submit(item, by=author, expected_version=1)
    with pytest.raises(NotAllowed, match="only its author"):
        workflow.withdraw(stored(item), by=colleague, expected_version=2)
    assert stored(item).status == Status.SUBMITTED


@pytest.mark.parametrize("make", [mention, event], ids=["mention", "event"])
@pytest.mark.parametrize("status", [Status.DRAFT, Status.APPROVED, Status.REJECTED])
def test_the_author_withdraws_only_what_waits_for_review(make, status, author):
    item = make(author, status)
    with pytest.raises(NotAllowed, match="only an item waiting for review can be withdrawn"):
        workflow.withdraw(item, by=author, expected_version=item.version)
    after = stored(item)
    assert (after.status, after.version) == (status, item.version)


@pytest.mark.parametrize("make", [mention, event], ids=["mention", "event"])
@pytest.mark.parametrize("status", [Status.DRAFT, Status.APPROVED, Status.REJECTED])
def test_the_workspace_refuses_the_authors_withdrawal_of_what_does_not_wait(make, status, author):
    """The popover's (mention-state) and the events list's (event-state) withdraw, posted
    with the version the page showed, reaches workflow.withdraw and is refused there."""
    item = make(author, status)
    client = Client()
    client.force_login(author)
    name = "mention-state" if isinstance(item, Mention) else "event-state"
    response = client.post(
        reverse(f"annotations:{name}", args=[item.article_id, item.pk]),
        {"action": "withdraw", "version": item.version},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 403
    assert "only an item waiting for review can be withdrawn" in response.text
    after = stored(item)
    assert (after.status, after.version) == (status, item.version)


# --- four-eyes -------------------------------------------------------------------------


def test_nobody_approves_their_own_item(reviewer):
    item = mention(reviewer, Status.SUBMITTED)
    assert not workflow.may_approve(reviewer, item)
    with pytest.raises(NotAllowed, match="a second person must approve"):
        workflow.approve(item, by=reviewer, expected_version=1)
    assert stored(item).status == Status.SUBMITTED
    # Rejecting one's own is allowed: it only keeps it from publication.
    workflow.reject(item, by=reviewer, reason="Wrong span", expected_version=1)
    assert stored(item).status == Status.REJECTED


def test_a_one_person_desk_turns_four_eyes_off(reviewer, settings):
    settings.CURATION_FOUR_EYES = False
    item = mention(reviewer, Status.SUBMITTED)
    assert workflow.may_approve(reviewer, item)
    workflow.approve(item, by=reviewer, expected_version=1)
    assert stored(item).status == Status.APPROVED


def test_bulk_approval_skips_ones_own_items_and_stale_ones(author, reviewer):
    theirs = [mention(author, Status.SUBMITTED) for _ in range(3)]
    own = mention(reviewer, Status.SUBMITTED)
    Mention.objects.filter(pk=theirs[2].pk).update(version=5)  # changed since it was seen
    approved = workflow.approve_many(
        [*theirs, own], by=reviewer, versions_seen={item.pk: 1 for item in [*theirs, own]}
    )
    assert approved == 2
    statuses = {item.pk: stored(item).status for item in [*theirs, own]}
    assert statuses == {
        theirs[0].pk: Status.APPROVED,
        theirs[1].pk: Status.APPROVED,
        theirs[2].pk: Status.SUBMITTED,
        own.pk: Status.SUBMITTED,
    }
    assert stored(theirs[0]).history.latest().history_user == reviewer


def test_submitting_all_drafts_takes_only_the_authors_drafts(author, colleague):
    mine = [mention(author) for _ in range(2)] + [mention(author, Status.REJECTED)]
    theirs = mention(colleague)
    count = workflow.submit_drafts([*mine, theirs], by=author)
    assert count == 2
    assert [stored(item).status for item in mine] == [
        Status.SUBMITTED,
        Status.SUBMITTED,
        Status.REJECTED,
    ]
    assert stored(theirs).status == Status.DRAFT


# --- the reason ------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_a_rejection_needs_a_reason(reason, author, reviewer):
    item = mention(author, Status.SUBMITTED)
    with pytest.raises(AnnotationError, match="Say why you reject it"):
        workflow.reject(item, by=reviewer, reason=reason, expected_version=1)
    assert stored(item).status == Status.SUBMITTED


def test_the_reason_is_kept_for_the_author_and_in_the_history(author, reviewer):
    item = mention(author, Status.SUBMITTED)
    workflow.reject(item, by=reviewer, reason="  Not a name:  a title. ", expected_version=1)
    after = stored(item)
    assert after.review_note == "Not a name: a title."
    assert after.reviewed_by == reviewer and after.reviewed_at is not None
    assert after.history.latest().history_change_reason == "rejected: Not a name: a title."


def test_a_reason_too_long_is_refused_with_its_length(author, reviewer):
    item = mention(author, Status.SUBMITTED)
    with pytest.raises(AnnotationError, match="1,001 characters long"):
        workflow.reject(item, by=reviewer, reason="x" * 1001, expected_version=1)


# --- editing after approval, and who may edit ------------------------------------------


def test_editing_an_approved_item_sends_it_back_to_review_and_keeps_the_approved_version(
    author, reviewer
):
    item = event(author, Status.SUBMITTED)
    workflow.approve(item, by=reviewer, expected_version=1)
    item = stored(item)
    services.event_update(
        event=item,
        changed_by=reviewer,
        expected_version=item.version,
        event_type=item.event_type,
        headline="Meeting cancelled by the White House",
        date="",
    )
    after = stored(item)
    assert after.status == Status.SUBMITTED
    history = list(after.history.order_by("history_date", "history_id"))
    assert [(h.status, h.headline) for h in history[-2:]] == [
        (Status.APPROVED, "Meeting cancelled"),
        (Status.SUBMITTED, "Meeting cancelled by the White House"),
    ]
    assert history[-1].history_change_reason == "edited after approval: back to review"
    assert history[-1].history_user == reviewer


@pytest.mark.parametrize(
    ("status", "author_may"),
    [
        (Status.DRAFT, True),
        (Status.REJECTED, True),
        (Status.SUBMITTED, False),
        (Status.APPROVED, False),
    ],
)
def test_who_may_edit_and_delete(status, author_may, author, colleague, reviewer):
    item = mention(author, status)
    assert workflow.may_change(author, item) is author_may
    assert workflow.may_delete(author, item) is author_may
    assert not workflow.may_change(colleague, item)
    assert not workflow.may_delete(colleague, item)
    assert workflow.may_change(reviewer, item) and workflow.may_delete(reviewer, item)
    assert not workflow.may_change(AnonymousUser(), item)


def test_someone_elses_draft_cannot_be_changed_through_the_services(author, colleague):
    item = mention(author)
    with pytest.raises(NotAllowed, match="only its author"):
        services.mention_delete(mention=item, deleted_by=colleague, expected_version=1)
    assert Mention.objects.filter(pk=item.pk).exists()


# --- stale versions ----------------------------------------------------------------------


def test_a_transition_against_a_stale_version_is_refused_and_says_who(author, reviewer):
    item = mention(author, Status.SUBMITTED)
    seen = item.version
    workflow.reject(item, by=reviewer, reason="Wrong", expected_version=seen)
    with pytest.raises(StaleVersion, match="changed by reviewer at") as refused:
        workflow.approve(stored(item), by=reviewer, expected_version=seen)
    assert refused.value.changed_by == "reviewer"
    assert stored(item).status == Status.REJECTED


def test_an_edit_against_a_stale_version_changes_nothing(author, reviewer):
    item = event(author)
    services.event_update(
        event=stored(item),
        changed_by=author,
        expected_version=1,
        event_type=item.event_type,
        headline="First edit",
        date="",
    )
    with pytest.raises(StaleVersion):
        services.event_update(
            event=stored(item),
            changed_by=author,
            expected_version=1,
            event_type=item.event_type,
            headline="Second edit, made on the old page",
            date="",
        )
    assert stored(item).headline == "First edit" and stored(item).version == 2


def test_an_item_deleted_meanwhile_is_said_so(author):
    item = mention(author)
    Mention.objects.filter(pk=item.pk).delete()
    with pytest.raises(AnnotationError, match="was deleted after you opened it"):
        workflow.submit(item, by=author, expected_version=1)


# --- orphans: what a correction cut loose is not approved until it is re-attached --------


def orphaned(item):
    type(item).objects.filter(pk=item.pk).update(start=None, end=None)
    return stored(item)


@pytest.mark.parametrize("make", [mention, event], ids=["mention", "event"])
def test_an_orphan_is_not_approved_alone_or_in_bulk(make, author, reviewer):
    item = orphaned(make(author, Status.SUBMITTED))
    assert "approve" not in workflow.actions_for(reviewer, item)
    assert "reject" in workflow.actions_for(reviewer, item)
    with pytest.raises(NotAllowed, match="removed its words. Re-attach it first"):
        workflow.approve(item, by=reviewer, expected_version=item.version)
    assert stored(item).status == Status.SUBMITTED
    approved = workflow.approve_many([item], by=reviewer, versions_seen={item.pk: item.version})
    assert approved == 0 and stored(item).status == Status.SUBMITTED


@pytest.mark.parametrize("make", [mention, event], ids=["mention", "event"])
def test_an_orphan_draft_is_not_submitted_until_it_is_re_attached(make, author):
    from curation.annotations import event_reads, selectors

    kept = make(author)
    item = orphaned(make(author))
    assert "submit" not in workflow.actions_for(author, item)
    with pytest.raises(NotAllowed, match="removed its words. Re-attach it first"):
        workflow.submit(item, by=author, expected_version=item.version)
    assert stored(item).status == Status.DRAFT
    assert selectors.draft_count(item.article, author) == 0
    assert selectors.draft_count(kept.article, author) == 1
    for article, drafts in ((item.article, 0), (kept.article, 1)):
        placed = [*selectors.article_marks(article), *event_reads.article_events(article)]
        assert selectors.drafts_among(placed, author) == drafts
        in_summary = selectors.mention_summary(article, author).my_drafts
        assert (
            in_summary + selectors.drafts_among(event_reads.article_events(article), author)
            == drafts
        )
    assert workflow.submit_drafts([item, kept], by=author) == 1
    assert (stored(item).status, stored(kept).status) == (Status.DRAFT, Status.SUBMITTED)


def test_a_page_of_rows_asks_each_permission_once(author, reviewer):
    # The review queue asks for every row what its reader may do: the same few
    # permissions each time, through every authentication backend.
    items = [mention(author, Status.SUBMITTED) for _ in range(4)]
    asked = []
    has_perm = reviewer.has_perm
    reviewer.has_perm = lambda perm, obj=None: asked.append(perm) or has_perm(perm, obj)
    actions = [workflow.actions_for(reviewer, item) for item in items]
    assert actions == [{"edit", "delete", "reject", "approve"}] * 4
    assert sorted(asked) == sorted(set(asked))


def test_a_page_of_items_gets_each_items_own_actions(author, colleague, reviewer, settings):
    """``ActionsOfPage`` works each combination of kind, state, author and orphanhood out
    once: what it answers for a page mixing them is what ``actions_for`` answers."""
    items = [make(who, status) for make in (mention, event) for who in (author, colleague)
             for status in ALL]  # fmt: skip
    orphan = mention(author, Status.SUBMITTED)
    orphan.start = orphan.end = None
    items.append(orphan)
    for four_eyes in (True, False):
        settings.CURATION_FOUR_EYES = four_eyes
        for user in (author, colleague, reviewer):
            page = workflow.ActionsOfPage(user)
            for item in items + items:  # the second time from what it worked out
                assert page(item) == workflow.actions_for(user, item), (user, item, item.status)
                assert page.is_author(item) == workflow.is_author(user, item)
    assert not any(map(workflow.ActionsOfPage(AnonymousUser()).is_author, items))
    # under four-eyes, one's own submitted item, someone else's and one whose words are
    # gone differ on one page
    settings.CURATION_FOUR_EYES = True
    page = workflow.ActionsOfPage(reviewer)
    own, others = mention(reviewer, Status.SUBMITTED), mention(author, Status.SUBMITTED)
    assert "approve" in page(others) and "withdraw" not in page(others)
    assert "approve" not in page(own) and "withdraw" in page(own)
    assert "approve" not in page(orphan)


def test_the_workspace_counts_an_articles_mentions_in_one_query(
    author, colleague, django_assert_num_queries
):
    from django.contrib.auth.models import AnonymousUser

    from curation.annotations import selectors

    article = ArticleFactory(body="Tehran and Israel spoke; Tehran again, then Hezbollah.")
    tehran, israel, hezbollah = (EntityFactory(name=name) for name in ("Tehran", "Israel", "Q"))
    again = article.body.index("Tehran again")
    words = [("Tehran", tehran, 0), ("Israel", israel, 11), ("Tehran", tehran, again)]
    for word, entity, start in [*words, ("Hezbollah", hezbollah, article.body.index("Hez"))]:
        MentionFactory(article=article, entity=entity, quote_text=word, start=start)
    Mention.objects.filter(entity=israel).update(created_by=author)
    Mention.objects.filter(entity=hezbollah).update(created_by=colleague)
    orphaned(Mention.objects.get(entity=tehran, start=again))

    with django_assert_num_queries(1):
        summary = selectors.mention_summary(article, author)
    assert summary == selectors.MentionSummary(placed=3, entities=3, my_drafts=1, orphaned=1)
    assert selectors.mention_summary(article, colleague).my_drafts == 1
    Mention.objects.filter(entity=israel).update(status=Status.SUBMITTED)
    assert selectors.mention_summary(article, author).my_drafts == 0
    assert selectors.mention_summary(article, AnonymousUser()).my_drafts == 0
