"""Text from people sits inside an element with hx-disable on every page and HTMX fragment
that shows it (curation/inert.py): the desk full of hostile text (tests/hostile_world.py)
rendered by the server, read with an HTML parser. The browser test
(tests/e2e/test_hostile_content.py) checks the same in the DOM, after htmx has run."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from curation.annotations.models import Entity, EntityKind
from curation.articles.corrections import article_correct
from curation.articles.models import Article
from tests.hostile import hostile, user_text_outside_hx_disable
from tests.hostile_world import build_world, desk_pages, fits, public_pages, workspace_fragments

MARKER = "alert(1)"  # in every payload
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def world(transactional_db, event_types):
    return build_world()


def outside(response, where: str, *, shows: bool = True) -> list[str]:
    assert response.status_code == 200, f"{where} answered {response.status_code}"
    html = response.content.decode()
    if shows:
        assert MARKER in html, f"{where} shows no hostile text: the check would prove nothing"
    return [f"{where}: {text}" for text in user_text_outside_hx_disable(html, MARKER)]


def test_every_desk_page_and_fragment_holds_user_text_in_hx_disable(client, world):
    client.force_login(world["boss"])
    wrong: list[str] = []
    for address in desk_pages(world):
        wrong += outside(client.get(address), address)
        if "?" not in address:  # the same page as HTMX asks for it: its partial
            wrong += outside(client.get(address, **HTMX), f"{address} (htmx)")
    for address, _target in workspace_fragments(world):
        # A new mention's or event's form shows the selected words, not a payload.
        wrong += outside(client.get(address, **HTMX), address, shows="/new/" not in address)
    assert not wrong, "\n".join(wrong)


def test_revisions_merging_and_importing_hold_user_text_in_hx_disable(client, world):
    """Pages the hostile desk has nothing for yet: a correction (which orphans an event),
    another entity to merge into, and pasted text to import."""
    article = Article.objects.get(pk=world["article"])
    Entity.objects.create(
        name=fits(Entity, "name", "other"), kind=EntityKind.objects.get(slug="person")
    )
    article_correct(
        article=article,
        new_body=article.body.replace("envoys", "delegates") + "\n\n" + hostile("correction"),
        by=None,
        # (short: the article's history records it too, in 100 characters at most)
        reason=hostile("reason", limit=70),
    )
    client.force_login(world["boss"])
    a, e = world["article"], world["entity"]
    wrong: list[str] = []
    for address in [
        f"/articles/{a}/revisions/",
        f"/articles/{a}/revisions/2/",
        f"/articles/{a}/revisions/diff/?from=1&to=2",
        f"/articles/{a}/correct/",
        f"/articles/{a}/annotate/",  # with the Orphans panel
        f"/entities/{e}/merge/?q=debug",
    ]:
        wrong += outside(client.get(address), address)
    preview = client.post("/articles/import/preview/", {"text": hostile("pasted")}, **HTMX)
    wrong += outside(preview, "the import preview")
    assert not wrong, "\n".join(wrong)


def test_the_public_pages_hold_user_text_in_hx_disable(client, world):
    wrong: list[str] = []
    for address in public_pages(world):
        wrong += outside(client.get(address), f"{address} (anonymous)")
    assert not wrong, "\n".join(wrong)


def test_the_inert_filter_escapes_and_disables():
    html = Template("{{ text|inert }}").render(Context({"text": '<a hx-get="/x">x</a>'}))
    assert html == "<span hx-disable>&lt;a hx-get=&quot;/x&quot;&gt;x&lt;/a&gt;</span>"


def test_the_parser_finds_text_outside_and_not_inside():
    html = (
        "<p hx-disable>alert(1) <b>alert(1)</b></p><textarea>alert(1)</textarea>"
        "<div><br><span>alert(1) here</span></div>"
    )
    assert user_text_outside_hx_disable(html, MARKER) == ["div > span: alert(1) here"]
