"""The workspace in a real browser: select with the mouse, mark, see it without a reload."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from curation.annotations.models import Entity, EntityKind, Mention
from curation.articles.importing import parse_document
from curation.articles.models import Article
from curation.articles.services import article_build, articles_save

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def import_seed(name: str) -> Article:
    parsed = parse_document((SEEDS / name).read_bytes(), filename=name)
    [outcome] = articles_save(
        batch=[(name, article_build(parsed=parsed, source=None, imported_by=None))]
    )
    return Article.objects.get(pk=outcome.article_id)


def select_text(page: Page, text: str) -> None:
    """Select the first occurrence of ``text`` in the article with a mouse drag."""
    box = page.evaluate(
        """(needle) => {
          const root = document.getElementById("workspace-text");
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let node, found = null;
          // The text may be split across segments: search the concatenated text.
          const nodes = [];
          let all = "";
          while ((node = walker.nextNode())) { nodes.push([node, all.length]); all += node.data; }
          const at = all.indexOf(needle);
          if (at < 0) return null;
          const locate = (offset) => {
            for (let i = nodes.length - 1; i >= 0; i--) {
              if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
            }
          };
          const range = document.createRange();
          range.setStart(...locate(at));
          range.setEnd(...locate(at + needle.length));
          const rects = range.getClientRects();
          const first = rects[0], last = rects[rects.length - 1];
          return {x1: first.left + 1, y1: first.top + first.height / 2,
                  x2: last.right - 1, y2: last.top + last.height / 2};
        }""",
        text,
    )
    assert box, f"{text!r} is not in the article"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def test_mark_an_entity_with_the_mouse_and_accept_a_suggestion(logged_in_page, live_server):
    page = logged_in_page
    ft = import_seed("002_410c50c9ff093c32.txt")
    axios = import_seed("000_04889a4c5d51775a.txt")

    page.goto(f"{live_server.url}/articles/{ft.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    select_text(page, "Yoav Gallant")
    popover = page.locator("#popover")
    expect(popover.get_by_text("Mark “Yoav Gallant” as…")).to_be_visible()
    popover.get_by_label("Person").check()
    popover.get_by_role("button", name="Create and mark").click()

    mention = page.locator("#workspace-text .seg.m.k-person").first
    expect(mention).to_have_text("Yoav Gallant")
    expect(page.locator("#workspace-panel")).to_contain_text("Yoav Gallant")
    expect(popover).to_be_hidden()
    assert page.evaluate("window.__marker") == 1
    gallant = Entity.objects.get(name="Yoav Gallant")
    assert gallant.kind.slug == "person"
    assert Mention.objects.get(entity=gallant).quote == "Yoav Gallant"

    # An entity "Hezbollah" gets the FT's spelling as an alias on its page.
    hezbollah = Entity.objects.create(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    page.goto(f"{live_server.url}/entities/{hezbollah.pk}/")
    page.get_by_label("New alias").fill("Hizbollah")
    page.get_by_role("button", name="Add alias").click()
    expect(page.locator("#aliases li")).to_contain_text(["Hizbollah"])

    # Seed 000 spells it "Hezbollah": the gazetteer suggests it, and the editor accepts.
    page.goto(f"{live_server.url}/articles/{axios.pk}/annotate/")
    page.evaluate("window.__marker = 2")
    page.get_by_role("link", name="Suggest").click()
    suggestion = page.locator("#workspace-text .seg.sug", has_text="Hezbollah").first
    expect(suggestion).to_be_visible()
    suggestion.click()
    page.locator("#popover").get_by_role("button", name="Accept").click()

    expect(page.locator("#workspace-text .seg.m.k-group").first).to_have_text("Hezbollah")
    assert page.evaluate("window.__marker") == 2
    assert Mention.objects.filter(article=axios, entity=hezbollah).count() == 1


@pytest.mark.parametrize("prefix", ["🙂 ", ""])
def test_offsets_survive_an_emoji_before_the_selection(logged_in_page, live_server, prefix):
    page = logged_in_page
    article = Article.objects.create(
        title="Emoji",
        body=f"{prefix}Talks with Tehran resumed.",
        raw_text="x",
        content_hash=f"emoji-{len(prefix)}",
        format="text",
    )
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, "Tehran")
    popover = page.locator("#popover")
    expect(popover.get_by_text("Mark “Tehran” as…")).to_be_visible()
    popover.get_by_label("Place").check()
    popover.get_by_role("button", name="Create and mark").click()
    expect(page.locator("#workspace-text .seg.m")).to_have_text("Tehran")
    mention = Mention.objects.get()
    assert article.body[mention.start : mention.end] == "Tehran"


def test_keyboard_moves_between_overlapping_mentions_and_deletes_the_focused_one(
    logged_in_page, live_server
):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    person = EntityKind.objects.get(slug="person")
    netanyahu = Entity.objects.create(name="Benjamin Netanyahu", kind=person)
    bibi = Entity.objects.create(name="Bibi", kind=person)
    start = article.body.index("Benjamin Netanyahu")
    first, second = (
        Mention.objects.create(
            article=article,
            entity=entity,
            start=start,
            end=start + len("Benjamin Netanyahu"),
            quote="Benjamin Netanyahu",
        )
        for entity in (netanyahu, bibi)
    )
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.keyboard.press("?")
    expect(page.locator("#help")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#help")).to_be_hidden()

    page.keyboard.press("j")
    page.keyboard.press("j")  # the second mention starts at the same place
    expect(page.locator("#workspace-text .seg:focus")).to_have_text("Benjamin Netanyahu")
    page.keyboard.press("Enter")
    expect(page.locator("#popover")).to_contain_text("marks Bibi")
    page.keyboard.press("Escape")
    expect(page.locator("#popover")).to_be_hidden()

    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Delete")
    expect(page.locator("#workspace-panel")).not_to_contain_text("Bibi")
    assert list(Mention.objects.values_list("pk", flat=True)) == [first.pk]
    assert second.pk != first.pk


def test_keyboard_marks_a_selection_and_accepts_a_suggestion(logged_in_page, live_server):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    Entity.objects.create(name="Tehran", kind=EntityKind.objects.get(slug="place"))
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/?suggest=1")

    page.keyboard.press("j")
    expect(page.locator("#workspace-text .seg:focus")).to_have_text("Tehran")
    page.keyboard.press("a")
    expect(page.locator("#workspace-text .seg.m.k-place").first).to_have_text("Tehran")
    assert Mention.objects.get().quote == "Tehran"

    select_text(page, "Tzachi Hanegbi")
    expect(page.locator("#popover")).to_contain_text("Tzachi Hanegbi")
    page.keyboard.press("Escape")
    expect(page.locator("#popover")).to_be_hidden()
    select_text(page, "Ron Dermer")
    expect(page.locator("#popover")).to_contain_text("Ron Dermer")
    page.keyboard.press("Escape")
    expect(page.locator("#popover")).to_be_hidden()
    page.keyboard.press("e")
    expect(page.locator("#popover")).to_contain_text("Mark “Ron Dermer” as…")


def test_clicking_an_entity_in_the_panel_highlights_its_mentions(logged_in_page, live_server):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    iran = Entity.objects.create(name="Iran", kind=EntityKind.objects.get(slug="place"))
    for match in re.finditer(r"\bIran\b", article.body):
        start = match.start()
        Mention.objects.create(
            article=article, entity=iran, start=start, end=start + 4, quote="Iran"
        )
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.locator(".entity-chip", has_text="Iran").click()
    expect(page.locator("#workspace-text .focus-entity")).to_have_count(Mention.objects.count())
