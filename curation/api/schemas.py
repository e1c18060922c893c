"""What the API's modules share: id types bounded as the database stores them, and
the answers to a bulk request, item by item."""

from typing import Annotated, Literal

from ninja import Path, Query
from pydantic import BaseModel, Field

from curation.api.errors import ErrorDetail, ErrorOut

# Ids are 64-bit in both databases; a larger number can only be a mistake, and is
# answered as one (422) rather than reaching the database.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Offset = Annotated[int, Field(ge=0, le=2**31 - 1)]


class Plain(BaseModel):
    """A schema for data that are dicts already (a request's JSON, rows read with
    ``values()``, results an endpoint builds): pydantic checks them in one pass. ninja's
    ``Schema`` reads each field of each item through a getter made for model instances,
    which cost more than the rest of a 2,000-item request."""


class ItemResult(Plain):
    """What became of one item of a bulk request: ``index`` counts from 0."""

    index: int
    status: Literal["imported", "created", "already", "failed"]
    id: int | None = None
    error: ErrorDetail | None = None
    warnings: list[str] = []


# Every operation may answer with these, in the one error shape (curation.api.errors).
ERROR_STATUSES = frozenset({400, 401, 403, 404, 409, 413, 422, 429})


def answers(ok: dict) -> dict:
    """An operation's documented responses: ``ok`` ({200: Schema}) and the errors."""
    return {**ok, ERROR_STATUSES: ErrorOut}
