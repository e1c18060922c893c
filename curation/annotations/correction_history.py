"""Re-anchorings as the History panel says them.

A correction of an article records a ``Reanchoring`` row for each mention and event
(``annotations.reanchoring``), and writes a history record, with the reason
``CHANGE_REASON``, for each one it changed. ``annotations.history`` shows the row on
that record, or as an entry of its own when the item did not change:

    rita corrected the article; the mention moved with its words
    Re-anchored by the correction of 2 Dec 2026 (revision 3): diff, 120–128 → 131–139
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from django.utils import timezone

from curation.annotations.models import Reanchoring

CHANGE_REASON = "re-anchored by the correction of revision {number}: {rule}"
_CHANGE_REASON = re.compile(r"re-anchored by the correction of revision (\d+): \w+")
CHANGED = "~"


def reanchorings_of(kind: str, pk: int) -> list[Reanchoring]:
    """The re-anchorings of one mention or event, oldest first. One query."""
    return list(
        Reanchoring.objects.filter(kind=kind, object_id=pk)
        .select_related("revision__author")
        .order_by("revision__created_at", "pk")
    )


def revision_number(reason: str | None) -> int | None:
    """The revision whose correction wrote a history record with this reason, if any."""
    match = _CHANGE_REASON.fullmatch(reason or "")
    return int(match[1]) if match else None


def _place(start: int | None, end: int | None) -> str:
    return "no place" if start is None else f"{start}–{end}"


def line(reanchoring: Reanchoring) -> str:
    """What the correction did, for people: "Re-anchored by the correction of 2 Dec 2026
    (revision 3): diff, 120–128 → 131–139"."""
    revision = reanchoring.revision
    day = f"{timezone.localtime(revision.created_at):%-d %b %Y}"
    old = _place(reanchoring.old_start, reanchoring.old_end)
    new = _place(reanchoring.new_start, reanchoring.new_end)
    rule = reanchoring.rule
    if reanchoring.outcome == Reanchoring.Outcome.ORPHAN:
        lead, where = "Lost its words in", f"{old} → {new}"
    elif old == new and reanchoring.outcome == Reanchoring.Outcome.OK:
        lead, where = "Kept in place by", old
    else:
        lead, where = "Re-anchored by", f"{old} → {new}"
    check = ", to check" if reanchoring.outcome == Reanchoring.Outcome.NEEDS_CHECK else ""
    return f"{lead} the correction of {day} (revision {revision.number}): {rule}, {where}{check}"


def summary(reanchoring: Reanchoring, what: str) -> str:
    """To follow the corrector's name: "corrected the article; the event lost its
    words"."""
    outcome = reanchoring.outcome
    if outcome == Reanchoring.Outcome.ORPHAN:
        happened = "lost its words"
    elif outcome == Reanchoring.Outcome.NEEDS_CHECK:
        happened = "was placed on similar words"
    elif reanchoring.old_start == reanchoring.new_start:
        happened = "stayed on its words"
    else:
        happened = "moved with its words"
    return f"corrected the article; the {what} {happened}"


def as_record(reanchoring: Reanchoring) -> SimpleNamespace:
    """A re-anchoring that changed nothing of the item, shaped as the history record
    the panel sorts and shows (its reason is said by ``line``)."""
    revision = reanchoring.revision
    return SimpleNamespace(
        id=reanchoring.object_id,
        history_id=reanchoring.pk,
        history_date=revision.created_at,
        history_type=CHANGED,
        history_user=revision.author,
        history_change_reason="",
    )
