"""Sorting and paging the review queue through HTMX (templates/tables/htmx_table.html):
each header and page link fetches only the table, swaps it in place and pushes its URL;
what it fetches is the table in the new order or at the new page."""

from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from django.utils import timezone

from tests.review.work import article, mention

pytestmark = pytest.mark.django_db

QUEUE = "/review/"
HTMX = {"HTTP_HX_REQUEST": "true"}
SWAP = {"hx-target": "closest .table-container", "hx-swap": "outerHTML", "hx-push-url": "true"}


class Links(HTMLParser):
    """The links of the table's header and of its page navigation, with their attributes
    and text, and the rows' ids in order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.header, self.pages, self.rows = [], [], []
        self._in, self._link = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "thead" or (tag == "nav" and attrs.get("class") == "pagination"):
            self._in.append(tag)
        elif tag == "nav":
            self._in.append(None)  # the site's navigation: not the table's
        elif tag == "tr" and (attrs.get("id") or "").startswith("row-"):
            self.rows.append(attrs["id"].removeprefix("row-"))
        elif tag == "a" and self._in and self._in[-1]:
            self._link = {**attrs, "text": "", "where": self._in[-1]}

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data

    def handle_endtag(self, tag):
        if tag in ("thead", "nav") and self._in:
            self._in.pop()
        elif tag == "a" and self._link is not None:
            self._link["text"] = self._link["text"].strip()
            (self.header if self._link["where"] == "thead" else self.pages).append(self._link)
            self._link = None


def fetch(client, link: dict, *, on: str = QUEUE):
    """Follow a link as HTMX does: its hx-get, relative to the page, with HX-Request."""
    return client.get(urljoin(on, link["hx-get"]), **HTMX)


@pytest.fixture
def three(annotator):
    """Three submitted mentions, oldest first."""
    now = timezone.now()
    return [
        mention(by=annotator, on=article(f"Piece {n}"), submitted_at=now - timedelta(hours=3 - n))
        for n in range(3)
    ]


def keys(items) -> list[str]:
    return [f"mention-{item.pk}" for item in items]


def test_each_sortable_header_fetches_the_table_in_the_new_order(reviewer_client, three):
    page = Links(reviewer_client.get(QUEUE).content.decode())
    assert page.rows == keys(three)
    sortable = {link["text"]: link for link in page.header}
    assert set(sortable) == {"What", "Article", "Source", "By", "Submitted"}
    for link in sortable.values():
        assert link["hx-get"] == link["href"] and link["hx-get"].startswith("?sort=")
        assert {name: link.get(name) for name in SWAP} == SWAP

    response = fetch(reviewer_client, sortable["Submitted"])
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div class="table-container">')
    assert "<h1>" not in fragment and 'id="review-counts"' not in fragment
    newest_first = Links(fragment)
    assert newest_first.rows == keys(reversed(three))
    # The fragment's own header now sorts the other way again.
    back = {link["text"]: link for link in newest_first.header}["Submitted"]
    assert Links(fetch(reviewer_client, back).content.decode()).rows == keys(three)


def test_each_page_link_fetches_that_page_of_the_table(reviewer_client, three):
    first = Links(reviewer_client.get(QUEUE, {"per_page": 2}).content.decode())
    assert first.rows == keys(three[:2])
    pages = {link["text"]: link for link in first.pages}
    assert set(pages) == {"2", "Next →"}
    for link in pages.values():
        assert link["hx-get"] == link["href"]
        assert "per_page=2" in link["hx-get"] and "page=2" in link["hx-get"]
        assert {name: link.get(name) for name in SWAP} == SWAP

    fragment = fetch(reviewer_client, pages["Next →"]).content.decode()
    assert fragment.lstrip().startswith('<div class="table-container">')
    assert "<h1>" not in fragment
    assert "Page 2 of 2 · 3 in all" in fragment
    second = Links(fragment)
    assert second.rows == keys(three[2:])
    previous = {link["text"]: link for link in second.pages}["← Previous"]
    assert {name: previous.get(name) for name in SWAP} == SWAP
    assert Links(fetch(reviewer_client, previous).content.decode()).rows == keys(three[:2])


def test_sorting_keeps_the_filters_and_the_page_size(reviewer_client, three):
    page = Links(reviewer_client.get(QUEUE, {"kind": "mention", "per_page": 2}).content.decode())
    submitted = {link["text"]: link for link in page.header}["Submitted"]
    assert "kind=mention" in submitted["hx-get"] and "per_page=2" in submitted["hx-get"]
    assert Links(fetch(reviewer_client, submitted).content.decode()).rows == keys(
        [three[2], three[1]]
    )
