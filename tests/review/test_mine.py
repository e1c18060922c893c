"""My work: an annotator's own drafts, waiting and rejected items, with the rejection's
reason and reviewer, and "Submit again"."""

import re

import pytest
from django.db.models import F

from curation.annotations import workflow
from curation.annotations.models import Event, EventType, Mention, Status
from tests.factories import UserFactory
from tests.review.work import article, bulk_work, client_for, event, mention, person

pytestmark = pytest.mark.django_db

MINE = "/review/mine/"
HX = {"HTTP_HX_REQUEST": "true"}


def row_ids(response) -> list[str]:
    return re.findall(r'<tr id="row-((?:mention|event)-\d+)"', response.content.decode())


def stored(item):
    return type(item).objects.get(pk=item.pk)


def rejected(item, *, by, reason: str):
    return workflow.reject(stored(item), by=by, reason=reason, expected_version=item.version)


def test_anonymous_visitors_log_in_first_and_people_without_a_role_are_refused(
    client, stranger_client
):
    response = client.get(MINE)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert stranger_client.get(MINE).status_code == 403


def test_annotators_and_reviewers_have_their_own(annotator_client, reviewer_client):
    assert annotator_client.get(MINE).status_code == 200
    assert reviewer_client.get(MINE).status_code == 200


def test_rejected_work_shows_the_reason_who_rejected_it_and_where_it_is(
    annotator, annotator_client, reviewer
):
    item = event(by=annotator)
    rejected(item, by=reviewer, reason="The date is the call's, not the <b>meeting</b>'s.")
    response = annotator_client.get(MINE)
    page = response.content.decode()
    assert row_ids(response) == [f"event-{item.pk}"]
    assert "Rejected by rita on" in page
    assert (
        '<blockquote class="reason" hx-disable>The date is the call&#x27;s, not the &lt;b&gt;meeting'
        "&lt;/b&gt;&#x27;s.</blockquote>"
    ) in page
    assert f'href="/articles/{item.article_id}/annotate/#ev-{item.pk}"' in page
    assert ">Submit again</button>" in page
    assert '<a href="/review/mine/" aria-current="page">My work</a>' in page


def test_it_starts_with_rejected_work_and_counts_each_state(annotator, annotator_client, reviewer):
    on = article()
    draft = mention(by=annotator, on=on, status=Status.DRAFT)
    waiting = mention(by=annotator, on=on, text="White House")
    refused = event(by=annotator, on=on)
    rejected(refused, by=reviewer, reason="Wrong type")
    mention(by=annotator, on=on, text="Washington", status=Status.APPROVED)
    mention(by=UserFactory(role="annotator"), on=on, text="next week")  # someone else's
    response = annotator_client.get(MINE)
    assert row_ids(response) == [f"event-{refused.pk}"]
    tabs = {tab["state"]: tab["count"] for tab in response.context["tabs"]}
    assert tabs == {"rejected": 1, "submitted": 1, "draft": 1, "approved": 1}
    page = response.content.decode()
    assert 'data-state="rejected" aria-current="page">Rejected <span class="count">1</span>' in page
    assert row_ids(annotator_client.get(MINE, {"state": "submitted"})) == [f"mention-{waiting.pk}"]
    drafts = annotator_client.get(MINE, {"state": "draft"})
    assert row_ids(drafts) == [f"mention-{draft.pk}"]
    assert ">Submit for review</button>" in drafts.content.decode()


def test_with_nothing_rejected_it_starts_with_what_waits(annotator, annotator_client):
    waiting = mention(by=annotator)
    assert row_ids(annotator_client.get(MINE)) == [f"mention-{waiting.pk}"]


def test_an_empty_list_says_so(annotator_client):
    assert "Nothing of yours was rejected." in annotator_client.get(MINE).content.decode()


def test_switching_state_through_htmx_sends_the_tabs_and_the_table(annotator, annotator_client):
    mention(by=annotator)
    response = annotator_client.get(MINE, {"state": "submitted"}, HTTP_HX_TARGET="my-work", **HX)
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="my-work">')
    assert '<nav id="mine-tabs"' in page and "<h1>" not in page
    paged = annotator_client.get(MINE, {"state": "submitted", "page": 1}, **HX)
    assert paged.content.decode().lstrip().startswith('<div class="table-container">')


