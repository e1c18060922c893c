"""A page with a part kept compressed: the workspace's text of a long article, read
from the cache as deflate blocks (``compression.Deflated``) and sent as they are.

``GZipMiddleware`` splices the blocks between the rest of the page, compressed around
them, so a megabyte of cached text costs neither decompressing nor compressing it
again. Anything else that reads the page (a client that takes no gzip, a test, another
middleware) gets its plain bytes, decompressed once, as from any HttpResponse."""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from curation.compression import Deflated

type Part = bytes | Deflated

# A smaller part is sent within the page, compressed with it: the page compresses better
# whole (what follows the part can refer back into it) and splicing would save less than
# half a millisecond.
WORTH_SPLICING = 64 * 1024


class SplicedPage(HttpResponse):
    def __init__(self, parts: list[Part], **kwargs) -> None:
        self._parts: list[Part] | None = None
        super().__init__(b"", **kwargs)
        self._parts = parts
        self.plain_size = sum(len(part) if isinstance(part, bytes) else part.size for part in parts)
        self.headers["Content-Length"] = str(self.plain_size)

    @property
    def deflated_parts(self) -> list[Part] | None:
        """The page's parts, or None once its plain content has been read or replaced."""
        return self._parts

    # HttpResponse keeps its content in ``_container``: it is built when first read.
    @property
    def _container(self) -> list[bytes]:
        if self._parts is not None:
            plain = [part if isinstance(part, bytes) else part.plain() for part in self._parts]
            self._plain_container, self._parts = [b"".join(plain)], None
        return self._plain_container

    @_container.setter
    def _container(self, value: list[bytes]) -> None:
        self._parts = None
        self._plain_container = value


def render_spliced(
    request: HttpRequest,
    template_name: str,
    context: dict,
    *,
    stand_in: Callable[[str], None],
    piece: Deflated,
) -> HttpResponse:
    """The template rendered with ``piece`` in its place: ``stand_in(marker)`` makes the
    context show a marker where the piece's text goes, once."""
    marker = f"<!--spliced-{secrets.token_hex(16)}-->"
    stand_in(marker)
    page = render_to_string(template_name, context, request)
    head, found, tail = page.partition(marker)
    if not found or marker in tail:  # a template that shows it other than once
        return HttpResponse(page.replace(marker, piece.plain().decode()))
    return SplicedPage([head.encode(), piece, tail.encode()])
