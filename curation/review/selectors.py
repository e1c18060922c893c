"""Reads for the review queue and "My work".

Mentions and events are two tables, but the queue is one list. ``work_rows`` is a UNION
of one ``.values()`` query per kind, with the same columns, so the database counts,
orders and slices both kinds at once: a page costs the same few queries whatever the
queue's size. ``work_items`` then loads the details of just that page's rows (a mention's
entity, an event's type and participants), a fixed number of queries more.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce

from django.contrib.auth import get_user_model
from django.db.models import CharField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value

from curation.annotations import workflow
from curation.annotations.models import Event, EventType, Mention, Participant, Status
from curation.articles.models import Article
from curation.review.excerpts import Excerpt, excerpt
from curation.review.mention_rows import MentionRow, mention_rows

KINDS = ("mention", "event")
MODELS: dict[str, type[Mention] | type[Event]] = {"mention": Mention, "event": Event}

# Every column of a row in the list, in the same order for both kinds. Ordering and
# sorting refer to these names.
ROW_FIELDS = ("id", "version", "status", "submitted_at", "updated_at", "article_id")


class WorkRows(QuerySet):
    """The UNION of ``work_rows``, which counts itself as the sum of each kind's count:
    those run over the (status, submitted_at) index, where counting the UNION would
    build every row with its joins first."""

    count_parts: tuple[QuerySet, ...] = ()

    def _clone(self):
        clone = super()._clone()
        clone.count_parts = self.count_parts
        return clone

    def count(self) -> int:
        if self.query.is_empty():  # .none(), as an invalid filter gives
            return 0
        if self.count_parts and not self.query.is_sliced and self._result_cache is None:
            return sum(part.count() for part in self.count_parts)
        return super().count()


def _label(kind: str):
    return F("entity__name") if kind == "mention" else F("headline")


def work_rows(
    *,
    kinds: Iterable[str],
    statuses: Iterable[str] = (Status.SUBMITTED,),
    created_by=None,
    event_type: EventType | int | None = None,
    article: Article | int | None = None,
    source=None,
    annotator=None,
    submitted_after: datetime | None = None,
    submitted_before: datetime | None = None,
) -> QuerySet:
    """The mentions and events of ``kinds`` in ``statuses`` that pass the filters, as one
    queryset of dicts (kind, id, version, status, submitted_at, updated_at, article_id,
    label, article_title, source_name, author), unordered. An event type keeps only
    events. Each filter takes an instance or its pk."""
    kinds = [kind for kind in KINDS if kind in set(kinds)]
    if event_type is not None:
        kinds = [kind for kind in kinds if kind == "event"]
    criteria = Q(status__in=list(statuses))
    if created_by is not None:
        criteria &= Q(created_by=created_by)
    if annotator is not None:
        criteria &= Q(created_by=annotator)
    if article is not None:
        criteria &= Q(article=article)
    if source is not None:
        criteria &= Q(article__source=source)
    if submitted_after is not None:
        criteria &= Q(submitted_at__gte=submitted_after)
    if submitted_before is not None:
        criteria &= Q(submitted_at__lt=submitted_before)
    parts, counts = [], []
    for kind in kinds:
        rows = WorkRows(model=MODELS[kind]).filter(criteria)
        if kind == "event" and event_type is not None:
            rows = rows.filter(Q(event_type=event_type) | Q(event_type__parent=event_type))
        counts.append(rows)
        parts.append(
            rows.values(
                *ROW_FIELDS,
                kind=Value(kind, output_field=CharField()),
                label=_label(kind),
                article_title=F("article__title"),
                source_name=F("article__source__name"),
                author=F("created_by__username"),
            ).order_by()
        )
    if not parts:
        return WorkRows(model=Mention).none().values(*ROW_FIELDS)
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    combined.count_parts = tuple(counts)
    return combined


@dataclass
class WorkItem:
    """One row of the queue or of "My work": the mention or event with what the row
    shows, and what the person looking at it may do."""

    kind: str
    obj: Mention | Event | MentionRow  # a MentionRow in a page of rows: only shown
    excerpt: Excerpt
    mine: bool = False
    actions: set[str] = field(default_factory=set)
    message: str = ""  # why the last action on this row failed
    editing: bool = False

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def version(self) -> int:
        return self.obj.version

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.obj.pk}"

    @property
    def workspace_anchor(self) -> str:
        return f"m-{self.obj.pk}" if self.kind == "mention" else f"ev-{self.obj.pk}"

    @property
    def needs_another_reviewer(self) -> bool:
        """Four-eyes keeps the reviewer from approving this one: it is theirs."""
        return (
            self.obj.status == Status.SUBMITTED
            and "reject" in self.actions
            and "approve" not in self.actions
        )


# An article's text is long and a row shows only its title and source.
_ARTICLE_LIGHT = ("article__body", "article__raw_text")


def _mentions(ids: list[int]) -> dict[int, Mention]:
    if not ids:
        return {}
    mentions = (
        Mention.objects.filter(pk__in=ids)
        .select_related("entity__kind", "article__source", "created_by", "reviewed_by")
        .defer(*_ARTICLE_LIGHT)
        .order_by()  # the rows' order is the page's
    )
    return {mention.pk: mention for mention in mentions}


def _events(ids: list[int]) -> dict[int, Event]:
    if not ids:
        return {}
    events = (
        Event.objects.filter(pk__in=ids)
        .select_related(
            "event_type__parent", "article__source", "created_by", "reviewed_by", "location"
        )
        .defer(*_ARTICLE_LIGHT)
        .order_by()
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("entity__kind").order_by("role", "id"),
            )
        )
    )
    return {event.pk: event for event in events}


def work_items(rows: Iterable[dict], *, user) -> list[WorkItem]:
    """The page's rows with their details, in the rows' order: at most one query for the
    mentions and two for the events (with their participants). A row whose item was
    deleted in between is left out."""
    rows = list(rows)
    mentions = mention_rows([row["id"] for row in rows if row["kind"] == "mention"])
    events = _events([row["id"] for row in rows if row["kind"] == "event"])
    found = {"mention": mentions, "event": events}
    actions = workflow.ActionsOfPage(user)
    items = []
    for row in rows:
        obj = found[row["kind"]].get(row["id"])
        if obj is not None:
            items.append(item_for(obj, user=user, actions=actions))
    return items


def item_for(
    obj: Mention | Event,
    *,
    user,
    message: str = "",
    editing: bool = False,
    actions: workflow.ActionsOfPage | None = None,
) -> WorkItem:
    """``actions``: the actions of a page of rows, worked out once per kind of row;
    ``workflow.actions_for`` by default."""
    return WorkItem(
        kind=obj._meta.model_name,
        obj=obj,
        excerpt=excerpt(obj.prefix, obj.quote, obj.suffix),
        mine=actions.is_author(obj) if actions else workflow.is_author(user, obj),
        actions=actions(obj) if actions else workflow.actions_for(user, obj),
        message=message,
        editing=editing,
    )


def work_item(kind: str, pk: int, *, user) -> WorkItem | None:
    """One mention or event with its row's details, or None if there is none."""
    loaded = _mentions([pk]) if kind == "mention" else _events([pk])
    obj = loaded.get(pk)
    return item_for(obj, user=user) if obj is not None else None


