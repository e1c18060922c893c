"""The workspace in a real browser, used as an editor does: select with the mouse or the
keyboard, choose Entity or Event on the adder, type into the search, press the documented
keys, and see the highlight and the counts change without a reload."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from curation.annotations import selectors
from curation.annotations.models import Entity, EntityKind, Mention
from curation.articles.importing import parse_document
from curation.articles.models import Article
from curation.articles.services import article_build, articles_save
from tests.factories import ArticleFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def import_seed(name: str) -> Article:
    parsed = parse_document((SEEDS / name).read_bytes(), filename=name)
    [outcome] = articles_save(
        batch=[(name, article_build(parsed=parsed, source=None, imported_by=None))]
    )
    return Article.objects.get(pk=outcome.article_id)


def select_text(page: Page, text: str, occurrence: int = 0) -> None:
    """Select an occurrence of ``text`` (the first by default) in the article with a
    mouse drag."""
    box = page.evaluate(
        """([needle, occurrence]) => {
          const root = document.getElementById("workspace-text");
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let node, found = null;
          // The text may be split across segments: search the concatenated text.
          const nodes = [];
          let all = "";
          while ((node = walker.nextNode())) { nodes.push([node, all.length]); all += node.data; }
          let at = all.indexOf(needle);
          for (let n = 0; n < occurrence && at >= 0; n++) at = all.indexOf(needle, at + 1);
          if (at < 0) return null;
          const locate = (offset) => {
            for (let i = nodes.length - 1; i >= 0; i--) {
              if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
            }
          };
          const range = document.createRange();
          range.setStart(...locate(at));
          range.setEnd(...locate(at + needle.length));
          // Mouse coordinates are the viewport's: bring the text into view first.
          range.startContainer.parentElement.scrollIntoView({block: "center"});
          const rects = range.getClientRects();
          const first = rects[0], last = rects[rects.length - 1];
          return {x1: first.left + 1, y1: first.top + first.height / 2,
                  x2: last.right - 1, y2: last.top + last.height / 2};
        }""",
        [text, occurrence],
    )
    assert box, f"{text!r} is not in the article"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def seg_mentions(page: Page, text: str):
    """The marked segments that read exactly ``text``."""
    return page.locator("#workspace-text .seg.m", has_text=re.compile(rf"^{re.escape(text)}$"))


def entity(name: str, kind: str) -> Entity:
    return Entity.objects.create(name=name, kind=EntityKind.objects.get(slug=kind))


def mark(article: Article, target: Entity, text: str, occurrence: int = 0, *, by=None) -> Mention:
    """A mention of the text, made by ``by`` (None: nobody the editor is)."""
    start = [m.start() for m in re.finditer(re.escape(text), article.body)][occurrence]
    return Mention.objects.create(
        article=article,
        entity=target,
        start=start,
        end=start + len(text),
        quote=text,
        created_by=by,
    )


def test_linking_journey_select_type_choose_see_it(logged_in_page, live_server):
    """Issue 7, items 1 and 2: typing in the search keeps the popover open; choosing an
    entity marks the text without a reload."""
    page = logged_in_page
    ft = import_seed("002_410c50c9ff093c32.txt")
    hezbollah = entity("Hezbollah", "group")

    page.goto(f"{live_server.url}/articles/{ft.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    expect(page.locator("#mention-count")).to_have_text("0 mentions")
    select_text(page, "Hizbollah")
    adder = page.locator("#adder")
    expect(adder).to_be_visible()
    expect(page.locator("#popover")).to_be_hidden()
    adder.get_by_role("button", name="Entity").click()

    popover = page.locator("#popover")
    search = popover.get_by_label("An entity the desk knows")
    expect(search).to_be_focused()
    expect(search).to_have_value("Hizbollah")
    page.keyboard.type("Hezb")  # replaces the selected prefill
    expect(search).to_have_value("Hezb")
    hit = popover.get_by_role("option", name=re.compile("Hezbollah"))
    expect(hit).to_be_visible()
    expect(popover).to_be_visible()  # the autocomplete did not close it
    hit.click()

    expect(seg_mentions(page, "Hizbollah")).to_have_count(1)
    expect(page.locator("#mention-count")).to_have_text("1 mention")
    expect(page.locator("#workspace-panel .entity-chip", has_text="Hezbollah")).to_contain_text("1")
    expect(popover).to_be_hidden()
    expect(page.locator("#announce")).to_have_text("Marked “Hizbollah” as Hezbollah.")
    assert page.evaluate("window.__marker") == 1
    assert Mention.objects.get().entity == hezbollah


def test_enter_takes_the_first_match_and_shows_it(logged_in_page, live_server):
    """Issue 7, item 2: select, press e, press Enter: the highlight and counts appear."""
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    entity("Benjamin Netanyahu", "person")

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    errors = []
    page.on(
        "console",
        lambda message: errors.append(message.text) if "oob" in message.text.lower() else None,
    )
    select_text(page, "Netanyahu", occurrence=1)  # in "Netanyahu’s scheduled address"
    page.keyboard.press("e")
    search = page.locator("#popover").get_by_label("An entity the desk knows")
    expect(search).to_be_focused()
    expect(search).to_have_value("Netanyahu")
    page.keyboard.press("Enter")

    expect(seg_mentions(page, "Netanyahu")).to_have_count(1)
    expect(page.locator("#mention-count")).to_have_text("1 mention")
    expect(page.locator("#workspace-panel")).to_contain_text("Benjamin Netanyahu")
    assert page.evaluate("window.__marker") == 1
    assert errors == []


def test_a_selection_shows_the_adder_and_v_opens_the_event_form_directly(
    logged_in_page, live_server
):
    """Issue 7, item 3: the adder, not the entity form, follows a selection."""
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate(
        """() => {
          window.__popoverShown = false;
          const popover = document.getElementById("popover");
          new MutationObserver(() => { if (!popover.hidden) window.__popoverShown = true; })
            .observe(popover, {attributes: true, attributeFilter: ["hidden"]});
        }"""
    )
    select_text(
        page, "The meeting, originally scheduled for last Thursday, was reportedly canceled"
    )
    expect(page.locator("#adder")).to_be_visible()
    page.keyboard.press("v")

    form = page.locator("#event-slot")
    expect(form.get_by_role("heading", name="New event")).to_be_visible()
    expect(form.locator(".evidence")).to_contain_text("originally scheduled for last Thursday")
    expect(page.locator("#adder")).to_be_hidden()
    assert page.evaluate("window.__popoverShown") is False

    # The same adder, from the keyboard alone: e opens the entity form, and what is typed
    # then goes into its search box.
    page.keyboard.press("Escape")
    select_text(page, "Ron Dermer")
    expect(page.locator("#adder")).to_be_visible()
    page.keyboard.press("e")
    search = page.locator("#popover").get_by_label("An entity the desk knows")
    expect(search).to_be_focused()
    page.keyboard.type("Dermer")
    expect(search).to_have_value("Dermer")


def test_a_keyboard_selection_offers_the_adder_and_marks_a_new_entity(logged_in_page, live_server):
    """Extend a selection with Shift+arrows, press e, create the entity from the keyboard."""
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, "Ron")  # "Minister Ron Dermer": extend it to the surname
    for _ in range(len(" Dermer")):
        page.keyboard.press("Shift+ArrowRight")
    expect(page.locator("#adder")).to_be_visible()
    page.keyboard.press("e")
    popover = page.locator("#popover")
    expect(popover.get_by_text("Mark “Ron Dermer” as…")).to_be_visible()
    name = popover.get_by_label("Canonical name")
    name.focus()
    expect(name).to_have_value("Ron Dermer")
    page.keyboard.press("Tab")  # to the first kind
    page.keyboard.press("Space")
    page.keyboard.press("Enter")

    expect(seg_mentions(page, "Ron Dermer")).to_have_count(1)
    expect(page.locator("#mention-count")).to_have_text("1 mention")
    dermer = Entity.objects.get(name="Ron Dermer")
    assert dermer.kind == EntityKind.objects.order_by("order", "name").first()
    assert Mention.objects.get().quote == "Ron Dermer"


def test_creating_a_known_name_asks_first(logged_in_page, live_server):
    """Issue 7, item 6: an existing entity of that name is offered before a second one."""
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    other = import_seed("002_410c50c9ff093c32.txt")
    organisation = entity("Hezbollah", "organisation")
    mark(other, organisation, "Hizbollah")

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    select_text(page, "Hezbollah group")
    page.keyboard.press("e")
    popover = page.locator("#popover")
    name = popover.get_by_label("Canonical name")  # open: the desk knows no such name
    expect(name).to_be_visible()
    expect(name).to_have_value("Hezbollah group")
    name.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("Hezbollah")  # the name the editor means, typed over the quote
    expect(name).to_have_value("Hezbollah")
    popover.get_by_label("Group").check()
    popover.get_by_role("button", name="Create and mark").click()

    expect(popover).to_contain_text("The desk already knows “Hezbollah”")
    use_it = popover.get_by_role("button", name=re.compile("Use Hezbollah"))
    expect(use_it).to_contain_text("Organisation, 1 mention")
    expect(use_it).to_be_focused()
    page.keyboard.press("Enter")
    expect(seg_mentions(page, "Hezbollah group")).to_have_count(1)
    assert Entity.objects.filter(name="Hezbollah").count() == 1
    assert Mention.objects.filter(article=article).get().entity == organisation

    # Asked again, the editor says it is a different one: a second entity, on purpose.
    select_text(page, "Hezbollah", occurrence=1)
    page.keyboard.press("e")
    popover.get_by_text("Create a new entity").click()
    expect(popover.get_by_label("Canonical name")).to_have_value("Hezbollah")
    popover.get_by_label("Group").check()
    popover.get_by_role("button", name="Create and mark").click()
    popover.get_by_role("button", name="Create another “Hezbollah” (Group)").click()
    expect(page.locator("#mention-count")).to_have_text("2 mentions")
    assert Entity.objects.filter(name="Hezbollah").count() == 2


def test_an_undated_article_says_what_waits_for_its_date_and_links_to_fix_it(
    logged_in_page, live_server
):
    """Issue 7, item 10: the header shows source and date; the warning quotes the
    article's own phrases and its link leads to where the date is added."""
    page = logged_in_page
    ft = import_seed("002_410c50c9ff093c32.txt")
    page.goto(f"{live_server.url}/articles/{ft.pk}/annotate/")
    facts = page.locator("#article-facts")
    expect(facts).to_contain_text("Source unknown")
    expect(facts).to_contain_text("no publication date")
    warning = page.locator(".workspace-head .alert")
    expect(warning).to_contain_text("“this week”")
    expect(warning).not_to_contain_text("last Thursday")

    warning.get_by_role("link", name="Add the publication date").click()
    page.get_by_label("Publication date").click()
    page.keyboard.type("10092024")  # the browser's date field, month first in en-US
    page.keyboard.press("Enter")
    expect(page.get_by_text("Details saved.")).to_be_visible()
    page.goto(f"{live_server.url}/articles/{ft.pk}/annotate/")
    expect(facts).to_contain_text("Published 9 October 2024")
    expect(page.locator(".workspace-head .alert")).to_have_count(0)


