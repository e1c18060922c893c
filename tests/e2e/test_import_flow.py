from pathlib import Path

from playwright.sync_api import expect

from curation.articles.models import Article
from tests.factories import ArticleFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_import_seed_files_with_preview_and_no_reload(logged_in_page, live_server):
    page = logged_in_page
    page.goto(f"{live_server.url}/articles/import/")
    page.evaluate("window.__marker = 1")

    page.get_by_label("…or upload files").set_input_files(
        [SEEDS / "000_04889a4c5d51775a.txt", SEEDS / "002_410c50c9ff093c32.txt"]
    )
    page.get_by_role("button", name="Preview").click()

    expect(page.get_by_role("heading", name="Check what the desk found")).to_be_visible()
    expect(page.locator("input[name=item-1-byline]")).to_have_value(
        "Steff Chávez and James Politi in Washington and Neri Zilber in Tel Aviv"
    )
    page.locator("input[name=item-0-published_on]").fill("2024-06-26")
    page.get_by_role("button", name="Import checked articles").click()

    expect(page.get_by_role("heading", name="2 articles imported")).to_be_visible()
    assert page.evaluate("window.__marker") == 1
    assert (
        Article.objects.get(title__startswith="US, Israel").published_on.isoformat() == "2024-06-26"
    )

    page.get_by_role("link", name="Go to the articles").click()
    expect(
        page.get_by_role("link", name="Israel cancels defence minister's visit to US")
    ).to_be_visible()


def test_sorting_and_paging_swap_only_the_table(logged_in_page, live_server):
    page = logged_in_page
    titles = [f"Report {n:02d}" for n in range(30)]
    for n in range(30):  # saved out of order: 0, 7, 14, 21, 28, 5, …
        ArticleFactory(title=titles[n * 7 % 30])
    page.goto(f"{live_server.url}/articles/")
    page.evaluate("window.__marker = 1")
    rows = page.locator("tbody td.title")

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="2").click()
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    page.get_by_role("link", name="Title").click()
    expect(page.locator("th[aria-sort=ascending]")).to_have_text("Title")
    expect(rows).to_have_text(titles[25:])  # page 2 of A to Z

    page.get_by_role("link", name="Title").click()
    expect(page.locator("th[aria-sort=descending]")).to_have_text("Title")
    expect(rows).to_have_text(titles[4::-1])  # page 2 of Z to A

    page.get_by_role("navigation", name="Pages").get_by_role("link", name="1").click()
    expect(rows).to_have_text(titles[:4:-1])

    assert page.evaluate("window.__marker") == 1
    assert "sort=-title" in page.url


def test_the_list_is_usable_on_a_phone(logged_in_page, live_server):
    page = logged_in_page
    ArticleFactory(title="A long headline about talks that wraps on a small screen")
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/articles/")
    expect(page.get_by_role("link", name="A long headline")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
