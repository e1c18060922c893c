"""Writing many rows at once, fast: one parameterised statement executed for every row.

``bulk_create`` and ``bulk_update`` build one statement holding every row (a CASE per
field, for an update), and for a few thousand rows building it takes longer than the
database takes to run it: seconds, for a correction that moves a thousand mentions. These
go through each field's ``pre_save`` and database conversion as Django's own do, so they
work on every database Django supports. Neither sends signals nor writes history: a
caller writes that with ``history_row``, as simple-history's ``bulk_history_create`` would.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections, models, router
from django.db.models.fields import Field

# Fields whose conversion for the database gives back the very value they hold when it
# is text (or None), or a boolean (or None): Django's own methods, not overridden.
_TEXT_METHODS = (
    {models.CharField.to_python, models.TextField.to_python},
    {models.CharField.get_prep_value, models.TextField.get_prep_value},
)
_BOOLEAN_METHODS = ({models.BooleanField.to_python}, {models.BooleanField.get_prep_value})
_NOTHING = object()


def unsaved[M: models.Model](model: type[M], **values: Any) -> M:
    """``model(**values)`` for values named by attname (``source_id``, not ``source``),
    built from positional values as Django builds the instances it reads: keyword
    arguments cost several times as much, which counts for thousands of rows. Fields
    not given take their defaults."""
    arguments = []
    for field in model._meta.concrete_fields:
        if field.attname in values:
            arguments.append(values.pop(field.attname))
        else:
            arguments.append(field.get_default())
    if values:
        raise TypeError(f"{model.__name__} has no field {', '.join(map(repr, values))}.")
    return model(*arguments)


# Rows per INSERT … RETURNING statement: SQLite takes up to 32,766 parameters in one.
RETURNING_BATCH = 500


def insert_rows(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """INSERT ``rows`` (unsaved instances of ``model``; their primary keys are left to
    the database)."""
    connection, insert, one_row, values = _insert(model, rows)
    with connection.cursor() as cursor:
        cursor.executemany(f"{insert} VALUES {one_row}", values)


def insert_rows_with_keys(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """``insert_rows``, giving each row the primary key the database chose for it: one
    ``INSERT … RETURNING`` for up to ``RETURNING_BATCH`` rows, whose keys PostgreSQL and
    SQLite give back in the rows' order (as Django's ``bulk_create`` relies on). An
    SQLite older than 3.35 gets a statement a row."""
    for start in range(0, len(rows), RETURNING_BATCH):
        batch = rows[start : start + RETURNING_BATCH]
        connection, insert, one_row, values = _insert(model, batch)
        key = model._meta.pk.column
        with connection.cursor() as cursor:
            if connection.features.can_return_rows_from_bulk_insert:
                every_row = ", ".join([one_row] * len(batch))
                cursor.execute(
                    f"{insert} VALUES {every_row} RETURNING {connection.ops.quote_name(key)}",
                    [value for row_values in values for value in row_values],
                )
                keys = [pk for (pk,) in cursor.fetchall()]
            else:  # SQLite before 3.35 has no RETURNING: a statement a row
                keys = []
                for row_values in values:
                    cursor.execute(f"{insert} VALUES {one_row}", row_values)
                    keys.append(connection.ops.last_insert_id(cursor, model._meta.db_table, key))
        for row, pk in zip(batch, keys, strict=True):
            row.pk = pk
            row._state.adding = False
            row._state.db = connection.alias


def _insert(model: type[models.Model], rows: Sequence[models.Model]):
    """The connection, ``INSERT INTO table (columns)``, one row's placeholders, and
    each row's values converted for the database."""
    connection = connections[router.db_for_write(model)]
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    insert = "INSERT INTO {} ({})".format(
        quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields)
    )
    one_row = "({})".format(", ".join(["%s"] * len(fields)))
    prepare = [_preparer(field, connection) for field in fields]
    return connection, insert, one_row, [[value_of(row) for value_of in prepare] for row in rows]


def history_row(
    history: type[models.Model], row: models.Model, *, when, user, kind: str, reason=None
) -> models.Model:
    """The simple-history record of ``row`` (saved) for ``history`` (its model's
    ``history.model``, read once: the descriptor builds a manager class each time):
    ``kind`` is "+", "~" or "-", by ``user`` at ``when`` with the change ``reason``."""
    return history(
        history_date=when,
        history_user=user,
        history_change_reason=reason,
        history_type=kind,
        **{field.attname: getattr(row, field.attname) for field in history.tracked_fields},
    )


def update_rows(model: type[models.Model], rows: Sequence[models.Model], names: list[str]) -> None:
    """UPDATE the fields ``names`` of each of ``rows`` (saved instances of ``model``) to
    the values they hold."""
    connection = connections[router.db_for_write(model)]
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(model._meta.pk.column),
    )
    values = [
        [field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields]
        + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _preparer(field: Field, connection) -> Callable[[models.Model], Any]:
    """What ``field.get_db_prep_save(field.pre_save(row, True), connection)`` gives, as a
    function of the row, for one statement's rows. It skips the conversion of values it
    hands back unchanged (most of a row is text) and converts a value only once when
    the rows share it (None, the article's id, the same user): that conversion was most
    of the time spent on a row."""
    attname = field.attname
    kind = type(field)
    reads_attribute = kind.pre_save is Field.pre_save
    converts_plainly = (
        kind.get_db_prep_save is Field.get_db_prep_save
        and kind.get_db_prep_value is Field.get_db_prep_value
    )
    if converts_plainly and _overrides_only(kind, _TEXT_METHODS):
        passed_through: tuple[type, ...] = (str, type(None))
    elif converts_plainly and _overrides_only(kind, _BOOLEAN_METHODS):
        passed_through = (bool, type(None))
    else:
        passed_through = ()
    last = [_NOTHING, None]  # the last value converted, and what it became

    def value_of(row: models.Model) -> Any:
        value = getattr(row, attname) if reads_attribute else field.pre_save(row, True)
        if type(value) in passed_through:
            return value
        if value is not last[0]:
            last[:] = value, field.get_db_prep_save(value, connection)
        return last[1]

    return value_of


def _overrides_only(kind: type[Field], methods: tuple[set, set]) -> bool:
    to_python, get_prep_value = methods
    return kind.to_python in to_python and kind.get_prep_value in get_prep_value
