"""What happened to a mention, an event or an entity, for people to read.

django-simple-history records every save and deletion (with ``history_user`` and
``history_change_reason``); this module only reads those records and turns them into
entries: who (a username, or "the desk" when no one was logged in), when, what kind of
change, the fields that changed (before → after, with their labels, and values as people
read them), and the reason recorded with the change. Nothing here writes.

- An event's history also has its participants' records ("added Hezbollah (actor)"), and
  an entity's its aliases' and the entities merged into it, all in time order.
- The diff of two records is simple-history's own (``record.diff_against(previous)``);
  bookkeeping fields (versions, timestamps, derived date bounds, offsets) are left out.
- Related objects are shown by name (an entity by its name and kind), loaded once per
  kind of object for the whole panel, so a panel takes the same number of queries
  however long its history is. An item's history is tens of records, so it is read
  whole and paged here, newest first.
- A deleted item's history stays readable by id: it is all in the history tables.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from os.path import commonprefix
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst

from curation.annotations import correction_history
from curation.annotations.entity_reads import MERGED_INTO
from curation.annotations.labels import distinct_labels
from curation.annotations.models import (
    Alias,
    Entity,
    Event,
    EventType,
    Mention,
    Participant,
    Reanchoring,
)
from curation.temporal import display

PAGE_SIZE = 25
LONG_TEXT = 160  # characters of a value shown before it is shortened
CONTEXT = 40  # characters kept either side of the changed part of a long text
NOBODY = "the desk"

# Bookkeeping: kept for the machine, not what a person changed.
SKIPPED_FIELDS = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "version",
        "created_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_note",  # shown as the reason of the rejection or reopening
        "article",
        "start",
        "end",
        "prefix",
        "suffix",
        "date_lower",
        "date_upper",
        "date_text",
        "date_start",
        "date_end",
        "normalised",
    }
)
# Shown in this order, the rest after them: what the item says first, its state last.
ORDER = [
    "headline",
    "name",
    "entity",
    "event_type",
    "kind",
    "date",
    "location",
    "role",
    "text",
    "description",
    "wikidata_id",
    "notes",
    "quote",
    "status",
]
LABELS = {
    ("mention", "quote"): "Text",
    ("event", "quote"): "Evidence",
    ("entity", "name"): "Name",
    ("event", "date"): "Date",
    ("entity", "wikidata_id"): "Wikidata id",
}

CREATED, CHANGED, DELETED = "+", "~", "-"

_MERGE_REASON = re.compile(r"entity (\d+) merged into (\d+)")
_MERGED_INTO_REASON = re.compile(r"merged into entity (\d+)")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str | None  # None on a creation: only the value it started with is shown
    after: str


@dataclass(frozen=True)
class Entry:
    when: datetime
    who: str
    action: str  # "created", "changed" or "deleted"
    summary: str  # after who: "created the event", "added Hezbollah (actor)"
    changes: tuple[FieldChange, ...]
    reason: str
    elsewhere: str = ""  # the history of another item the entry is about (a merged entity)


@dataclass(frozen=True)
class History:
    what: str  # "mention", "event" or "entity"
    pk: int
    label: str  # what the item is called, as of its last record
    gone: bool  # its last record is a deletion
    gone_to: str  # for an entity merged away: the label of the one it went into
    gone_to_id: int | None
    article_id: int | None  # a mention's or an event's article
    entries: list[Entry]
    page: int
    has_older: bool


# --- values as people read them (no database) --------------------------------------------


def who(user) -> str:
    return user.get_username() if user is not None else NOBODY


def shorten(text: str, limit: int = LONG_TEXT) -> str:
    """``text`` on one line, cut at a word boundary with "…" when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def shorten_pair(before: str, after: str, limit: int = LONG_TEXT) -> tuple[str, str]:
    """Two versions of a long text, each cut to the part that changed with some words
    either side, so that the change is in view: "…fired rockets at Haifa on…" →
    "…fired drones at Haifa on…"."""
    before, after = " ".join(before.split()), " ".join(after.split())
    if len(before) <= limit and len(after) <= limit:
        return before, after
    same_start = len(commonprefix([before, after]))
    same_end = len(commonprefix([before[same_start:][::-1], after[same_start:][::-1]]))

    def around_change(text: str) -> str:
        start = max(0, same_start - CONTEXT)
        if start:  # from the start of a word
            start = text.find(" ", start, same_start) + 1 or start
        end = min(len(text), len(text) - same_end + CONTEXT)
        if end < len(text):  # to the end of a word
            space = text.rfind(" ", len(text) - same_end, end)
            end = space if space > 0 else end
        part = shorten(text[start:end], limit)
        lead = "…" if start else ""
        tail = "…" if end < len(text) and not part.endswith("…") else ""
        return lead + part + tail

    return around_change(before), around_change(after)


