"""One log line per request, as JSON: method, path (without its query), status, duration
in milliseconds and the user's id (null when anonymous). Nothing of what was sent or
shown: no query strings, no bodies, no article text."""

import json
import logging
import time

from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

logger = logging.getLogger("curation.requests")


def _user_id(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    # The user is loaded lazily: read it only if the request already did, so that the
    # log line costs no query.
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None


class RequestLogMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        logger.info(
            json.dumps(
                {
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "user": _user_id(request),
                }
            )
        )
        return response
