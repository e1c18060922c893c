"""The review states of mentions and events, and who may move them between states.

    draft ──submit──> submitted ──approve──> approved
      ^                  │  │                   │
      └────withdraw──────┘  └─reject(reason)─> rejected ──submit──> submitted
    approved | rejected ──reopen(reason)──> submitted            (reviewers)
    an approved item that is edited goes back to submitted (``edited``)
    an approved item a correction moves or orphans goes back to submitted (``needs_check``)

Who may do what is a matter of permissions (curation/roles.py) and ownership:

- the author of an item (``created_by``) submits it, withdraws it while it waits for
  review, and edits or deletes it while it is a draft or rejected;
- a reviewer (``review_<model>``) approves, rejects and reopens; with
  ``change_others_<model>`` they also edit and delete anyone's item, in any state;
- four-eyes: nobody approves their own item, unless ``CURATION_FOUR_EYES`` is off.

Every transition is one versioned save (``annotations.versions``) whose history record
carries the actor and the reason. No other code sets ``status``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from curation.annotations import versions
from curation.annotations.errors import AnnotationError, NotAllowed
from curation.annotations.models import REVIEW_NOTE_MAX_LENGTH, Event, Mention, Status

Work = Mention | Event

EDITABLE_BY_AUTHOR = (Status.DRAFT, Status.REJECTED)


def _what(item: Work) -> str:
    return item._meta.model_name  # "mention" or "event"


def _perm(action: str, item: Work | type[Model]) -> str:
    return f"annotations.{action}_{item._meta.model_name}"


def _has_perm(user, perm: str) -> bool:
    """``user.has_perm(perm)``, asked once per user object: a page of 100 rows asks
    about the same few permissions for each row, and every ask goes through each
    authentication backend. Django caches the permission sets on the user object too,
    so a change of permissions shows from the next request on either way."""
    known = user.__dict__.setdefault("_workflow_perms", {})
    if perm not in known:
        known[perm] = user.has_perm(perm)
    return known[perm]


def four_eyes() -> bool:
    return getattr(settings, "CURATION_FOUR_EYES", True)


def is_author(user, item: Work) -> bool:
    return user.is_authenticated and item.created_by_id == user.pk


# --- who may do what ---------------------------------------------------------------------


def may_change(user, item: Work) -> bool:
    """Edit the item (relink a mention, change an event's fields)."""
    if _has_perm(user, _perm("change_others", item)):
        return True
    return (
        _has_perm(user, _perm("change", item))
        and is_author(user, item)
        and item.status in EDITABLE_BY_AUTHOR
    )


def may_delete(user, item: Work) -> bool:
    if _has_perm(user, _perm("change_others", item)) and _has_perm(user, _perm("delete", item)):
        return True
    return (
        _has_perm(user, _perm("delete", item))
        and is_author(user, item)
        and item.status in EDITABLE_BY_AUTHOR
    )


def may_review(user, item: Work | type[Model]) -> bool:
    return _has_perm(user, _perm("review", item))


def may_approve(user, item: Work) -> bool:
    return may_review(user, item) and not (four_eyes() and is_author(user, item))


def actions_for(user, item: Work) -> set[str]:
    """What ``user`` can do to ``item`` now: the buttons to offer."""
    status = item.status
    actions = set()
    if may_change(user, item):
        actions.add("edit")
    if may_delete(user, item):
        actions.add("delete")
    orphan = item.start is None
    if status in (Status.DRAFT, Status.REJECTED) and _may_submit(user, item) and not orphan:
        actions.add("submit")
    if status == Status.SUBMITTED and is_author(user, item):
        actions.add("withdraw")
    if status == Status.SUBMITTED and may_review(user, item):
        actions.add("reject")
        if may_approve(user, item) and not orphan:
            actions.add("approve")
    if status in (Status.APPROVED, Status.REJECTED) and may_review(user, item):
        actions.add("reopen")
    return actions


class ActionsOfPage:
    """``actions_for(user, item)`` for the many items of one page. The actions depend only
    on the item's kind, state, author (the user or not) and whether its words are gone,
    so each such combination is worked out once: a page of 100 rows has a handful."""

    def __init__(self, user) -> None:
        self.user = user
        # Read once: request.user is a lazy object, and each attribute read through it
        # costs a call.
        self._user_id = user.pk if user.is_authenticated else None
        self._known: dict[tuple, frozenset[str]] = {}

    def is_author(self, item: Work) -> bool:
        """``is_author(user, item)``."""
        return self._user_id is not None and item.created_by_id == self._user_id

    def __call__(self, item: Work) -> set[str]:
        key = (item._meta.model_name, item.status, self.is_author(item), item.start is None)
        if key not in self._known:
            self._known[key] = frozenset(actions_for(self.user, item))
        return set(self._known[key])


def _may_submit(user, item: Work) -> bool:
    return (is_author(user, item) and _has_perm(user, _perm("add", item))) or _has_perm(
        user, _perm("change_others", item)
    )


# --- transitions -------------------------------------------------------------------------


ORPHAN_REFUSAL = "a correction of the article removed its words. Re-attach it first."


def _refuse(item: Work, doing: str, why: str) -> NotAllowed:
    return NotAllowed(f"You can't {doing} this {_what(item)}: {why}")


def _current(item: Work, expected_version: int | None) -> None:
    """Refuse at once a request made against an older version than the one loaded: the
    person is told who changed it, rather than why the new state doesn't allow it."""
    if expected_version is not None and item.version != expected_version:
        raise versions.stale(item, what=_what(item))


def _move(
    item: Work,
    *,
    to: Status,
    by,
    expected_version: int | None,
    reason: str,
    note: str | None = None,
) -> Work:
    """One versioned save of the new state, with its actor and reason in the history."""
    with transaction.atomic():
        versions.claim(item, expected=expected_version, what=_what(item))
        now = timezone.now()
        item.status = to
        if to == Status.SUBMITTED:
            item.submitted_at = now
        if to in (Status.APPROVED, Status.REJECTED):
            item.reviewed_by, item.reviewed_at = by, now
        if note is not None:
            item.review_note = note
        item._history_user = by
        item._change_reason = reason
        item.save()
    return item


def submit(item: Work, *, by, expected_version: int | None) -> Work:
    _current(item, expected_version)
    if item.status not in (Status.DRAFT, Status.REJECTED):
        raise _refuse(item, "submit", f"it is already {item.get_status_display().lower()}.")
    if not _may_submit(user=by, item=item):
        raise _refuse(item, "submit", "only its author submits it for review.")
    if item.start is None:  # an orphan: nothing for a reviewer to check it against
        raise _refuse(item, "submit", ORPHAN_REFUSAL)
    return _move(
        item, to=Status.SUBMITTED, by=by, expected_version=expected_version, reason="submitted"
    )


def withdraw(item: Work, *, by, expected_version: int | None) -> Work:
    _current(item, expected_version)
    if item.status != Status.SUBMITTED:
        raise _refuse(item, "withdraw", "only an item waiting for review can be withdrawn.")
    if not is_author(by, item):
        raise _refuse(item, "withdraw", "only its author can take it back.")
    return _move(
        item, to=Status.DRAFT, by=by, expected_version=expected_version, reason="withdrawn"
    )


def approve(item: Work, *, by, expected_version: int | None) -> Work:
    _current(item, expected_version)
    _check_reviewable(item, by, "approve")
    if four_eyes() and is_author(by, item):
        raise _refuse(item, "approve", "you made it, and a second person must approve every item.")
    if item.start is None:  # an orphan (annotations.reanchoring): nothing to publish
        raise _refuse(item, "approve", ORPHAN_REFUSAL)
    return _move(
        item, to=Status.APPROVED, by=by, expected_version=expected_version, reason="approved"
    )


def reject(item: Work, *, by, reason: str, expected_version: int | None) -> Work:
    _current(item, expected_version)
    _check_reviewable(item, by, "reject")
    reason = _checked_reason(reason, doing="reject")
    return _move(
        item,
        to=Status.REJECTED,
        by=by,
        expected_version=expected_version,
        reason=f"rejected: {reason}",
        note=reason,
    )


def reopen(item: Work, *, by, reason: str = "", expected_version: int | None) -> Work:
    _current(item, expected_version)
    if not may_review(by, item):
        raise _refuse(item, "reopen", "reopening is for reviewers.")
    if item.status not in (Status.APPROVED, Status.REJECTED):
        raise _refuse(item, "reopen", "only approved or rejected items are reopened.")
    reason = " ".join(reason.split())[:REVIEW_NOTE_MAX_LENGTH]
    return _move(
        item,
        to=Status.SUBMITTED,
        by=by,
        expected_version=expected_version,
        reason=f"reopened: {reason}" if reason else "reopened",
        note=reason,
    )


def edited(item: Work) -> None:
    """Mark an edit, before the service saves it: an edited approved item waits for
    review again. The edit's history record carries the new state and the reason, and
    the record before it keeps the approved version."""
    if item.status == Status.APPROVED:
        item.status = Status.SUBMITTED
        item.submitted_at = timezone.now()
        item._change_reason = "edited after approval: back to review"


def needs_check(item: Work, *, note: str) -> None:
    """Mark work that a correction of its article moved onto changed words, or left
    without its words, before the re-anchoring saves it (``annotations.reanchoring``):
    approved work waits for review again, and ``note`` tells the author and the reviewer
    what happened. Drafts and rejected work stay with their author, with the note."""
    if item.status == Status.APPROVED:
        item.status = Status.SUBMITTED
        item.submitted_at = timezone.now()
    item.review_note = note[:REVIEW_NOTE_MAX_LENGTH]


def _check_reviewable(item: Work, by, doing: str) -> None:
    if not may_review(by, item):
        raise _refuse(item, doing, "reviewing is for reviewers.")
    if item.status != Status.SUBMITTED:
        raise _refuse(
            item, doing, f"it is {item.get_status_display().lower()}, not waiting for review."
        )


def _checked_reason(reason: str, *, doing: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise AnnotationError(
            f"Say why you {doing} it: the author sees the reason next to their work."
        )
    if len(reason) > REVIEW_NOTE_MAX_LENGTH:
        raise AnnotationError(
            f"The reason is {len(reason):,} characters long; keep it under "
            f"{REVIEW_NOTE_MAX_LENGTH:,}."
        )
    return reason


# --- many at once ------------------------------------------------------------------------


def submit_drafts(items: Iterable[Work], *, by) -> int:
    """Submit the author's own drafts among ``items`` (one kind of item), in a constant
    number of queries, leaving out orphans (to be re-attached first). Returns how many
    were submitted."""
    mine = [
        item
        for item in items
        if item.status == Status.DRAFT and is_author(by, item) and item.start is not None
    ]
    if not mine:
        return 0
    model = type(mine[0])
    if not by.has_perm(_perm("add", model)):
        raise NotAllowed(f"You can't submit {model._meta.verbose_name_plural}.")
    return _bulk_move(mine, to=Status.SUBMITTED, by=by, reason="submitted")


def approve_many(items: Iterable[Work], *, by, versions_seen: dict[int, int]) -> int:
    """Approve the submitted items among ``items`` (one kind) that are still at the
    version the reviewer saw, skipping their own when four-eyes is on. Returns how many
    were approved; the rest stay as they are."""
    items = list(items)
    if not items:
        return 0
    model = type(items[0])
    if not by.has_perm(_perm("review", model)):
        raise NotAllowed(f"You can't approve {model._meta.verbose_name_plural}.")
    with transaction.atomic():
        current = {
            row.pk: row
            for row in model._default_manager.select_for_update().filter(
                pk__in=[item.pk for item in items], status=Status.SUBMITTED, start__isnull=False
            )
        }
        ready = [
            row
            for pk, row in current.items()
            if versions_seen.get(pk) == row.version and not (four_eyes() and is_author(by, row))
        ]
        return _bulk_move(ready, to=Status.APPROVED, by=by, reason="approved")


def _bulk_move(items: list[Work], *, to: Status, by, reason: str) -> int:
    if not items:
        return 0
    now = timezone.now()
    fields = ["status", "version", "updated_at"]
    for item in items:
        item.status = to
        item.version += 1
        item.updated_at = now
        if to == Status.SUBMITTED:
            item.submitted_at = now
        if to == Status.APPROVED:
            item.reviewed_by, item.reviewed_at = by, now
    fields += ["submitted_at"] if to == Status.SUBMITTED else ["reviewed_by", "reviewed_at"]
    with transaction.atomic():
        model = type(items[0])
        # Only rows still at the version read are moved: a concurrent edit wins.
        unchanged = set(
            model._default_manager.select_for_update()
            .filter(pk__in=[item.pk for item in items])
            .filter(
                version__in={item.version - 1 for item in items},
            )
            .values_list("pk", "version")
        )
        moving = [item for item in items if (item.pk, item.version - 1) in unchanged]
        bulk_update_with_history(
            moving, model, fields, default_user=by, default_change_reason=reason
        )
    return len(moving)
