"""Orphans in a real browser: a correction took the words of a mention and of an event
away; their author sees them in the Orphans panel, re-attaches the mention by selecting
its new words and pressing Enter, and deletes the event after confirming, all without a
reload."""

import pytest
from playwright.sync_api import Page, expect

from curation.annotations.models import Event, Mention
from tests.annotations.orphans import REWRITTEN, orphaned_work
from tests.corrections import nth
from tests.e2e.test_workspace import seg_mentions, select_text


@pytest.fixture
def work(annotator):
    return orphaned_work(by=annotator)


def open_workspace(page: Page, live_server, work):
    page.goto(f"{live_server.url}/articles/{work.article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    return page.get_by_role("region", name="Orphans")


def test_the_author_re_attaches_one_orphan_and_deletes_the_other(logged_in_page, live_server, work):
    page = logged_in_page
    orphans = open_workspace(page, live_server, work)
    expect(orphans).to_contain_text("whose words were removed by a correction")
    expect(orphans.locator("li.orphan")).to_have_count(2)
    mention = orphans.locator("li.orphan", has_text="Mention of Officials")
    expect(mention.locator(".orphan-quote")).to_have_text("Officials")
    expect(mention).to_contain_text("Israel was ready. Officials in Beirut denied")
    expect(page.locator("#mention-count")).to_have_text("1 mention")
    expect(seg_mentions(page, "government")).to_have_count(0)

    mention.get_by_role("button", name="Re-attach").click()
    expect(page.locator("#reattach-hint")).to_contain_text(
        "Select the new words for the mention of Officials in the text"
    )
    # A rough selection, then extended with the keyboard to the whole word.
    select_text(page, "govern")
    popover = page.locator("#popover")
    expect(popover).to_contain_text("Re-attach the mention of Officials to “govern”?")
    expect(page.locator("#adder")).to_be_hidden()  # not a new mark
    for _ in range(len("ment")):
        page.keyboard.press("Shift+ArrowRight")
    expect(popover).to_contain_text("Re-attach the mention of Officials to “government”?")
    page.keyboard.press("Enter")

    expect(seg_mentions(page, "government")).to_have_count(1)
    expect(page.locator("#mention-count")).to_have_text("2 mentions")
    expect(page.locator("#workspace-panel .entity-chip", has_text="Officials")).to_contain_text("1")
    expect(orphans.locator("li.orphan")).to_have_count(1)
    expect(orphans.locator("#orphan-count")).to_have_text("1")
    expect(popover).to_be_hidden()
    expect(page.locator("#reattach-hint")).to_be_hidden()
    expect(page.locator("#announce")).to_have_text(
        "Re-attached the mention of Officials to “government”."
    )
    officials = Mention.objects.get(pk=work.mention.pk)
    start = nth(REWRITTEN, "government")
    assert (officials.start, officials.end, officials.quote) == (start, start + 10, "government")

    # The event: Delete asks first; dismissing the question deletes nothing.
    event = orphans.locator("li.orphan", has_text="Event: Beirut denial")
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    event.get_by_role("button", name="Delete").click()
    expect(orphans.locator("li.orphan")).to_have_count(1)
    assert Event.objects.filter(pk=work.event.pk).exists()
    assert questions == ["Delete the orphan event “Beirut denial”?"]
    page.once("dialog", lambda dialog: dialog.accept())
    event.get_by_role("button", name="Delete").click()

    expect(page.locator("#orphans-panel")).to_have_count(0)  # none left: the panel goes
    expect(page.locator("#orphan-slot")).to_have_text("Deleted the event “Beirut denial”.")
    assert not Event.objects.filter(pk=work.event.pk).exists()
    assert page.evaluate("window.__marker") == 1


def test_r_starts_re_attaching_escape_cancels_and_a_mention_stays_in_one_paragraph(
    logged_in_page, live_server, work
):
    page = logged_in_page
    orphans = open_workspace(page, live_server, work)
    mention = orphans.locator("li.orphan", has_text="Mention of Officials")
    mention.get_by_role("button", name="Re-attach").focus()
    page.keyboard.press("r")
    hint = page.locator("#reattach-hint")
    expect(hint).to_be_visible()
    select_text(page, "government")
    popover = page.locator("#popover")
    expect(popover).to_contain_text("to “government”?")
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    expect(hint).to_be_hidden()
    expect(page.locator("#announce")).to_have_text("Re-attaching cancelled.")
    # Without re-attaching, a selection offers the adder again.
    select_text(page, "Beirut")
    expect(page.locator("#adder")).to_be_visible()
    expect(popover).to_be_hidden()
    assert Mention.objects.get(pk=work.mention.pk).is_orphan

    # Words across two paragraphs are refused for a mention, with the reason.
    mention.get_by_role("button", name="Re-attach").click()
    select_text(page, "ready.")
    for _ in range(4):  # on into the next paragraph
        page.keyboard.press("Shift+ArrowRight")
    # The popover follows the selection as it grows: wait until it asks about all of it,
    # or Enter may land on the question about the first word while it is swapped out.
    expect(popover).to_contain_text("Re-attach the mention of Officials to “ready. On ”?")
    page.keyboard.press("Enter")
    expect(popover.get_by_role("alert")).to_contain_text("runs across two paragraphs")
    expect(orphans.locator("li.orphan")).to_have_count(2)
    assert Mention.objects.get(pk=work.mention.pk).is_orphan
    assert page.evaluate("window.__marker") == 1
