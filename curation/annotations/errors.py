"""The errors a write can end in, each with a message for the person who tried it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from curation.annotations.models import Entity


class AnnotationError(ValueError):
    """A write that can't be done, with a message for the editor."""


class NameClash(AnnotationError):
    """The name is already another entity's (``entities``): an editor confirms before
    a second entity of that name, or an alias shared by two entities, is made."""

    def __init__(self, message: str, *, entities: list[Entity]) -> None:
        super().__init__(message)
        self.entities = entities


class NotAllowed(AnnotationError):
    """The user may not do this to this item (its state, its owner, or four-eyes)."""


class StaleVersion(AnnotationError):
    """The item changed since the editor loaded it: their change is refused, and the
    stored item stays as the other person left it."""

    def __init__(self, *, what: str, changed_by: str | None, changed_at: datetime | None):
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = changed_by or "someone else"
        when = f" at {changed_at:%H:%M} on {changed_at:%-d %B %Y}" if changed_at else ""
        super().__init__(
            f"This {what} was changed by {who}{when} after you opened it, so your change "
            "was not saved. Reload to see their version, then make your change again."
        )
