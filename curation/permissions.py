"""Django's ModelBackend, reading a user's permissions in one query instead of two.

Every page and API call that checks a permission reads them once per request: the
ModelBackend asks for the user's own permissions and for their groups' separately.
Here both come from one UNION. What it answers is the ModelBackend's answer; only its
cache of the two halves (``get_user_permissions``, ``get_group_permissions``) is not
filled on the way, and those read their own query when asked."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class OneQueryModelBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _permission_names(user_obj)
        return user_obj._perm_cache


def _permission_names(user) -> set[str]:
    names = ("content_type__app_label", "codename")
    if user.is_superuser:
        rows = Permission.objects.values_list(*names).order_by()
    else:
        own = Permission.objects.filter(user=user).values_list(*names).order_by()
        from_groups = Permission.objects.filter(group__user=user).values_list(*names).order_by()
        rows = own.union(from_groups).order_by()
    return {f"{app_label}.{codename}" for app_label, codename in rows}
