"""The curation desk in a real browser: a curator works through the waiting events from
the keyboard (j/k to move, m to merge with the top suggestion, n for "not the same", c
for a new entry), then settles an entry whose sources differ on the date and publishes
it; both pages fit a phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from curation.chronology import services
from curation.chronology.models import Chronology, Entry, EntryEvent, NotSameEvent
from tests.chronology.desk import entity, waiting_event
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def curator(transactional_db):
    return UserFactory(username="cora", role="curator")


@pytest.fixture
def curating(page: Page, live_server, curator) -> Page:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(curator.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/articles/"))
    return page


@pytest.fixture
def desk():
    """Five approved events waiting, in date order: a strike with nothing like it; the
    SCG cancellation as two outlets reported it (a week, and a day in it); two meetings in
    Doha on one day that a curator knows are different."""
    white_house = entity("White House")
    qatar = entity("Qatar", "place")
    return {
        "strike": waiting_event(
            "2024-06-10",
            headline="Strike on a depot near Tyre",
            type_slug="assault-missile-strike",
            participants=(entity("Israel Defense Forces"),),
        ),
        "week": waiting_event(
            "2024-06-17/2024-06-23",
            headline="SCG gathering called off by the White House",
            participants=(white_house,),
            source="Jewish News Syndicate",
        ),
        "day": waiting_event(
            "2024-06-20",
            headline="White House cancels the SCG meeting",
            participants=(white_house, entity("Israel", "place")),
            source="Axios",
        ),
        "doha talks": waiting_event(
            "2024-07-01",
            headline="Hostage talks in Doha",
            type_slug="consult-meeting",
            location=qatar,
        ),
        "doha forum": waiting_event(
            "2024-07-01",
            headline="Energy forum opens in Doha",
            type_slug="consult-meeting",
            location=qatar,
        ),
    }


def card(page: Page, headline: str):
    return page.locator(".curate-card").filter(
        has=page.get_by_role("heading", name=headline, exact=True)
    )


def expect_current(page: Page, headline: str) -> None:
    """The card is the current one, and it shows: it has the focus and an outline."""
    current = card(page, headline)
    expect(current).to_be_focused()
    expect(current).to_have_css("outline-style", "solid")


def test_a_curator_merges_sets_aside_and_creates_from_the_keyboard(curating, live_server, desk):
    page = curating
    page.goto(f"{live_server.url}/curate/")
    headlines = page.locator(".curate-card .card-headline")
    expect(headlines).to_have_text(
        [
            "Strike on a depot near Tyre",
            "SCG gathering called off by the White House",
            "White House cancels the SCG meeting",
            "Hostage talks in Doha",
            "Energy forum opens in Doha",
        ]
    )
    week = card(page, "SCG gathering called off by the White House")
    expect(week.locator(".suggestion").first).to_contain_text(
        "same type REJECT › meeting cancelled or postponed; dates 17–23 June 2024 / "
        "20 June 2024 overlap; shared: White House"
    )
    page.evaluate("window.__marker = 1")

    page.keyboard.press("j")
    expect_current(page, "Strike on a depot near Tyre")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect_current(page, "White House cancels the SCG meeting")
    page.keyboard.press("k")
    expect_current(page, "SCG gathering called off by the White House")
    expect(card(page, "Strike on a depot near Tyre")).not_to_be_focused()

    # m: the week's report and the day's become one entry; both cards leave.
    page.keyboard.press("m")
    status = page.locator("#curate-status")
    expect(status).to_contain_text(
        "Merged “SCG gathering called off by the White House” and “White House cancels "
        "the SCG meeting” into a new draft entry."
    )
    expect(card(page, "SCG gathering called off by the White House")).to_have_count(0)
    expect(card(page, "White House cancels the SCG meeting")).to_have_count(0)
    expect(headlines).to_have_count(3)
    entry = Entry.objects.get()
    expect(status.get_by_role("link", name="Open the entry")).to_have_attribute(
        "href", f"/curate/entries/{entry.pk}/"
    )
    assert set(entry.entry_events.values_list("event", flat=True)) == {
        desk["week"].pk,
        desk["day"].pk,
    }
    # The curator's place is kept: the card that took the merged one's place.
    expect_current(page, "Hostage talks in Doha")

    # n: the forum is not the talks; the suggestion goes from both cards.
    talks, forum = card(page, "Hostage talks in Doha"), card(page, "Energy forum opens in Doha")
    expect(talks.locator(".suggestion")).to_contain_text("Energy forum opens in Doha")
    page.keyboard.press("n")
    expect(status).to_contain_text(
        "Noted: “Hostage talks in Doha” is not the same as “Energy forum opens in Doha”."
    )
    expect(talks.locator(".suggestion")).to_have_count(0)
    expect(forum.locator(".suggestion")).to_have_count(0)
    expect(talks.locator(".no-suggestion")).to_be_visible()
    assert NotSameEvent.objects.count() == 1
    expect_current(page, "Hostage talks in Doha")

    # c: the talks become an entry of their own.
    page.keyboard.press("c")
    expect(status).to_contain_text("New draft entry “Hostage talks in Doha”.")
    expect(card(page, "Hostage talks in Doha")).to_have_count(0)
    expect(headlines).to_have_text(["Strike on a depot near Tyre", "Energy forum opens in Doha"])
    assert EntryEvent.objects.filter(event=desk["doha talks"]).exists()
    expect_current(page, "Energy forum opens in Doha")
    assert page.evaluate("window.__marker") == 1

    # m on a card without a suggestion says what to do instead.
    page.keyboard.press("k")
    page.keyboard.press("m")
    expect(status).to_contain_text("Nothing to merge with: this event has no suggestion.")
    assert Entry.objects.count() == 2


@pytest.fixture
def conflicted_entry(curator, desk):
    """The SCG entry with a third report that dates it to July: its sources differ."""
    july = waiting_event(
        "2024-07",
        headline="SCG meeting scrapped",
        participants=(entity("White House"),),
        source="Times of Israel",
    )
    return services.entry_create(events=[desk["day"], desk["week"], july], by=curator)


def test_an_entry_whose_sources_differ_is_confirmed_then_published(
    curating, live_server, conflicted_entry
):
    page = curating
    Chronology.objects.create(title="US–Israel consultations on Iran, 2024", slug="iran-2024")
    page.goto(f"{live_server.url}/curate/entries/{conflicted_entry.pk}/")
    page.evaluate("window.__marker = 1")

    flag = page.locator(".date-conflict")
    expect(page.locator(".entry-kicker")).to_contain_text("Sources differ on date")
    expect(flag.locator(".source-dates li")).to_have_text(
        [
            "Jewish News Syndicate: 17–23 June 2024",
            "Axios: 20 June 2024",
            "Times of Israel: July 2024",
        ]
    )

    # Publishing before the date is confirmed is refused, with what to do.
    page.get_by_label("US–Israel consultations on Iran, 2024").check()
    page.get_by_role("button", name="Publish", exact=True).click()
    status = page.locator("#curate-status")
    expect(status).to_contain_text("Its sources differ on the date.")
    expect(status).to_have_class(re.compile("is-error"))
    assert Entry.objects.get().status == Entry.Status.DRAFT

    # The curator types the date the sources agree on best, saves, and confirms it.
    date_field = page.get_by_label("Date", exact=True)
    date_field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("20 June 2024")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Saved.")
    page.get_by_role("button", name="Confirm the date: 20 June 2024").click()
    expect(status).to_contain_text("Date confirmed: 20 June 2024.")
    expect(flag).to_contain_text("was confirmed by cora")

    page.get_by_label("US–Israel consultations on Iran, 2024").check()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(status).to_have_text("Published in “US–Israel consultations on Iran, 2024”.")
    expect(page.locator(".entry-kicker .entry-status")).to_have_text("Published")
    published = Entry.objects.get()
    assert published.status == Entry.Status.PUBLISHED and published.date == "2024-06-20"
    assert page.evaluate("window.__marker") == 1


def page_scrolls_sideways(page: Page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_the_desk_and_an_entry_fit_a_phone(curating, live_server, conflicted_entry, desk):
    page = curating
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/curate/")
    expect(page.locator(".curate-card").first).to_be_visible()
    assert not page_scrolls_sideways(page)
    page.goto(f"{live_server.url}/curate/entries/{conflicted_entry.pk}/")
    expect(page.locator(".date-conflict")).to_be_visible()
    assert not page_scrolls_sideways(page)
    page.goto(f"{live_server.url}/curate/entries/")
    expect(page.locator("#entries-table")).to_be_visible()
    assert not page_scrolls_sideways(page)
