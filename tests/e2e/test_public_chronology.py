"""The public chronology in a browser, as an anonymous visitor uses it: the filters
(an entity chosen from its list, a date typed into the date field) narrow the entries
and the timeline without a reload, the address keeps what was chosen, and Back goes
back to it; a timeline mark is reached with Tab and Enter goes to its entry; on a phone
nothing is wider than the screen."""

import re

import pytest
from playwright.sync_api import Page, expect

from curation.annotations.models import EventType
from curation.annotations.views.event_types import DEFAULT_COLOUR, type_colour
from tests.chronology import public_data as data

# In the order they are listed: summer 2024 begins first, on 1 June.
EVERYTHING = [
    "A summer of talks",
    "Officials speak by phone",
    "White House cancels the meeting",
    "The meeting is rescheduled for mid-July",
    "Envoys meet in Doha",
]


@pytest.fixture
def chronology(transactional_db):
    topic = data.chronology("US–Israel consultations on Iran, 2024", slug="iran")
    white_house = data.entity("White House", "organisation")
    israel = data.entity("Israel", "place")
    qatar = data.entity("Qatar", "place")

    def cited(value, *participants, location=None, type_slug="reject-meeting-cancelled"):
        return [
            data.approved_event(
                data.article(),
                date_value=value,
                type_slug=type_slug,
                participants=participants,
                location=location,
            )
        ]

    for value, headline, type_slug, events in [
        ("2024-06-13~", EVERYTHING[1], "consult-call", cited("2024-06-13~", (israel, "actor"))),
        ("2024-06-20", EVERYTHING[2], None, cited("2024-06-20", (white_house, "actor"))),
        (
            "2024-07-11/2024-07-20",
            EVERYTHING[3],
            "agree-meeting-rescheduled",
            cited(
                "2024-07-11/2024-07-20",
                (white_house, "target"),
                type_slug="agree-meeting-rescheduled",
            ),
        ),
        ("2024-08-02", EVERYTHING[4], "consult-meeting", cited("2024-08-02", location=qatar)),
        ("2024-22", EVERYTHING[0], "consult-meeting", cited("2024-22", (israel, "actor"))),
    ]:
        data.entry(
            [topic],
            value,
            headline=headline,
            type_slug=type_slug or "reject-meeting-cancelled",
            events=events,
        )
    return topic


def listed(page: Page):
    return page.locator("article.entry .entry-headline")


def type_colour_of(slug: str) -> str:
    event_type = EventType.objects.select_related("parent").get(slug=slug)
    parent = event_type.parent.colour if event_type.parent else None
    colour = type_colour(event_type.colour, parent)
    assert colour != DEFAULT_COLOUR  # else a missing stylesheet would look the same
    return colour


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def marks(page: Page):
    return page.locator(".timeline .mark")


def test_filters_narrow_the_entries_and_the_timeline_and_back_undoes_them(
    page: Page, live_server, chronology
):
    page.goto(f"{live_server.url}/c/iran/")
    expect(listed(page)).to_have_count(5)
    expect(marks(page)).to_have_count(5)
    page.evaluate("window.__marker = 1")

    page.get_by_label("Entity").select_option(label="White House (organisation)")
    expect(listed(page)).to_have_text([EVERYTHING[2], EVERYTHING[3]])
    expect(marks(page)).to_have_count(2)
    expect(page).to_have_url(re.compile(r"/c/iran/\?entity=\d+&type=&from=&to=$"))

    page.get_by_label("From").click()
    page.keyboard.type("07012024")  # month, day, year, as the date field reads them here
    expect(listed(page)).to_have_text([EVERYTHING[3]])
    expect(marks(page)).to_have_count(1)
    expect(page).to_have_url(re.compile(r"entity=\d+&type=&from=2024-07-01&to=$"))
    expect(page.locator(".results-count")).to_have_text("1 entry matching the filters.")
    # The timeline is drawn from 1 July to the entry's end, 20 July: the mid-July bar
    # (11-20 July) is its second half.
    bar = marks(page).first
    expect(bar).to_have_class(re.compile(r"\bmark-bar\b"))
    track = page.locator(".timeline-marks").bounding_box()
    drawn = bar.bounding_box()
    assert track and drawn
    assert 0.45 < (drawn["x"] - track["x"]) / track["width"] < 0.55, (drawn, track)
    assert abs(drawn["x"] + drawn["width"] - track["x"] - track["width"]) < 2, (drawn, track)
    # Drawn in its type's colour (/event-types.css), as its entry's edge is.
    colour = rgb(type_colour_of("agree-meeting-rescheduled"))
    expect(bar.locator("a")).to_have_css("background-color", colour)
    expect(page.locator("article.entry")).to_have_css("border-left-color", colour)
    assert page.evaluate("window.__marker") == 1  # no reload

    page.go_back()
    expect(page).to_have_url(re.compile(r"entity=\d+&type=&from=&to=$"))
    expect(listed(page)).to_have_text([EVERYTHING[2], EVERYTHING[3]])
    expect(page.get_by_label("From")).to_have_value("")
    expect(page.get_by_label("Entity")).to_have_value(re.compile(r"^\d+$"))

    page.go_back()
    expect(page).to_have_url(f"{live_server.url}/c/iran/")
    expect(listed(page)).to_have_count(5)
    expect(marks(page)).to_have_count(5)
    expect(page.get_by_label("Entity")).to_have_value("")

    page.go_forward()
    expect(listed(page)).to_have_text([EVERYTHING[2], EVERYTHING[3]])
    expect(page.get_by_label("Entity")).to_have_value(re.compile(r"^\d+$"))


def test_a_timeline_mark_is_reached_with_tab_and_enter_opens_its_entry(
    page: Page, live_server, chronology
):
    page.goto(f"{live_server.url}/c/iran/")
    page.get_by_role("link", name="Clear filters").focus()
    mark_links = page.locator(".timeline-marks a")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.timeline-marks') !== null"):
            break
    first = mark_links.first
    expect(first).to_be_focused()
    expect(first).to_have_accessible_name("A summer of talks, summer 2024")
    expect(first.locator(".mark-label")).to_be_visible()  # its text shows on focus
    rescheduled = page.get_by_role(
        "link", name="The meeting is rescheduled for mid-July, mid-July 2024"
    )
    for _ in range(3):  # past the call and the cancellation, in the list's order
        page.keyboard.press("Tab")
    expect(rescheduled).to_be_focused()
    page.keyboard.press("Enter")
    entry = page.locator("article.entry", has_text=EVERYTHING[3])
    expect(page).to_have_url(re.compile(r"#entry-"))
    expect(entry).to_be_focused()
    expect(entry).to_be_in_viewport()


def test_on_a_phone_nothing_is_wider_than_the_screen(page: Page, live_server, chronology):
    data.entry(
        [chronology],
        "2024-08-05",
        headline="Anunusuallylongwordthatawirereportmightuse" * 3,
        description="https://example.org/" + "a-very-long-path/" * 8,
    )
    page.set_viewport_size({"width": 375, "height": 800})
    for url in ("/c/", "/c/iran/", "/c/iran/?from=2024-07-01"):
        page.goto(f"{live_server.url}{url}")
        expect(page.locator("h1")).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} is {overflow}px wider than the screen"
    filters = page.locator("#chronology-filters")
    entity, start = (
        page.get_by_label("Entity").bounding_box(),
        page.get_by_label("From").bounding_box(),
    )
    assert entity and start and start["y"] > entity["y"], "the filters stack on a phone"
    assert filters.bounding_box()["width"] <= 375