def test_submit_again_sends_it_back_to_review(annotator, annotator_client, reviewer):
    item = mention(by=annotator)
    rejected(item, by=reviewer, reason="Wrong person")
    response = annotator_client.post(
        f"/review/mine/mention/{item.pk}/submit/",
        {"version": stored(item).version, "state": "rejected"},
        **HX,
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        '<div id="mine-status" hx-swap-oob="innerHTML">Submitted again: the mention “Benjamin '
        "Netanyahu” as Benjamin Netanyahu. It waits for a reviewer.</div>"
    ) in page
    assert (
        '<nav id="mine-tabs" class="state-tabs" aria-label="My work by state" hx-swap-oob="true">'
        in page
    )
    assert 'aria-current="page">Rejected <span class="count">0</span>' in page
    assert 'data-state="submitted">Waiting for review <span class="count">1</span>' in page
    assert stored(item).status == Status.SUBMITTED


def test_submitting_a_stale_version_is_409(annotator, annotator_client, reviewer):
    item = mention(by=annotator)
    rejected(item, by=reviewer, reason="Wrong person")
    response = annotator_client.post(
        f"/review/mine/mention/{item.pk}/submit/", {"version": item.version}, **HX
    )
    assert response.status_code == 409
    assert "This mention was changed by rita" in response.content.decode()
    assert stored(item).status == Status.REJECTED


def test_nobody_submits_someone_elses_work(annotator, reviewer):
    item = mention(by=annotator, status=Status.DRAFT)
    colleague = client_for(UserFactory(username="colin", role="annotator"))
    response = colleague.post(
        f"/review/mine/mention/{item.pk}/submit/", {"version": item.version}, **HX
    )
    assert response.status_code == 403
    assert "only its author submits it for review" in response.content.decode()
    assert stored(item).status == Status.DRAFT


def test_submitting_needs_login_a_role_and_csrf(client, stranger_client, annotator):
    item = mention(by=annotator, status=Status.DRAFT)
    path = f"/review/mine/mention/{item.pk}/submit/"
    assert client.post(path, {"version": 1}).status_code == 302
    assert stranger_client.post(path, {"version": 1}, **HX).status_code == 403
    guarded = client_for(annotator, csrf=True)
    assert guarded.post(path, {"version": 1}, **HX).status_code == 403
    assert stored(item).status == Status.DRAFT
    guarded.get(MINE)
    response = guarded.post(
        path, {"version": 1}, HTTP_X_CSRFTOKEN=guarded.cookies["csrftoken"].value, **HX
    )
    assert response.status_code == 200
    assert stored(item).status == Status.SUBMITTED


@pytest.mark.parametrize("size", [10, 2000])
def test_my_work_runs_the_same_queries_whatever_its_size(
    size, annotator, django_assert_num_queries
):
    articles = [article(f"Article {n}") for n in range(20)]
    entities = [person(f"Person {n}") for n in range(max(1, size // 40 + 1))]
    bulk_work(
        size,
        authors=[annotator],
        articles=articles,
        entities=entities,
        event_type=EventType.objects.get(slug="consult-visit"),
    )
    # Last changed when submitted, a minute apart, so a page holds both kinds.
    for model in (Mention, Event):
        model.objects.update(updated_at=F("submitted_at"))
    client = client_for(annotator)
    # session, user, one permission lookup, counts (one per kind), the page's count (one
    # per kind) and rows, the page's mentions, events and their participants.
    with django_assert_num_queries(11):
        response = client.get(MINE, {"state": "submitted"})
    assert len(row_ids(response)) == min(size, 25)
    assert {key.split("-")[0] for key in row_ids(response)} == {"mention", "event"}


def test_odd_addresses_still_show_a_page(annotator, annotator_client):
    waiting = mention(by=annotator)
    for query in ({"state": "nonsense"}, {"page": 99}, {"page": "two"}, {"sort": "zzz"}):
        response = annotator_client.get(MINE, query)
        assert response.status_code == 200, query
        assert row_ids(response) == [f"mention-{waiting.pk}"], query
