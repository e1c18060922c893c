"""Cursor paging by id: each page is one query (``id >= the cursor's``, one more row
than the page to know whether another follows), so it costs the same on the first page
and the thousandth, and rows added meanwhile never shift a page. ``next`` is the
address of the following page, with its cursor; null on the last."""

from __future__ import annotations

from django.db.models import QuerySet
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import CursorPagination

from curation.api.errors import ApiError

PAGE_SIZE = 100


def _bad_cursor() -> ApiError:
    return ApiError(
        422,
        "invalid",
        "cursor: this is not a cursor this API gave out. Start again from the first page, "
        "then follow each page's “next”.",
        field="cursor",
    )


class IdCursorPagination(CursorPagination):
    def __init__(self, **kwargs) -> None:
        super().__init__(ordering=("id",), page_size=PAGE_SIZE, max_page_size=PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset: QuerySet, pagination, request, **params):
        try:
            return super().paginate_queryset(queryset, pagination, request, **params)
        except (NinjaValidationError, ValueError):  # pydantic's errors are ValueErrors
            raise _bad_cursor() from None

    def _get_position(self, item) -> str:
        return str(item["id"] if isinstance(item, dict) else item.id)

    def _find_position(self, queryset: QuerySet, cursor: CursorPagination.Cursor) -> QuerySet:
        if cursor.p is not None and not (
            cursor.p.isascii() and cursor.p.isdigit() and len(cursor.p) < 19
        ):
            raise _bad_cursor()
        return super()._find_position(queryset, cursor)
