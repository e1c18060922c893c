"""The workspace shows each item's review state (a class on the mention's text, a badge in
the popover and the events list, the reason of a rejection and who gave it), offers what
workflow.actions_for allows, moves items between states, and submits all of one
editor's drafts at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curation.annotations.models import EntityKind, Event, EventType, Mention, Status
from curation.annotations.views.common import REFUSAL_HEADER
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


def stored(item):
    return type(item).objects.get(pk=item.pk)


def in_state(item, status: str, **fields):
    type(item).objects.filter(pk=item.pk).update(status=status, **fields)
    return stored(item)


def new_event(article, author, headline: str, status: str = Status.DRAFT, **fields) -> Event:
    event = Event.objects.create(
        article=article,
        start=0,
        end=6,
        quote=article.body[:6],
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline=headline,
        created_by=author,
    )
    return in_state(event, status, **fields)


@pytest.fixture
def states(annotator, reviewer):
    """The annotator's mentions of four places, one in each state; the rejected one with
    the reviewer's reason."""
    names = ["Israel", "Iran", "Qatar", "Egypt"]
    article = ArticleFactory(body=" and ".join(names) + " met.")
    place = EntityKind.objects.get(slug="place")
    mentions = {}
    for name, status in zip(names, Status, strict=True):
        mention = MentionFactory(
            article=article, entity=EntityFactory(name=name, kind=place), created_by=annotator
        )
        mentions[status] = in_state(mention, status)
    mentions[Status.REJECTED] = in_state(
        mentions[Status.REJECTED],
        Status.REJECTED,
        review_note="Egypt is not named as a party here",
        reviewed_by=reviewer,
    )
    return article, mentions


def segment_classes(html: str, text: str) -> list[str]:
    return re.findall(rf'<span class="seg ([^"]*)"[^>]*>{text}</span>', html)


# --- what is shown ------------------------------------------------------------------------


def test_each_mentions_text_carries_its_state(annotator_client, states):
    article, _ = states
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert segment_classes(html, "Israel") == ["m k-place st-draft"]
    assert segment_classes(html, "Iran") == ["m k-place st-submitted"]
    assert segment_classes(html, "Qatar") == ["m k-place st-approved"]
    assert segment_classes(html, "Egypt") == ["m k-place st-rejected"]


def test_overlapping_mentions_in_two_states_carry_both(annotator_client, annotator):
    article = ArticleFactory(body="Benjamin Netanyahu spoke.")
    person = EntityFactory(name="Benjamin Netanyahu")
    MentionFactory(article=article, entity=person, created_by=annotator)
    surname = MentionFactory(
        article=article, entity=EntityFactory(name="Netanyahu"), created_by=annotator
    )
    in_state(surname, Status.APPROVED)
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert segment_classes(html, "Netanyahu") == ["m k-person st-draft st-approved deep"]


def popover(client, mention) -> str:
    response = client.get(url("mention-edit", mention.article_id, mention.pk), **HTMX)
    assert response.status_code == 200
    return response.content.decode()


def offered(html: str) -> set[str]:
    """The actions a popover or event offers, by their buttons and forms."""
    found = set(re.findall(r'name="action" value="(\w+)"', html))
    if 'name="q"' in html or ">Edit</button>" in html:
        found.add("edit")
    if "Remove mention" in html or ">Delete</button>" in html:
        found.add("delete")
    return found


@pytest.mark.parametrize(
    "status, badge, actions",
    [
        (Status.DRAFT, "Draft", {"edit", "delete", "submit"}),
        (Status.SUBMITTED, "Submitted", {"withdraw"}),
        (Status.APPROVED, "Approved", set()),
        (Status.REJECTED, "Rejected", {"edit", "delete", "submit"}),
    ],
)
def test_the_popover_shows_the_state_and_offers_the_author_what_they_may_do(
    annotator_client, states, status, badge, actions
):
    _, mentions = states
    html = popover(annotator_client, mentions[status])
    assert f'<span class="badge st-badge st-{status}">{badge}</span>' in html
    assert offered(html) == actions
    for version_field in re.findall(r'name="version" value="(\d+)"', html):
        assert version_field == "1"
    if status == Status.REJECTED:
        assert "Rejected by rita: “Egypt is not named as a party here”" in html
    else:
        assert "Rejected by" not in html
    if status == Status.SUBMITTED:
        assert "It waits for review: withdraw it to change it." in html


