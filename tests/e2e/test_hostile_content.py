"""Hostile text in every field people type or import (tests/hostile.py), opened in a real
browser on every page that shows it, as the person who sees the most (every role, staff)
and anonymously on the public pages, with the workspace's HTMX fragments swapped in.

On every page: no dialog opens, no element is built or armed from payload markup, no
request goes to the payloads' addresses, template syntax is shown as typed, and every
text that holds a payload sits inside an [hx-disable] element, so htmx would process
nothing in it even if escaping broke. (A refusal under the Content-Security-Policy also
fails the test: tests/e2e/conftest.py.)
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.hostile import (
    FIND_INJECTED_ELEMENTS,
    FIND_USER_TEXT_OUTSIDE_HX_DISABLE,
    HOSTILE_ORIGIN,
    TEMPLATE_SYNTAX,
    is_hostile_request,
)
from tests.hostile_world import build_world, desk_pages, public_pages, workspace_fragments

PASSWORD = "correct horse battery staple"
MARKER = "alert(1)"  # in every payload: text holding it is text that came from people


@pytest.fixture
def world(transactional_db, event_types):
    return build_world()


class Watch:
    """Dialogs and requests to the hostile origin, for the whole test."""

    def __init__(self, page) -> None:
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request) -> None:
        if is_hostile_request(request.url):
            self.requests.append(request.url)


def check(page, where: str, *, literal: bool = True) -> list[str]:
    """What is wrong on the page as it stands."""
    wrong = [f"{where}: {found}" for found in page.evaluate(FIND_INJECTED_ELEMENTS, HOSTILE_ORIGIN)]
    if literal and TEMPLATE_SYNTAX not in page.locator("body").inner_text():
        wrong.append(f"{where}: the template syntax {TEMPLATE_SYNTAX} is not shown as typed")
    return wrong


def log_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/articles/")


def outside_hx_disable(page, where: str) -> list[str]:
    """Text from people on the page that no [hx-disable] element holds."""
    outside = page.evaluate(FIND_USER_TEXT_OUTSIDE_HX_DISABLE, [MARKER, "body"])
    return [f"{where}: outside hx-disable: {text}" for text in outside]


def test_hostile_text_stays_text_on_every_desk_page(page, live_server, world):
    watch = Watch(page)
    log_in(page, live_server, world["boss"])
    wrong: list[str] = []
    for address in desk_pages(world):
        response = page.goto(live_server.url + address)
        assert response.status == 200, f"{address} answered {response.status}"
        # The template syntax is checked where a payload is certainly in view.
        wrong += check(page, address, literal="/curate/chronologies/" not in address)
        wrong += outside_hx_disable(page, address)

    page.goto(f"{live_server.url}/articles/{world['article']}/annotate/")
    for url, target in workspace_fragments(world):
        page.evaluate(
            "([url, target]) => htmx.ajax('GET', url, {target, swap: 'innerHTML'})",
            [url, target],
        )
        expect(page.locator(target)).not_to_be_empty()
        wrong += check(page, f"workspace + {url}", literal=False)
        wrong += outside_hx_disable(page, f"workspace + {url}")

    assert not watch.dialogs, f"dialogs opened: {watch.dialogs}"
    assert not watch.requests, f"requests to the payloads' addresses: {watch.requests}"
    assert not wrong, "\n".join(wrong)


def test_hostile_text_stays_text_on_the_public_pages(page, live_server, world):
    watch = Watch(page)
    wrong: list[str] = []
    for address in public_pages(world):
        response = page.goto(live_server.url + address)
        assert response.status == 200, f"{address} answered {response.status}"
        wrong += check(page, f"{address} (anonymous)")
        wrong += outside_hx_disable(page, f"{address} (anonymous)")
    assert not watch.dialogs, f"dialogs opened: {watch.dialogs}"
    assert not watch.requests, f"requests to the payloads' addresses: {watch.requests}"
    assert not wrong, "\n".join(wrong)
