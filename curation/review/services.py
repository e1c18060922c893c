"""Writes of the review room. Every change of state is ``annotations.workflow``'s; this
only sorts a reviewer's selection before handing it over."""

from __future__ import annotations

from dataclasses import dataclass, field

from curation.annotations import workflow
from curation.annotations.models import Status
from curation.review.selectors import KINDS, MODELS


@dataclass
class SelectionApproval:
    """What became of a bulk approval: the rows approved (``"mention-12"``), those left
    because they are the reviewer's own (four-eyes), and those that changed or went
    since the reviewer saw them (still there: ``changed``; deleted: ``gone``)."""

    approved: list[str] = field(default_factory=list)
    yours: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)


def selection_approve(*, by, seen: dict[str, dict[int, int]]) -> SelectionApproval:
    """Approve the selected items, each at the version the reviewer saw (``seen``:
    kind -> {pk: version}), through ``workflow.approve_many``: a constant number of
    queries per kind. Raises NotAllowed for a kind the reviewer may not review."""
    outcome = SelectionApproval()
    for kind in KINDS:
        versions = seen.get(kind) or {}
        if not versions:
            continue
        model = MODELS[kind]
        current = {
            item.pk: item
            for item in model.objects.filter(pk__in=list(versions)).only(
                "id", "status", "version", "created_by_id"
            )
        }
        candidates = []
        for pk in versions:
            item = current.get(pk)
            key = f"{kind}-{pk}"
            if item is None:
                outcome.gone.append(key)
            elif item.status != Status.SUBMITTED or item.version != versions[pk]:
                outcome.changed.append(key)
            elif workflow.four_eyes() and workflow.is_author(by, item):
                outcome.yours.append(key)
            else:
                candidates.append(item)
        approved = workflow.approve_many(candidates, by=by, versions_seen=versions)
        if approved == len(candidates):
            outcome.approved += [f"{kind}-{item.pk}" for item in candidates]
            continue
        # Some changed between the check above and the approval: ask which.
        now = {
            pk: (status, reviewer)
            for pk, status, reviewer in model.objects.filter(
                pk__in=[item.pk for item in candidates]
            ).values_list("pk", "status", "reviewed_by_id")
        }
        for item in candidates:
            key = f"{kind}-{item.pk}"
            if item.pk not in now:
                outcome.gone.append(key)
            elif now[item.pk] == (Status.APPROVED, by.pk):
                outcome.approved.append(key)
            else:
                outcome.changed.append(key)
    return outcome