@pytest.mark.parametrize(
    "status, actions",
    [
        # a reviewer may also submit someone's draft (workflow.actions_for)
        (Status.DRAFT, {"edit", "delete", "submit"}),
        (Status.SUBMITTED, {"edit", "delete", "approve", "reject"}),
        (Status.APPROVED, {"edit", "delete", "reopen"}),
        (Status.REJECTED, {"edit", "delete", "reopen", "submit"}),
    ],
)
def test_the_popover_offers_a_reviewer_the_review(reviewer_client, states, status, actions):
    _, mentions = states
    assert offered(popover(reviewer_client, mentions[status])) == actions


def test_the_popover_offers_someone_elses_draft_nothing_and_says_why(colleague_client, states):
    _, mentions = states
    html = popover(colleague_client, mentions[Status.DRAFT])
    assert offered(html) == set()
    assert "Only its author (while it is a draft or rejected) or a reviewer can change it." in html


@pytest.mark.parametrize(
    "who, actions",
    [
        ("author", {"draft": {"edit", "delete", "submit"}, "submitted": {"withdraw"}}),
        ("colleague", {"draft": set(), "submitted": set()}),
        (
            "reviewer",
            {"draft": {"edit", "delete", "submit"}, "submitted": {"edit", "delete", "approve"}},
        ),
    ],
)
def test_each_event_shows_its_state_and_what_this_person_may_do(
    annotator, who, actions, annotator_client, colleague_client, reviewer_client, reviewer
):
    article = ArticleFactory(body="Talks in Doha. More talks.")
    new_event(article, annotator, "Draft talks")
    new_event(article, annotator, "Submitted talks", Status.SUBMITTED)
    new_event(
        article,
        annotator,
        "Rejected talks",
        Status.REJECTED,
        review_note="Not a meeting",
        reviewed_by=reviewer,
    )
    client = {"author": annotator_client, "colleague": colleague_client}.get(who, reviewer_client)
    html = client.get(url("workspace", article.pk)).content.decode()
    items = dict(
        re.findall(
            r'<li id="event-\d+" class="event-item st-\w+ type-\d+".*?<span class="event-headline" hx-disable>(\w+) talks</span>'
            r"(.*?)</li>",
            html,
            re.S,
        )
    )
    assert set(items) == {"Draft", "Submitted", "Rejected"}
    for status, expected in actions.items():
        item = items[status.title()]
        assert f'<span class="badge st-badge st-{status}">{status.title()}</span>' in item
        # the reject form offers "reject" too; the buttons shown are what is asserted
        assert offered(item) - {"reject"} == expected
    assert "Rejected by rita: “Not a meeting”" in items["Rejected"]
    assert re.search(r'<li id="event-\d+" class="event-item st-draft type-\d+"', html)


# --- moving one item between states ----------------------------------------------------------


def post_state(client, item, **data):
    name = "mention-state" if isinstance(item, Mention) else "event-state"
    return client.post(url(name, item.article_id, item.pk), data, **HTMX)


def test_the_author_submits_and_withdraws_a_mention_from_its_popover(
    annotator_client, annotator, states
):
    _, mentions = states
    draft = mentions[Status.DRAFT]
    response = post_state(annotator_client, draft, action="submit", version=1)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Submitted the mention “Israel” for review." in html
    assert segment_classes(html, "Israel") == ["m k-place st-submitted"]
    # one draft less: none of the annotator's are left, so no button
    assert '<span id="my-drafts" class="my-drafts" hx-swap-oob="true">' in html
    assert "Submit all my drafts" not in html
    submitted = stored(draft)
    assert (submitted.status, submitted.version) == (Status.SUBMITTED, 2)
    assert submitted.submitted_at is not None
    record = submitted.history.latest()
    assert (record.history_user, record.history_change_reason) == (annotator, "submitted")

    back = post_state(annotator_client, draft, action="withdraw", version=2)
    assert back.status_code == 200 and "it is a draft again" in back.content.decode()
    assert stored(draft).status == Status.DRAFT
    assert "Submit all my drafts" in back.content.decode()


