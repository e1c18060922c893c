"""Permission checks for the API: the same model permissions as the desk's pages
(curation/roles.py), never group names."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.http import HttpRequest

from curation.api.errors import ApiError


def require(request: HttpRequest, permission: str, *, doing: str) -> None:
    """403 unless the request's user has ``permission`` ("articles.view_article");
    ``doing`` says what was refused ("read articles")."""
    if not request.user.has_perm(permission):
        raise ApiError(
            403,
            "forbidden",
            f"Your account may not {doing}: that needs the permission “{_label(permission)}” "
            f"({permission}), which comes with a role. Ask an admin.",
        )


def _label(permission: str) -> str:
    app_label, codename = permission.split(".", 1)
    name = (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .values_list("name", flat=True)
        .first()
    )
    return name or permission
