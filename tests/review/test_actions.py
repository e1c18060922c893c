"""Approving and rejecting in the queue: inline (one row), in bulk, against a stale
version (409), refused (403), without a reason (422), and never without CSRF."""

import pytest

from curation.annotations import workflow
from curation.annotations.models import Event, Mention, Status
from tests.factories import UserFactory
from tests.review.work import article, client_for, event, mention

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def url(item, action: str) -> str:
    return f"/review/{item._meta.model_name}/{item.pk}/{action}/"


def stored(item):
    return type(item).objects.get(pk=item.pk)


def history_reasons(item) -> list[str]:
    return list(item.history.order_by("history_id").values_list("history_change_reason", flat=True))


# --- approve -----------------------------------------------------------------------------


def test_approve_takes_the_row_out_and_updates_the_counts_and_the_status_line(
    reviewer, reviewer_client, annotator
):
    item = mention(by=annotator)
    mention(by=annotator, text="White House")
    response = reviewer_client.post(url(item, "approve"), {"version": item.version}, **HX)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<tr id="row-' not in page  # nothing replaces the row: it leaves the table
    assert (
        '<div id="review-status" hx-swap-oob="innerHTML">Approved the mention “Benjamin '
        "Netanyahu” as Benjamin Netanyahu.</div>"
    ) in page
    assert '<table id="review-counts" class="state-counts" hx-swap-oob="true">' in page
    assert '<td data-state="submitted">1</td><td data-state="approved">1</td>' in page
    approved = stored(item)
    assert approved.status == Status.APPROVED and approved.reviewed_by == reviewer
    assert history_reasons(approved)[-1] == "approved"


def test_approving_an_event(reviewer_client, annotator):
    item = event(by=annotator)
    response = reviewer_client.post(url(item, "approve"), {"version": item.version}, **HX)
    assert response.status_code == 200
    assert "Approved the event “White House cancels the meeting” (20 June 2024)." in (
        response.content.decode()
    )
    assert stored(item).status == Status.APPROVED


def test_a_stale_version_is_refused_with_409_and_the_row_shows_who_changed_it(
    reviewer_client, annotator
):
    from curation.annotations import services

    item = event(by=annotator)
    seen = item.version
    # The author takes it back and submits it again meanwhile.
    workflow.withdraw(stored(item), by=annotator, expected_version=seen)
    edited = stored(item)
    services.event_update(
        event=edited,
        changed_by=annotator,
        expected_version=edited.version,
        event_type=edited.event_type,
        headline="The meeting is off",
        date=edited.date,
    )
    workflow.submit(stored(item), by=annotator, expected_version=stored(item).version)
    response = reviewer_client.post(url(item, "approve"), {"version": seen}, **HX)
    assert response.status_code == 409
    page = response.content.decode()
    assert page.lstrip().startswith(f'<tr id="row-event-{item.pk}"')
    assert "This event was changed by annie at" in page
    assert "Reload to see their version" in page
    # The row now shows the current version, so the reviewer sees what changed.
    assert "The meeting is off" in page
    assert f'value="{stored(item).version}"' in page
    assert stored(item).status == Status.SUBMITTED


def test_the_reviewer_cant_approve_their_own_under_four_eyes(reviewer, reviewer_client):
    own = mention(by=reviewer)
    response = reviewer_client.post(url(own, "approve"), {"version": own.version}, **HX)
    assert response.status_code == 403
    page = response.content.decode()
    assert page.lstrip().startswith(f'<tr id="row-mention-{own.pk}"')
    assert (
        "You can&#x27;t approve this mention: you made it, and a second person must approve "
        "every item."
    ) in page
    assert stored(own).status == Status.SUBMITTED


def test_with_four_eyes_off_the_reviewer_approves_their_own(reviewer, reviewer_client, settings):
    settings.CURATION_FOUR_EYES = False
    own = mention(by=reviewer)
    response = reviewer_client.post(url(own, "approve"), {"version": own.version}, **HX)
    assert response.status_code == 200
    assert stored(own).status == Status.APPROVED


def test_an_item_no_longer_waiting_is_refused_with_its_state(reviewer_client, annotator):
    item = mention(by=annotator, status=Status.APPROVED)
    response = reviewer_client.post(url(item, "approve"), {"version": item.version}, **HX)
    assert response.status_code == 403
    assert "it is approved, not waiting for review." in response.content.decode()


@pytest.mark.parametrize("sent", [{}, {"version": ""}, {"version": "two"}, {"version": "²"}])
def test_an_action_without_the_version_changes_nothing(sent, reviewer_client, annotator):
    item = mention(by=annotator)
    response = reviewer_client.post(url(item, "approve"), sent, **HX)
    assert response.status_code == 422
    assert "The form came without the version of the item you saw" in response.content.decode()
    assert stored(item).status == Status.SUBMITTED


