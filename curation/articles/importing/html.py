"""The main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import parse_iso_date
from .normalizing import is_list_item

# Only what the page states: no guessing a date from its text or URL.
_DATE_EXTRACTION = {"original_date": True, "extensive_search": False}


@dataclass
class HtmlPage:
    text: str  # paragraphs separated by blank lines, list items by single line breaks
    title: str = ""
    byline: str = ""
    published_on: date | None = None
    source_name: str = ""
    url: str = ""


def extract_html(html: str) -> HtmlPage:
    """The page's main text and metadata. ``text`` is empty when no main text was found."""
    # trafilatura takes a quarter of a second to import: only pay that when a page comes in.
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_EXTRACTION,
    )
    if document is None:
        return HtmlPage(text="")
    return HtmlPage(
        text=_paragraphs(document.text or ""),
        title=(document.title or "").strip(),
        byline=(document.author or "").strip(),
        published_on=parse_iso_date((document.date or "").strip()),
        source_name=(document.sitename or "").strip(),
        url=(document.url or "").strip(),
    )


def _paragraphs(text: str) -> str:
    """trafilatura puts each block on a line; make those paragraphs, keeping lists together."""
    parts: list[str] = []
    previous = ""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if parts:
            parts.append("\n" if is_list_item(line) and is_list_item(previous) else "\n\n")
        parts.append(line)
        previous = line
    return "".join(parts)
