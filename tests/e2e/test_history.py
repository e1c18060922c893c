"""The History panel in a real browser: an editor reads why their event was rejected, and
what their correction changed."""

from playwright.sync_api import expect

from curation.annotations import services, workflow
from curation.annotations.models import Event, EventType
from tests.annotations.test_history import acting_as
from tests.e2e.test_workspace import import_seed
from tests.factories import UserFactory

PASSAGE = "The meeting, originally scheduled for last Thursday, was reportedly canceled"


def test_an_editor_reads_an_events_history_from_the_events_panel(
    logged_in_page, live_server, annotator
):
    page = logged_in_page
    reviewer = UserFactory(username="rita", role="reviewer")
    article = import_seed("000_04889a4c5d51775a.txt")
    start = article.body.index(PASSAGE)
    with acting_as(annotator):
        event = services.event_create(
            article=article,
            start=start,
            end=start + len(PASSAGE),
            event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
            headline="Meeting called off",
            created_by=annotator,
        )
    workflow.submit(event, by=annotator, expected_version=1)
    workflow.reject(
        Event.objects.get(pk=event.pk),
        by=reviewer,
        reason="Say who cancelled it: the White House.",
        expected_version=2,
    )

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    item = page.locator("#events-panel .event-item")
    # The editor corrects the headline of their rejected event...
    item.get_by_role("button", name="Edit").click()
    headline = page.locator("#event-slot").get_by_label("Headline")
    headline.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("White House cancels the meeting")
    page.locator("#event-slot").get_by_role("button", name="Save event").click()
    expect(item).to_contain_text("White House cancels the meeting")

    # ...then opens its history from the events panel.
    item.get_by_text("History", exact=True).click()
    panel = item.locator(".history")
    expect(panel).to_be_visible()
    newest = panel.locator(".history-entry").first
    expect(newest).to_contain_text(f"{annotator.username} changed the event")
    change = newest.locator(".history-change", has_text="Headline")
    expect(change.locator("del")).to_have_text("Meeting called off")
    expect(change.locator("ins")).to_have_text("White House cancels the meeting")
    rejection = panel.locator(".history-entry", has_text="rejected the event")
    expect(rejection.locator(".history-who")).to_have_text("rita")
    expect(rejection.locator(".history-reason")).to_contain_text(
        "rejected: Say who cancelled it: the White House."
    )
    expect(rejection.locator("time")).to_be_visible()
    assert page.evaluate("window.__marker") == 1  # nothing reloaded


def test_show_older_adds_the_earlier_changes_to_the_panel(logged_in_page, live_server, annotator):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    start = article.body.index(PASSAGE)
    with acting_as(annotator):
        event = services.event_create(
            article=article,
            start=start,
            end=start + len(PASSAGE),
            event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
            headline="Headline 0",
            created_by=annotator,
        )
        for n in range(1, 30):
            services.event_update(
                event=Event.objects.get(pk=event.pk),
                changed_by=annotator,
                expected_version=None,
                event_type=event.event_type,
                headline=f"Headline {n}",
                date="",
            )
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    item = page.locator("#events-panel .event-item")
    item.get_by_text("History", exact=True).click()
    entries = item.locator(".history-entry")
    expect(entries).to_have_count(25)
    expect(entries.first).to_contain_text("Headline 28")
    item.get_by_role("link", name="Show older changes").click()
    expect(entries).to_have_count(30)
    expect(entries.last).to_contain_text(f"{annotator.username} created the event")
    expect(item.get_by_role("link", name="Show older changes")).to_have_count(0)