def readable_reason(reason: str, entity_label) -> str:
    """A recorded reason with the entity ids of a merge replaced by names:
    "entity 12 merged into 7" → "Hizbollah merged into Hezbollah". ``entity_label(a, b)``
    gives the labels of two entities that tell them apart."""
    reason = " ".join((reason or "").split())
    if match := _MERGE_REASON.fullmatch(reason):
        merged, survivor = entity_label(int(match[1]), int(match[2]))
        return f"{merged} merged into {survivor}"
    if match := _MERGED_INTO_REASON.fullmatch(reason):
        [survivor] = entity_label(int(match[1]))
        return f"merged into {survivor}"
    return reason


def _entity_ids_in(reason: str | None) -> list[int]:
    reason = reason or ""
    if match := _MERGE_REASON.fullmatch(reason):
        return [int(match[1]), int(match[2])]
    if match := _MERGED_INTO_REASON.fullmatch(reason):
        return [int(match[1])]
    return []


def _label(model_field: models.Field) -> str:
    key = (model_field.model._meta.model_name, model_field.name)
    return LABELS.get(key) or capfirst(model_field.verbose_name)


# --- the related objects a panel names, one query per kind --------------------------------


@dataclass
class _Names:
    """The names of the objects a page of history refers to, by model and id."""

    wanted: dict[type[models.Model], set] = field(default_factory=lambda: defaultdict(set))
    known: dict[type[models.Model], dict] = field(default_factory=dict)

    def want(self, model: type[models.Model], pk) -> None:
        if pk is not None:
            self.wanted[model].add(pk)

    def load(self) -> None:
        for model, ids in self.wanted.items():
            if model is Entity:
                self.known[model] = _entities(ids)
            else:
                self.known[model] = _objects(model, ids)

    def of(self, model: type[models.Model], pk) -> str:
        if pk is None:
            return ""
        found = self.known.get(model, {}).get(pk)
        if model is Entity:
            return f"{found.name} ({found.kind.name})" if found else f"entity #{pk}"
        return found if found is not None else f"{model._meta.verbose_name} #{pk} (deleted)"

    def entity(self, pk: int):
        return self.known.get(Entity, {}).get(pk)

    def entity_labels(self, *ids: int) -> list[str]:
        """Labels that tell the entities apart: "Hezbollah (Group)" and "Hezbollah
        (Organisation)" when the names are the same, the names alone otherwise."""
        found = [self.entity(pk) for pk in ids]
        if any(entity is None for entity in found):
            return [
                entity.name if entity else f"entity #{pk}"
                for pk, entity in zip(ids, found, strict=True)
            ]
        return distinct_labels(found)


def _entities(ids: set[int]) -> dict[int, SimpleNamespace]:
    """Entities by id, with their kind's name: as they are, or, for one that was merged
    away or deleted, as its last history record left it."""
    found = {
        entity.pk: SimpleNamespace(pk=entity.pk, name=entity.name, kind=entity.kind)
        for entity in Entity.objects.filter(pk__in=ids).select_related("kind")
    }
    if missing := ids - found.keys():
        for record in (
            Entity.history.filter(id__in=missing)
            .select_related("kind")
            .order_by("id", "-history_date", "-history_id")
        ):
            found.setdefault(
                record.id, SimpleNamespace(pk=record.id, name=record.name, kind=record.kind)
            )
    return found


