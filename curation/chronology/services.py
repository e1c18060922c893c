"""Writes for chronologies and their entries. The curation views call these; nothing
else writes entries.

Rules kept here:
- an entry gathers approved events only, and an event is in at most one entry;
- merging is never automatic: every function here is one curator's decision;
- an entry whose events' dates don't overlap is flagged, and can't be published until
  a curator confirms its date (again after any change to its events or date);
- an entry is published into one or more chronologies, and only with approved events.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from curation.annotations import versions
from curation.annotations.errors import AnnotationError
from curation.annotations.models import Event, EventType, Status
from curation.chronology.models import Chronology, Entry, EntryEvent, NotSameEvent
from curation.chronology.selectors import date_conflict
from curation.temporal import validate


class ChronologyError(AnnotationError):
    """A curation step that can't be done, with a message for the curator."""


def _checked_events(events: Sequence[Event], *, entry: Entry | None = None) -> list[Event]:
    """The events, locked, each approved and in no other entry."""
    ids = [event.pk for event in events]
    locked = list(Event.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if len(locked) != len(set(ids)):
        raise ChronologyError("One of these events was just deleted. Reload the page.")
    for event in locked:
        if event.status != Status.APPROVED:
            raise ChronologyError(
                f"“{event.headline}” is {event.get_status_display().lower()}: only approved "
                "events go into a chronology."
            )
        if event.is_orphan:
            raise ChronologyError(
                f"“{event.headline}” lost its words in a correction of its article: "
                "re-attach it to the new text first."
            )
    taken = EntryEvent.objects.filter(event__in=locked)
    if entry is not None:
        taken = taken.exclude(entry=entry)
    if clash := taken.select_related("event", "entry").first():
        raise ChronologyError(
            f"“{clash.event.headline}” is already in the entry “{clash.entry.headline}”. "
            "Detach it there first."
        )
    return locked


def _unique_slug(headline: str, *, exclude: int | None = None) -> str:
    base = slugify(headline)[:100] or "entry"
    slug, n = base, 1
    while Entry.objects.filter(slug=slug).exclude(pk=exclude).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _attach(entry: Entry, events: Sequence[Event], by: AbstractBaseUser) -> None:
    try:
        with transaction.atomic():
            bulk_create_with_history(
                [EntryEvent(entry=entry, event=event, added_by=by) for event in events],
                EntryEvent,
                default_user=by,
            )
    except IntegrityError:  # another curator took one of them a moment ago
        raise ChronologyError(
            "One of these events was just put into another entry. Reload the page."
        ) from None


def _events_changed(entry: Entry, *, by: AbstractBaseUser, reason: str) -> None:
    """After events join or leave (the entry's version claimed already, by
    ``_locked_entry``): the confirmed date no longer holds."""
    entry.date_confirmed_by = None
    entry.date_confirmed_at = None
    entry._history_user = by
    entry._change_reason = reason
    entry.save()


@transaction.atomic
def entry_create(
    *,
    events: Sequence[Event],
    by: AbstractBaseUser,
    headline: str = "",
    event_type: EventType | None = None,
    date: str | None = None,
) -> Entry:
    """A new draft entry gathering ``events`` (at least one). Its headline, type and
    date start as those of its most precisely dated event."""
    if not events:
        raise ChronologyError("An entry needs at least one approved event.")
    locked = _checked_events(events)
    model = _most_precise(locked)
    headline = " ".join((headline or model.headline).split())[:300]
    entry = Entry(
        headline=headline,
        event_type=event_type or model.event_type,
        date=validate(date) if date else model.date,
        slug=_unique_slug(headline),
        created_by=by,
    )
    entry._history_user = by
    entry.save()
    _attach(entry, locked, by)
    return entry


def _most_precise(events: Sequence[Event]) -> Event:
    """The event with the narrowest dated span (undated last), oldest first on ties."""
    return min(
        events,
        key=lambda e: (
            e.date_lower is None,
            (e.date_upper - e.date_lower).days if e.date_lower else 0,
            e.pk,
        ),
    )


def _locked_entry(entry: Entry, expected_version: int | None) -> Entry:
    versions.claim(entry, expected=expected_version, what="entry")
    return entry


@transaction.atomic
def entry_add_events(
    *, entry: Entry, events: Sequence[Event], by: AbstractBaseUser, expected_version: int | None
) -> Entry:
    _locked_entry(entry, expected_version)
    locked = _checked_events(events, entry=entry)
    fresh = [e for e in locked if not EntryEvent.objects.filter(event=e, entry=entry).exists()]
    _attach(entry, fresh, by)
    _events_changed(entry, by=by, reason=f"added {len(fresh)} event(s)")
    return entry


@transaction.atomic
def entry_detach_event(
    *, entry: Entry, event: Event, by: AbstractBaseUser, expected_version: int | None
) -> Entry:
    """Take ``event`` out of ``entry``; it waits on the curation page again. An entry
    left without events is deleted."""
    _locked_entry(entry, expected_version)
    link = EntryEvent.objects.filter(entry=entry, event=event).first()
    if link is None:
        raise ChronologyError(f"“{event.headline}” is not in this entry.")
    link._history_user = by
    link.delete()
    if not entry.entry_events.exists():
        entry._history_user = by
        entry._change_reason = "its last event was detached"
        entry.delete()
        return entry
    _events_changed(entry, by=by, reason=f"detached “{event.headline}”")
    return entry


@transaction.atomic
def entry_split(
    *, entry: Entry, events: Sequence[Event], by: AbstractBaseUser, expected_version: int | None
) -> Entry:
    """Move ``events`` out of ``entry`` into a new draft entry, which is returned."""
    _locked_entry(entry, expected_version)
    ids = {event.pk for event in events}
    links = list(entry.entry_events.select_related("event"))
    moving = [link for link in links if link.event_id in ids]
    if not moving or len(moving) == len(links):
        raise ChronologyError(
            "Choose some of the entry's events to split off, not none and not all."
        )
    for link in moving:
        link._history_user = by
        link.delete()
    _events_changed(entry, by=by, reason=f"split off {len(moving)} event(s)")
    return entry_create(events=[link.event for link in moving], by=by)


@transaction.atomic
def entries_merge(
    *, survivor: Entry, merged: Entry, by: AbstractBaseUser, expected_versions: tuple
) -> Entry:
    """Move every event and chronology of ``merged`` into ``survivor`` and delete
    ``merged``. Never automatic: a curator asks for it."""
    if survivor.pk == merged.pk:
        raise ChronologyError("An entry can't be merged into itself.")
    _locked_entry(survivor, expected_versions[0])
    _locked_entry(merged, expected_versions[1])
    EntryEvent.objects.filter(entry=merged).update(entry=survivor)
    survivor.chronologies.add(*merged.chronologies.all())
    merged._history_user = by
    merged._change_reason = f"merged into entry {survivor.pk}"
    merged.delete()
    _events_changed(survivor, by=by, reason=f"merged entry {merged.pk} into it")
    return survivor


@transaction.atomic
def entry_update(
    *,
    entry: Entry,
    by: AbstractBaseUser,
    expected_version: int | None,
    headline: str,
    event_type: EventType,
    date: str,
    description: str = "",
) -> Entry:
    headline = " ".join(headline.split())
    if not headline:
        raise ChronologyError("Give the entry a one-line headline.")
    date = validate(date) if date.strip() else ""
    _locked_entry(entry, expected_version)
    if date != entry.date:
        entry.date_confirmed_by = entry.date_confirmed_at = None
    entry.headline, entry.event_type, entry.date = headline[:300], event_type, date
    entry.description = description.strip()
    entry._history_user = by
    entry.save()
    return entry


@transaction.atomic
def entry_confirm_date(*, entry: Entry, by: AbstractBaseUser, expected_version: int | None):
    """The curator's word that the entry's date stands, although its sources differ."""
    if not entry.date:
        raise ChronologyError("Give the entry a date before confirming it.")
    _locked_entry(entry, expected_version)
    entry.date_confirmed_by, entry.date_confirmed_at = by, timezone.now()
    entry._history_user = by
    entry._change_reason = f"date confirmed: {entry.date}"
    entry.save()
    return entry


@transaction.atomic
def entry_publish(
    *,
    entry: Entry,
    chronologies: Sequence[Chronology],
    by: AbstractBaseUser,
    expected_version: int | None,
) -> Entry:
    if not chronologies:
        raise ChronologyError("Choose the chronology (or chronologies) to publish it in.")
    events = list(Event.objects.select_for_update().filter(chronology_entry__entry=entry))
    if not events:
        raise ChronologyError("An entry needs at least one event before it is published.")
    if waiting := [e for e in events if e.status != Status.APPROVED]:
        raise ChronologyError(
            f"“{waiting[0].headline}” is {waiting[0].get_status_display().lower()} again: "
            "only approved events are published. Detach it, or wait for its review."
        )
    if not entry.date:
        raise ChronologyError("Give the entry a date before publishing it.")
    if date_conflict(events) and entry.date_confirmed_at is None:
        raise ChronologyError(
            "Its sources differ on the date. Check each source's date and confirm the "
            "entry's date before publishing."
        )
    _locked_entry(entry, expected_version)
    entry.chronologies.add(*chronologies)
    if entry.status != Entry.Status.PUBLISHED:
        entry.status, entry.published_at = Entry.Status.PUBLISHED, timezone.now()
    entry._history_user = by
    entry._change_reason = "published in " + ", ".join(c.title for c in chronologies)
    entry.save()
    return entry


@transaction.atomic
def entry_unpublish(*, entry: Entry, by: AbstractBaseUser, expected_version: int | None):
    _locked_entry(entry, expected_version)
    entry.status = Entry.Status.DRAFT
    entry._history_user = by
    entry._change_reason = "unpublished"
    entry.save()
    return entry


def not_same(*, event: Event, others: Sequence[Event], by: AbstractBaseUser) -> int:
    """Record that ``event`` reports a different happening from each of ``others``
    (an entry's events, or one event). Returns how many pairs were new."""
    pairs = {tuple(sorted((event.pk, other.pk))) for other in others if other.pk != event.pk}
    existing = set(
        NotSameEvent.objects.filter(
            first__in=[a for a, _ in pairs], second__in=[b for _, b in pairs]
        ).values_list("first", "second")
    )
    new = [
        NotSameEvent(first_id=a, second_id=b, decided_by=by) for a, b in sorted(pairs - existing)
    ]
    NotSameEvent.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def chronology_create(
    *, by: AbstractBaseUser, title: str, slug: str, description: str = "", is_public: bool
) -> Chronology:
    chronology = Chronology(
        title=" ".join(title.split()),
        slug=slug,
        description=description.strip(),
        is_public=is_public,
        created_by=by,
    )
    chronology._history_user = by
    chronology.save()
    return chronology


@transaction.atomic
def chronology_update(
    *,
    chronology: Chronology,
    by: AbstractBaseUser,
    title: str,
    slug: str,
    description: str = "",
    is_public: bool,
) -> Chronology:
    chronology.title, chronology.slug = " ".join(title.split()), slug
    chronology.description, chronology.is_public = description.strip(), is_public
    chronology._history_user = by
    chronology.save()
    return chronology