def test_a_reviewer_approves_rejects_with_a_reason_and_reopens_from_the_popover(
    reviewer_client, reviewer, states
):
    _, mentions = states
    submitted = mentions[Status.SUBMITTED]
    no_reason = post_state(reviewer_client, submitted, action="reject", version=1, reason=" ")
    assert no_reason.status_code == 422
    assert "Say why you reject it" in no_reason.content.decode()
    assert stored(submitted).status == Status.SUBMITTED

    rejected = post_state(
        reviewer_client, submitted, action="reject", version=1, reason="Wrong Iran"
    )
    assert rejected.status_code == 200 and "Rejected the mention “Iran”." in rejected.text
    assert segment_classes(rejected.text, "Iran") == ["m k-place st-rejected"]
    item = stored(submitted)
    assert (item.status, item.review_note, item.reviewed_by) == (
        Status.REJECTED,
        "Wrong Iran",
        reviewer,
    )
    reopened = post_state(reviewer_client, submitted, action="reopen", version=2, reason="")
    assert reopened.status_code == 200 and stored(submitted).status == Status.SUBMITTED
    approved = post_state(reviewer_client, submitted, action="approve", version=3)
    assert approved.status_code == 200 and stored(submitted).status == Status.APPROVED


def test_state_changes_are_refused_as_the_workflow_says(
    annotator_client, colleague_client, reviewer_client, states, annotator
):
    _, mentions = states
    draft = mentions[Status.DRAFT]
    # someone else's draft
    response = post_state(colleague_client, draft, action="submit", version=1)
    assert response.status_code == 403 and response[REFUSAL_HEADER] == "1"
    assert "only its author submits it for review" in response.content.decode()
    # approving is for reviewers
    response = post_state(annotator_client, mentions[Status.SUBMITTED], action="approve", version=1)
    assert response.status_code == 403 and "reviewing is for reviewers" in response.text
    # an older version: someone changed it since
    response = post_state(annotator_client, draft, action="submit", version=0)
    assert response.status_code == 409 and "Reload to see their version" in response.text
    # no version at all: reload, if the change is one this person may make
    response = post_state(annotator_client, draft, action="submit")
    assert response.status_code == 409 and "This page is older than the mention" in response.text
    response = post_state(colleague_client, draft, action="submit")
    assert response.status_code == 403
    # no such action
    response = post_state(annotator_client, draft, action="publish", version=1)
    assert response.status_code == 422 and "Choose what to do with this mention" in response.text
    assert stored(draft).status == Status.DRAFT and stored(draft).version == 1


def test_four_eyes_a_reviewer_is_not_offered_their_own_item(reviewer_client, reviewer):
    article = ArticleFactory(body="Iran spoke.")
    own = MentionFactory(article=article, entity=EntityFactory(name="Iran"), created_by=reviewer)
    own = in_state(own, Status.SUBMITTED)
    assert "approve" not in offered(popover(reviewer_client, own))
    response = post_state(reviewer_client, own, action="approve", version=1)
    assert response.status_code == 403
    assert "a second person must approve every item" in response.text


def test_the_author_submits_an_event_from_the_events_list(annotator_client, annotator):
    article = ArticleFactory(body="Talks in Doha.")
    event = new_event(article, annotator, "Talks")
    response = post_state(annotator_client, event, action="submit", version=1)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Submitted the event “Talks” for review." in html
    # its item alone, taken out and put back with its new state; no paragraph changes
    assert '<section id="events-panel"' not in html and 'id="p-0"' not in html
    assert f'<li id="event-{event.pk}" hx-swap-oob="delete"></li>' in html
    assert '<ol hx-swap-oob="beforeend:#event-list"' in html
    item = html[html.index(f'<li id="event-{event.pk}" class=') :]
    assert '<span class="badge st-badge st-submitted">Submitted</span>' in item
    assert stored(event).status == Status.SUBMITTED
    refused = post_state(annotator_client, event, action="submit", version=2)
    assert refused.status_code == 403 and "it is already submitted" in refused.text
    assert 'data-action="close-event"' in refused.text  # closes the slot it is shown in


# --- Submit all my drafts ---------------------------------------------------------------------


