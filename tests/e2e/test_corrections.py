"""Issue 10's browser acceptance: a reviewer corrects seed 002 from its page, typing in
the text, and the workspace's highlights stay on the same words; a sentence deleted
with its mention leaves that mention in the workspace's Orphans panel. The revisions and
what changed are readable on a phone."""

from pathlib import Path

from playwright.sync_api import Page, expect

from curation.annotations import services
from curation.annotations.models import Entity, EntityKind, Mention
from curation.articles.corrections import article_correct
from curation.articles.importing import parse_document
from curation.articles.models import Article
from curation.articles.services import article_build, articles_save
from tests.e2e.test_seed_chronology import log_in
from tests.factories import UserFactory

SEED = "002_410c50c9ff093c32.txt"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Two slips planted early in the seed's first sentence, for the reviewer to fix: a
# missing word and a doubled letter.
AS_PUBLISHED = b"Israel has told the US that defence minister Yoav Gallant will no longer travel"
WITH_SLIPS = b"Israel has told US that defence minister Yoav Gallant will no longer travell"
WITHDRAWN = "A US official said a call between the two leaders was expected soon.\n\n"

MARKED = [  # (text, occurrence, entity, kind)
    ("Yoav Gallant", 0, "Yoav Gallant", "person"),
    ("Washington", 0, "Washington", "place"),
    ("Sabrina Singh", 0, "Sabrina Singh", "person"),
    ("Benjamin Netanyahu", 0, "Benjamin Netanyahu", "person"),
    ("two leaders", 0, "Netanyahu and Biden", "group"),
    ("Lloyd Austin", 0, "Lloyd Austin", "person"),
    ("Hizbollah", 1, "Hezbollah", "group"),
]


def import_seed_with_slips() -> Article:
    raw = (SEEDS / SEED).read_bytes()
    assert AS_PUBLISHED in raw
    parsed = parse_document(raw.replace(AS_PUBLISHED, WITH_SLIPS), filename=SEED)
    [outcome] = articles_save(
        batch=[(SEED, article_build(parsed=parsed, source=None, imported_by=None))]
    )
    return Article.objects.get(pk=outcome.article_id)


def mark_all(article: Article, by) -> dict[str, int]:
    """The mentions, made through the workspace's service; their ids by text."""
    ids = {}
    for text, occurrence, name, kind in MARKED:
        target = Entity.objects.create(name=name, kind=EntityKind.objects.get(slug=kind))
        start = -1
        for _ in range(occurrence + 1):
            start = article.body.index(text, start + 1)
        mention = services.mention_create(
            article=article,
            start=start,
            end=start + len(text),
            entity=target,
            created_by=by,
            learn_alias=False,
        )
        ids[text] = mention.pk
    return ids


def highlighted(page: Page) -> dict[str, str]:
    """Each highlighted mention's words as the workspace shows them: the text of every
    segment that carries its id, in order."""
    return page.evaluate(
        """() => {
          const words = {};
          for (const seg of document.querySelectorAll("#workspace-text .seg[data-m]")) {
            for (const id of seg.dataset.m.split(" ").filter(Boolean)) {
              words[id] = (words[id] || "") + seg.textContent;
            }
          }
          return words;
        }"""
    )


def place_caret_after(page: Page, text: str) -> None:
    """Put the caret in the correction's text box right after the first ``text``."""
    box = page.get_by_label("Text", exact=True)
    box.click()
    found = box.evaluate(
        """(el, needle) => {
          const at = el.value.indexOf(needle);
          if (at < 0) return false;
          el.setSelectionRange(at + needle.length, at + needle.length);
          return true;
        }""",
        text,
    )
    assert found, f"{text!r} is not in the text box"


def save_correction(page: Page, reason: str) -> None:
    page.get_by_label("Reason").click()
    page.keyboard.type(reason)
    page.get_by_role("button", name="Save the correction").click()


