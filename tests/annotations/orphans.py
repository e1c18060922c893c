"""What the orphan view tests share: an article whose correction took the words of a
mention and an event away."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from curation.annotations.models import Event, Mention
from curation.articles.corrections import article_correct
from curation.articles.models import Article
from tests.corrections import BODY, article_with, mark, nth, record_event

# The last paragraph is rewritten: "Officials in Beirut denied the report" loses its words.
REWRITTEN = BODY.replace(
    "Officials in Beirut denied the report on Monday.",
    "On Monday, the government in Beirut said the report was false.",
)
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


@dataclass
class Orphaned:
    article: Article
    mention: Mention  # "Officials", now an orphan
    event: Event  # "Officials in Beirut denied the report", now an orphan
    placed: Mention  # "Haifa", still on its words


def orphaned_work(*, by, lead: str = "") -> Orphaned:
    """An article with a mention and an event by ``by`` that a correction orphaned, and a
    mention it kept on its words. ``lead``: text before the body (a second article's
    body must differ from the first's)."""
    article = article_with(lead + BODY)
    officials = mark(article, "Officials", by=by)
    denial = record_event(
        article, "Officials in Beirut denied the report", headline="Beirut denial", by=by
    )
    haifa = mark(article, "Haifa", by=by)
    article_correct(article=article, new_body=lead + REWRITTEN, by=None, reason="rewritten")
    for item in (officials, denial, haifa):
        item.refresh_from_db()
    assert officials.is_orphan and denial.is_orphan and not haifa.is_orphan
    article.refresh_from_db()
    return Orphaned(article, officials, denial, haifa)


def selection(text: str, occurrence: int = 0, **more) -> dict:
    """The POST of a selection of ``text`` in the corrected body."""
    start = nth(REWRITTEN, text, occurrence)
    return {"start": start, "end": start + len(text), "quote": text, **more}
