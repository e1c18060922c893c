"""Recording an event in a real browser, with its date found in the text."""

from datetime import date

import pytest
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
    expect(page.locator("#adder")).to_be_visible()  # the selection offers Entity and Event
    page.keyboard.press("v")

    form = page.locator("#event-slot")
    expect(form.get_by_role("heading", name="New event")).to_be_visible()
    expect(form.get_by_label("Date")).to_have_value("20 June 2024")
    expect(form.locator("#date-reads-as")).to_contain_text("20 June 2024")
    # Netanyahu is in the passage: offered first, but the editor chooses.
    expect(form.get_by_role("checkbox", name="Benjamin Netanyahu")).not_to_be_checked()
    form.get_by_role("checkbox", name="Benjamin Netanyahu").check()
    form.get_by_role("checkbox", name="White House").check()
    form.get_by_label("Role of White House").select_option("actor")
    form.get_by_label("Headline").click()
    page.keyboard.type("White House cancels US–Israel meeting on Iran")
    form.get_by_label("Type").click()
    page.keyboard.type("REJECT › meeting cancelled or postponed")
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
    page.get_by_role("button", name="Record event").click()
    date_field = page.locator("#event-slot").get_by_label("Date")
    expect(date_field).to_have_value("mid-July 2024")
    date_field.fill("early July 2024")
    expect(page.locator("#date-reads-as")).to_contain_text("early July 2024")
    date_field.fill("sometime soonish")
    expect(page.locator("#date-reads-as")).to_contain_text("Can't read")


def test_events_are_reached_edited_and_deleted_from_the_keyboard(
    logged_in_page, live_server, annotator
):
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
        created_by=annotator,
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


# --- the passage's entities are choices; a cited outlet is not an actor ------------------

RESCHEDULED = (
    "Israel and the US are set to reconvene a joint meeting on Iran next month, mere days "
    "after the White House canceled it, according to Axios"
)


def test_the_passages_entities_are_offered_unticked_and_the_cited_outlet_not_as_actor(
    logged_in_page, live_server
):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    article.published_on = date(2024, 6, 26)
    article.save()
    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    for name, kind in [
        ("Benjamin Netanyahu", "person"),  # in another paragraph
        ("Israel", "place"),
        ("US", "place"),
        ("White House", "organisation"),
        ("Axios", "organisation"),
    ]:
        mark(article, Entity.objects.create(name=name, kind=kinds[kind]), name)

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, RESCHEDULED)
    page.keyboard.press("v")

    form = page.locator("#event-slot")
    expect(form.get_by_role("heading", name="New event")).to_be_visible()
    participants = form.locator(".participant")
    expect(participants).to_have_count(5)
    expect(form.get_by_role("checkbox", checked=True)).to_have_count(0)
    # The passage's entities come first, marked; the outlet is the cited source.
    expect(participants).to_contain_text(
        [
            "Israel in this passage",
            "US in this passage",
            "White House in this passage",
            "Axios cited source",
            "Benjamin Netanyahu",
        ]
    )
    expect(form.get_by_label("Role of Israel")).to_have_value("actor")
    expect(form.get_by_label("Role of Axios")).to_have_value("other")
    expect(form.get_by_label("Role of Axios").locator("option:checked")).to_have_text("Other")


# --- the events panel and the form fit their column -------------------------------------

SIZES = [
    pytest.param({"width": 1280, "height": 800}, id="desktop"),
    pytest.param({"width": 390, "height": 844}, id="phone"),
]

# Every element of each event that sticks out of the events panel (or is hidden by it).
OUTSIDE_THE_PANEL = """() => {
  const panel = document.getElementById("events-panel");
  const box = panel.getBoundingClientRect();
  const style = getComputedStyle(panel);
  const right = box.right - parseFloat(style.borderRightWidth) + 0.5;
  const left = box.left + parseFloat(style.borderLeftWidth) - 0.5;
  const out = [];
  if (panel.scrollWidth > panel.clientWidth) out.push("the panel scrolls sideways");
  panel.querySelectorAll(".event-item, .event-item *").forEach((element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width && (rect.right > right || rect.left < left)) {
      out.push(`${element.className || element.tagName}: ${rect.left}–${rect.right}`);
    }
  });
  return out;
}"""

