"""Bringing an article's mentions and events to its corrected body, in the database.

``articles.corrections.article_correct`` saves the new body and sends
``article_corrected``; ``reanchor_article`` answers it, inside the same transaction:

- every placed mention span and event evidence span goes through
  ``anchoring.reanchor`` (pure: old body, new body, spans → place and rule);
- an event's date phrase moves with its evidence when it lies inside it and the
  evidence kept its words; otherwise it is placed on its own, and forgotten (the date
  stays, its position goes) unless it kept its words;
- placed work gets its new offsets, quote, prefix and suffix from the new body;
- work placed on similar words (fuzzy) or left without its words (orphan: no offsets)
  goes back to review if it was approved, with a note (``workflow.needs_check``);
- a mention placed where a mention of the same entity already is becomes an orphan
  rather than a duplicate;
- every changed item takes a new version and a history record, and every item gets a
  ``Reanchoring`` row, which its History panel reads;
- ``events_reanchored`` then tells later apps (the chronology) which events lost their
  approved words.

Orphans from an earlier correction have no offsets to start from and are left as they
are. Offsets are code points, as everywhere.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.dispatch import Signal
from django.utils import timezone

from curation.annotations import workflow
from curation.annotations.anchoring import Placement, Rule, Span, placements_by_key, reanchor
from curation.annotations.correction_history import CHANGE_REASON
from curation.annotations.models import Event, Mention, Reanchoring
from curation.annotations.spans import CONTEXT_CHARS, anchor
from curation.articles.corrections import AnnotationOutcome
from curation.articles.models import ArticleRevision
from curation.articles.rows import history_row, insert_rows, update_rows

logger = logging.getLogger(__name__)

OK, NEEDS_CHECK, ORPHAN = "ok", "needs-check", "orphan"

events_reanchored = Signal()
"""Sent inside the correction's transaction with ``revision``, ``by`` and ``events``: a
list of ``EventReanchored`` for the events that did not keep their words (needs-check or
orphan)."""

_SPAN_FIELDS = ["start", "end", "quote", "prefix", "suffix"]
_STATE_FIELDS = ["status", "submitted_at", "review_note", "version", "updated_at"]


@dataclass(frozen=True, slots=True)
class EventReanchored:
    """An event a correction moved onto other words or orphaned, with the citation it
    had before (what a published chronology entry showed)."""

    event_id: int
    headline: str
    status: str  # needs-check or orphan
    old_status: str  # the review state before the correction
    old_quote: str
    old_prefix: str
    old_suffix: str
    new_quote: str  # "" for an orphan


@dataclass
class _Moved:
    """One item on its way: the placement and what it was before."""

    item: Mention | Event
    kind: str
    placement: Placement
    old: dict
    old_date: tuple[int | None, int | None] = (None, None)


def reanchor_article(sender, *, article, revision: ArticleRevision, old_body: str, by, **kwargs):
    """The ``article_corrected`` receiver: re-anchor the article's work to its new body
    and return what became of each item (``AnnotationOutcome``s, mentions then events,
    by id)."""
    new_body = article.body
    mentions = list(
        Mention.objects.select_for_update()
        .filter(article=article, start__isnull=False)
        .order_by("pk")
    )
    events = list(
        Event.objects.select_for_update()
        .filter(article=article, start__isnull=False)
        .order_by("pk")
    )
    spans = [_span(("mention", m.pk), m) for m in mentions]
    spans += [_span(("event", e.pk), e) for e in events]
    spans += [date for e in events if (date := _date_span(e, old_body)) is not None]
    placed = placements_by_key(reanchor(old_body, new_body, spans))

    moved = [_Moved(m, "mention", placed[("mention", m.pk)], _state(m)) for m in mentions]
    moved += [
        _Moved(e, "event", placed[("event", e.pk)], _state(e), (e.date_start, e.date_end))
        for e in events
    ]
    taken: dict[tuple[int, int, int], int] = {}
    # Work that kept its words claims its place first.
    for entry in sorted(moved, key=lambda m: (m.placement.status != OK, m.kind, m.item.pk)):
        _settle(entry, new_body=new_body, placed=placed, taken=taken, revision=revision)
    _save(moved, revision=revision, by=by)
    _notify(moved, revision=revision, by=by)
    return [_outcome(entry) for entry in moved]


def _settle(
    entry: _Moved,
    *,
    new_body: str,
    placed: dict,
    taken: dict[tuple[int, int, int], int],
    revision: ArticleRevision,
) -> None:
    """Give one item its place, or none, and flag it if it didn't keep its words.
    ``taken``: the places of the mentions settled so far, by entity."""
    placement = _checked(entry, new_body)
    note = ""
    if entry.kind == "mention" and placement.start is not None:
        key = (placement.start, placement.end, entry.item.entity_id)
        if (holder := taken.get(key)) is not None:
            placement = Placement(placement.key, Rule.ORPHAN, None, None, entry.old["quote"])
            note = f" The place found for it is already marked as this entity (mention #{holder})."
        else:
            taken[key] = entry.item.pk
    entry.placement = placement
    _place(entry.item, placement, new_body)
    if placement.status != OK:
        workflow.needs_check(entry.item, note=_note(placement, revision) + note)
    if entry.kind == "event":
        _move_date(entry, placed)


def _span(key, item: Mention | Event) -> Span:
    return Span(key, item.start, item.end, item.quote, item.prefix, item.suffix)


def _date_span(event: Event, old_body: str) -> Span | None:
    start, end = event.date_start, event.date_end
    if start is None or end is None or not 0 <= start < end <= len(old_body):
        return None
    return Span(
        ("date", event.pk),
        start,
        end,
        old_body[start:end],
        old_body[max(0, start - CONTEXT_CHARS) : start],
        old_body[end : end + CONTEXT_CHARS],
    )


def _state(item: Mention | Event) -> dict:
    return {name: getattr(item, name) for name in [*_SPAN_FIELDS, "status", "review_note"]}


def _checked(entry: _Moved, new_body: str) -> Placement:
    """The placement, unless it breaks the invariant (an "ok" place whose text is not the
    quote): then it is flagged for a check, never trusted."""
    placement = entry.placement
    if placement.status == OK and new_body[placement.start : placement.end] != entry.old["quote"]:
        logger.error(
            "Re-anchoring put %s %s on other words (%s); flagged for a check.",
            entry.kind,
            entry.item.pk,
            placement.rule,
        )
        text = new_body[placement.start : placement.end]
        return Placement(placement.key, Rule.FUZZY, placement.start, placement.end, text)
    return placement


def _place(item: Mention | Event, placement: Placement, new_body: str) -> None:
    if placement.start is None:
        item.start = item.end = None  # an orphan keeps its quote and context
        return
    span = anchor(new_body, placement.start, placement.end)
    item.start, item.end, item.quote = span.start, span.end, span.quote
    item.prefix, item.suffix = span.prefix, span.suffix


def _move_date(entry: _Moved, placed: dict) -> None:
    """An event's date phrase: shifted with its evidence when inside it and the evidence
    kept its words; else placed on its own if that keeps its words; else forgotten."""
    event, (start, end) = entry.item, entry.old_date
    if start is None:
        return
    evidence = entry.placement
    inside = entry.old["start"] <= start and end <= entry.old["end"]
    if inside and evidence.status == OK:
        shift = evidence.start - entry.old["start"]
        event.date_start, event.date_end = start + shift, end + shift
        return
    own = placed.get(("date", event.pk))
    if own is not None and own.status == OK:
        event.date_start, event.date_end = own.start, own.end
    else:
        event.date_start = event.date_end = None


def _day(revision: ArticleRevision) -> str:
    return f"{timezone.localtime(revision.created_at):%-d %b %Y}"


def _note(placement: Placement, revision: ArticleRevision) -> str:
    when, number = _day(revision), revision.number
    if placement.status == ORPHAN:
        return (
            f"Lost its words in the correction of {when} (revision {number}): re-attach "
            "it to the new text, or delete it."
        )
    return (
        f"Re-anchored by the correction of {when} (revision {number}) onto similar "
        "words: please check that it is on the right words."
    )


def _changed(entry: _Moved) -> bool:
    item = entry.item
    if any(getattr(item, name) != value for name, value in entry.old.items()):
        return True
    return entry.kind == "event" and (item.date_start, item.date_end) != entry.old_date


def _save(moved: list[_Moved], *, revision: ArticleRevision, by) -> None:
    now = timezone.now()
    author = revision.author
    for model, kind in ((Mention, "mention"), (Event, "event")):
        changed = [entry for entry in moved if entry.kind == kind and _changed(entry)]
        if not changed:
            continue
        items = []
        for entry in changed:
            item = entry.item
            item.version += 1
            item.updated_at = now
            item._history_user = author
            item._change_reason = CHANGE_REASON.format(
                number=revision.number, rule=entry.placement.rule.value
            )
            items.append(item)
        if kind == "mention":
            # A mention may move onto the place another one is leaving, and each row's
            # update is checked for a unique span on its own: clear the old places first.
            Mention.objects.filter(pk__in=[item.pk for item in items]).update(start=None, end=None)
        fields = [*_SPAN_FIELDS, *_STATE_FIELDS]
        if kind == "event":
            fields += ["date_start", "date_end"]
        update_rows(model, items, fields)
        history = model.history.model  # the descriptor builds a manager class: once
        insert_rows(
            history,
            [
                history_row(
                    history,
                    item,
                    when=now,
                    user=item._history_user,
                    kind="~",
                    reason=item._change_reason,
                )
                for item in items
            ],
        )
    insert_rows(Reanchoring, [_record(entry, revision) for entry in moved])


def _record(entry: _Moved, revision: ArticleRevision) -> Reanchoring:
    placement, item = entry.placement, entry.item
    return Reanchoring(
        revision=revision,
        kind=entry.kind,
        object_id=item.pk,
        rule=placement.rule.value,
        outcome=placement.status.value,
        old_start=entry.old["start"],
        old_end=entry.old["end"],
        new_start=item.start,
        new_end=item.end,
        old_quote=entry.old["quote"],
        new_quote=item.quote if item.start is not None else "",
        old_date_start=entry.old_date[0],
        old_date_end=entry.old_date[1],
        new_date_start=getattr(item, "date_start", None) if entry.kind == "event" else None,
        new_date_end=getattr(item, "date_end", None) if entry.kind == "event" else None,
    )


def _notify(moved: list[_Moved], *, revision: ArticleRevision, by) -> None:
    lost = [
        EventReanchored(
            event_id=entry.item.pk,
            headline=entry.item.headline,
            status=entry.placement.status.value,
            old_status=entry.old["status"],
            old_quote=entry.old["quote"],
            old_prefix=entry.old["prefix"],
            old_suffix=entry.old["suffix"],
            new_quote=entry.item.quote if entry.item.start is not None else "",
        )
        for entry in moved
        if entry.kind == "event" and entry.placement.status != OK
    ]
    if lost:
        events_reanchored.send(sender=Event, revision=revision, by=by, events=lost)


def _outcome(entry: _Moved) -> AnnotationOutcome:
    item = entry.item
    return AnnotationOutcome(
        id=item.pk,
        kind=entry.kind,
        rule=entry.placement.rule.value,
        status=entry.placement.status.value,
        old_start=entry.old["start"],
        old_end=entry.old["end"],
        new_start=item.start,
        new_end=item.end,
        old_quote=entry.old["quote"],
        new_quote=item.quote if item.start is not None else "",
    )