def test_a_deleted_item_answers_404_with_a_row_that_says_so(reviewer_client, annotator):
    item = mention(by=annotator)
    Mention.objects.filter(pk=item.pk).delete()
    response = reviewer_client.post(url(item, "approve"), {"version": 1}, **HX)
    assert response.status_code == 404
    assert "This mention was deleted after you loaded the queue" in response.content.decode()


# --- reject ------------------------------------------------------------------------------


def test_reject_records_the_reason_and_takes_the_row_out(reviewer, reviewer_client, annotator):
    item = event(by=annotator)
    response = reviewer_client.post(
        url(item, "reject"),
        {"version": item.version, "reason": "  The date is the call's,\nnot the meeting's. "},
        **HX,
    )
    assert response.status_code == 200
    assert "Rejected the event “White House cancels the meeting” (20 June 2024). Its author " in (
        response.content.decode()
    )
    rejected = stored(item)
    assert rejected.status == Status.REJECTED
    assert rejected.review_note == "The date is the call's, not the meeting's."
    assert rejected.reviewed_by == reviewer
    assert history_reasons(rejected)[-1] == "rejected: The date is the call's, not the meeting's."


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_a_rejection_needs_a_reason(reason, reviewer_client, annotator):
    item = mention(by=annotator)
    response = reviewer_client.post(
        url(item, "reject"), {"version": item.version, "reason": reason}, **HX
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert page.lstrip().startswith(f'<tr id="row-mention-{item.pk}"')
    # The reject form is open again, its field focused, with the error under it.
    form = page[page.index('class="reject-form') :]
    assert not form[: form.index(">")].endswith(" hidden")
    assert "autofocus" in form and 'aria-invalid="true"' in form
    assert "Say why you reject it: the author sees the reason next to their work." in form
    assert stored(item).status == Status.SUBMITTED


def test_a_reason_over_the_limit_is_refused_with_its_length(reviewer_client, annotator):
    item = mention(by=annotator)
    response = reviewer_client.post(
        url(item, "reject"), {"version": item.version, "reason": "x" * 1001}, **HX
    )
    assert response.status_code == 422
    assert "Keep the reason under 1,000 characters; this one has 1001." in (
        response.content.decode()
    )


def test_rejecting_a_stale_version_is_409(reviewer_client, annotator, second_reviewer):
    item = mention(by=annotator)
    workflow.reject(stored(item), by=second_reviewer, reason="Wrong", expected_version=1)
    response = reviewer_client.post(
        url(item, "reject"), {"version": item.version, "reason": "Also wrong"}, **HX
    )
    assert response.status_code == 409
    assert "changed by ruth" in response.content.decode()
    assert stored(item).review_note == "Wrong"


def test_the_reviewer_may_reject_their_own(reviewer, reviewer_client):
    own = mention(by=reviewer)
    response = reviewer_client.post(
        url(own, "reject"), {"version": own.version, "reason": "Marked by mistake"}, **HX
    )
    assert response.status_code == 200
    assert stored(own).status == Status.REJECTED


# --- bulk --------------------------------------------------------------------------------


def selected(*items, versions=None) -> dict:
    return {
        "item": [
            f"{i._meta.model_name}:{i.pk}:{(versions or {}).get(i.pk, i.version)}" for i in items
        ]
    }


def test_bulk_approve_approves_what_was_seen_and_says_what_was_skipped_and_why(
    reviewer, reviewer_client, annotator, django_assert_max_num_queries
):
    on = article()
    a = mention(by=annotator, on=on)
    b = mention(by=annotator, on=on, text="White House")
    c = event(by=annotator, on=on)
    own = event(by=reviewer, on=on, text="next week")
    changed = mention(by=annotator, on=on, text="Washington")
    Mention.objects.filter(pk=changed.pk).update(version=5)
    response = reviewer_client.post(
        "/review/approve/", selected(a, b, c, own, changed, versions={changed.pk: 1}), **HX
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "Approved 3 items. Skipped 2 items: 1 is yours (another reviewer approves it); "
        "1 changed after you loaded the queue (check it again)."
    ) in page
    for item in (a, b, c):
        assert stored(item).status == Status.APPROVED
        assert (
            f'<template><tr id="row-{item._meta.model_name}-{item.pk}" hx-swap-oob="delete">'
            in page
        )
    assert stored(own).status == Status.SUBMITTED
    assert stored(changed).status == Status.SUBMITTED
    # The changed row is redrawn as it now is, with its new version and why it stayed.
    redrawn = page[page.index(f'<tr id="row-mention-{changed.pk}"') :]
    assert redrawn[: redrawn.index(">")].endswith('hx-swap-oob="true"')
    assert f'value="mention:{changed.pk}:5"' in redrawn
    assert "This changed after you loaded the queue, so it was not approved" in redrawn
    assert history_reasons(stored(a))[-1] == "approved"


def test_bulk_approve_runs_the_same_queries_for_2_or_40_items(reviewer_client, annotator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (2, 40):
        on = article()
        items = [mention(by=annotator, on=on)] + [event(by=annotator, on=on) for _ in range(n - 1)]
        with CaptureQueriesContext(connection) as queries:
            response = reviewer_client.post("/review/approve/", selected(*items), **HX)
        assert f"Approved {n} items." in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_bulk_approve_with_nothing_selected_says_how_to_select(reviewer_client):
    response = reviewer_client.post("/review/approve/", {}, **HX)
    assert response.status_code == 422
    assert "Select the rows to approve first: x selects the focused row." in (
        response.content.decode()
    )


@pytest.mark.parametrize("garbled", ["mention:x:1", "mention:²:1", "mention:1", "note:1:1"])
def test_bulk_approve_refuses_a_garbled_selection(garbled, reviewer_client, annotator):
    item = mention(by=annotator)
    response = reviewer_client.post(
        "/review/approve/", {"item": [f"mention:{item.pk}:1", garbled]}, **HX
    )
    assert response.status_code == 422
    assert "The selection came back garbled, so nothing was approved." in (
        response.content.decode()
    )
    assert stored(item).status == Status.SUBMITTED


def test_bulk_approve_reports_items_deleted_meanwhile(reviewer_client, annotator):
    item = mention(by=annotator)
    gone = event(by=annotator)
    data = selected(item, gone)
    Event.objects.filter(pk=gone.pk).delete()
    response = reviewer_client.post("/review/approve/", data, **HX)
    page = response.content.decode()
    assert "Approved 1 item. Skipped 1 item: 1 had been deleted." in page
    assert f'<tr id="row-event-{gone.pk}" hx-swap-oob="delete">' in page


# --- who may ------------------------------------------------------------------------------


@pytest.fixture
def waiting(annotator):
    return mention(by=annotator)


def posts(item):
    return [
        (url(item, "approve"), {"version": item.version}),
        (url(item, "reject"), {"version": item.version, "reason": "No"}),
        (url(item, "edit"), {"version": item.version, "q": "Netanyahu"}),
        ("/review/approve/", selected(item)),
    ]


def test_anonymous_posts_are_sent_to_log_in(client, waiting):
    for path, data in posts(waiting):
        response = client.post(path, data)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/")
    assert stored(waiting).status == Status.SUBMITTED


def test_annotators_and_people_without_a_role_are_refused(
    annotator_client, stranger_client, waiting
):
    for client in (annotator_client, stranger_client):
        for path, data in posts(waiting):
            assert client.post(path, data, **HX).status_code == 403, path
        assert client.get(url(waiting, "edit")).status_code == 403
        assert client.get(f"/review/mention/{waiting.pk}/").status_code == 403
    assert stored(waiting).status == Status.SUBMITTED


def test_actions_are_posts(reviewer_client, waiting):
    assert reviewer_client.get(url(waiting, "approve")).status_code == 405
    assert reviewer_client.get(url(waiting, "reject")).status_code == 405
    assert reviewer_client.get("/review/approve/").status_code == 405


@pytest.mark.parametrize("action", ["approve", "reject", "edit", "bulk"])
def test_every_post_needs_the_csrf_token(action, reviewer, waiting):
    path, data = {
        "approve": (url(waiting, "approve"), {"version": 1}),
        "reject": (url(waiting, "reject"), {"version": 1, "reason": "No"}),
        "edit": (url(waiting, "edit"), {"version": 1, "q": "Benjamin Netanyahu"}),
        "bulk": ("/review/approve/", selected(waiting)),
    }[action]
    client = client_for(reviewer, csrf=True)
    assert client.post(path, data, **HX).status_code == 403
    assert stored(waiting).status == Status.SUBMITTED
    client.get("/review/")
    token = client.cookies["csrftoken"].value
    response = client.post(path, data, HTTP_X_CSRFTOKEN=token, **HX)
    assert response.status_code == 200, response.content[:300]
    assert stored(waiting).status != Status.SUBMITTED


def test_a_reviewer_of_events_only_cant_act_on_mentions(annotator, waiting):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="review_event"))
    client = client_for(user)
    assert client.post(url(waiting, "approve"), {"version": 1}, **HX).status_code == 403
    assert client.post("/review/approve/", selected(waiting), **HX).status_code == 403
    assert stored(waiting).status == Status.SUBMITTED