# Whether a person sees the element: nothing covers or clips its left, middle and right.
SEEN = """(element) => {
  element.scrollIntoView({ block: "center" });
  const rect = element.getBoundingClientRect();
  const y = rect.top + rect.height / 2;
  return [rect.left + 2, rect.left + rect.width / 2, rect.right - 2].every((x) => {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && element.contains(hit);
  });
}"""


def _event(article, event_type, headline: str, date_value: str, *, by=None) -> Event:
    start = article.body.index(PASSAGE)
    return Event.objects.create(
        article=article,
        start=start,
        end=start + len(PASSAGE),
        quote=PASSAGE,
        event_type=event_type,
        headline=headline,
        date=date_value,
        created_by=by,
    )


@pytest.mark.parametrize("size", SIZES)
def test_long_labels_and_headlines_stay_inside_the_events_panel(
    logged_in_page, live_server, size, annotator
):
    from curation.annotations.models import EventType

    page = logged_in_page
    page.set_viewport_size(size)
    article = import_seed("000_04889a4c5d51775a.txt")
    cancelled = EventType.objects.get(slug="reject-meeting-cancelled")
    _event(article, cancelled, "W" * 300, "2024-06-20", by=annotator)
    _event(article, cancelled, "Talks rescheduled for July", "2024-07", by=annotator)
    _event(article, cancelled, "Delegation travels to Washington", "2024-07-15", by=annotator)

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    items = page.locator("#events-panel .event-item")
    expect(items).to_have_count(3)
    assert page.evaluate(OUTSIDE_THE_PANEL) == []
    for headline in ["Talks rescheduled for July", "Delegation travels to Washington"]:
        item = items.filter(has_text=headline)
        assert item.locator(".event-headline").evaluate(SEEN), headline
        assert item.locator(".type-badge").evaluate(SEEN), headline
        assert item.locator(".st-badge").evaluate(SEEN), headline
        expect(item.get_by_role("button", name="Edit")).to_be_visible()


def test_after_a_failed_save_the_date_error_shows_once(logged_in_page, live_server):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    article.published_on = date(2024, 6, 26)
    article.save()
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, PASSAGE)
    page.keyboard.press("v")

    form = page.locator("#event-slot")
    form.get_by_label("Headline").click()
    page.keyboard.type("Meeting cancelled")
    form.get_by_label("Type").click()
    page.keyboard.type("REJECT › meeting cancelled or postponed")
    form.get_by_label("Date").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("sometime soonish")
    form.get_by_role("button", name="Record event").click()

    expect(form.locator(".field.has-error")).to_have_count(1)  # the answer to the save
    expect(form.locator("#date-reads-as")).to_contain_text("Can't read “sometime soonish”")
    expect(form.get_by_text("Can't read “sometime soonish”")).to_have_count(1)
    expect(form.get_by_label("Date")).to_be_focused()  # where the correction goes
    assert not Event.objects.exists()

    # Typing a new date replaces the message, rather than adding a second one.
    form.get_by_label("Date").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("the week after")
    expect(form.locator("#date-reads-as")).to_contain_text(
        "“the week after” counts from another date in the text"
    )
    expect(form.get_by_text("counts from another date")).to_have_count(1)
    expect(form.get_by_text("Can't read “sometime soonish”")).to_have_count(0)


@pytest.mark.parametrize("size", SIZES)
def test_the_event_forms_buttons_are_in_view_with_the_form(logged_in_page, live_server, size):
    page = logged_in_page
    page.set_viewport_size(size)
    article = import_seed("000_04889a4c5d51775a.txt")
    article.published_on = date(2024, 6, 26)
    article.save()
    kinds = {kind.slug: kind for kind in EntityKind.objects.all()}
    for name in ["Israel", "White House", "Axios", "Benjamin Netanyahu", "Hezbollah"]:
        mark(article, Entity.objects.create(name=name, kind=kinds["organisation"]), name)

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, PASSAGE)
    page.keyboard.press("v")

    form = page.locator("#event-slot")
    expect(form.get_by_label("Headline")).to_be_focused()
    cancel = form.get_by_role("button", name="Cancel")
    expect(cancel).to_be_in_viewport(ratio=1)
    expect(form.get_by_role("button", name="Record event")).to_be_in_viewport(ratio=1)
    # Further down the form, the buttons are still there.
    form.get_by_label("Notes").click()
    expect(cancel).to_be_in_viewport(ratio=1)
    cancel.click()
    expect(form.get_by_role("heading", name="New event")).to_have_count(0)


