"""The workspace's article text and its entity rows as HTML, cached by what they show.

Cutting a long article into segments and writing them out is most of the workspace
page's cost (a 50,000-character article with 1,000 mentions: about 50 ms for the text;
the side panel lists its first PANEL_ROWS entities). Both are the same until a
mention, an event's passage, a tagger's suggestion or the body changes, so they are
kept in Django's cache (the database cache by default, which every app server shares).

The key is the article's TextVersion token, which database triggers change in the same
transaction as every write to what the text shows, its body, and the code that writes
the HTML.
A cached page is read without reading the article's mentions at all. Nothing has to be
invalidated and no write path can forget to: a stale text cannot be served. The token
is read before anything the HTML is built from, so what is kept under a token is never
older than the token. Entries nobody asks for any more age out (``CACHES``: timeout,
most entries). While suggestions are shown the text is built afresh each time, as they
depend on the whole desk's names.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache, cached_property
from pathlib import Path

from django.core.cache import cache as shared_cache
from django.db import DatabaseError
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from curation.annotations import selectors
from curation.articles.models import Article
from curation.compression import Deflated

logger = logging.getLogger(__name__)

PARAGRAPH = "annotations/paragraph.html"
ENTITY_ROW = "annotations/workspace.html#entity_row"
_HERE = Path(__file__).resolve().parent
# What the cached HTML is written by: a deployment that changes any of them changes
# every key, so no page is served as the older code wrote it.
_CODE = [
    Path(__file__).resolve(),
    _HERE / "selectors.py",
    _HERE / "spans.py",
    _HERE / "suggested.py",
    _HERE / "templatetags" / "workspace.py",
    _HERE.parent / "compression.py",  # the kept text's form
    _HERE.parent / "table_rows.py",  # its escaping
    _HERE.parents[1] / "templates" / "annotations" / "paragraph.html",
    _HERE.parents[1] / "templates" / "annotations" / "workspace.html",
]


@cache
def code_version() -> str:
    digest = hashlib.blake2b(digest_size=8)
    for path in _CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()


class WorkspaceText:
    """What the workspace shows of an article's text: its paragraphs (``html``, and the
    ``paragraphs`` themselves for answers that send some of them) and the side panel's
    first entity rows (``entity_rows_html``), each built only when a template asks for
    it. The article's mentions (``marks``) are read only to build them.

    Its token (``version``) is read before ``events`` and ``tagged``, and its marks
    after them."""

    def __init__(
        self,
        article: Article,
        *,
        version: int | None,
        events: list,
        tagged: list,
        entity_count: int,
        suggesting: bool,
        entities_url: str,
        all_rows: bool = False,
    ) -> None:
        """``version``: the article's TextVersion token, read before ``events`` and
        ``tagged``; ``entity_count``: how many entities its placed mentions name."""
        self.article = article
        self.version = version
        self.events = events
        self.tagged = tagged
        self.entity_count = entity_count
        self.suggesting = suggesting
        self.entities_url = entities_url
        self.all_rows = all_rows
        self._stand_in: str | None = None

    @cached_property
    def marks(self) -> list[selectors.MarkedText]:
        return selectors.article_marks(self.article)

    @cached_property
    def suggestions(self) -> list:
        """The desk's own suggestions, while they are shown."""
        return selectors.suggestions_for(self.article, self.marks) if self.suggesting else []

    @cached_property
    def paragraphs(self) -> list[selectors.ParagraphView]:
        return selectors.paragraph_views(
            self.article, self.marks, self.suggestions, self.events, tagged=self.tagged
        )

    @property
    def _row_limit(self) -> int | None:
        return None if self.all_rows else selectors.PANEL_ROWS

    @cached_property
    def entity_rows(self) -> list[selectors.EntityCount]:
        """The rows the panel lists, most mentioned first: its first PANEL_ROWS, or every
        one (``all_rows``)."""
        return selectors.entity_counts(self.marks)[: self._row_limit]

    @property
    def hidden_row_count(self) -> int:
        """How many entities the panel leaves out until asked for them all."""
        return 0 if self.all_rows else max(0, self.entity_count - selectors.PANEL_ROWS)

    @property
    def html(self) -> SafeString:
        """The paragraphs' HTML (or the marker that stands in for it)."""
        if self._stand_in is not None:
            return mark_safe(self._stand_in)  # noqa: S308 (a marker of ours)
        text = self._pieces["text"]
        if isinstance(text, Deflated):
            text = text.plain().decode()
        return mark_safe(text)  # noqa: S308 (PARAGRAPH's escaped HTML)

    @property
    def deflated_html(self) -> Deflated | None:
        """The paragraphs' HTML as it is kept, compressed, for a page that sends it as
        it is (``spliced_page``); None when it is not kept (suggestions shown)."""
        text = self._pieces["text"]
        return text if isinstance(text, Deflated) else None

    def stand_in(self, marker: str) -> None:
        """From now on ``html`` gives ``marker``, where a spliced page puts the text."""
        self._stand_in = marker

    @property
    def entity_rows_html(self) -> SafeString:
        return mark_safe(self._pieces["rows"])  # noqa: S308 (ENTITY_ROW's escaped HTML)

    @cached_property
    def _pieces(self) -> dict[str, str | Deflated]:
        """Both pieces, read from the cache together (one query), and the missing ones
        built and kept. The text is kept compressed: a 5,000-mention article's is about
        a megabyte of HTML, and a fifth of that to read from the cache."""
        builders = {self._key("rows", self._row_limit): ("rows", self._entity_rows_html)}
        if self.suggesting:
            pieces = {"text": self._paragraphs_html()}
        else:
            builders[self._key("text")] = ("text", self._deflated_paragraphs_html)
            pieces = {}
        return pieces | _cached(builders)

    def _deflated_paragraphs_html(self) -> Deflated:
        return Deflated.of(self._paragraphs_html().encode())

    def _paragraphs_html(self) -> str:
        template = get_template(PARAGRAPH)
        return "".join(
            template.render({"paragraph": paragraph, "oob": False}) for paragraph in self.paragraphs
        )

    def _entity_rows_html(self) -> str:
        template = get_template(ENTITY_ROW)
        return "\n".join(
            template.render({"row": row, "oob": False, "entities_url": self.entities_url})
            for row in self.entity_rows
        )

    def _key(self, what: str, *options) -> str:
        """The article's token, and what else the piece is written with. An article
        with no token is as it was imported: its import's time tells it from an article
        that had its id in a database since emptied (``flush``). The body is in the key
        too: the article may have been read before its token, by a request that a
        correction overtook."""
        if self.version is None:
            version = f"imported-{self.article.imported_at.isoformat()}"
        else:
            version = str(self.version)
        written_with = "\0".join(map(str, (code_version(), self.entities_url, *options)))
        digest = hashlib.blake2b(written_with.encode(), digest_size=12)
        digest.update(self.article.body.encode())
        return f"workspace-{what}:{self.article.pk}:{version}:{digest.hexdigest()}"


def _cached(builders: dict) -> dict[str, str | Deflated]:
    """For each key of ``builders`` (key: (name, build)), the HTML kept under it, or
    built and kept now. A cache that can't be read or written (a busy database) costs
    the time to build, never the page."""
    try:
        found = shared_cache.get_many(builders)
    except DatabaseError:
        logger.warning("workspace text cache unreadable", exc_info=True)
        found = {}
    built = {key: build() for key, (_, build) in builders.items() if key not in found}
    if built:
        try:
            shared_cache.set_many(built)
        except DatabaseError:
            logger.warning("workspace text cache unwritable", exc_info=True)
    return {builders[key][0]: html for key, html in (found | built).items()}