# --- counts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateCounts:
    """How many mentions and events are in each state: {"mention": {"draft": 3, ...}}."""

    by_kind: dict[str, dict[str, int]]

    def of(self, kind: str) -> dict[str, int]:
        return self.by_kind.get(kind, {})

    def total(self, status: str) -> int:
        return sum(counts.get(status, 0) for counts in self.by_kind.values())

    @property
    def rows(self) -> list[tuple[str, dict[str, int]]]:
        return [(kind, self.by_kind[kind]) for kind in KINDS if kind in self.by_kind]


def state_counts(*, kinds: Iterable[str], created_by=None) -> StateCounts:
    """One GROUP BY per kind (over the status index); ``created_by`` counts one person's."""
    by_kind = {}
    for kind in KINDS:
        if kind not in set(kinds):
            continue
        rows = MODELS[kind].objects.all()
        if created_by is not None:
            rows = rows.filter(created_by=created_by)
        counted = dict(
            rows.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n")
        )
        by_kind[kind] = {status: counted.get(status, 0) for status in Status.values}
    return StateCounts(by_kind)


# --- the filters' choices ----------------------------------------------------------------


def _waiting(kinds: Iterable[str], column: str) -> Q:
    """Rows for which some submitted item of ``kinds`` has ``column`` = their pk: an
    EXISTS per kind, each a probe of an index that starts (status, column)."""
    found = [
        Exists(MODELS[kind].objects.filter(status=Status.SUBMITTED, **{column: OuterRef("pk")}))
        for kind in KINDS
        if kind in set(kinds)
    ]
    return reduce(operator.or_, found) if found else Q(pk__in=[])


def articles_waiting(kinds: Iterable[str]) -> QuerySet[Article]:
    """The articles with work waiting for review, by title."""
    return (
        Article.objects.filter(_waiting(kinds, "article"))
        .only("id", "title")
        .order_by("title", "id")
    )


def newest_articles_waiting(kinds: Iterable[str], limit: int) -> QuerySet:
    """(id, title) of the ``limit`` newest articles (the highest ids) with work waiting.
    Each kind's part walks its (status, article) index down from the newest and stops at
    ``limit`` articles: the cost is the same however long the queue is."""
    newest = [
        Q(
            pk__in=MODELS[kind]
            .objects.filter(status=Status.SUBMITTED)
            .order_by("-article_id")
            .values("article_id")
            .distinct()[:limit]
        )
        for kind in KINDS
        if kind in set(kinds)
    ]
    if not newest:
        return Article.objects.none().values_list("id", "title")
    return (
        Article.objects.filter(reduce(operator.or_, newest))
        .order_by("-id")
        .values_list("id", "title")[:limit]
    )


def annotators_waiting(kinds: Iterable[str]) -> QuerySet:
    """The people whose work waits for review, by user name."""
    return get_user_model().objects.filter(_waiting(kinds, "created_by")).order_by("username")
