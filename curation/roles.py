"""Roles are Django groups that bundle model permissions.

Views check permissions (``articles.add_article``), never group names, so no app
has to import another to know who may do what. Each later app adds its
permissions to the roles here; ``ensure_roles`` runs after every migrate.
"""

from django.contrib.auth.models import Group, Permission

ANNOTATOR = "annotator"
REVIEWER = "reviewer"
CURATOR = "curator"

_ANNOTATOR_PERMISSIONS = [
    "articles.view_article",
    "articles.add_article",
    "articles.change_article",
    "articles.view_source",
    "annotations.view_entity",
    "annotations.add_entity",
    "annotations.change_entity",
    "annotations.delete_entity",  # merging deletes the merged entity
    "annotations.add_alias",
    "annotations.delete_alias",
    "annotations.add_mention",
    "annotations.change_mention",
    "annotations.delete_mention",
    "annotations.add_event",
    "annotations.change_event",
    "annotations.delete_event",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    ANNOTATOR: _ANNOTATOR_PERMISSIONS,
    REVIEWER: _ANNOTATOR_PERMISSIONS,
    CURATOR: _ANNOTATOR_PERMISSIONS,
}


def ensure_roles() -> None:
    """Create the role groups and grant them their permissions (idempotent)."""
    wanted = {perm for perms in ROLE_PERMISSIONS.values() for perm in perms}
    by_name = {
        f"{perm.content_type.app_label}.{perm.codename}": perm
        for perm in Permission.objects.select_related("content_type").filter(
            codename__in={name.split(".", 1)[1] for name in wanted}
        )
    }
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*(by_name[name] for name in names if name in by_name))
