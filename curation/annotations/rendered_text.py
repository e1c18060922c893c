"""The workspace's article text and its entity rows as HTML, cached by what they show.

Cutting a long article into segments and writing them out is most of the workspace
page's cost (a 50,000-character article with 1,000 mentions: about 50 ms for the text;
the side panel lists its first PANEL_ROWS entities). Both are the same until a
mention, an event's passage, a tagger's suggestion or the body changes, so they are
kept in Django's cache (the database cache by default, which every app server shares).

The key is a digest of everything the HTML is built from: the body, each mention as
the workspace shows it (``MarkedText``: place, entity, its name and kind, review
state), the events' passages, the taggers' open suggestions with their labels, and
the code that writes the HTML. A write that changes what is shown changes the key, so
nothing has to be invalidated and no write path can forget to: a stale text cannot be
served. Entries nobody asks for any more age out (``CACHES``: timeout, most entries).
While suggestions are shown the text is built afresh each time, as they depend on the
whole desk's names.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
from functools import cache, cached_property
from operator import attrgetter
from pathlib import Path

from django.core.cache import cache as shared_cache
from django.db import DatabaseError
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from curation.annotations import selectors
from curation.articles.models import Article

logger = logging.getLogger(__name__)

PARAGRAPH = "annotations/paragraph.html"
ENTITY_ROW = "annotations/workspace.html#entity_row"
_HERE = Path(__file__).resolve().parent
# What the cached HTML is written by: a deployment that changes any of them changes
# every key, so no page is served as the older code wrote it.
_CODE = [
    _HERE / "selectors.py",
    _HERE / "spans.py",
    _HERE / "suggested.py",
    _HERE / "templatetags" / "workspace.py",
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
    it."""

    def __init__(
        self,
        article: Article,
        marks: list[selectors.MarkedText],
        *,
        events: list,
        tagged: list,
        suggestions: list,
        suggesting: bool,
        entities_url: str,
        all_rows: bool = False,
    ) -> None:
        self.article = article
        self.marks = marks
        self.events = events
        self.tagged = tagged
        self.suggestions = suggestions
        self.suggesting = suggesting
        self.entities_url = entities_url
        self.all_rows = all_rows

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

    @cached_property
    def hidden_row_count(self) -> int:
        """How many entities the panel leaves out until asked for them all."""
        if self.all_rows:
            return 0
        return max(0, len({mark.entity_id for mark in self.marks}) - selectors.PANEL_ROWS)

    @property
    def html(self) -> SafeString:
        return self._html["text"]

    @property
    def entity_rows_html(self) -> SafeString:
        return self._html["rows"]

    @cached_property
    def _html(self) -> dict[str, SafeString]:
        """Both pieces, read from the cache together (one query), and the missing ones
        built and kept."""
        builders = {self._rows_key(): ("rows", self._entity_rows_html)}
        if self.suggesting:
            html = {"text": self._paragraphs_html()}
        else:
            builders[self._text_key()] = ("text", self._paragraphs_html)
            html = {}
        html |= _cached(builders)
        # the escaped HTML of PARAGRAPH and ENTITY_ROW
        return {name: mark_safe(piece) for name, piece in html.items()}  # noqa: S308

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

    def _text_key(self) -> str:
        digest = _digest("text", self.article.body)
        digest.update(marshal.dumps(list(map(tuple, self.marks)), _MARSHAL_VERSION))
        digest.update(repr([(event.pk, event.start, event.end) for event in self.events]).encode())
        tagged = [(t.pk, t.start, t.end, t.kind_slug, t.label_in_text) for t in self.tagged]
        digest.update(repr(tagged).encode())
        return f"workspace-text:{self.article.pk}:{digest.hexdigest()}"

    def _rows_key(self) -> str:
        digest = _digest("rows", f"{self.entities_url}\0{self._row_limit}")
        rows = list(map(_ROW_FIELDS, self.marks))
        digest.update(marshal.dumps(rows, _MARSHAL_VERSION))
        return f"workspace-rows:{self.article.pk}:{digest.hexdigest()}"


# The marks are written into the key by marshal (in C, three times faster than repr), in
# its version 2: later versions mark a string as interned or not, so equal values could
# give different bytes.
_MARSHAL_VERSION = 2
# What of a mark the panel's rows show (a getter of several names gives a tuple, in C).
_ROW_FIELDS = attrgetter("entity_id", "entity_name", "kind_slug")


def _digest(what: str, first: str) -> hashlib.blake2b:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{code_version()}\0{what}\0".encode())
    digest.update(first.encode())
    return digest


def _cached(builders: dict) -> dict[str, str]:
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