def test_a_correction_keeps_every_highlight_on_its_words(page: Page, live_server):
    reviewer = UserFactory(username="rita", role="reviewer")
    article = import_seed_with_slips()
    ids = mark_all(article, reviewer)
    workspace = f"{live_server.url}/articles/{article.pk}/annotate/"
    log_in(page, live_server, reviewer.username)

    page.goto(workspace)
    before = highlighted(page)
    assert before == {str(ids[text]): text for text, *_ in MARKED}

    # The reviewer fixes both slips from the article's page, typing in the text.
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    page.get_by_role("link", name="Correct the text").click()
    expect(page.get_by_role("heading", name="Correct the text")).to_be_visible()
    place_caret_after(page, "Israel has told ")
    page.keyboard.type("the ")
    place_caret_after(page, "no longer travell")
    page.keyboard.press("Backspace")
    save_correction(page, "Typos in the first sentence")

    expect(page).to_have_url(f"{live_server.url}/articles/{article.pk}/")
    expect(page.locator("#messages")).to_contain_text(
        "Revision 2 saved: 7 annotations kept on their words (7 moved with the text), "
        "0 to check, 0 orphans."
    )
    expect(page.locator(".article-body")).to_contain_text(
        "Israel has told the US that defence minister Yoav Gallant will no longer travel to"
    )
    page.goto(workspace)
    assert highlighted(page) == before

    # Then withdraws a sentence with a mention in it: that mention becomes an orphan.
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    page.get_by_role("link", name="Correct the text").click()
    box = page.get_by_label("Text", exact=True)
    box.click()
    box.evaluate(
        """(el, sentence) => {
          const at = el.value.replaceAll("\\r\\n", "\\n").indexOf(sentence);
          el.setSelectionRange(at, at + sentence.length);
        }""",
        WITHDRAWN,
    )
    page.keyboard.press("Delete")
    save_correction(page, "Sentence withdrawn by the outlet")

    message = page.locator("#messages")
    expect(message).to_contain_text(
        "Revision 3 saved: 6 annotations kept on their words (2 moved with the text), "
        "0 to check, 1 orphan."
    )
    message.get_by_role("link", name="See the orphans in the workspace").click()
    expect(page).to_have_url(f"{workspace}#orphans-panel")
    orphans = page.get_by_role("region", name="Orphans")
    expect(orphans.locator("li.orphan")).to_have_count(1)
    expect(orphans.locator("li.orphan")).to_contain_text("two leaders")
    after = highlighted(page)
    assert str(ids["two leaders"]) not in after
    del before[str(ids["two leaders"])]
    assert after == before
    assert Mention.objects.get(pk=ids["two leaders"]).is_orphan


def test_the_revisions_and_their_changes_read_on_a_phone(page: Page, live_server):
    reader = UserFactory(username="ann", role="annotator")
    reviewer = UserFactory(username="rita", role="reviewer")
    article = import_seed_with_slips()
    article_correct(
        article=article,
        new_body=article.body.replace("told US", "told the US <b>now</b>"),
        by=reviewer,
        reason="A missing word, and markup pasted by mistake",
    )
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, reader.username)
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    expect(page.get_by_role("link", name="Correct the text")).to_have_count(0)
    page.get_by_role("link", name="Revisions and corrections").click()
    expect(page.get_by_role("row")).to_have_count(3)  # the header and two revisions
    expect(page.get_by_role("row").nth(1)).to_contain_text("rita")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="What the last correction changed").click()
    changes = page.get_by_label("Changes")
    expect(changes.locator("ins").first).to_have_text("the ")
    expect(changes.locator("ins").nth(1)).to_contain_text("<b>now</b>")  # text, not markup
    expect(changes.locator("b")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_label("From").select_option("2")
    page.get_by_label("To").select_option("1")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Changes from revision 2 to 1")
    expect(page.get_by_label("Changes").locator("del").first).to_have_text("the ")
