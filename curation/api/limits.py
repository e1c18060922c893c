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


def request_body(request: HttpRequest) -> bytes:
    """The body, read once; a body sent without a length is measured after reading."""
    body = request.body
    if len(body) > settings.CURATION_API_MAX_BODY_BYTES:
        raise body_too_large()
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
