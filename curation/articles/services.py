"""Writes for articles: saving imports and correcting metadata."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from curation.articles.importing import ImportProblem, ParsedArticle, iter_jsonl
from curation.articles.importing.files import parse_file
from curation.articles.models import Article, Source
from curation.articles.rows import insert_rows, unsaved

logger = logging.getLogger(__name__)
Status = Literal["imported", "already", "corrected", "failed"]
SAVE_BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    status: Status
    where: str
    article_id: int | None = None
    message: str = ""
    warning: str = ""  # about an imported article that an editor should check

    def __str__(self) -> str:
        if self.status == "imported":
            return f"{self.where}: imported (article #{self.article_id})"
        if self.status == "already":
            return f"{self.where}: already imported (article #{self.article_id})"
        if self.status == "corrected":
            return f"{self.where}: applied as a correction of article #{self.article_id}"
        return f"{self.where}: {self.message}"


class SourceResolver:
    """Turns a source hint (a slug or a name) into a Source, remembering answers.

    ``create_missing`` is for bulk files whose rows name their outlet explicitly.
    With ``candidates``, only those sources are looked at, without a query.
    """

    def __init__(
        self, *, create_missing: bool = False, candidates: list[Source] | None = None
    ) -> None:
        self.create_missing = create_missing
        self.candidates = candidates
        self._known: dict[str, Source | None] = {}

    def resolve(self, hint: str) -> Source | None:
        key = hint.strip().casefold()
        if not key:
            return None
        if key not in self._known:
            self._known[key] = self._find(hint.strip())
        return self._known[key]

    def _find(self, hint: str) -> Source | None:
        if self.candidates is not None:
            slug, name = slugify(hint), hint.casefold()
            return next((s for s in self.candidates if s.slug == slug), None) or next(
                (s for s in self.candidates if s.name.casefold() == name), None
            )
        source = (
            Source.objects.filter(slug=slugify(hint)).first()
            or Source.objects.filter(name__iexact=hint).first()
        )
        if source is None and self.create_missing:
            name = hint[: Source._meta.get_field("name").max_length]
            source = Source.objects.create(name=name, slug=_free_slug(name))
        return source


def _free_slug(name: str) -> str:
    base = slugify(name)[:190] or "source"
    slug, n = base, 2
    while Source.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def article_build(
    *,
    parsed: ParsedArticle,
    source: Source | None,
    imported_by: AbstractBaseUser | None,
    published_on: date | None = None,
) -> Article:
    """An unsaved Article for a parsed one. ``published_on`` fills a missing date."""
    when = parsed.published_on or published_on
    importer = imported_by if imported_by and imported_by.is_authenticated else None
    return unsaved(
        Article,
        source_id=source.pk if source else None,
        title=parsed.title[:500],
        kicker=parsed.kicker[:200],
        standfirst=parsed.standfirst,
        byline=parsed.byline[:500],
        published_on=when,
        url=web_url_or_blank(parsed.url),
        body=parsed.body,
        raw_text=parsed.raw_text,
        content_hash=parsed.content_hash,
        format=parsed.format,
        date_detected=parsed.date_detected,
        date_from_dateline=parsed.date_from_dateline,
        title_derived=parsed.title_derived,
        import_notes="\n".join(parsed.warnings),
        imported_by_id=importer.pk if importer else None,
    )


_validate_web_url = URLValidator(schemes=["http", "https"])


def web_url_or_blank(url: str) -> str:
    """The URL if it is a plain http(s) address; "" for anything else (javascript:, data:,
    a path, an over-long string). Imported URLs come from untrusted files."""
    url = url.strip()
    if not url or len(url) > Article._meta.get_field("url").max_length:
        return ""
    try:
        _validate_web_url(url)
    except ValidationError:
        return ""
    return url


def articles_save(*, batch: list[tuple[str, Article]]) -> list[ImportOutcome]:
    """Save the articles not yet in the desk, in one transaction, and say what happened
    to each. An article whose text is already there (same content hash) is reported
    as such, not saved twice."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _save_new(batch)
        except IntegrityError:
            # Retry only when someone else saved one of these texts between our lookup
            # and our insert; any other integrity error is a bug to surface.
            hashes = {article.content_hash for _, article in batch}
            if attempt == 2 or not Article.objects.filter(content_hash__in=hashes).exists():
                raise
    raise AssertionError("unreachable")


def _save_new(batch: list[tuple[str, Article]]) -> list[ImportOutcome]:
    today = timezone.localdate()
    hashes = {article.content_hash for _, article in batch}
    id_by_hash = dict(
        Article.objects.filter(content_hash__in=hashes).values_list("content_hash", "id")
    )
    already_there = set(id_by_hash)
    to_create: dict[str, Article] = {}
    for _, article in batch:
        if article.content_hash not in already_there:
            to_create.setdefault(article.content_hash, article)
    if to_create:
        _insert(list(to_create.values()))
        id_by_hash.update(
            Article.objects.filter(content_hash__in=to_create).values_list("content_hash", "id")
        )
        for content_hash, article in to_create.items():
            article.pk = id_by_hash[content_hash]

    outcomes = []
    for where, article in batch:
        article_id = id_by_hash[article.content_hash]
        is_new = to_create.get(article.content_hash) is article
        outcomes.append(
            ImportOutcome(
                "imported" if is_new else "already",
                where,
                article_id,
                warning=future_date_warning(article.published_on, today=today) if is_new else "",
            )
        )
    return outcomes


