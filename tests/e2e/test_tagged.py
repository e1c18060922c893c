"""Suggestions from a tagger, sent through the API, in a real browser: shown dashed with
their origin, one accepted from the keyboard, one dismissed, an event accepted from the
panel; nothing reloads."""

import json
import urllib.request

from playwright.sync_api import expect

from curation.annotations.models import EntityKind, Event, Mention
from curation.annotations.suggested import Decision, SuggestedMention
from curation.api.tokens import token_create
from tests.factories import ArticleFactory, EntityFactory, UserFactory

BODY = (
    "Hezbollah fired rockets across the border at dawn, officials said.\n\n"
    "Israel answered within the hour, according to the army."
)
ORIGIN = "spacy-3.8 en_core_web_lg"


def send(live_server, secret: str, path: str, payload: dict) -> dict:
    request = urllib.request.Request(
        f"{live_server.url}/api/v1{path}",
        data=json.dumps(payload).encode(),
        headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_an_editor_accepts_and_dismisses_a_tagger_s_suggestions(
    logged_in_page, live_server, annotator
):
    page = logged_in_page
    article = ArticleFactory(body=BODY)
    hezbollah = EntityFactory(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    tagger = UserFactory(username="tagger-bot", role="annotator")
    _, secret = token_create(user=tagger, name="spaCy", created_by=tagger)
    sent = send(
        live_server,
        secret,
        f"/articles/{article.pk}/mentions",
        {
            "origin": ORIGIN,
            "items": [
                {"start": 0, "end": 9, "entity": hezbollah.pk},
                {"quote": "Israel", "label": "GPE"},
            ],
        },
    )
    assert sent["created"] == 2
    send(
        live_server,
        secret,
        f"/articles/{article.pk}/events",
        {
            "origin": "event-tagger 2",
            "items": [
                {
                    "quote": "Hezbollah fired rockets across the border",
                    "type": "assault",
                    "headline": "Hezbollah fires rockets across the border",
                    "participants": [{"entity": hezbollah.pk}],
                }
            ],
        },
    )

    page.goto(f"{live_server.url}/articles/{article.pk}/annotate/")
    page.evaluate("window.__marker = 1")
    tagged = page.locator("#workspace-text .seg.sug.tagged")
    expect(tagged).to_have_count(2)
    expect(tagged.first).to_have_text("Hezbollah")
    expect(tagged.first).to_have_attribute("title", f"Hezbollah (Group), suggested by {ORIGIN}")
    panel = page.locator("#tagged-panel")
    expect(panel.locator("h2")).to_contain_text("From taggers 3")

    # From the keyboard: j to the first suggestion, Enter opens it, a accepts it.
    page.locator("#workspace-text").click(position={"x": 1, "y": 1})
    page.keyboard.press("j")
    expect(page.locator("#workspace-text .seg.tagged:focus")).to_have_text("Hezbollah")
    page.keyboard.press("Enter")
    popover = page.locator("#popover")
    expect(popover).to_contain_text("“Hezbollah” as Hezbollah (Group)")
    expect(popover).to_contain_text(f"Suggested by {ORIGIN}, sent by tagger-bot.")
    page.keyboard.press("a")
    expect(page.locator("#announce")).to_have_text("Marked “Hezbollah” as Hezbollah.")
    expect(popover).to_be_hidden()
    expect(page.locator("#workspace-text .seg.m.k-group")).to_have_text("Hezbollah")
    expect(tagged).to_have_count(1)
    expect(panel.locator("h2")).to_contain_text("From taggers 2")
    mention = Mention.objects.get(article=article)
    assert (mention.entity, mention.created_by, mention.status) == (hezbollah, annotator, "draft")

    # A click on the other, then Dismiss: it is no longer dashed, and not marked.
    tagged.first.click()
    expect(popover).to_contain_text("“Israel” as Israel (Place)")
    popover.get_by_role("button", name="Dismiss").click()
    expect(page.locator("#announce")).to_have_text(f"Dismissed “Israel” ({ORIGIN}).")
    expect(tagged).to_have_count(0)
    expect(page.locator("#workspace-text .seg", has_text="Israel")).not_to_have_class("sug")
    assert SuggestedMention.objects.get(quote="Israel").decision == Decision.DISMISSED

    # The event, from the panel: accepted, it is the editor's draft in the events list.
    panel.get_by_role("button", name="Event: Hezbollah fires rockets across the border").click()
    expect(popover).to_contain_text("Suggested by event-tagger 2")
    popover.get_by_role("button", name="Accept").click()
    expect(page.locator("#announce")).to_contain_text("Recorded: Hezbollah fires rockets")
    expect(page.locator("#events-panel .event-headline")).to_have_text(
        "Hezbollah fires rockets across the border"
    )
    expect(panel).to_be_hidden()
    event = Event.objects.get(article=article)
    assert event.created_by == annotator
    assert [p.entity for p in event.participants.all()] == [hezbollah]
    assert page.evaluate("window.__marker") == 1
