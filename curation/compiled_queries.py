"""Queries whose SQL is the same every time, compiled once per process.

Building a query through the ORM and compiling it to SQL costs Python time in
proportion to the query's shape, not to its rows. The review queue's filter menus read
their choices in four queries that took the database 0.4 ms and Python 3 ms, on every
page. Such a query is built and compiled the first time it is asked for; later calls
run the SQL they kept. Its key must name everything that shapes the SQL: the
arguments it is built from (the kinds of work a reviewer reviews) and any constant
written into it (a limit), since a query with the same key is never built again.

``fixed_rows``' rows are what the database driver returns, without the model fields'
converters: use it for ids, text and numbers, not for dates or JSON. ``rows_of_ids``
is for a query whose only parameters are a list of ids (the details of a page's rows):
its SQL is kept for each number of ids, and its rows go through the fields' converters,
as the ORM's would. ``rows_with`` is for a query of a few named integers (an article's
id, a user's, the bounds of a stretch of text) among constant parameters; its rows are
the driver's, as ``fixed_rows``'."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

_compiled: dict[Hashable, tuple[str, str, tuple] | None] = {}
_compiled_for_ids: dict[Hashable, _QueryOfIds | None] = {}
_compiled_with: dict[Hashable, _QueryWith | None] = {}


def clear() -> None:
    """Forget every compiled query (the tests do, between tests)."""
    _compiled.clear()
    _compiled_for_ids.clear()
    _compiled_with.clear()


def fixed_rows(key: Hashable, build: Callable[[], QuerySet]) -> list[tuple]:
    """The rows of ``build()``, a ``values_list`` query. ``key`` names the query: two
    calls with the same key must build the same SQL with the same parameters (two
    threads may both build it the first time; either's SQL is kept)."""
    if key not in _compiled:
        query = build()
        try:
            sql, params = query.query.get_compiler(using=query.db).as_sql()
        except EmptyResultSet:  # a query that can match nothing (``none()``)
            _compiled[key] = None
        else:
            _compiled[key] = (query.db, sql, tuple(params))
    if (compiled := _compiled[key]) is None:
        return []
    alias, sql, params = compiled
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True, slots=True)
class _QueryOfIds:
    alias: str
    sql: str
    columns: list  # the selected expressions, whose converters each call asks its connection


def rows_of_ids(key: Hashable, build: Callable[[list], QuerySet], ids: Sequence) -> list[tuple]:
    """The rows of ``build(ids)``, converted as the ORM converts them. ``build`` makes a
    ``values_list`` of fields (not ``flat`` or ``named``, no annotations) whose
    parameters are ``ids`` in their order and nothing else (``filter(pk__in=ids)``);
    ``ids`` as the database gives them (ints for integer keys). ``key`` names the query,
    as for ``fixed_rows``; its SQL is kept for each number of ids. A query with other
    parameters or with annotations is run through the ORM every time."""
    ids = [pk for pk in dict.fromkeys(ids) if pk is not None]  # as ``__in`` writes them
    if not ids:
        return list(build(ids))
    sized = (key, len(ids))
    if sized not in _compiled_for_ids:
        query = build(ids)
        compiler = query.query.get_compiler(using=query.db)
        sql, params = compiler.as_sql()
        if list(params) != ids or query.query.annotation_select:
            _compiled_for_ids[sized] = None
        else:
            columns = [selected[0] for selected in compiler.select[: compiler.col_count]]
            _compiled_for_ids[sized] = _QueryOfIds(query.db, sql, columns)
    if (compiled := _compiled_for_ids[sized]) is None:
        return list(build(ids))
    connection = connections[compiled.alias]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, ids)
        rows = cursor.fetchall()
    converters = _converters(compiled.columns, connection)
    if not converters:
        return rows
    return [_converted(row, converters, connection) for row in rows]


def _converters(columns: list, connection) -> list[tuple[int, list[Callable], object]]:
    """What ``SQLCompiler.get_converters`` finds for ``columns``, asked of this thread's
    connection rather than kept from the one that compiled the query."""
    found = []
    for column, expression in enumerate(columns):
        backend = connection.ops.get_db_converters(expression)
        functions = backend + expression.get_db_converters(connection)
        if functions:
            found.append((column, functions, expression))
    return found


def _converted(row: tuple, converters: list, connection) -> tuple:
    """What ``SQLCompiler.apply_converters`` makes of ``row``."""
    values = list(row)
    for column, functions, expression in converters:
        value = values[column]
        for function in functions:
            value = function(value, expression, connection)
        values[column] = value
    return tuple(values)


@dataclass(frozen=True, slots=True)
class _QueryWith:
    alias: str
    sql: str
    params: tuple
    # The parameters that are a named integer: position, (name, the type it was given
    # as: an int, or on PostgreSQL the int subclass that says which integer it is).
    slots: dict[int, tuple[str, type]]


# Numbers no query holds, that stand in for the named ids while a query is compiled:
# within the range of a 32-bit column, positive or not (out of a column's range, Django
# compiles a lookup as matching nothing, or drops it as matching everything).
_STAND_IN_BASE = 2**31 - 2**21


def rows_with(key: Hashable, build: Callable[..., QuerySet], **ids: int) -> list[tuple]:
    """The rows of ``build(**ids)``, a ``values_list`` query, compiled once: its SQL is
    kept with the places the ids take among its parameters (an id may take several),
    and each call puts its ids there. ``key`` names the query, as for ``fixed_rows``.
    A query whose parameters don't show each id as it was given is run through the ORM
    every time."""
    if key not in _compiled_with:
        _compiled_with[key] = _compile_with(build, list(ids))
    if (compiled := _compiled_with[key]) is None:
        return list(build(**ids))
    params = list(compiled.params)
    for position, (name, kind) in compiled.slots.items():
        params[position] = kind(ids[name])
    with connections[compiled.alias].cursor() as cursor:
        cursor.execute(compiled.sql, params)
        return cursor.fetchall()


def _compile_with(build: Callable[..., QuerySet], names: list[str]) -> _QueryWith | None:
    stand_ins = {_STAND_IN_BASE + n: name for n, name in enumerate(names)}
    query = build(**{name: value for value, name in stand_ins.items()})
    try:
        sql, params = query.query.get_compiler(using=query.db).as_sql()
    except EmptyResultSet:  # read through the ORM, which may find rows for real ids
        return None
    slots = {
        position: (stand_ins[value], type(value))
        for position, value in enumerate(params)
        if _is_integer(value) and value in stand_ins
    }
    if {name for name, _ in slots.values()} != set(names):  # an id held in another form
        return None
    if any(_made_from_a_stand_in(value) and value not in stand_ins for value in params):
        return None  # a value worked out from an id (id - 1) would be kept as it is
    return _QueryWith(query.db, sql, tuple(params), slots)


def _made_from_a_stand_in(value) -> bool:
    return _is_integer(value) and abs(value - _STAND_IN_BASE) < 2**19


def _is_integer(value) -> bool:
    """An int, or psycopg's Int4 or Int8: Django gives a comparison's integer so on
    PostgreSQL."""
    return isinstance(value, int)
