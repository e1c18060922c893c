"""Recording an event in a real browser, with its date found in the text."""

from datetime import date

from playwright.sync_api import expect

from curation.annotations.models import Entity, EntityKind, Event, Mention
from tests.e2e.test_workspace import import_seed, select_text

PASSAGE = "The meeting, originally scheduled for last Thursday, was reportedly canceled"


def mark(article, entity: Entity, text: str) -> None:
    start = article.body.index(text)
    Mention.objects.create(
        article=article, entity=entity, start=start, end=start + len(text), quote=text
    )


def test_record_an_event_with_its_date_and_participants(logged_in_page, live_server):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    netanyahu = Entity.objects.create(name="Benjamin Netanyahu", kind=kinds["person"])
    white_house = Entity.objects.create(name="White House", kind=kinds["organisation"])
    mark(article, netanyahu, "Benjamin Netanyahu")
    mark(article, white_house, "White House")

    # The editor gives the article its publication date on the article page.
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    expect(page.get_by_text("Needs a publication date.")).to_be_visible()
    page.get_by_role("link", name="Edit details").click()
    page.get_by_label("Publication date").fill("2024-06-26")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Details saved.")).to_be_visible()

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    select_text(page, PASSAGE)
    expect(page.locator("#popover")).to_be_visible()
    page.keyboard.press("Escape")  # the entity popover opened on mouseup; this is an event
    page.keyboard.press("v")

    form = page.locator("#event-slot")
    expect(form.get_by_role("heading", name="New event")).to_be_visible()
    expect(form.get_by_label("Date")).to_have_value("2024-06-20")
    expect(form.locator("#date-reads-as")).to_contain_text("20 June 2024")
    expect(form.get_by_role("checkbox", name="Benjamin Netanyahu")).to_be_checked()
    form.get_by_role("checkbox", name="White House").check()
    form.get_by_label("Role of White House").select_option("actor")
    form.get_by_label("Headline").fill("White House cancels US–Israel meeting on Iran")
    form.get_by_label("Type").fill("REJECT › meeting cancelled or postponed")
    form.get_by_role("button", name="Record event").click()

    panel = page.locator("#events-panel")
    expect(panel).to_contain_text("White House cancels US–Israel meeting on Iran")
    expect(panel).to_contain_text("20 June 2024")
    expect(panel).to_contain_text("REJECT › meeting cancelled or postponed")
    expect(page.locator("#workspace-text .seg.ev").first).to_be_visible()
    assert page.evaluate("window.__marker") == 1
    event = Event.objects.get()
    assert event.date == "2024-06-20" and event.date_text == "last Thursday"
    assert {p.entity.name for p in event.participants.all()} == {
        "Benjamin Netanyahu",
        "White House",
    }


def test_a_phrase_in_the_date_field_reads_back_before_saving(logged_in_page, live_server):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    article.published_on = date(2024, 6, 26)
    article.save()
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, "it is expected to occur in mid-July")
    expect(page.locator("#popover")).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Record event").click()
    date_field = page.locator("#event-slot").get_by_label("Date")
    expect(date_field).to_have_value("2024-07-11/2024-07-20")
    date_field.fill("early July 2024")
    expect(page.locator("#date-reads-as")).to_contain_text("early July 2024")
    date_field.fill("the week after next-ish")
    expect(page.locator("#date-reads-as")).to_contain_text("Can't read")


def test_events_are_reached_edited_and_deleted_from_the_keyboard(logged_in_page, live_server):
    from curation.annotations.models import EventType

    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    start = article.body.index(PASSAGE)
    Event.objects.create(
        article=article,
        start=start,
        end=start + len(PASSAGE),
        quote=PASSAGE,
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline="Meeting cancelled",
        date="2024-06-20",
    )
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")

    page.keyboard.press("j")
    expect(page.locator("#workspace-text .seg.ev:focus")).to_be_visible()
    page.keyboard.press("Enter")
    form = page.locator("#event-slot")
    expect(form.get_by_role("heading", name="Edit event")).to_be_visible()
    form.get_by_label("Headline").fill("White House cancels the meeting")
    form.get_by_role("button", name="Save event").click()
    expect(page.locator("#events-panel")).to_contain_text("White House cancels the meeting")

    page.locator("#workspace-text").click(position={"x": 1, "y": 1})
    page.keyboard.press("j")
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Delete")
    expect(page.locator("#events-panel")).to_contain_text("No events yet")
    assert not Event.objects.exists()
    assert page.evaluate("window.__marker") == 1