def _objects(model: type[models.Model], ids: set) -> dict:
    rows = model._default_manager.filter(pk__in=ids)
    if model is EventType:
        rows = rows.select_related("parent")  # "CONSULT › meeting"
    if model is get_user_model():
        return {row.pk: row.get_username() for row in rows}
    return {row.pk: str(row) for row in rows}


# --- diffs ------------------------------------------------------------------------------


def _shown_fields(record) -> list[models.Field]:
    return [
        f for f in record.instance_type._meta.fields if f.editable and f.name not in SKIPPED_FIELDS
    ]


@dataclass
class _RawChange:
    field: models.Field
    before: object  # a stored value; a related object's id
    after: object
    created: bool = False


def _raw_changes(record, previous) -> list[_RawChange]:
    """What a record changed, from simple-history's diff of it and the record before."""
    fields = {f.name: f for f in _shown_fields(record)}
    if record.history_type == CREATED:
        changes = []
        for model_field in fields.values():
            value = getattr(record, model_field.attname)
            if value in (None, "") or (
                model_field.has_default() and value == model_field.get_default()
            ):
                continue
            changes.append(_RawChange(model_field, None, value, created=True))
        return changes
    if record.history_type != CHANGED or previous is None:
        return []
    delta = record.diff_against(previous, included_fields=list(fields))
    return [_RawChange(fields[change.field], change.old, change.new) for change in delta.changes]


def _want_names(changes: list[_RawChange], names: _Names) -> None:
    for change in changes:
        if change.field.is_relation:
            names.want(change.field.related_model, change.before)
            names.want(change.field.related_model, change.after)