def drafts_article(annotator, colleague, reviewer, size: int):
    """``size`` draft mentions and ``size`` draft events of the annotator's, and work
    that is not theirs to submit: a colleague's draft, and their own rejected and
    submitted items."""
    names = [f"Name{n}" for n in range(size + 3)]
    article = ArticleFactory(body=" ".join(names) + ".")
    for name in names[:size]:
        MentionFactory(article=article, entity=EntityFactory(name=name), created_by=annotator)
    for n in range(size):
        new_event(article, annotator, f"Event {n}")
    others = [
        MentionFactory(article=article, entity=EntityFactory(name=names[-3]), created_by=colleague),
        in_state(
            MentionFactory(
                article=article, entity=EntityFactory(name=names[-2]), created_by=annotator
            ),
            Status.REJECTED,
            review_note="No",
            reviewed_by=reviewer,
        ),
        new_event(article, annotator, "Waiting", Status.SUBMITTED),
        new_event(article, colleague, "Theirs"),
    ]
    return article, {(type(item), item.pk): item.status for item in others}


def submit_all(client, article):
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url("drafts-submit", article.pk), **HTMX)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode(), len(captured)


@pytest.mark.parametrize("size", [2, 25])
def test_submit_all_my_drafts_submits_mine_and_only_drafts(
    annotator_client, annotator, colleague, reviewer, size
):
    article, others = drafts_article(annotator, colleague, reviewer, size)
    page = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert f'Submit all my drafts <span class="count">{2 * size}</span>' in page

    html, _ = submit_all(annotator_client, article)

    message = f"Submitted {2 * size} drafts for review: {size} mentions and {size} events."
    assert f'<span class="drafts-done" role="status" hx-disable>{message}</span>' in html
    assert f'aria-live="polite" hx-disable hx-swap-oob="true">{message}</div>' in html
    mine = {"created_by": annotator, "article": article}
    assert not Mention.objects.filter(**mine, status=Status.DRAFT).exists()
    assert not Event.objects.filter(**mine, status=Status.DRAFT).exists()
    for (model, pk), status in others.items():
        assert model.objects.get(pk=pk).status == status
    submitted = Mention.objects.filter(**mine, status=Status.SUBMITTED)
    assert submitted.count() == size
    assert Mention.history.filter(
        history_user=annotator, history_change_reason="submitted"
    ).count() == (size)
    # the text and both panels, as they are now
    assert html.count("st-submitted") >= size
    assert '<section id="events-panel"' in html and '<aside id="workspace-panel"' in html
    assert "st-draft" in html  # the colleague's draft mention and event stay drafts

    again, _ = submit_all(annotator_client, article)
    assert "You have no drafts in this article to submit." in again


def test_submit_all_my_drafts_costs_the_same_queries_for_2_or_25_of_each(
    annotator_client, annotator, colleague, reviewer
):
    counts = []
    for size in (2, 25):
        article, _ = drafts_article(annotator, colleague, reviewer, size)
        counts.append(submit_all(annotator_client, article)[1])
    assert counts[0] == counts[1]


def test_the_drafts_count_follows_each_change(annotator_client, annotator):
    article = ArticleFactory(body="Iran and Israel met.")
    iran, israel = EntityFactory(name="Iran"), EntityFactory(name="Israel")
    page = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert '<span id="my-drafts" class="my-drafts">' in page
    assert "Submit all my drafts" not in page
    created = annotator_client.post(
        url("mention-create", article.pk), {"start": 0, "end": 4, "entity": iran.pk}, **HTMX
    ).content.decode()
    assert 'Submit all my drafts <span class="count">1</span>' in created
    created = annotator_client.post(
        url("suggestion-accept", article.pk), {"start": 9, "end": 15, "entity": israel.pk}, **HTMX
    ).content.decode()
    assert 'Submit all my drafts <span class="count">2</span>' in created
    recorded = annotator_client.post(
        url("event-create", article.pk),
        {"start": 0, "end": 19, "headline": "Met", "event_type": "consult-meeting"},
        **HTMX,
    ).content.decode()
    assert 'Submit all my drafts <span class="count">3</span>' in recorded
    while_suggesting = annotator_client.get(url("workspace", article.pk), {"suggest": "1"})
    assert """hx-vals='{"suggest": "1"}\'""" in while_suggesting.content.decode()
