"""The API's limits, each answered with a message that says what to do:

- the largest request body, ``CURATION_API_MAX_BODY_BYTES`` (413), refused from its
  Content-Length before it is read;
- the most items in one request, ``CURATION_API_MAX_ITEMS`` (413);
- the requests one token may make in a minute, ``CURATION_API_RATE_LIMIT`` (429, with
  Retry-After; counted in ``tokens.use``).
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.http import HttpRequest

from curation.api.errors import ApiError, body_too_large, error_response


def refuse_large_bodies(run):
    """A view decorator for every operation: over-large bodies are refused unread."""

    @wraps(run)
    def checked(request: HttpRequest, *args, **kwargs):
        length = request.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > settings.CURATION_API_MAX_BODY_BYTES:
            return error_response(body_too_large())
        return run(request, *args, **kwargs)

    return checked


BODY_PIECE = 2**20


def request_body(request: HttpRequest) -> bytes | bytearray:
    """The body, read once; a body sent without a length is measured after reading.

    A body of known length not yet read is read a piece at a time into one buffer: asked
    for it whole (``request.body``), gunicorn gathers it in buffers of its own first and
    copies it out, several times the body's size in fresh memory."""
    length = request.headers.get("Content-Length", "")  # within the limit: refuse_large_bodies
    if request._read_started or not length.isdigit() or int(length) <= BODY_PIECE:
        body = request.body
    else:
        body = _read_in_pieces(request, int(length))
    if len(body) > settings.CURATION_API_MAX_BODY_BYTES:
        raise body_too_large()
    return body


def _read_in_pieces(request: HttpRequest, length: int) -> bytearray:
    """Grown as pieces arrive, not set aside at the length the client declared: the
    memory follows what was sent."""
    body = bytearray()
    while len(body) < length:
        piece = request.read(min(BODY_PIECE, length - len(body)))
        if not piece:  # the client sent less than it said
            break
        body += piece
    request._body = body  # what ``request.body`` gives from now on, as Django's own read
    return body


def check_item_count(count: int, *, what: str = "items") -> None:
    limit = settings.CURATION_API_MAX_ITEMS
    if count > limit:
        raise ApiError(
            413,
            "too_many_items",
            f"This request has {count:,} {what}; one request may have at most {limit:,}. "
            "Send them in several requests.",
        )
