"""Roles are Django groups that bundle model permissions.

Views check permissions (``annotations.review_event``), never group names, so no app
has to import another to know who may do what. Each later app adds its permissions
to the roles here; ``ensure_roles`` runs after every migrate.

- annotator: imports and reads articles, marks entities, records events, submits them;
  edits or deletes their own drafts and rejected items (``annotations.workflow`` checks
  the ownership); creates entities and aliases.
- reviewer: all of that, plus approves, rejects and reopens anyone's mentions and
  events (never their own while four-eyes is on), edits and deletes anyone's, merges
  or deletes entities, and corrects an article's text (``articles.correct_article``):
  each of these touches everyone's work, and a correction can send approved work back
  to review or leave it without its words.
- curator: all of that, plus gathers approved events into chronology entries, says which
  events are not the same, and publishes entries into chronologies.
- admin: all of that, plus sources, the event-type taxonomy, entity kinds and users in
  Django admin (the account also needs "staff status" to open admin).
"""

from django.contrib.auth.models import Group, Permission

ANNOTATOR = "annotator"
REVIEWER = "reviewer"
CURATOR = "curator"
ADMIN = "admin"

_ANNOTATOR = [
    "articles.view_article",
    "articles.view_articlerevision",
    "articles.add_article",
    "articles.change_article",
    "articles.view_source",
    "annotations.view_entity",
    "annotations.add_entity",
    "annotations.change_entity",
    "annotations.add_alias",
    "annotations.delete_alias",
    "annotations.view_mention",
    "annotations.add_mention",
    "annotations.change_mention",
    "annotations.delete_mention",
    "annotations.view_event",
    "annotations.add_event",
    "annotations.change_event",
    "annotations.delete_event",
]
_REVIEWER = _ANNOTATOR + [
    "annotations.review_mention",
    "annotations.review_event",
    "annotations.change_others_mention",
    "annotations.change_others_event",
    "annotations.delete_entity",  # merging deletes the merged entity
    "articles.correct_article",
]
_CURATOR = _REVIEWER + [
    "chronology.view_chronology",
    "chronology.add_chronology",
    "chronology.change_chronology",
    "chronology.view_entry",
    "chronology.add_entry",
    "chronology.change_entry",
    "chronology.delete_entry",
    "chronology.publish_entry",
    "chronology.add_notsameevent",
]
_ADMIN = (
    _CURATOR
    + [
        f"{app}.{action}_{model}"
        for app, model in [
            ("articles", "source"),
            ("annotations", "eventtype"),
            ("annotations", "entitykind"),
            ("auth", "user"),
            ("chronology", "chronology"),
            ("api", "apitoken"),
        ]
        for action in ("view", "add", "change", "delete")
    ]
    + ["auth.view_group", "articles.delete_article"]
)

ROLE_PERMISSIONS: dict[str, list[str]] = {
    ANNOTATOR: _ANNOTATOR,
    REVIEWER: _REVIEWER,
    CURATOR: _CURATOR,
    ADMIN: _ADMIN,
}


def ensure_roles() -> None:
    """Create the role groups and give each exactly its permissions (idempotent: a
    permission a later version takes away from a role is removed)."""
    wanted = {perm for perms in ROLE_PERMISSIONS.values() for perm in perms}
    by_name = {
        f"{perm.content_type.app_label}.{perm.codename}": perm
        for perm in Permission.objects.select_related("content_type").filter(
            codename__in={name.split(".", 1)[1] for name in wanted}
        )
    }
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([by_name[name] for name in names if name in by_name])