def test_on_a_phone_the_panel_is_one_tap_away(page, live_server, annotator):
    """Issue 7, item 13: at 390 px the side panel is reached from the sticky bar."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(annotator.username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    article = import_seed("000_04889a4c5d51775a.txt")
    mark(article, entity("Tehran", "place"), "Tehran")
    entity("Tehreek-e-Insaf", "organisation")  # found by what is typed, not by the quote
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")

    page.mouse.wheel(0, 1500)  # reading halfway down the article
    jump = page.get_by_role("link", name="Entities and events ↓")
    expect(jump).to_be_in_viewport()  # the bar stays on screen
    jump.click()
    expect(page.locator("#workspace-panel h2")).to_be_in_viewport()
    expect(page.locator("#events-panel h2")).to_be_in_viewport()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways ({width} px)"
    page.get_by_role("link", name="↑ Back to the text").click()
    expect(page.locator("#workspace-text .suggest-bar")).to_be_in_viewport()

    # Linking on the phone: the popover and its search fit the screen while typing.
    select_text(page, "Tehran", occurrence=1)
    page.locator("#adder").get_by_role("button", name="Entity").click()
    popover = page.locator("#popover")
    search = popover.get_by_label("An entity the desk knows")
    expect(search).to_be_focused()
    expect(popover.get_by_role("option")).to_have_text([re.compile("Tehran")])
    page.keyboard.type("Tehr")
    expect(search).to_have_value("Tehr")
    expect(popover.get_by_role("option")).to_have_text(
        [re.compile("Tehran"), re.compile("Tehreek-e-Insaf")]
    )
    expect(popover).to_be_visible()  # the matches arrived and the popover stayed open
    hit = popover.get_by_role("option", name=re.compile("Tehran"))
    expect(hit).to_be_in_viewport()
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, f"the popover is cut off: {box}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways with the popover open ({width} px)"
    hit.click()
    expect(seg_mentions(page, "Tehran")).to_have_count(2)
    expect(popover).to_be_hidden()
    jump.click()
    expect(page.locator("#mention-count")).to_be_in_viewport()
    expect(page.locator("#mention-count")).to_have_text("2 mentions")
    tehran = page.locator("#workspace-panel .entity-chip", has_text="Tehran")
    expect(tehran.locator(".n")).to_have_text("2")


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
    page.keyboard.press("e")
    popover = page.locator("#popover")
    expect(popover.get_by_text("Mark “Tehran” as…")).to_be_visible()
    popover.get_by_label("Place").check()
    popover.get_by_role("button", name="Create and mark").click()
    expect(page.locator("#workspace-text .seg.m")).to_have_text("Tehran")
    mention = Mention.objects.get()
    assert article.body[mention.start : mention.end] == "Tehran"


def test_keyboard_moves_between_overlapping_mentions_and_deletes_the_focused_one(
    logged_in_page, live_server, annotator
):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    netanyahu = entity("Benjamin Netanyahu", "person")
    bibi = entity("Bibi", "person")
    kept = mark(article, netanyahu, "Benjamin Netanyahu")  # someone else's
    mark(article, bibi, "Benjamin Netanyahu", by=annotator)
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
    expect(page.locator("#mention-count")).to_have_text("1 mention")
    assert list(Mention.objects.values_list("pk", flat=True)) == [kept.pk]

    # Del on someone else's draft asks nothing and removes nothing: its popover says why.
    page.keyboard.press("j")
    expect(page.locator("#workspace-text .seg:focus")).to_have_text("Benjamin Netanyahu")
    page.keyboard.press("Delete")
    popover = page.locator("#popover")
    expect(popover).to_contain_text("marks Benjamin Netanyahu")
    expect(popover).to_contain_text("Only its author (while it is a draft or rejected)")
    expect(popover.get_by_role("button", name=re.compile("Remove mention"))).to_have_count(0)
    expect(page.locator("#announce")).to_have_text("You can't remove this mention.")
    expect(page.locator("#mention-count")).to_have_text("1 mention")
    assert list(Mention.objects.values_list("pk", flat=True)) == [kept.pk]


def test_clicking_an_entity_in_the_panel_highlights_only_its_mentions(logged_in_page, live_server):
    page = logged_in_page
    article = import_seed("000_04889a4c5d51775a.txt")
    iran, tehran = entity("Iran", "place"), entity("Tehran", "place")
    iran_mentions = [
        Mention.objects.create(
            article=article, entity=iran, start=m.start(), end=m.end(), quote="Iran"
        )
        for m in re.finditer(r"\bIran\b", article.body)
    ]
    mark(article, tehran, "Tehran")
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.locator(".entity-chip", has_text="Iran").click()
    highlighted = page.locator("#workspace-text .focus-entity")
    expect(highlighted).to_have_count(len(iran_mentions))
    expect(highlighted.filter(has_text="Tehran")).to_have_count(0)
    page.locator(".entity-chip", has_text="Tehran").click()
    expect(highlighted).to_have_count(1)
    expect(highlighted).to_have_text("Tehran")


def test_a_long_panel_lists_the_rest_on_request_and_keeps_every_row_in_place(
    logged_in_page, live_server, monkeypatch
):
    monkeypatch.setattr(selectors, "PANEL_ROWS", 2)  # the live server runs in this process
    page = logged_in_page
    article = ArticleFactory(body="Iran and Iran met Israel in Tehran. Gaza was quiet.")
    iran = entity("Iran", "place")
    mark(article, iran, "Iran")
    mark(article, iran, "Iran", 1)
    mark(article, entity("Israel", "place"), "Israel")
    mark(article, entity("Tehran", "place"), "Tehran")
    entity("Gaza", "place")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    chips = page.locator("#entity-counts .entity-chip .name")
    expect(chips).to_have_text(["Iran", "Israel"])

    page.get_by_role("button", name="Show the other 1 entity").focus()
    page.keyboard.press("Enter")
    expect(chips).to_have_text(["Iran", "Israel", "Tehran"])
    expect(page.locator(".entity-chip", has_text="Tehran")).to_be_focused()
    expect(page.locator("#entity-more")).to_be_hidden()

    # Gaza's row goes between Iran and Israel; Israel and Tehran stay listed
    select_text(page, "Gaza")
    page.keyboard.press("e")
    expect(page.locator("#popover").get_by_label("An entity the desk knows")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#mention-count")).to_have_text("5 mentions")
    expect(chips).to_have_text(["Iran", "Gaza", "Israel", "Tehran"])
    assert errors == []


def test_when_others_left_fewer_rows_the_last_row_takes_the_focus(
    logged_in_page, live_server, monkeypatch
):
    monkeypatch.setattr(selectors, "PANEL_ROWS", 2)
    page = logged_in_page
    article = ArticleFactory(body="Iran met Israel in Tehran.")
    mark(article, entity("Iran", "place"), "Iran")
    mark(article, entity("Israel", "place"), "Israel")
    tehran = mark(article, entity("Tehran", "place"), "Tehran")
    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    tehran.delete()  # by someone else, meanwhile

    page.get_by_role("button", name="Show the other 1 entity").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#entity-counts .entity-chip .name")).to_have_text(["Iran", "Israel"])
    expect(page.locator(".entity-chip", has_text="Israel")).to_be_focused()


def test_a_long_article_is_read_and_marked_with_its_text_spliced_in(
    logged_in_page, live_server, monkeypatch
):
    """A long article's cached text reaches the browser as it was compressed, spliced
    into the gzipped page (curation/spliced_page.py): Chromium reads it whole."""
    from curation import spliced_page

    spliced = []
    render_spliced = spliced_page.render_spliced
    monkeypatch.setattr(
        spliced_page,
        "render_spliced",
        lambda *args, **kwargs: spliced.append(1) or render_spliced(*args, **kwargs),
    )
    paragraphs = [
        f"Paragraph {n}: envoys from Washington met officials in Tehran on day {n}."
        for n in range(1200)
    ]
    article = ArticleFactory(body="\n\n".join(paragraphs) + "\n\nLast of all, Gaza was quiet.")
    assert len(article.body) > 80_000
    tehran = entity("Tehran", "place")
    for occurrence in (0, 600, 1199):
        mark(article, tehran, "Tehran", occurrence)
    entity("Gaza", "place")
    page = logged_in_page
    encodings = []
    page.on(
        "response",
        lambda response: (
            "/annotate/" in response.url
            and encodings.append(response.headers.get("content-encoding"))
        ),
    )
    for _ in range(2):  # built, then read back from the cache
        page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
        expect(page.locator("#mention-count")).to_have_text("3 mentions")
        expect(seg_mentions(page, "Tehran")).to_have_count(3)
        expect(page.locator("#workspace-text p").last).to_contain_text("Gaza was quiet.")
    assert spliced == [1, 1] and encodings[:2] == ["gzip", "gzip"]

    select_text(page, "Gaza")
    page.keyboard.press("e")
    expect(page.locator("#popover").get_by_label("An entity the desk knows")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#mention-count")).to_have_text("4 mentions")
    expect(seg_mentions(page, "Gaza")).to_be_visible()
