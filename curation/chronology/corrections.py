"""What a correction of an article does to the chronology entries citing its events.

When a correction moves a cited event onto other words (needs-check) or leaves it
without its words (orphan), ``annotations.reanchoring`` sends ``events_reanchored``,
inside the correction's transaction. Here, for each entry citing such an event:

- the entry is flagged for its curator (``needs_attention``, with a note saying which
  event and what happened), as a new version with a history record;
- the citation keeps the quote and context it had when the event was approved
  (``EntryEvent.approved_quote``…), which the public page shows instead of the event's
  own until the curator resolves the flag, so the public never sees unchecked words
  and the citation does not vanish while the event waits for review.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from curation.annotations import versions
from curation.annotations.models import Status
from curation.annotations.reanchoring import EventReanchored
from curation.chronology.models import Entry, EntryEvent

ATTENTION_NOTE_MAX_LENGTH = 4000


def flag_entries(sender, *, revision, by, events: list[EventReanchored], **kwargs) -> None:
    """The ``events_reanchored`` receiver."""
    by_event = {moved.event_id: moved for moved in events}
    links = list(
        EntryEvent.objects.select_related("entry")
        .filter(event_id__in=by_event)
        .order_by("entry_id", "pk")
    )
    flagged: dict[int, tuple[Entry, list[str]]] = {}
    for link in links:
        moved = by_event[link.event_id]
        if moved.old_status == Status.APPROVED and not link.approved_quote:
            link.approved_quote = moved.old_quote
            link.approved_prefix = moved.old_prefix
            link.approved_suffix = moved.old_suffix
            link._history_user = revision.author
            link._change_reason = (
                f"kept the approved quote (correction, revision {revision.number})"
            )
            link.save(update_fields=["approved_quote", "approved_prefix", "approved_suffix"])
        entry, notes = flagged.setdefault(link.entry_id, (link.entry, []))
        notes.append(_note(moved, revision))
    for entry, notes in flagged.values():
        versions.claim(entry, expected=None, what="entry")
        entry.needs_attention = True
        entry.attention_note = "\n".join(filter(None, [entry.attention_note, *notes]))[
            -ATTENTION_NOTE_MAX_LENGTH:
        ]
        entry._history_user = revision.author
        entry._change_reason = (
            f"flagged: a cited event changed in a correction (revision {revision.number})"
        )
        entry.save(update_fields=["needs_attention", "attention_note", "version", "updated_at"])


def _note(moved: EventReanchored, revision) -> str:
    title = revision.article.title
    if moved.status == "orphan":
        what = f"lost the words of “{moved.headline}” (“{moved.old_quote}”)"
    else:
        what = (
            f"moved “{moved.headline}” from “{moved.old_quote}” onto “{moved.new_quote}”, "
            "which a reviewer must check"
        )
    return f"The correction of “{title}” (revision {revision.number}) {what}."


@transaction.atomic
def entry_attention_resolve(
    *, entry: Entry, by: AbstractBaseUser, expected_version: int | None
) -> Entry:
    """A curator has looked at a flagged entry: the flag goes, and its citations follow
    their events again (the public page shows the events' own quotes, approved ones
    only)."""
    versions.claim(entry, expected=expected_version, what="entry")
    for link in entry.entry_events.exclude(approved_quote=""):
        link.approved_quote = link.approved_prefix = link.approved_suffix = ""
        link._history_user = by
        link._change_reason = "citation follows its event again"
        link.save(update_fields=["approved_quote", "approved_prefix", "approved_suffix"])
    entry.needs_attention = False
    entry.attention_note = ""
    entry._history_user = by
    entry._change_reason = "attention resolved"
    entry.save(update_fields=["needs_attention", "attention_note", "version", "updated_at"])
    return entry
