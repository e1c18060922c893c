"""The web import's preview: parse what was pasted or uploaded, without saving.

Each parsed article travels to the browser and back as a signed token, so the
save step trusts exactly what the preview showed and never re-parses.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.http import QueryDict

from curation.articles.forms import PreviewItemForm, active_sources
from curation.articles.importing import (
    ImportProblem,
    ParsedArticle,
    format_for_filename,
    iter_jsonl,
    parse_document,
    parse_text,
)
from curation.articles.importing.limits import check_size
from curation.articles.models import Article, Source
from curation.articles.services import (
    SourceResolver,
    article_build,
    log_refusal,
    web_url_or_blank,
)

# Each previewed article posts 7 fields back; this keeps a save under Django's
# DATA_UPLOAD_MAX_NUMBER_FIELDS (settings.py).
MAX_PREVIEW_ITEMS = 100
TITLE_MAX_LENGTH = Article._meta.get_field("title").max_length
BYLINE_MAX_LENGTH = Article._meta.get_field("byline").max_length
_PAYLOAD_KEY = re.compile(r"item-(\d{1,6})-payload")
PAYLOAD_SALT = "curation.articles.import-preview"
PAYLOAD_MAX_AGE = 24 * 60 * 60


@dataclass
class PreviewItem:
    where: str
    parsed: ParsedArticle | None = None
    problem: str = ""
    existing_id: int | None = None  # the article that already has this text
    earlier_version: Article | None = None  # an article this looks like an update of
    source: Source | None = None
    form: PreviewItemForm | None = None  # the metadata an editor may correct


def preview_items(
    *,
    text: str,
    files: Iterable[UploadedFile],
    source: Source | None,
    max_bytes: int,
    may_correct: bool = False,
) -> list[PreviewItem]:
    """The parsed articles, each with its form. ``may_correct``: the editor may apply an
    updated version of an article as a correction of it, so the choice is offered."""
    items = list(_parse_all(text=text, files=files, max_bytes=max_bytes))
    _mark_already_imported(items)
    # One query for the sources, whatever the number of articles: every form shares them,
    # and an outlet named in a text is looked for among them (the ones a form can offer).
    sources = list(active_sources())
    hinted = SourceResolver(candidates=sources)
    for item in items:
        if item.parsed:
            item.source = source or hinted.resolve(item.parsed.source_name)
    _mark_earlier_versions(items)
    for index, item in enumerate(items):
        if item.parsed:
            item.form = PreviewItemForm(
                sources=sources,
                earlier_version=item.earlier_version,
                may_correct=may_correct,
                prefix=f"item-{index}",
                initial={
                    "payload": sign_parsed(item.parsed),
                    "where": item.where,
                    "include": item.existing_id is None,
                    "title": item.parsed.title[:TITLE_MAX_LENGTH],
                    "published_on": item.parsed.published_on,
                    "source": item.source,
                    "byline": item.parsed.byline[:BYLINE_MAX_LENGTH],
                },
            )
    return items


def posted_items(data: QueryDict) -> list[PreviewItem]:
    """The previewed articles as posted back by the preview form."""
    indexes = sorted(int(match.group(1)) for key in data if (match := _PAYLOAD_KEY.fullmatch(key)))[
        :MAX_PREVIEW_ITEMS
    ]
    items = []
    sources = list(active_sources()) if indexes else []
    for index in indexes:
        form = PreviewItemForm(data, sources=sources, prefix=f"item-{index}")
        item = PreviewItem(where=form.data.get(form.add_prefix("where"), ""), form=form)
        if form.is_valid():
            try:
                item.parsed = unsign_parsed(form.cleaned_data["payload"])
            except ImportProblem as problem:
                item.problem = problem.message
        items.append(item)
    return items


def any_importable(items: list[PreviewItem]) -> bool:
    """Whether anything in the preview could be imported: not when every item failed."""
    return any(item.parsed and not item.problem for item in items)


def articles_to_save(items: list[PreviewItem], *, user) -> list[tuple[str, Article]] | None:
    """The checked articles with the editor's corrections, or None when any checked one
    has an error to fix first (shown on its form)."""
    batch = []
    for item in items:
        if not _is_checked(item.form):
            continue
        if item.problem or not item.form.is_valid():
            return None
        if item.form.is_correction:
            continue  # applied to its earlier version instead (corrections_to_apply)
        data = item.form.cleaned_data
        article = article_build(parsed=item.parsed, source=data["source"], imported_by=user)
        if data["title"] != item.parsed.title:
            article.title, article.title_derived = data["title"], False
        article.published_on = data["published_on"]
        article.date_from_dateline = (
            item.parsed.date_from_dateline and data["published_on"] == item.parsed.published_on
        )
        article.byline = data["byline"]
        batch.append((item.where, article))
    return batch


def corrections_to_apply(items: list[PreviewItem]) -> list[tuple[str, int, str, str]]:
    """The checked articles the editor chose to apply as corrections, after
    ``articles_to_save`` found every form valid: (where, article id, new body, reason)."""
    return [
        (
            item.where,
            item.form.cleaned_data["correction_of"],
            item.parsed.body,
            item.form.cleaned_data["correction_reason"],
        )
        for item in items
        if _is_checked(item.form) and item.form.is_valid() and item.form.is_correction
    ]


def _is_checked(form: PreviewItemForm) -> bool:
    return form.data.get(form.add_prefix("include")) in {"on", "true", "1"}


def _parse_all(
    *, text: str, files: Iterable[UploadedFile], max_bytes: int
) -> Iterator[PreviewItem]:
    if text.strip():
        yield _attempt(
            "Pasted text",
            partial(parse_text, text, format="text", where="Pasted text", max_bytes=max_bytes),
        )
    for upload in files:
        name = upload.name or "upload"
        try:
            kind = format_for_filename(name)
        except ImportProblem as problem:
            yield PreviewItem(where=name, problem=problem.message)
            continue
        if kind == "jsonl":
            yield from _parse_jsonl_upload(upload, name=name, max_bytes=max_bytes)
        else:
            yield _attempt(name, partial(_parse_upload, upload, name=name, max_bytes=max_bytes))


def _parse_upload(upload: UploadedFile, *, name: str, max_bytes: int) -> ParsedArticle:
    # Checked before reading, so a huge upload is refused without loading it.
    check_size(upload.size, max_bytes, what="This file", where=name)
    return parse_document(upload.read(), filename=name, max_bytes=max_bytes)


def _attempt(where: str, parse: Callable[[], ParsedArticle]) -> PreviewItem:
    try:
        return PreviewItem(where=where, parsed=parse())
    except ImportProblem as problem:
        log_refusal(problem, where=where)
        return PreviewItem(where=where, problem=problem.message)


def _parse_jsonl_upload(
    upload: UploadedFile, *, name: str, max_bytes: int
) -> Iterator[PreviewItem]:
    try:
        for count, parsed in enumerate(iter_jsonl(upload, filename=name, max_bytes=max_bytes)):
            if count == MAX_PREVIEW_ITEMS:
                yield PreviewItem(
                    where=name,
                    problem=(
                        f"more than {MAX_PREVIEW_ITEMS} articles in one file. Split it into "
                        f"files of at most {MAX_PREVIEW_ITEMS} lines, or ask an admin to "
                        "import it with the import_articles command. Nothing from this "
                        "file was taken."
                    ),
                )
                return
            yield PreviewItem(where=f"{name}, line {parsed.line}", parsed=parsed)
    except ImportProblem as problem:
        log_refusal(problem, where=name)
        yield PreviewItem(
            where=problem.where or name,
            problem=(
                f"{problem.message} Nothing from this file can be imported until it is fixed."
            ),
        )


def _mark_already_imported(items: list[PreviewItem]) -> None:
    by_hash = {item.parsed.content_hash: item for item in items if item.parsed}
    existing = Article.objects.filter(content_hash__in=by_hash).values_list("content_hash", "id")
    for content_hash, article_id in existing:
        by_hash[content_hash].existing_id = article_id
    for item in items:
        if item.parsed and item.existing_id is None:
            item.existing_id = by_hash[item.parsed.content_hash].existing_id


def _mark_earlier_versions(items: list[PreviewItem]) -> None:
    """Find, for each new text, an article it looks like an updated version of: the same
    URL, or the same source and title (the newest such article). One query."""
    new = [item for item in items if item.parsed and item.existing_id is None]
    urls = {url for item in new if (url := web_url_or_blank(item.parsed.url))}
    titled = {
        (item.source.pk, " ".join(item.parsed.title.split()))
        for item in new
        if item.source is not None and not item.parsed.title_derived and item.parsed.title
    }
    if not urls and not titled:
        return
    condition = Q(url__in=urls)
    for source_id, title in titled:
        condition |= Q(source_id=source_id, title__iexact=title)
    found = list(
        Article.objects.filter(condition).only("title", "url", "source_id").order_by("-pk")
    )
    for item in new:
        url = web_url_or_blank(item.parsed.url)
        by_url = [article for article in found if url and article.url == url]
        by_title = [
            article
            for article in found
            if item.source is not None
            and not item.parsed.title_derived
            and article.source_id == item.source.pk
            and _title_key(article.title) == _title_key(item.parsed.title)
        ]
        item.earlier_version = next(iter(by_url or by_title), None)


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def sign_parsed(parsed: ParsedArticle) -> str:
    fields = dataclasses.asdict(parsed)
    fields["published_on"] = parsed.published_on.isoformat() if parsed.published_on else None
    return signing.dumps(fields, salt=PAYLOAD_SALT, compress=True)


def unsign_parsed(token: str) -> ParsedArticle:
    try:
        fields = signing.loads(token, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    except signing.SignatureExpired:
        raise ImportProblem(
            "This preview is more than a day old. Start the import again."
        ) from None
    except signing.BadSignature:
        raise ImportProblem(
            "This preview was changed outside the desk. Start the import again."
        ) from None
    if fields["published_on"]:
        fields["published_on"] = date.fromisoformat(fields["published_on"])
    return ParsedArticle(**fields)
