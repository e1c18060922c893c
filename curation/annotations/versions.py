"""No lost updates: every change to a mention, event or entity names the version it was
made against, and a change against an older version is refused.

The check is one conditional UPDATE (``... SET version = n + 1 WHERE id = ? AND version =
n``), which works the same on SQLite and PostgreSQL: of two concurrent edits of version
n, the database lets exactly one update the row, and the other finds no row to update.
``select_for_update`` alone would do nothing on SQLite.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from curation.annotations.errors import AnnotationError, StaleVersion


def claim(instance: models.Model, *, expected: int | None, what: str) -> None:
    """Take version ``expected`` of ``instance`` for a change, inside the caller's
    transaction: the stored version becomes expected + 1, as does ``instance.version``,
    which the caller then saves with its change. Raises StaleVersion if the stored
    version is no longer ``expected``, and AnnotationError if the row is gone.
    ``expected=None`` (a change the desk makes itself, such as a merge) claims whatever
    version is stored."""
    model = type(instance)
    rows = model._default_manager.filter(pk=instance.pk)
    if expected is None:
        bumped = rows.update(version=models.F("version") + 1)
        expected = rows.values_list("version", flat=True).first()
        if bumped:
            instance.version = expected
            return
    elif rows.filter(version=expected).update(version=expected + 1):
        instance.version = expected + 1
        return
    if not rows.exists():
        raise AnnotationError(
            f"This {what} was deleted after you opened it. Reload to see where things stand."
        )
    raise stale(instance, what=what)


def stale(instance: models.Model, *, what: str) -> StaleVersion:
    """The refusal of a change made against an older version, naming who changed the
    item last and when."""
    latest = instance.history.order_by("-history_date", "-history_id").first()
    return StaleVersion(
        what=what,
        changed_by=_name(latest.history_user) if latest and latest.history_user else None,
        changed_at=timezone.localtime(latest.history_date) if latest else None,
    )


def _name(user) -> str:
    return user.get_full_name() or user.get_username()
