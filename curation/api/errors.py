"""Every API error in one shape, ``{"error": {"code", "message", "field"?, "index"?}}``,
with the right status, and never an HTML page.

``ApiError`` is raised by the API's own code; ``install`` maps everything else that a
request can end in (ninja's validation and authentication errors, a 404, an over-large
body, a bug) onto the same shape. An app whose services refuse with exceptions of their
own says how each becomes an ``ApiError`` with ``converts`` (annotations does, in its
api.py), so this module, which every app's endpoints import, imports no app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger(__name__)

NOT_AUTHENTICATED = (
    "This needs an API token. Send it as 'Authorization: Bearer <token>'; make one on "
    "your API tokens page (your name in the menu, then API tokens)."
)


class ErrorDetail(Schema):
    code: str
    message: str
    field: str | None = None
    index: int | None = None


class ErrorOut(Schema):
    error: ErrorDetail


class ApiError(Exception):
    """A request the API refuses: ``status``, a stable ``code`` for programs, a
    ``message`` for people (what was wrong, where, what to do), and where it was: the
    ``field`` (a dotted path into the request) and the ``index`` of the item in a list."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        index: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.index = index
        self.headers = headers or {}


def error_body(
    code: str, message: str, *, field: str | None = None, index: int | None = None
) -> dict:
    detail: dict = {"code": code, "message": message}
    if field is not None:
        detail["field"] = field
    if index is not None:
        detail["index"] = index
    return {"error": detail}


def error_response(error: ApiError) -> HttpResponse:
    response = JsonResponse(
        error_body(error.code, error.message, field=error.field, index=error.index),
        status=error.status,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in error.headers.items():
        response[name] = value
    return response


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} Check the id or slug in the address.")


def forbidden(message: str) -> ApiError:
    return ApiError(403, "forbidden", message)


# --- mapping every other exception --------------------------------------------------------

_CODES_BY_STATUS = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "rate_limited",
}


def _from_validation(error: NinjaValidationError) -> ApiError:
    """The first problem ninja found in the request, located: ("body", "payload",
    "items", 3, "start") becomes field "items.3.start" and index 3."""
    problems = error.errors or [{}]
    first = problems[0]
    location = [str(part) for part in first.get("loc", ())]
    if location and location[0] == "body":  # ("body", the body's parameter, its fields…)
        location = location[2:]
    elif location and location[0] in ("query", "path", "header", "cookie"):
        location = location[1:]
    if not location and "loc" not in first and first:  # a plain {"field": "message"}
        name, text = next(iter(first.items()))
        location, first = [str(name)], {"msg": str(text)}
    field = ".".join(location) or None
    index = next((int(part) for part in location if part.isdigit()), None)
    message = str(first.get("msg", "The request is not valid")).rstrip(".")
    where = f"{field}: " if field else ""
    others = len(problems) - 1
    more = f" ({others} more problem{'s' if others > 1 else ''} after it)" if others else ""
    return ApiError(
        422,
        "invalid",
        f"{where}{message}.{more} Fix it and send the request again; the schemas are at "
        "/api/v1/docs.",
        field=field,
        index=index,
    )


_CONVERTERS: list[tuple[type[Exception], Callable[[Exception], ApiError]]] = []


def converts(exception: type[Exception]):
    """Register the decorated function as the way ``exception`` (and its subclasses)
    becomes an ``ApiError``."""

    def register(function: Callable[[Exception], ApiError]):
        _CONVERTERS.append((exception, function))
        return function

    return register


def as_api_error(request: HttpRequest, exc: Exception) -> ApiError:
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, NinjaValidationError):
        return _from_validation(exc)
    if isinstance(exc, AuthenticationError):
        return ApiError(401, "not_authenticated", NOT_AUTHENTICATED)
    if isinstance(exc, Throttled):
        return ApiError(429, "rate_limited", "Too many requests. Wait a moment and try again.")
    if isinstance(exc, HttpError):
        if isinstance(exc.__cause__, ApiError):  # from our parser (curation.api.parsing)
            return exc.__cause__
        if exc.status_code == 400 and "parse" in exc.message:
            return ApiError(
                400,
                "bad_json",
                "The request body is not valid JSON. Send a JSON document with "
                "'Content-Type: application/json'.",
            )
        code = _CODES_BY_STATUS.get(exc.status_code, "error")
        return ApiError(exc.status_code, code, exc.message)
    if isinstance(exc, Http404):
        return not_found("Nothing here.")
    if isinstance(exc, PermissionDenied):
        return forbidden("Your account's role does not allow this.")
    for exception, convert in _CONVERTERS:
        if isinstance(exc, exception):
            return convert(exc)
    if isinstance(exc, RequestDataTooBig):
        return body_too_large()
    logger.exception("API request %s %s failed", request.method, request.path, exc_info=exc)
    return ApiError(
        500,
        "server_error",
        "Something went wrong on the server; nothing you sent was at fault. The error was "
        "logged. Try again, and tell an admin if it happens again.",
    )


def body_too_large() -> ApiError:
    limit = settings.CURATION_API_MAX_BODY_BYTES
    return ApiError(
        413,
        "body_too_large",
        f"The request body is over the limit of {limit:,} bytes. Send the items in "
        "several smaller requests.",
    )


def install(api: NinjaAPI) -> None:
    """Answer every exception of ``api`` in the one error shape."""

    def handle(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(as_api_error(request, exc))

    api.add_exception_handler(Exception, handle)
    for exception in (NinjaValidationError, HttpError, Http404):
        api.add_exception_handler(exception, handle)
