"""From a file or pasted text to a ParsedArticle."""

from __future__ import annotations

from pathlib import PurePath

from .cleaning import remove_copyright_footer
from .datelines import read_dateline
from .decoding import decode_bytes
from .header import read_header
from .html import extract_html
from .limits import DEFAULT_MAX_BYTES, TEXT_LIMITS, check_size, fit_text_limits
from .normalizing import Block, normalize_text, split_blocks
from .titles import derive_title
from .types import ImportProblem, ParsedArticle

FORMAT_BY_EXTENSION = {
    "": "text",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
NO_TEXT_LEFT = (
    "Nothing to import: no article text left after cleaning (only headings, captions, links "
    "or rules). Check that this is the article itself."
)
NO_TEXT_IN_HTML = (
    "Nothing to import: no article text found in this HTML page. It may be a front page, a "
    "login page or a page built by JavaScript. Save the article page itself, or paste its text."
)


def format_for_filename(filename: str) -> str:
    """The import format that a file's extension stands for."""
    extension = PurePath(filename).suffix.lower()
    if extension not in FORMAT_BY_EXTENSION:
        raise ImportProblem(
            f'Unsupported file type "{extension}". Import .txt, .md, .html or .jsonl files.',
            where=filename,
        )
    return FORMAT_BY_EXTENSION[extension]


def parse_document(
    data: bytes, *, filename: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> ParsedArticle:
    """Parse one text, Markdown or HTML file. (A JSONL file holds many: see ``iter_jsonl``.)"""
    format = format_for_filename(filename)
    if format == "jsonl":
        raise ValueError("A JSONL file holds many articles; read it with iter_jsonl().")
    check_size(len(data), max_bytes, what="This file", where=filename)
    text, warnings = decode_bytes(data, where=filename)
    article = parse_text(text, format=format, where=filename, max_bytes=max_bytes)
    article.warnings[:0] = warnings
    return article


def parse_text(
    text: str, *, format: str = "text", where: str = "", max_bytes: int = DEFAULT_MAX_BYTES
) -> ParsedArticle:
    """Parse already decoded text, such as text pasted into a form."""
    size = len(text) if text.isascii() else len(text.encode("utf-8"))
    check_size(size, max_bytes, what="This text", where=where)
    if format == "html":
        return _parse_html(text, where=where)
    if format not in ("text", "markdown"):
        raise ValueError(f"parse_text() reads text, markdown or html, not {format!r}.")
    blocks = split_blocks(normalize_text(text), markdown=format == "markdown")
    header, body_blocks = read_header(blocks)
    body, footer_outlet = clean_body(body_blocks)
    if not body:
        raise ImportProblem(NO_TEXT_LEFT, where=where)
    article = ParsedArticle(
        body=body,
        raw_text=text,
        format=format,
        title=header.title,
        kicker=header.kicker,
        standfirst=header.standfirst,
        byline=header.byline,
        published_on=header.published_on,
        dateline=header.dateline.text if header.dateline else "",
        source_name=footer_outlet,
        warnings=header.warnings,
    )
    return finish(article)


def _parse_html(html: str, *, where: str) -> ParsedArticle:
    page = extract_html(html)
    blocks = split_blocks(normalize_text(page.text), markdown=False)
    header, body_blocks = read_header(blocks, known_title=page.title, known_date=page.published_on)
    body, footer_outlet = clean_body(body_blocks)
    if not body:
        raise ImportProblem(NO_TEXT_IN_HTML, where=where)
    article = ParsedArticle(
        body=body,
        raw_text=html,
        format="html",
        title=header.title,
        kicker=header.kicker,
        standfirst=header.standfirst,
        byline=page.byline or header.byline,
        published_on=header.published_on,
        dateline=header.dateline.text if header.dateline else "",
        source_name=page.source_name or footer_outlet,
        url=page.url,
        warnings=header.warnings,
    )
    return finish(article)


def clean_body(blocks: list[Block]) -> tuple[str, str]:
    """The body text from its blocks, and the outlet named by a copyright footer (or "")."""
    paragraphs = [block.text for block in blocks]
    outlet = remove_copyright_footer(paragraphs)
    return "\n\n".join(paragraphs).strip(), outlet


def finish(article: ParsedArticle) -> ParsedArticle:
    """What every format does last: take the date of a dateline at the start of the body
    when the article has no date yet, give it a title if it has none, and cut text
    fields longer than an article's may be (with a note)."""
    dateline = read_dateline(article.body.split("\n", 1)[0])
    if dateline and article.published_on is None:
        article.published_on, article.dateline = dateline.published_on, dateline.text
        article.warnings.append(dateline.note())
    # A title made from the first sentence leaves out the dateline before it.
    with_title(article, skip=dateline.end if dateline else 0)
    fitted, notes = fit_text_limits({name: getattr(article, name) for name in TEXT_LIMITS})
    for name, text in fitted.items():
        setattr(article, name, text)
    article.warnings.extend(notes)
    return article


def with_title(article: ParsedArticle, *, skip: int = 0) -> ParsedArticle:
    """Give an article without a title one made from its first sentence (after ``skip``)."""
    if not article.title:
        article.title = derive_title(article.body[skip:] or article.body)
        article.title_derived = True
    return article
