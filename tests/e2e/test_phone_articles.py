"""The articles on a phone (390 px wide), as an editor holds one: the actions before the
text, and tables that fit the screen with every column in view."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.factories import ArticleFactory, EntityFactory, SourceFactory

PHONE = {"width": 390, "height": 844}
LONG_TITLE = (
    "Israel cancels defence minister's visit to US as Washington weighs its response to "
    "Iran's missile strike on the region"
)


@pytest.fixture
def phone(logged_in_page) -> Page:
    logged_in_page.set_viewport_size(PHONE)
    return logged_in_page


def box(page: Page, locator) -> dict:
    expect(locator).to_be_visible()
    found = locator.bounding_box()
    assert found is not None
    return found


def page_scrolls_sideways(page: Page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def test_the_actions_come_before_the_article_text(phone, live_server):
    ArticleFactory(
        title=LONG_TITLE,
        standfirst="Gallant's delayed trip raises concern it could affect co-operation.",
        body="Israel has told the US that its defence minister will not travel.\n\n"
        + "\n\n".join(f"Paragraph {n} of the report." for n in range(40)),
    )
    phone.goto(f"{live_server.url}/articles/")
    phone.get_by_role("link", name=LONG_TITLE).click()

    text = box(phone, phone.locator(".article-body p").first)
    annotate = box(phone, phone.get_by_role("link", name="Annotate"))
    edit = box(phone, phone.get_by_role("link", name="Edit details"))

    for action in (annotate, edit):
        assert action["y"] + action["height"] <= text["y"]
        assert 0 <= action["x"] and action["x"] + action["width"] <= PHONE["width"]
    # Both are on the first screen: no scrolling past the article to reach them.
    assert max(annotate["y"], edit["y"]) < PHONE["height"]
    assert not page_scrolls_sideways(phone)

    phone.get_by_role("link", name="Edit details").click()
    form = box(phone, phone.get_by_label("Publication date"))
    text = box(phone, phone.locator(".article-body p").first)
    assert form["y"] < text["y"]  # the form opens where the details were, above the text


def test_the_article_list_fits_with_the_published_column_in_view(phone, live_server):
    source = SourceFactory(name="The Financial Times of London and the World")
    ArticleFactory(title=LONG_TITLE, source=source, published_on=date(2024, 6, 26))
    ArticleFactory(title="Undated", source=source, published_on=None)
    phone.goto(f"{live_server.url}/articles/")

    row = phone.get_by_role("row").filter(has_text=LONG_TITLE)
    published = row.locator("td[data-label=Published]")
    # The cell shows its column's name before the date: "PUBLISHED 26 June 2024".
    expect(published).to_have_text("26 June 2024")
    expect(published).to_have_accessible_name("Published 26 June 2024")
    cell = box(phone, published)
    assert 0 <= cell["x"] and cell["x"] + cell["width"] <= PHONE["width"]
    undated = (
        phone.get_by_role("row").filter(has_text="Undated").locator("td[data-label=Published]")
    )
    expect(undated).to_have_accessible_name("Published needs date")
    assert box(phone, undated)["x"] + box(phone, undated)["width"] <= PHONE["width"]

    assert not page_scrolls_sideways(phone)
    overflowing = phone.evaluate(
        "[...document.querySelectorAll('.table-container')]"
        ".some(c => c.scrollWidth > c.clientWidth)"
    )
    assert not overflowing, "the table scrolls sideways inside its box"


def test_sorting_still_works_on_a_phone(phone, live_server):
    for title in ("Bravo", "Alpha", "Charlie"):
        ArticleFactory(title=title)
    phone.goto(f"{live_server.url}/articles/")
    phone.get_by_role("link", name="Title").click()
    expect(phone.locator("th[aria-sort=ascending]")).to_have_text("Title")
    expect(phone.locator("tbody td.title")).to_have_text(["Alpha", "Bravo", "Charlie"])


def test_other_tables_fit_a_phone_too(phone, live_server):
    EntityFactory(name="Islamic Revolutionary Guard Corps Aerospace Force Command " * 2)
    phone.goto(f"{live_server.url}/entities/")
    expect(phone.get_by_role("table")).to_be_visible()
    assert not page_scrolls_sideways(phone)
    mentions = phone.locator("td[data-label=Mentions]").first
    cell = box(phone, mentions)
    assert cell["x"] + cell["width"] <= PHONE["width"]