def test_a_link_to_an_event_lands_on_its_passage(logged_in_page, live_server, annotator):
    """The review queue's "open" (o) links events as #ev-N."""
    from curation.annotations.models import EventType

    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    start = article.body.index(PASSAGE)
    event = Event.objects.create(
        article=article,
        start=start,
        end=start + len(PASSAGE),
        quote=PASSAGE,
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline="Meeting cancelled",
        created_by=annotator,
    )
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/#ev-{event.pk}")
    expect(page.locator("#workspace-text .seg.ev:focus")).to_be_in_viewport()
    expect(page.locator("#workspace-text .focus-event").first).to_contain_text("The meeting")
    page.keyboard.press("Enter")  # the focused event, as j/k would leave it
    expect(page.locator("#event-slot").get_by_role("heading", name="Edit event")).to_be_visible()


# --- a new event takes its place in the list ---------------------------------------------


def listed_event(article, headline: str, on: str, by=None) -> Event:
    from curation.annotations.models import EventType

    cancelled = EventType.objects.get(slug="reject-meeting-cancelled")
    return _event(article, cancelled, headline, on, by=by)


def record_the_cancelled_meeting(page) -> None:
    """Select the passage, press v, type a headline and a type, press Enter."""
    select_text(page, PASSAGE)
    page.keyboard.press("v")
    form = page.locator("#event-slot")
    expect(form.get_by_label("Date")).to_have_value("20 June 2024")
    form.get_by_label("Headline").click()
    page.keyboard.type("Meeting cancelled")
    form.get_by_label("Type").click()
    page.keyboard.type("REJECT › meeting cancelled or postponed")
    form.get_by_label("Headline").press("Enter")
    expect(page.locator("#announce")).to_contain_text("Recorded: Meeting cancelled")


@pytest.mark.parametrize("recorded_elsewhere", [False, True], ids=["as listed", "page older"])
def test_a_new_event_is_listed_in_date_order_with_the_count(
    logged_in_page, live_server, recorded_elsewhere
):
    """The answer inserts the new event before the one it precedes. When another editor
    recorded that one after this page was loaded, the panel is read again and shows both."""
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    article.published_on = date(2024, 6, 26)
    article.save()
    listed_event(article, "Talks announced", "2024-06-01")
    listed_event(article, "Netanyahu addresses Congress", "2024-07-24")
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    panel = page.locator("#events-panel")
    expect(panel.locator("h2 .count")).to_have_text("2")
    expected = ["Talks announced", "Meeting cancelled", "Netanyahu addresses Congress"]
    if recorded_elsewhere:
        listed_event(article, "Visit postponed", "2024-06-25")
        expected.insert(2, "Visit postponed")

    record_the_cancelled_meeting(page)

    expect(panel.locator(".event-headline")).to_have_text(expected)
    expect(panel.locator("h2 .count")).to_have_text(str(len(expected)))
    expect(panel.locator(".event-item").nth(1)).to_contain_text("20 June 2024")
    assert page.evaluate("window.__marker") == 1  # no page load


def test_an_edited_event_moves_to_its_new_date_and_a_deleted_one_leaves_the_others(
    logged_in_page, live_server, annotator
):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    talks = listed_event(article, "Talks announced", "2024-06-01", by=annotator)
    speech = listed_event(article, "Netanyahu addresses Congress", "2024-07-24", by=annotator)
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    panel = page.locator("#events-panel")

    panel.locator(f"#event-{talks.pk}").get_by_role("button", name="Edit").click()
    page.locator("#event-slot").get_by_label("Date").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("1 August 2024")
    page.keyboard.press("Enter")
    expect(page.locator("#announce")).to_contain_text("Saved: Talks announced (1 August 2024)")
    expect(panel.locator(".event-headline")).to_have_text([speech.headline, talks.headline])

    page.once("dialog", lambda dialog: dialog.accept())
    panel.locator(f"#event-{speech.pk}").get_by_role("button", name="Delete").click()
    expect(panel.locator(".event-headline")).to_have_text([talks.headline])
    expect(panel.locator("h2 .count")).to_have_text("1")
    assert page.evaluate("window.__marker") == 1
