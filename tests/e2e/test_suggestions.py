"""Suggestions in a real browser: a text that names two entities is shown as both, and
the editor chooses."""

import re

from playwright.sync_api import expect

from curation.annotations.models import Alias, DismissedSuggestion, Entity, EntityKind, Mention
from tests.e2e.test_workspace import import_seed


def test_a_text_that_names_two_entities_waits_for_the_editors_choice(logged_in_page, live_server):
    page = logged_in_page
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    article = import_seed("000_04889a4c5d51775a.txt")  # "Axios" 3 times, "Hezbollah" 5
    axios = Entity.objects.create(name="Axios", kind=EntityKind.objects.get(slug="organisation"))
    hezbollah = Entity.objects.create(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    Alias.objects.create(entity=hezbollah, text="Axios")  # the slip of issue 5

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    page.get_by_role("link", name="Suggest").click()
    ambiguous = page.locator("#workspace-text .seg.sug.ambiguous")
    expect(ambiguous).to_have_count(3)
    expect(ambiguous.first).to_have_text("Axios")
    expect(page.locator("#suggest-status")).to_contain_text(
        "8 suggestions (dashed); 3 need a choice"
    )

    # A click offers both entities, and "Not this".
    ambiguous.first.click()
    popover = page.locator("#popover")
    expect(popover).to_contain_text("Suggested: Axios (Organisation) or Hezbollah (Group)")
    expect(popover).to_contain_text("more than one entity")
    expect(popover.get_by_role("button", name="Hezbollah (Group)")).to_be_visible()
    expect(popover.get_by_role("button", name="Not this")).to_be_visible()
    popover.get_by_role("button", name="Axios (Organisation)").click()

    expect(page.locator("#workspace-text .seg.m.k-organisation").first).to_have_text("Axios")
    expect(page.locator("#workspace-panel .entity-chip", has_text="Axios")).to_contain_text("1")
    expect(ambiguous).to_have_count(2)
    expect(page.locator("#suggest-status")).to_contain_text(
        "7 suggestions (dashed); 2 need a choice"
    )
    assert Mention.objects.get(article=article).entity == axios

    # Accept all takes the five "Hezbollah" and leaves the two "Axios" to the editor.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Accept all").click()
    expect(page.locator("#announce")).to_have_text("Accepted 5; 2 need a choice.")
    expect(page.locator("#workspace-text .seg.m.k-group")).to_have_count(5)
    expect(ambiguous).to_have_count(2)
    expect(page.locator("#workspace-panel .entity-chip", has_text="Hezbollah")).to_contain_text("5")
    assert Mention.objects.filter(article=article, entity=hezbollah).count() == 5

    # From the keyboard, `a` on an ambiguous suggestion asks rather than accepts.
    page.keyboard.press("j")  # the "Axios" marked above
    page.keyboard.press("j")  # the second "Axios"
    expect(page.locator("#workspace-text .seg.sug.ambiguous:focus")).to_have_text("Axios")
    page.keyboard.press("a")
    expect(popover.get_by_role("button", name="Axios (Organisation)")).to_be_focused()
    expect(popover.get_by_role("button", name="Hezbollah (Group)")).to_be_visible()
    assert Mention.objects.filter(article=article).count() == 6

    # "Not this" means neither: that text is no longer suggested as either, anywhere here.
    popover.get_by_role("button", name="Not this").click()
    expect(popover).to_be_hidden()
    expect(ambiguous).to_have_count(0)
    expect(page.locator("#announce")).to_have_text(
        "“Axios” won't be suggested as Axios or Hezbollah here again."
    )
    expect(page.locator("#suggest-status")).to_contain_text("No suggestions")
    assert DismissedSuggestion.objects.filter(article=article).count() == 2
    assert page.evaluate("window.__marker") == 1
    assert not [error for error in errors if re.search(r"htmx|oob", error, re.I)], errors
