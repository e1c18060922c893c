"""Issue 8's acceptance in a real browser: an annotator records and submits an event in
seed 000; a reviewer clears the queue from the keyboard alone (one rejected with a
reason, one approved), the rows leaving without a reload; the annotator then reads the
reason in "My work"."""

import re
from datetime import date

from playwright.sync_api import Page, expect

from curation.annotations.models import Entity, EntityKind, Event, Mention, Status
from tests.e2e.test_events import PASSAGE
from tests.e2e.test_workspace import import_seed, select_text
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
REASON = "The date is the call's, not the meeting's: check the second paragraph."


def log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/articles/")


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/articles/|/accounts/login/"))


def test_an_event_is_submitted_rejected_by_keyboard_and_its_reason_read_in_my_work(
    logged_in_page, live_server, annotator
):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    article.published_on = date(2024, 6, 26)
    article.save()
    # A mention the annotator drafted earlier: it goes for review with the event.
    netanyahu = Entity.objects.create(
        name="Benjamin Netanyahu", kind=EntityKind.objects.get(slug="person")
    )
    start = article.body.index("Benjamin Netanyahu")
    mention = Mention.objects.create(
        article=article,
        entity=netanyahu,
        start=start,
        end=start + len("Benjamin Netanyahu"),
        quote="Benjamin Netanyahu",
        prefix=article.body[max(0, start - 32) : start],
        suffix=article.body[start + 18 : start + 50],
        created_by=annotator,
    )
    reviewer = UserFactory(username="rita", role="reviewer")

    # The annotator records the event and submits their drafts.
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, PASSAGE)
    page.keyboard.press("v")
    form = page.locator("#event-slot")
    expect(form.get_by_label("Date")).to_have_value("20 June 2024")
    form.get_by_label("Headline").click()
    page.keyboard.type("White House cancels US–Israel meeting on Iran")
    form.get_by_label("Type").click()
    page.keyboard.type("REJECT › meeting cancelled or postponed")
    form.get_by_role("button", name="Record event").click()
    expect(page.locator("#events-panel")).to_contain_text("White House cancels")
    page.get_by_role("button", name=re.compile("Submit all my drafts")).click()
    expect(page.locator("#my-drafts")).to_contain_text("Submitted 2 drafts for review")
    event = Event.objects.get()
    assert event.status == Status.SUBMITTED
    log_out(page)

    # The reviewer opens the queue and works from the keyboard alone.
    log_in(page, live_server, reviewer.username)
    page.get_by_role("link", name="Review").click()
    page.wait_for_url(f"{live_server.url}/review/")
    page.evaluate("window.__marker = 1")
    event_row = page.locator(f"#row-event-{event.pk}")
    mention_row = page.locator(f"#row-mention-{mention.pk}")
    expect(event_row).to_contain_text("20 June 2024")
    expect(event_row).to_contain_text("REJECT › meeting cancelled or postponed")
    expect(event_row.locator("mark")).to_have_text(PASSAGE)
    counts = page.locator("#review-counts")
    expect(counts.locator('tr[data-kind="event"] td[data-state="submitted"]')).to_have_text("1")

    # Oldest first (the two were submitted a moment apart).
    first, second = sorted(
        [(mention_row, Mention.objects.get().submitted_at), (event_row, event.submitted_at)],
        key=lambda row: row[1],
    )
    page.keyboard.press("j")
    expect(first[0]).to_be_focused()
    page.keyboard.press("j")
    expect(second[0]).to_be_focused()
    page.keyboard.press("k")
    expect(first[0]).to_be_focused()
    if second[0] is event_row:
        page.keyboard.press("j")
    expect(event_row).to_be_focused()

    page.keyboard.press("r")
    reason = event_row.get_by_label("Why is it rejected?")
    expect(reason).to_be_focused()
    # the page's one reject form, copied into this row with its ids, version and address
    key = event_row.get_attribute("id").removeprefix("row-")
    toggle = event_row.locator("[data-action=reject]")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_attribute("aria-controls", f"reject-{key}")
    form = event_row.locator(f"form#reject-{key}")
    expect(form).to_have_attribute("hx-post", toggle.get_attribute("data-reject-url"))
    expect(form.locator("input[name=version]")).to_have_value(
        event_row.get_attribute("data-version")
    )
    page.keyboard.press("Enter")  # without a reason: refused, and said why
    expect(event_row).to_contain_text("Say why you reject it")
    expect(event_row.get_by_label("Why is it rejected?")).to_be_focused()
    page.keyboard.type(REASON)
    page.keyboard.press("Enter")
    expect(event_row).to_have_count(0)
    status = page.locator("#review-status")
    expect(status).to_contain_text("Rejected the event “White House cancels US–Israel meeting")
    expect(counts.locator('tr[data-kind="event"] td[data-state="rejected"]')).to_have_text("1")

    expect(mention_row).to_be_focused()  # the next row takes the place of the one that left
    page.keyboard.press("a")
    expect(mention_row).to_have_count(0)
    expect(status).to_contain_text("Approved the mention “Benjamin Netanyahu”")
    expect(counts.locator('tr[data-kind="mention"] td[data-state="approved"]')).to_have_text("1")
    expect(page.get_by_text("Nothing waits for review.")).to_be_visible()
    assert page.evaluate("window.__marker") == 1  # nothing reloaded
    assert Event.objects.get().review_note == REASON
    assert Mention.objects.get().status == Status.APPROVED
    log_out(page)

    # The annotator reads the reason in My work.
    log_in(page, live_server, annotator.username)
    page.get_by_role("link", name="My work").click()
    page.wait_for_url(f"{live_server.url}/review/mine/")
    row = page.locator(f"#row-event-{event.pk}")
    expect(row).to_contain_text("Rejected by rita")
    expect(row.locator(".reason")).to_have_text(REASON)
    expect(row.get_by_role("link", name="Open in the workspace")).to_have_attribute(
        "href", f"/articles/{article.pk}/annotate/#ev-{event.pk}"
    )
    expect(row.get_by_role("button", name="Submit again")).to_be_visible()
    # o opens the focused item in the workspace, at its passage.
    page.keyboard.press("j")
    expect(row).to_be_focused()
    page.keyboard.press("o")
    page.wait_for_url(f"{live_server.url}/articles/{article.pk}/annotate/#ev-{event.pk}")
    expect(page.locator("#events-panel")).to_contain_text("White House cancels")


