"""Text the desk can store: no NUL characters (U+0000), which PostgreSQL refuses in any
text. A request holding one, in its address, query or JSON body, is answered 422 with
where it was, before anything reaches the database."""

from __future__ import annotations

import json
from functools import wraps

from django.http import HttpRequest
from ninja.parser import Parser

from curation.api.errors import ApiError, error_response

NUL = "\x00"
_ESCAPED_NUL = "\\u0000"


def nul_refused(where: str) -> ApiError:
    return ApiError(
        422,
        "invalid",
        f"{where} holds the NUL character (U+0000, “\\u0000” in JSON), which is not text "
        "the desk can store. Remove it and send the request again.",
        field=where,
    )


def _first_nul(value, path: str = "") -> str | None:
    """The dotted path of the first string holding a NUL in a JSON value, or None."""
    if isinstance(value, str):
        return (path or "body") if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                return f"{path}.{key}".strip(".") or "body"
            if found := _first_nul(item, f"{path}.{key}".strip(".")):
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            if found := _first_nul(item, f"{path}.{index}".strip(".")):
                return found
    return None


class StorableTextParser(Parser):
    """ninja's JSON parser, refusing strings the database can't store."""

    def parse_body(self, request: HttpRequest):
        body = request.body
        text = body.decode(json.detect_encoding(body), "surrogatepass")  # as json.loads
        data = json.loads(text)
        # JSON can only spell NUL as the escape \u0000 (a raw one is not valid JSON): a
        # body without that escape needs no walk through every value.
        if _ESCAPED_NUL in text and (where := _first_nul(data)) is not None:
            raise nul_refused(where)
        return data


def refuse_nul_in_address(run):
    """A view decorator for every operation: NUL in the path or the query string."""

    @wraps(run)
    def checked(request: HttpRequest, *args, **kwargs):
        if NUL in request.path:
            return error_response(nul_refused("the address"))
        for name, values in request.GET.lists():
            if NUL in name or any(NUL in value for value in values):
                return error_response(nul_refused(name.replace(NUL, "")))
        return run(request, *args, **kwargs)

    return checked
