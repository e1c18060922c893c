"""What the correction tests share: marking words in an article as the desk would, and
reading back where a correction left them."""

from __future__ import annotations

from curation.annotations.models import EntityKind, Event, EventType, Mention, Status
from curation.annotations.spans import anchor
from curation.articles.models import Article
from tests.factories import ArticleFactory, EntityFactory

BODY = (
    "Hezbollah fired rockets at Haifa on Sunday, the Israeli army said.\n\n"
    "Yoav Gallant met Lloyd Austin in Washington on 25 June. Gallant said Israel "
    "was ready.\n\n"
    "Officials in Beirut denied the report on Monday."
)


def article_with(body: str = BODY, **fields) -> Article:
    return ArticleFactory(body=body, **fields)


def nth(body: str, text: str, occurrence: int = 0) -> int:
    """Where the ``occurrence``-th (0-based) ``text`` starts in ``body``."""
    at = -1
    for _ in range(occurrence + 1):
        at = body.index(text, at + 1)
    return at


def mark(
    article: Article,
    text: str,
    *,
    occurrence: int = 0,
    entity=None,
    status: str = Status.DRAFT,
    by=None,
) -> Mention:
    """A mention of the ``occurrence``-th ``text``, stored as the desk stores spans."""
    start = nth(article.body, text, occurrence)
    span = anchor(article.body, start, start + len(text))
    return Mention.objects.create(
        article=article,
        entity=entity or EntityFactory(name=text, kind=EntityKind.objects.get(slug="person")),
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        status=status,
        created_by=by,
    )


def record_event(
    article: Article,
    evidence: str,
    *,
    date_phrase: str = "",
    date: str = "",
    status: str = Status.DRAFT,
    headline: str = "Something happened",
    by=None,
) -> Event:
    """An event whose evidence is ``evidence`` and whose date came from ``date_phrase``
    (its first occurrence in the body), as the desk records them."""
    start = nth(article.body, evidence)
    span = anchor(article.body, start, start + len(evidence))
    date_start = nth(article.body, date_phrase) if date_phrase else None
    return Event.objects.create(
        article=article,
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        event_type=EventType.objects.order_by("pk").first(),
        headline=headline,
        date=date,
        date_text=date_phrase,
        date_start=date_start,
        date_end=date_start + len(date_phrase) if date_phrase else None,
        status=status,
        created_by=by,
    )


def on_its_words(item: Mention | Event) -> bool:
    """The stored span agrees with the article's current body, context included."""
    item.refresh_from_db()
    body = Article.objects.get(pk=item.article_id).body
    expected = anchor(body, item.start, item.end)
    return (item.quote, item.prefix, item.suffix) == (
        expected.quote,
        expected.prefix,
        expected.suffix,
    )