def test_o_in_the_queue_opens_the_focused_item_in_its_articles_workspace(page: Page, live_server):
    """Two items in two articles: o on the second row lands in that event's article, with
    its passage focused and marked."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.review.work import article, event, mention

    author = UserFactory(username="annie", role="annotator")
    earlier = timezone.now() - timedelta(hours=1)
    mention(by=author, on=article("Netanyahu to travel"), submitted_at=earlier)
    talks = article("White House calls off the talks")
    item = event(by=author, on=talks, headline="Meeting cancelled")
    UserFactory(username="rita", role="reviewer")
    log_in(page, live_server, "rita")
    page.goto(f"{live_server.url}/review/?sort=submitted")

    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(f"#row-event-{item.pk}")).to_be_focused()
    page.keyboard.press("o")
    page.wait_for_url(f"{live_server.url}/articles/{talks.pk}/annotate/#ev-{item.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text("White House calls off the talks")
    passage = page.locator(f'#workspace-text .seg[data-current="{item.pk}"]')
    expect(passage).to_be_focused()
    expect(passage).to_have_attribute("data-current-kind", "event")
    expect(passage).to_have_class(re.compile(r"\bfocus-event\b"))
    expect(passage).to_contain_text("White House")
    expect(page.locator("#events-panel")).to_contain_text("Meeting cancelled")


def test_the_queue_keys_edit_select_and_list_themselves(page: Page, live_server):
    """e edits an event in its row and approves it, x selects rows for "Approve
    selected", ? lists the keys, and keys typed into a field stay in the field."""
    from tests.review.work import event, mention

    author = UserFactory(username="annie", role="annotator")
    first = event(by=author, headline="Meeting cancelled")
    second = mention(by=author)
    third = mention(
        by=author,
        text="White House",
        entity=Entity.objects.create(
            name="White House", kind=EntityKind.objects.get(slug="organisation")
        ),
    )
    UserFactory(username="rita", role="reviewer")
    log_in(page, live_server, "rita")
    page.goto(f"{live_server.url}/review/?sort=submitted")
    page.evaluate("window.__marker = 1")

    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keys in the review queue")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()

    page.keyboard.press("j")
    row = page.locator(f"#row-event-{first.pk}")
    expect(row).to_be_focused()
    page.keyboard.press("e")
    headline = row.get_by_label("Headline")
    expect(headline).to_be_focused()
    page.keyboard.press("Control+a")
    page.keyboard.type("White House calls off the meeting (j, k and a typed here stay here)")
    row.get_by_label("Date").click()
    page.keyboard.press("Control+a")
    page.keyboard.type("mid-July 2024")
    page.keyboard.press("Enter")
    expect(row).to_have_count(0)
    expect(page.locator("#review-status")).to_contain_text(
        "Saved and approved the event “White House calls off the meeting (j, k and a typed here "
        "stay here)” (mid-July 2024)."
    )
    saved = Event.objects.get(pk=first.pk)
    assert saved.status == Status.APPROVED and saved.date == "2024-07-11/2024-07-20"

    # r opens the reason; Esc closes it again and gives the row back the focus.
    second_row = page.locator(f"#row-mention-{second.pk}")
    expect(second_row).to_be_focused()  # it took the edited row's place
    page.keyboard.press("r")
    expect(second_row.get_by_label("Why is it rejected?")).to_be_focused()
    page.keyboard.press("Escape")
    expect(second_row.get_by_label("Why is it rejected?")).to_be_hidden()
    expect(second_row).to_be_focused()

    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    expect(page.get_by_role("button", name=re.compile("Approve selected"))).to_contain_text("(2)")
    page.get_by_role("button", name=re.compile("Approve selected")).click()
    expect(page.locator("#review-status")).to_have_text("Approved 2 items.")
    expect(page.get_by_text("Nothing waits for review.")).to_be_visible()
    assert page.evaluate("window.__marker") == 1
    assert {m.status for m in Mention.objects.filter(pk__in=[second.pk, third.pk])} == {
        Status.APPROVED
    }


