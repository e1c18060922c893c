"""Importing a batch of articles sent in one request (the API's bulk import).

The items go through the command line's pipeline: read as a JSONL line is
(``importing.bulk``), built into articles with the same source rules (an outlet named by
an item is created if the desk doesn't know it) and saved by ``services.articles_save``,
which reports text already in the desk as such. So sending the same batch twice
imports nothing the second time and answers with the existing ids.

Without ``atomic`` each bad item fails alone and the others are saved, in batches of
``SAVE_BATCH_SIZE`` (each its own transaction). With ``atomic`` the whole batch is
read first; one bad item means nothing is saved (``AtomicImportFailed``), and otherwise
everything is saved in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from curation.articles.importing import ParsedArticle
from curation.articles.importing.bulk import BulkItem
from curation.articles.models import Article, Source
from curation.articles.services import (
    SAVE_BATCH_SIZE,
    SourceResolver,
    Status,
    _noting_a_future_date,
    article_build,
    articles_save,
    log_refusal,
)


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    index: int
    status: Status
    article_id: int | None = None
    message: str = ""  # why it failed
    warnings: list[str] = field(default_factory=list)  # what an editor should check


class AtomicImportFailed(Exception):
    """An all-or-nothing batch with bad items: nothing was saved. ``failures`` says
    which items, and why."""

    def __init__(self, failures: list[ItemOutcome], total: int) -> None:
        self.failures = failures
        self.total = total
        super().__init__(f"{len(failures)} of {total} items failed; nothing was imported.")


def articles_import_items(
    *,
    items: Iterable[BulkItem],
    imported_by: AbstractBaseUser | None,
    source: Source | None = None,
    published_on: date | None = None,
    atomic: bool = False,
    batch_size: int = SAVE_BATCH_SIZE,
) -> list[ItemOutcome]:
    """Import the items; one outcome per item, in their order."""
    if atomic:
        return _import_all_or_nothing(
            list(items), imported_by=imported_by, source=source, published_on=published_on
        )
    outcomes: list[ItemOutcome] = []
    sources = SourceResolver(create_missing=True)
    today = timezone.localdate()
    pending: list[tuple[int, Article]] = []
    for item in items:
        if item.problem is not None:
            log_refusal(item.problem, where=f"item {item.index}")
            outcomes.append(ItemOutcome(item.index, "failed", message=item.problem.message))
            continue
        pending.append(
            (item.index, _built(item.article, source, sources, imported_by, published_on, today))
        )
        if len(pending) >= batch_size:
            outcomes.extend(_saved(pending))
            pending = []
    outcomes.extend(_saved(pending))
    return sorted(outcomes, key=lambda outcome: outcome.index)


def _import_all_or_nothing(
    items: list[BulkItem],
    *,
    imported_by: AbstractBaseUser | None,
    source: Source | None,
    published_on: date | None,
) -> list[ItemOutcome]:
    failures = [
        ItemOutcome(item.index, "failed", message=item.problem.message)
        for item in items
        if item.problem is not None
    ]
    if failures:
        raise AtomicImportFailed(failures, total=len(items))
    outcomes: list[ItemOutcome] = []
    with transaction.atomic():
        # Sources an item names are created inside the transaction too.
        sources = SourceResolver(create_missing=True)
        today = timezone.localdate()
        built = [
            (item.index, _built(item.article, source, sources, imported_by, published_on, today))
            for item in items
        ]
        for start in range(0, len(built), SAVE_BATCH_SIZE):
            outcomes.extend(_saved(built[start : start + SAVE_BATCH_SIZE]))
    return outcomes


def _built(
    parsed: ParsedArticle,
    source: Source | None,
    sources: SourceResolver,
    imported_by: AbstractBaseUser | None,
    published_on: date | None,
    today: date,
) -> Article:
    chosen = source or sources.resolve(parsed.source_name)
    article = article_build(
        parsed=parsed, source=chosen, imported_by=imported_by, published_on=published_on
    )
    return _noting_a_future_date(article, today=today)


def _saved(pending: list[tuple[int, Article]]) -> list[ItemOutcome]:
    if not pending:
        return []
    saved = articles_save(batch=[(str(index), article) for index, article in pending])
    return [
        ItemOutcome(
            index,
            outcome.status,
            outcome.article_id,
            warnings=article.import_notes.splitlines() if outcome.status == "imported" else [],
        )
        for (index, article), outcome in zip(pending, saved, strict=True)
    ]
