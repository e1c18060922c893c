"""Review states in the workspace, in a real browser: an annotator's new event is a draft,
"Submit all my drafts" sends it for review without a reload; someone else's work is
refused with the reason, where the editor is; and an edit made against an older version
says who changed it, and saves nothing."""

import re
from datetime import date

from playwright.sync_api import expect

from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention, Status
from tests.e2e.test_workspace import import_seed, select_text
from tests.factories import AnnotatorFactory

PASSAGE = "The meeting, originally scheduled for last Thursday, was reportedly canceled"


def an_event(article, *, by, headline="Meeting cancelled") -> Event:
    start = article.body.index(PASSAGE)
    return Event.objects.create(
        article=article,
        start=start,
        end=start + len(PASSAGE),
        quote=PASSAGE,
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline=headline,
        date="2024-06-20",
        created_by=by,
    )


def test_an_annotator_records_an_event_and_submits_all_their_drafts(
    logged_in_page, live_server, annotator
):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    article.published_on = date(2024, 6, 26)  # so that "last Thursday" can be read
    article.save()
    iran = Entity.objects.create(name="Iran", kind=EntityKind.objects.get(slug="place"))
    start = article.body.index("Iran")
    Mention.objects.create(
        article=article, entity=iran, start=start, end=start + 4, quote="Iran", created_by=annotator
    )
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    drafts = page.locator("#my-drafts")
    expect(drafts.get_by_role("button", name="Submit all my drafts 1")).to_be_visible()
    expect(page.locator("#workspace-text .seg.m.st-draft")).to_have_text("Iran")

    select_text(page, PASSAGE)
    page.keyboard.press("v")
    form = page.locator("#event-slot")
    form.get_by_label("Headline").click()
    page.keyboard.type("White House cancels the meeting")
    form.get_by_label("Type").click()
    page.keyboard.type("REJECT › meeting cancelled or postponed")
    form.get_by_role("button", name="Record event").click()

    recorded = page.locator("#events-panel .event-item", has_text="White House cancels")
    expect(recorded.locator(".st-badge")).to_have_text("Draft")
    expect(recorded).to_have_class(re.compile(r"\bst-draft\b"))
    expect(recorded.get_by_role("button", name="Submit for review")).to_be_visible()
    expect(drafts.get_by_role("button", name="Submit all my drafts 2")).to_be_visible()

    drafts.get_by_role("button", name="Submit all my drafts 2").click()

    expect(drafts).to_contain_text(
        "Submitted 2 drafts for review: 1 mention and 1 event.", use_inner_text=True
    )
    expect(drafts.get_by_role("button")).to_have_count(0)
    expect(recorded.locator(".st-badge")).to_have_text("Submitted")
    expect(recorded.get_by_role("button", name="Withdraw")).to_be_visible()
    expect(recorded.get_by_role("button", name="Edit")).to_have_count(0)
    expect(page.locator("#workspace-text .seg.m.st-submitted")).to_have_text("Iran")
    assert page.evaluate("window.__marker") == 1
    assert Event.objects.get().status == Status.SUBMITTED
    assert Mention.objects.get().status == Status.SUBMITTED


def test_someone_elses_event_is_refused_where_the_editor_is(logged_in_page, live_server):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    an_event(article, by=AnnotatorFactory(username="colin"))
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")

    item = page.locator("#events-panel .event-item")
    expect(item.locator(".st-badge")).to_have_text("Draft")
    expect(item.get_by_role("button", name="Edit")).to_have_count(0)
    expect(item.get_by_role("button", name="Delete")).to_have_count(0)

    # The keys still reach it: the refusal says why, in the event's slot (a 403).
    page.keyboard.press("j")
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Delete")
    slot = page.locator("#event-slot")
    expect(slot.get_by_role("alert")).to_have_text(
        "You can't delete this event: it is draft, and only its author (while it is a draft "
        "or rejected) or a reviewer can delete it."
    )
    expect(page.locator("#request-error")).to_be_hidden()
    slot.get_by_role("button", name="Close").click()
    expect(slot).to_be_empty()
    assert Event.objects.exists()


def test_an_edit_made_against_an_older_version_says_who_changed_it(
    logged_in_page, live_server, annotator
):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    event = an_event(article, by=annotator)
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.locator("#events-panel").get_by_role("button", name="Edit").click()
    form = page.locator("#event-slot")
    expect(form.get_by_role("heading", name="Edit event")).to_be_visible()

    # Meanwhile a reviewer saves their own edit.
    reviewer = AnnotatorFactory(username="rita", first_name="Rita", role="reviewer")
    theirs = Event.objects.get(pk=event.pk)
    theirs.headline, theirs.version, theirs._history_user = "Talks postponed", 2, reviewer
    theirs.save()

    headline = form.get_by_label("Headline")
    headline.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Meeting called off")
    form.get_by_role("button", name="Save event").click()

    expect(form.get_by_role("alert").first).to_contain_text("This event was changed by Rita at")
    expect(form.get_by_role("alert").first).to_contain_text("Reload to see their version")
    expect(headline).to_have_value("Meeting called off")  # what the editor typed, kept
    assert Event.objects.get(pk=event.pk).headline == "Talks postponed"
