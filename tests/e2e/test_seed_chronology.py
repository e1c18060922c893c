"""Issue 9's acceptance in a real browser: the seed chronology built end to end as people
build it. An editor imports the three seed articles through the web import, marks who
takes part and records the events in the workspace, and submits them; a reviewer approves
them from the keyboard; a curator merges the two reports of the cancelled Strategic
Consultative Group meeting, makes the rescheduled meeting an entry, and publishes both in
a public chronology. A reader without an account then opens the public page."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from curation.annotations.models import Event, Status
from curation.articles.models import Article, Source
from curation.chronology.models import Entry
from tests.e2e.test_workspace import select_text
from tests.factories import UserFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PASSWORD = "correct horse battery staple"

# Neither seed 000 nor 001 names its outlet in the text: the admin has set up these two
# sources, and the editor chooses them on import.
OUTLET_000 = "Outlet of seed 000"
OUTLET_001 = "Outlet of seed 001"

CANCELLED = "White House cancels the Strategic Consultative Group meeting"
RESCHEDULED = "US and Israel to reconvene the Strategic Consultative Group"
SCG = "US-Israel Strategic Consultative Group"
CANCELLED_TYPE = "REJECT › meeting cancelled or postponed"
RESCHEDULED_TYPE = "AGREE › meeting rescheduled"
CHRONOLOGY = "US–Israel consultations on Iran, 2024"

# The evidence sentences the editor selects.
EVIDENCE_000 = (
    "The meeting, originally scheduled for last Thursday, was reportedly canceled in "
    "response to a video by Prime Minister Benjamin Netanyahu"
)
EVIDENCE_001 = (
    "Israel’s National Security Advisor Tzachi Hanegbi and Strategic Affairs Minister Ron "
    "Dermer were in Washington last week for a gathering of the forum, but the gathering "
    "was canceled by the White House"
)
EVIDENCE_MID_JULY = (
    "Senior Israeli and US officials, as reported by Axios, say that although a date for "
    "the new meeting has not been set, it is expected to occur in mid-July"
)

# A sentence of each article that no quote (nor its short context) reaches.
NOT_QUOTED = [
    "Tehran has consistently asserted that its nuclear program is peaceful.",  # 000
    "Three Israeli officials said that the decision was made in light of new intelligence "
    "that Iran is seeking to shorten the time it needs to build a nuclear weapon.",  # 001
    "A US official said a call between the two leaders was expected soon.",  # 002
]


@pytest.fixture
def desk(transactional_db, annotator):
    Source.objects.create(name=OUTLET_000, slug="outlet-000")
    Source.objects.create(name=OUTLET_001, slug="outlet-001")
    return {
        "editor": annotator,
        "reviewer": UserFactory(username="rita", role="reviewer"),
        "curator": UserFactory(username="cora", role="curator"),
    }


def log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/articles/")


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/articles/|/accounts/login/"))


# --- the editor -----------------------------------------------------------------------


def import_the_seeds(page: Page, live_server) -> dict[str, Article]:
    page.goto(f"{live_server.url}/articles/import/")
    page.get_by_label("…or upload files").set_input_files(sorted(SEEDS.glob("*.txt")))
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name="Check what the desk found")).to_be_visible()

    # 000 has no date: the editor gives the one the README says (month first in en-US).
    date_000 = page.locator("input[name=item-0-published_on]")
    date_000.click()
    page.keyboard.type("06262024")
    expect(date_000).to_have_value("2024-06-26")
    expect(page.locator("input[name=item-1-published_on]")).to_have_value("2024-06-27")
    page.locator("select[name=item-0-source]").select_option(label=OUTLET_000)
    page.locator("select[name=item-1-source]").select_option(label=OUTLET_001)
    page.get_by_role("button", name="Import checked articles").click()
    expect(page.get_by_role("heading", name="3 articles imported")).to_be_visible()

    articles = {
        "000": Article.objects.get(title__startswith="US, Israel Reschedule Iran Talks"),
        "001": Article.objects.get(source__name=OUTLET_001),
    }
    assert articles["000"].source.name == OUTLET_000
    assert articles["001"].body.startswith("Prime Minister Benjamin Netanyahu reestablished")
    return articles


def open_workspace(page: Page, live_server, article: Article) -> None:
    page.goto(f"{live_server.url}/articles/")
    page.get_by_role("link", name=article.title).click()
    page.get_by_role("link", name=re.compile("Annotate")).first.click()
    page.wait_for_url(f"{live_server.url}/articles/{article.pk}/annotate/")


def mark_new_entity(page: Page, text: str, name: str, kind: str) -> None:
    select_text(page, text)
    page.keyboard.press("e")
    popover = page.locator("#popover")
    expect(popover.get_by_text(f"Mark “{text}” as…")).to_be_visible()
    name_field = popover.get_by_label("Canonical name")
    expect(name_field).to_be_visible()  # the desk knows nothing like it: the form is open
    name_field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(name)
    popover.get_by_label(kind, exact=True).check()
    popover.get_by_role("button", name="Create and mark").click()
    expect(popover).to_be_hidden()
    expect(page.locator("#announce")).to_have_text(f"Marked “{text}” as {name}.")


def mark_known_entity(page: Page, text: str, name: str) -> None:
    select_text(page, text)
    page.keyboard.press("e")
    search = page.locator("#popover").get_by_label("An entity the desk knows")
    expect(search).to_be_focused()
    expect(page.locator("#popover").get_by_role("option", name=re.compile(name))).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#announce")).to_have_text(f"Marked “{text}” as {name}.")


def record_event(
    page: Page,
    evidence: str,
    *,
    headline: str,
    event_type: str,
    date_reads: str,
    participants: dict[str, str],
    date_typed: str | None = None,
) -> None:
    """Select the evidence with the mouse, choose Event (v) and fill the form; the date is
    the one found in the passage unless ``date_typed`` is given."""
    select_text(page, evidence)
    expect(page.locator("#adder")).to_be_visible()
    page.keyboard.press("v")
    form = page.locator("#event-slot")
    expect(form.get_by_role("heading", name="New event")).to_be_visible()
    form.get_by_label("Headline").click()
    page.keyboard.type(headline)
    form.get_by_label("Type").click()
    page.keyboard.type(event_type)
    date_field = form.get_by_label("Date")
    if date_typed is not None:
        date_field.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(date_typed)
        expect(date_field).to_have_value(date_typed)
    expect(form.locator("#date-reads-as")).to_contain_text(date_reads)
    for name, role in participants.items():
        form.get_by_role("checkbox", name=name).check()
        form.get_by_label(f"Role of {name}").select_option(role)
    form.get_by_role("button", name="Record event").click()
    expect(page.locator("#events-panel")).to_contain_text(headline)
    expect(form.get_by_role("heading", name="New event")).to_have_count(0)


def submit_drafts(page: Page, count: int) -> None:
    page.get_by_role("button", name=re.compile("Submit all my drafts")).click()
    expect(page.locator("#my-drafts")).to_contain_text(f"Submitted {count} drafts for review")


def annotate_000(page: Page, live_server, article: Article) -> None:
    open_workspace(page, live_server, article)
    mark_new_entity(page, "White House", "White House", "Organisation")
    mark_new_entity(page, "US-Israel strategic consultative group", SCG, "Organisation")
    record_event(
        page,
        EVIDENCE_000,
        headline=CANCELLED,
        event_type=CANCELLED_TYPE,
        date_reads="20 June 2024",  # "last Thursday" before 26 June 2024
        participants={"White House": "actor", SCG: "target"},
    )
    record_event(
        page,
        EVIDENCE_MID_JULY,
        headline=RESCHEDULED,
        event_type=RESCHEDULED_TYPE,
        date_typed="mid-July",  # as the article says it
        date_reads="mid-July 2024",
        participants={SCG: "other"},
    )
    submit_drafts(page, 4)


def annotate_001(page: Page, live_server, article: Article) -> None:
    open_workspace(page, live_server, article)
    mark_known_entity(page, "White House", "White House")
    mark_known_entity(page, SCG, SCG)
    record_event(
        page,
        EVIDENCE_001,
        headline=CANCELLED,
        event_type=CANCELLED_TYPE,
        date_reads="17–23 June 2024",  # "last week" before 27 June 2024
        participants={"White House": "actor", SCG: "target"},
    )
    submit_drafts(page, 3)


# --- the reviewer ---------------------------------------------------------------------


def approve_everything(page: Page, live_server, count: int) -> None:
    page.get_by_role("link", name="Review").click()
    page.wait_for_url(f"{live_server.url}/review/")  # loaded, with its keys
    rows = page.locator("tr.queue-row")
    expect(rows).to_have_count(count)
    page.keyboard.press("j")
    for left in range(count, 0, -1):
        expect(rows).to_have_count(left)
        expect(rows.first).to_be_focused()
        page.keyboard.press("a")
    expect(page.get_by_text("Nothing waits for review.")).to_be_visible()


# --- the curator ----------------------------------------------------------------------


def curate(page: Page, live_server) -> None:
    page.get_by_role("link", name="Curate").click()
    page.wait_for_url(f"{live_server.url}/curate/")  # loaded, with its keys
    cards = page.locator(".curate-card")
    # In date order: the week of 17 June (001), 20 June (000), mid-July (000).
    expect(cards.locator(".card-date")).to_have_text(
        ["17–23 June 2024", "20 June 2024", "mid-July 2024"]
    )
    expect(cards.locator(".card-source .source-name")).to_have_text(
        [OUTLET_001, OUTLET_000, OUTLET_000]
    )
    # The desk offers the other outlet's report as the same happening, and says why.
    first = cards.nth(0)
    suggestion = first.locator(".suggestion").first
    expect(suggestion).to_contain_text(CANCELLED)
    expect(suggestion).to_contain_text(OUTLET_000)
    expect(suggestion.locator(".why")).to_contain_text(f"same type {CANCELLED_TYPE}")
    expect(suggestion.locator(".why")).to_contain_text("overlap")
    expect(suggestion.locator(".why")).to_contain_text("White House")
    expect(cards.nth(2).locator(".no-suggestion")).to_be_visible()

    status = page.locator("#curate-status")
    page.keyboard.press("j")
    expect(first).to_be_focused()
    page.keyboard.press("m")
    expect(status).to_contain_text("into a new draft entry.")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(RESCHEDULED)
    expect(cards.first).to_be_focused()
    page.keyboard.press("c")
    expect(status).to_contain_text(f"New draft entry “{RESCHEDULED}”.")
    expect(page.get_by_text("No approved event waits for an entry.")).to_be_visible()


def make_public_chronology(page: Page) -> None:
    page.locator(".curate-links").get_by_role("link", name="Chronologies").click()
    page.get_by_role("link", name="New chronology").click()
    page.get_by_label("Title").click()
    page.keyboard.type(CHRONOLOGY)
    page.get_by_label("Slug").click()
    page.keyboard.type("iran-2024")
    page.get_by_label("Description").click()
    page.keyboard.type("Meetings of US and Israeli officials about Iran's nuclear programme.")
    page.get_by_label("Public").check()
    page.get_by_role("button", name="Make the chronology").click()
    expect(page.get_by_text(f"Made the chronology “{CHRONOLOGY}”.")).to_be_visible()


def publish(page: Page, live_server, headline: str) -> None:
    page.goto(f"{live_server.url}/curate/entries/")
    page.get_by_role("link", name=headline).click()
    expect(page.get_by_role("heading", name=headline, level=1)).to_be_visible()
    # The two reports' dates overlap: nothing for the curator to confirm.
    expect(page.locator(".date-conflict")).to_have_count(0)
    page.get_by_label(CHRONOLOGY).check()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator("#curate-status")).to_have_text(f"Published in “{CHRONOLOGY}”.")
    expect(page.locator(".entry-kicker .entry-status")).to_have_text("Published")


# --- the reader -----------------------------------------------------------------------


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found, f"{locator} is not drawn"
    return found


def read_the_public_page(browser: Browser, live_server) -> None:
    context = browser.new_context()
    reader = context.new_page()
    reader.goto(f"{live_server.url}/c/iran-2024/")
    expect(reader.get_by_role("heading", name=CHRONOLOGY, level=1)).to_be_visible()
    expect(reader.get_by_role("button", name="Log out")).to_have_count(0)
    expect(reader.locator(".results-count")).to_have_text("2 entries.")

    cancelled = reader.locator("article.entry").filter(
        has=reader.get_by_role("heading", name=CANCELLED)
    )
    citations = cancelled.locator(".citation")
    expect(citations).to_have_count(2)
    expect(cancelled.locator(".source-count")).to_have_text("Reported by 2 sources")
    for outlet, evidence in [(OUTLET_000, EVIDENCE_000), (OUTLET_001, EVIDENCE_001)]:
        cited = citations.filter(has=reader.locator(".source-name", has_text=outlet))
        expect(cited).to_have_count(1)
        expect(cited.locator("mark")).to_have_text(evidence)

    rescheduled = reader.locator("article.entry").filter(
        has=reader.get_by_role("heading", name=RESCHEDULED)
    )
    expect(rescheduled.locator(".entry-date")).to_have_text("mid-July 2024")
    expect(rescheduled.locator(".source-count")).to_have_text("Reported by 1 source")

    # On the timeline the rescheduled meeting is a bar across its ten days (11–20 July),
    # read against the axis's weekly ticks; the cancellation, one day, is a point.
    marks = reader.locator(".timeline .mark")
    expect(marks).to_have_count(2)
    bar = marks.filter(has=reader.get_by_role("link", name=re.compile(RESCHEDULED)))
    point = marks.filter(has=reader.get_by_role("link", name=re.compile(CANCELLED)))
    expect(bar).to_have_class(re.compile(r"\bmark-bar\b"))
    expect(bar).to_be_visible()
    expect(point).to_have_class(re.compile(r"\bmark-point\b"))
    expect(bar.get_by_role("link")).to_have_attribute("href", re.compile(r"^#entry-"))
    ticks = reader.locator(".timeline-ticks li")
    expect(ticks.filter(has_text="8 Jul")).to_have_count(1)
    tick_8 = box(ticks.filter(has_text="8 Jul"))["x"]
    tick_15 = box(ticks.filter(has_text="15 Jul"))["x"]
    day = (tick_15 - tick_8) / 7
    drawn, dot = box(bar), box(point)
    assert day > 5, f"the ticks are not laid out on an axis ({tick_8}, {tick_15})"
    assert 9 * day <= drawn["width"] <= 11 * day, (drawn, day)
    assert tick_8 + 2 * day <= drawn["x"] <= tick_8 + 4 * day, (drawn, tick_8, day)
    assert dot["width"] < 2 * day and dot["x"] + dot["width"] < tick_8, (dot, day)

    # Only the quoted passages, with a short context: none of the rest of the articles.
    text = reader.locator("body").inner_text()
    for sentence in NOT_QUOTED:
        assert sentence not in text, sentence
    context.close()


def test_the_seed_chronology_from_import_to_the_public_page(
    page: Page, browser: Browser, live_server, desk
):
    log_in(page, live_server, desk["editor"].username)
    articles = import_the_seeds(page, live_server)
    annotate_000(page, live_server, articles["000"])
    annotate_001(page, live_server, articles["001"])
    log_out(page)

    log_in(page, live_server, desk["reviewer"].username)
    approve_everything(page, live_server, 7)
    log_out(page)

    log_in(page, live_server, desk["curator"].username)
    curate(page, live_server)
    make_public_chronology(page)
    publish(page, live_server, CANCELLED)
    publish(page, live_server, RESCHEDULED)
    log_out(page)

    published = Entry.objects.filter(status=Entry.Status.PUBLISHED)
    assert sorted(published.values_list("date", flat=True)) == [
        "2024-06-20",
        "2024-07-11/2024-07-20",
    ]
    assert Event.objects.filter(status=Status.APPROVED).count() == 3

    read_the_public_page(browser, live_server)