def log_refusal(problem: ImportProblem, *, where: str) -> None:
    """Log what an editor was not told: the detail for whoever can change the settings."""
    if problem.log_detail:
        logger.warning("Import of %s refused: %s", problem.where or where, problem.log_detail)


def is_in_the_future(day: date | None, *, today: date | None = None) -> bool:
    """A publication date after today (in the desk's time zone) is most likely a mistake.
    ``today``: the desk's date, when the caller has it for many articles."""
    return day is not None and day > (today or timezone.localdate())


def future_date_warning(day: date | None, *, today: date | None = None) -> str:
    if not is_in_the_future(day, today=today):
        return ""
    return f"its publication date, {day.day} {day:%B %Y}, is in the future. Check it."


def _noting_a_future_date(article: Article, *, today: date | None = None) -> Article:
    """An import nobody previews (the command line) keeps a future date, with a note."""
    if warning := future_date_warning(article.published_on, today=today):
        note = f"When it was imported, {warning}"
        article.import_notes = "\n".join(filter(None, [article.import_notes, note]))
    return article


def _insert(articles: list[Article]) -> None:
    """INSERT new articles, one statement executed for every row (``rows``): for rows of
    ~5 KB of text, building ``bulk_create``'s single statement took longer than SQLite
    took to store them (see the import benchmark in the README). No history rows here:
    ``curation.articles.history`` writes an article's import record just before its
    first change."""
    insert_rows(Article, articles)


def articles_import_paths(
    *,
    files: Iterable[Path],
    source: Source | None = None,
    published_on: date | None = None,
    imported_by: AbstractBaseUser | None = None,
    batch_size: int = SAVE_BATCH_SIZE,
) -> Iterator[tuple[Path, list[ImportOutcome]]]:
    """Import files one by one, streaming: yields each file with what became of it.

    Text, Markdown and HTML files hold one article each and are saved in batches of
    ``batch_size`` files. A JSONL file is saved whole or not at all: one bad line
    fails the file, and the message names the line.
    """
    max_bytes = settings.CURATION_IMPORT_MAX_BYTES
    hinted_sources = SourceResolver()  # a footer's outlet counts only if the desk knows it
    pending: list[tuple[Path, Article]] = []
    today = timezone.localdate()  # for a future date's note: once, not once a file

    def flush() -> Iterator[tuple[Path, list[ImportOutcome]]]:
        if pending:
            outcomes = articles_save(batch=[(path.name, article) for path, article in pending])
            yield from (
                (path, [outcome]) for (path, _), outcome in zip(pending, outcomes, strict=True)
            )
            pending.clear()

    for path in files:
        parsed = parse_file(path, max_bytes=max_bytes)
        if parsed is None:  # a JSONL file
            yield from flush()
            yield (
                path,
                _import_jsonl_file(
                    path,
                    source=source,
                    published_on=published_on,
                    imported_by=imported_by,
                    max_bytes=max_bytes,
                    batch_size=batch_size,
                ),
            )
        elif isinstance(parsed, ImportProblem):
            log_refusal(parsed, where=str(path))
            yield path, [ImportOutcome("failed", parsed.where or path.name, message=parsed.message)]
        else:
            chosen = source or hinted_sources.resolve(parsed.source_name)
            article = article_build(
                parsed=parsed, source=chosen, imported_by=imported_by, published_on=published_on
            )
            pending.append((path, _noting_a_future_date(article, today=today)))
            if len(pending) >= batch_size:
                yield from flush()
    yield from flush()


def _import_jsonl_file(
    path: Path,
    *,
    source: Source | None,
    published_on: date | None,
    imported_by: AbstractBaseUser | None,
    max_bytes: int,
    batch_size: int,
) -> list[ImportOutcome]:
    outcomes: list[ImportOutcome] = []
    # JSONL rows name their outlet, so unknown ones are created, inside this file's
    # transaction (a failed file leaves no new sources behind, nor any in this cache).
    sources = SourceResolver(create_missing=True)
    today = timezone.localdate()
    try:
        with path.open("rb") as lines, transaction.atomic():
            parsed_rows = iter_jsonl(lines, filename=path.name, max_bytes=max_bytes)
            while chunk := list(islice(parsed_rows, batch_size)):
                batch = [
                    (
                        f"{path.name}, line {parsed.line}",
                        _noting_a_future_date(
                            article_build(
                                parsed=parsed,
                                source=source or sources.resolve(parsed.source_name),
                                imported_by=imported_by,
                                published_on=published_on,
                            ),
                            today=today,
                        ),
                    )
                    for parsed in chunk
                ]
                outcomes.extend(articles_save(batch=batch))
    except ImportProblem as problem:
        log_refusal(problem, where=str(path))
        return [
            ImportOutcome(
                "failed",
                problem.where or path.name,
                message=f"{problem.message} Nothing from this file was imported.",
            )
        ]
    except OSError as error:
        return [ImportOutcome("failed", path.name, message=f"Cannot read it ({error.strerror}).")]
    return outcomes


@transaction.atomic
def article_update_metadata(
    *, article: Article, changes: dict[str, object], changed_by: AbstractBaseUser
) -> Article:
    """Correct an article's metadata (never its body), leaving a history record."""
    editable = {"title", "kicker", "byline", "source", "published_on", "url", "standfirst"}
    unknown = set(changes) - editable
    if unknown:
        raise ValueError(f"not editable here: {', '.join(sorted(unknown))}")
    fields = dict(changes)
    if "published_on" in fields:
        fields["date_from_dateline"] = False  # an editor's date, no longer a dateline's
    for name, value in fields.items():
        setattr(article, name, value)
    article._history_user = changed_by
    article.save(update_fields=[*fields])
    return article
