"""Writing many rows at once, fast: one parameterised statement executed for every row.

``bulk_create`` and ``bulk_update`` build one statement holding every row (a CASE per
field, for an update), and for a few thousand rows building it takes longer than the
database takes to run it: seconds, for a correction that moves a thousand mentions. These
go through each field's ``pre_save`` and database conversion as Django's own do, so they
work on every database Django supports. Neither sends signals nor writes history.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections, models, router


def insert_rows(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """INSERT ``rows`` (unsaved instances of ``model``; their primary keys are left to
    the database)."""
    connection = connections[router.db_for_write(model)]
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    values = [
        [field.get_db_prep_save(field.pre_save(row, True), connection) for field in fields]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


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