def test_a_stale_or_deleted_item_says_so_in_its_row(page: Page, live_server):
    from curation.annotations import workflow
    from tests.review.work import event, mention

    author = UserFactory(username="annie", role="annotator")
    item = mention(by=author)
    doomed = event(by=author)
    UserFactory(username="rita", role="reviewer")
    log_in(page, live_server, "rita")
    page.goto(f"{live_server.url}/review/?sort=submitted")
    page.evaluate("window.__marker = 1")
    # After the reviewer loaded the queue, the author takes the mention back and submits
    # it again, and another reviewer deletes the event.
    workflow.withdraw(item, by=author, expected_version=item.version)
    workflow.submit(item, by=author, expected_version=item.version)
    Event.objects.filter(pk=doomed.pk).delete()

    page.keyboard.press("j")
    row = page.locator(f"#row-mention-{item.pk}")
    expect(row).to_be_focused()
    page.keyboard.press("a")
    expect(row.get_by_role("alert")).to_contain_text("This mention was changed by annie at")
    expect(row.get_by_role("alert")).to_contain_text("Reload to see their version")
    expect(row).to_be_focused()
    assert Mention.objects.get().status == Status.SUBMITTED
    page.keyboard.press("a")  # the row now holds the version it shows
    expect(row).to_have_count(0)
    assert Mention.objects.get().status == Status.APPROVED

    expect(page.locator(f"#row-event-{doomed.pk}")).to_be_focused()  # took the row's place
    page.keyboard.press("a")
    gone = "This event was deleted after you loaded the queue: nothing to review."
    expect(page.get_by_role("alert")).to_have_text(gone)
    # It was the last row: the page is not fetched again, which would wipe the message.
    page.wait_for_timeout(500)
    expect(page.get_by_role("alert")).to_have_text(gone)
    expect(page.locator("#request-error")).to_be_hidden()  # said in the row, not as an error
    assert page.evaluate("window.__marker") == 1


def test_the_queue_fits_a_phone_with_every_state_count_in_view(page: Page, live_server):
    UserFactory(username="rita", role="reviewer")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "rita")
    page.goto(f"{live_server.url}/review/")
    # the counts come just after the page, in a request of their own
    expect(page.locator("#review-counts thead th").first).to_be_visible()
    scrolls_sideways = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not scrolls_sideways
    for state in ("Drafts", "Submitted", "Approved", "Rejected"):
        header = page.locator("#review-counts thead th", has_text=state)
        expect(header).to_be_in_viewport()
        box = header.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 390, state