def _value(model_field: models.Field, value, names: _Names) -> str:
    """A stored value as people read it."""
    if value is None or value == "":
        return ""
    if model_field.is_relation:
        return names.of(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.name == "date" and model_field.model is Event:
        try:
            return display(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return value.strftime("%-d %B %Y, %H:%M")
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    return str(value)


def _in_order(change: _RawChange) -> int:
    name = change.field.name
    return ORDER.index(name) if name in ORDER else len(ORDER)


def _formatted(changes: list[_RawChange], names: _Names) -> tuple[FieldChange, ...]:
    shown = []
    for change in sorted(changes, key=_in_order):
        before = _value(change.field, change.before, names)
        after = _value(change.field, change.after, names)
        if change.created:
            shown.append(FieldChange(_label(change.field), None, shorten(after)))
        else:
            before, after = shorten_pair(before, after)
            shown.append(FieldChange(_label(change.field), before, after))
    return tuple(shown)


def _called(record, names: _Names) -> str:
    """What the object of a record was called then: the mention's text and entity, the
    event's headline, the entity's name. Never a query: a mention's entity is in
    ``names``, and may since have been merged away."""
    model = record.instance_type
    if model is Mention:
        return f"“{shorten(record.quote, 80)}” as {names.entity_labels(record.entity_id)[0]}"
    if model is Event:
        return record.headline
    if model is Entity:
        return record.name
    return str(record.history_object)


@dataclass(frozen=True)
class Described:
    called: str
    changes: tuple[FieldChange, ...]
    reason: str


def described(records) -> dict[int, Described]:
    """For admin's history list: what each record (by ``history_id``) of one object's
    history called the object, what it changed against the record after it in
    ``records`` (newest first, as admin lists them; the last shows no changes unless it
    is the creation), and its reason with names for entity ids."""
    records = list(records)
    names = _Names()
    raw = {}
    for newer, older in zip(records, [*records[1:], None], strict=True):
        raw[newer.history_id] = _raw_changes(newer, older)
        _want_names(raw[newer.history_id], names)
        if newer.instance_type is Mention:
            names.want(Entity, newer.entity_id)
        for pk in _entity_ids_in(newer.history_change_reason):
            names.want(Entity, pk)
    names.load()
    return {
        record.history_id: Described(
            called=_called(record, names),
            changes=_formatted(raw[record.history_id], names),
            reason=readable_reason(record.history_change_reason, names.entity_labels),
        )
        for record in records
    }


# --- entries ------------------------------------------------------------------------------

_ACTIONS = {CREATED: "created", CHANGED: "changed", DELETED: "deleted"}


@dataclass
class _Pending:
    """A record on its way to being an entry: sorted among the others, then, if its page
    is shown, diffed and given the names it needs."""

    record: object
    previous: object | None  # the record before it of the same object, if any
    part: str  # "item", "participant", "alias", "merged-in" or "reanchored"
    rank: int  # orders records of several tables saved at the same moment
    reanchoring: Reanchoring | None = None  # what a correction of the article did to it

    @property
    def order(self) -> tuple:
        return (self.record.history_date, self.rank, self.record.history_id)

    def changes(self) -> list[_RawChange]:
        # The item's own records show what they set; a participant's or an alias's
        # addition and removal are said in the summary, and only a change is diffed.
        if self.part == "reanchored":
            return []
        if self.part == "item" or self.record.history_type == CHANGED:
            return _raw_changes(self.record, self.previous)
        return []


def _pending(records: list, part: str, rank: int) -> list[_Pending]:
    """The records of one table (oldest first), each with the record before it of the
    same object."""
    last_of: dict[int, object] = {}
    pending = []
    for record in records:
        pending.append(_Pending(record, last_of.get(record.id), part, rank))
        last_of[record.id] = record
    return pending


def _with_corrections(pending: list[_Pending], *, kind: str, pk: int) -> list[_Pending]:
    """The item's records with its re-anchorings by corrections of its article: each on
    the record the correction wrote, or an entry of its own where the item didn't change
    (one query)."""
    found = {r.revision.number: r for r in correction_history.reanchorings_of(kind, pk)}
    for entry in pending:
        number = correction_history.revision_number(entry.record.history_change_reason)
        if entry.part == "item" and number in found:
            entry.reanchoring = found.pop(number)
    return pending + [
        _Pending(correction_history.as_record(r), None, "reanchored", 0, r) for r in found.values()
    ]


def _oldest_first(queryset) -> list:
    return list(queryset.select_related("history_user").order_by("history_date", "history_id"))


# A transition's reason (annotations.workflow) starts with what it did.
_WORKFLOW_VERBS = {
    "submitted": "submitted",
    "withdrawn": "withdrew",
    "approved": "approved",
    "rejected": "rejected",
    "reopened": "reopened",
}


def _workflow_verb(reason: str | None) -> str | None:
    return _WORKFLOW_VERBS.get((reason or "").split(":", 1)[0].strip())


def _summary(pending: _Pending, names: _Names, what: str) -> str:
    """What the person did, to follow their name: "rejected the event", "added Hezbollah
    (actor)", "removed the alias “Hizbollah”"."""
    record, kind = pending.record, pending.record.history_type
    if pending.reanchoring is not None:
        return correction_history.summary(pending.reanchoring, what)
    if pending.part == "item":
        if kind == CHANGED and (verb := _workflow_verb(record.history_change_reason)):
            return f"{verb} the {what}"
        return f"{_ACTIONS[kind]} the {what}"
    if pending.part == "participant":
        entity = names.entity(record.entity_id)
        taking_part = (
            f"{entity.name if entity else f'entity #{record.entity_id}'} "
            f"({record.get_role_display().lower()})"
        )
        return {
            CREATED: f"added {taking_part}",
            CHANGED: f"changed the participant {taking_part}",
            DELETED: f"removed {taking_part}",
        }[kind]
    if pending.part == "alias":
        return {
            CREATED: f"added the alias “{record.text}”",
            CHANGED: f"changed the alias “{record.text}”",
            DELETED: f"removed the alias “{record.text}”",
        }[kind]
    # "merged-in": the deletion record of another entity that went into this one
    return f"merged {names.of(Entity, record.id)} into this entity"


def _reason(pending: _Pending, names: _Names) -> str:
    """The recorded reason, with names for ids; none where the summary says it all (a
    merge into this entity, or a bare "approved")."""
    if pending.reanchoring is not None:
        return correction_history.line(pending.reanchoring)
    reason = pending.record.history_change_reason or ""
    if pending.part == "merged-in" or reason in _WORKFLOW_VERBS:
        return ""
    return readable_reason(reason, names.entity_labels)


def _page_of(
    pending: list[_Pending], *, what: str, page: int, names: _Names
) -> tuple[list[Entry], bool]:
    """The entries of page ``page`` (newest first), and whether older ones follow."""
    pending.sort(key=lambda entry: entry.order, reverse=True)
    shown = [
        (entry, entry.changes()) for entry in pending[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    ]
    for entry, changes in shown:
        _want_names(changes, names)
        for pk in _entity_ids_in(entry.record.history_change_reason):
            names.want(Entity, pk)
        if entry.part == "participant":
            names.want(Entity, entry.record.entity_id)
        if entry.part == "merged-in":
            names.want(Entity, entry.record.id)
    names.load()
    entries = [
        Entry(
            when=entry.record.history_date,
            who=who(entry.record.history_user),
            action=_ACTIONS[entry.record.history_type],
            summary=_summary(entry, names, what),
            changes=_formatted(changes, names),
            reason=_reason(entry, names),
            elsewhere=reverse("annotations:entity-history", args=[entry.record.id])
            if entry.part == "merged-in"
            else "",
        )
        for entry, changes in shown
    ]
    return entries, len(pending) > page * PAGE_SIZE


def mention_history(mention_id: int, *, page: int = 1) -> History | None:
    """The history of a mention, newest first; None if nothing was ever recorded of it."""
    records = _oldest_first(Mention.history.filter(id=mention_id))
    if not records:
        return None
    last = records[-1]
    names = _Names()
    names.want(Entity, last.entity_id)
    entries, older = _page_of(
        _with_corrections(_pending(records, "item", 0), kind="mention", pk=mention_id),
        what="mention",
        page=page,
        names=names,
    )
    return History(
        what="mention",
        pk=mention_id,
        label=_called(last, names),
        gone=last.history_type == DELETED,
        gone_to="",
        gone_to_id=None,
        article_id=last.article_id,
        entries=entries,
        page=page,
        has_older=older,
    )


def event_history(event_id: int, *, page: int = 1) -> History | None:
    """The history of an event and of its participants, newest first; None if nothing
    was ever recorded of it."""
    records = _oldest_first(Event.history.filter(id=event_id))
    if not records:
        return None
    participants = _oldest_first(Participant.history.filter(event_id=event_id))
    last = records[-1]
    entries, older = _page_of(
        _with_corrections(_pending(records, "item", 0), kind="event", pk=event_id)
        + _pending(participants, "participant", 1),
        what="event",
        page=page,
        names=_Names(),
    )
    return History(
        what="event",
        pk=event_id,
        label=last.headline,
        gone=last.history_type == DELETED,
        gone_to="",
        gone_to_id=None,
        article_id=last.article_id,
        entries=entries,
        page=page,
        has_older=older,
    )


def entity_history(entity_id: int, *, page: int = 1) -> History | None:
    """The history of an entity, of its aliases and of the entities merged into it,
    newest first; None if nothing was ever recorded of it."""
    records = _oldest_first(Entity.history.filter(id=entity_id))
    if not records:
        return None
    aliases = _oldest_first(Alias.history.filter(entity_id=entity_id))
    merged_in = _oldest_first(
        Entity.history.filter(
            history_type=DELETED,
            history_change_reason=MERGED_INTO.format(survivor_id=entity_id),
        )
    )
    last = records[-1]
    gone = last.history_type == DELETED
    merge = _MERGED_INTO_REASON.fullmatch(last.history_change_reason or "") if gone else None
    survivor_id = int(merge[1]) if merge else None
    names = _Names()
    names.want(Entity, entity_id)
    names.want(Entity, survivor_id)
    entries, older = _page_of(
        _pending(records, "item", 0)
        + _pending(aliases, "alias", 1)
        + _pending(merged_in, "merged-in", 2),
        what="entity",
        page=page,
        names=names,
    )
    return History(
        what="entity",
        pk=entity_id,
        label=last.name,
        gone=gone,
        gone_to=names.entity_labels(entity_id, survivor_id)[1] if survivor_id else "",
        gone_to_id=survivor_id,
        article_id=None,
        entries=entries,
        page=page,
        has_older=older,
    )
