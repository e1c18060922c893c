"""Reads for the workspace: its text, side panel, suggestions and drafts. The entities'
own reads (search, directory, where a merged one went) are in entity_reads, the events'
(their list, the event form's choices) in event_reads."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from curation.annotations import known_names
from curation.annotations.gazetteer import Gazetteer, GazetteerMatch, normalise_alias
from curation.annotations.models import (
    Alias,
    DismissedSuggestion,
    Entity,
    Event,
    Mention,
    Status,
    event_sort_key,
)
from curation.annotations.spans import Span, paragraph_bounds, paragraphs
from curation.annotations.suggested import Decision, SuggestedEvent, SuggestedMention
from curation.articles.models import Article
from curation.compiled_queries import rows_with

# The side panel lists this many entities, most mentioned first, until someone asks for
# every one: a document of 5,000 names can name 4,000 entities.
PANEL_ROWS = 100


def article_mentions(article: Article) -> list[Mention]:
    """The article's mentions with what the workspace shows of their entities (only those
    fields: an article can have a thousand mentions). Orphans, which have no place in
    the text, are left out (``article_orphans``)."""
    return list(
        Mention.objects.filter(article=article, start__isnull=False)
        .select_related("entity__kind")
        .only(
            "start", "end", "article_id", "entity__name", "entity__kind__slug", "entity__kind__name"
        )
        .order_by("start", "-end", "id")
    )


@dataclass(frozen=True, slots=True)
class EntityCount:
    """A row of the workspace's side panel: flat, because an article can name hundreds."""

    id: int
    name: str
    kind_slug: str
    count: int


def entity_counts(mentions: list[Mention] | list[MarkedText]) -> list[EntityCount]:
    """The entities mentioned, most mentioned first, from mentions already loaded."""
    counts = Counter(mention.entity_id for mention in mentions)
    entities = {}
    for mention in mentions:
        if mention.entity_id not in entities:
            entities[mention.entity_id] = (
                (mention.entity_name, mention.kind_slug)
                if isinstance(mention, MarkedText)
                else (mention.entity.name, mention.entity.kind.slug)
            )
    rows = [
        EntityCount(entity_id, name, kind_slug, counts[entity_id])
        for entity_id, (name, kind_slug) in entities.items()
    ]
    return sorted(rows, key=_panel_order)


def _panel_order(row: EntityCount) -> tuple:
    # The id settles ties, so that a row changed alone lands where a full render puts it.
    return (-row.count, row.name.casefold(), row.id)


def article_entity_counts(article: Article) -> list[EntityCount]:
    """The side panel's rows, in its order, from one aggregate query (no mention loaded),
    compiled once: every change in the workspace asks for them."""
    rows = rows_with("article_entity_counts", _entity_count_rows, article_id=article.pk)
    return sorted((EntityCount(*row) for row in rows), key=_panel_order)


def _entity_count_rows(article_id: int) -> QuerySet:
    return (
        Mention.objects.filter(article_id=article_id, start__isnull=False)
        .order_by()
        .values_list("entity_id", "entity__name", "entity__kind__slug")
        .annotate(count=Count("id"))
    )


@dataclass(frozen=True, slots=True)
class PanelUpdate:
    """What a change does to the side panel, row by row: the rows to take out (that were
    listed), then the rows to put in, each before the row of ``before`` (None: at the end
    of the list). Inserting them in the order given keeps the panel's order, because
    each one's successor is then already in place. ``hidden_count``: how many rows the
    page now leaves out (``limit``)."""

    mention_count: int
    removed: list[int]
    inserted: list[tuple[EntityCount, int | None]]
    emptiness_changed: bool  # the list became empty, or stopped being empty
    hidden_count: int = 0
    hidden_count_changed: bool = False


def panel_update(
    rows: list[EntityCount],
    changes: dict[int, int],
    *,
    limit: int | None = None,
    gone: dict[int, EntityCount] | None = None,
) -> PanelUpdate:
    """``rows``: the panel after the change (article_entity_counts); ``changes``: how many
    mentions each changed entity gained (or lost, negative); ``limit``: how many rows
    the page lists (None: every one); ``gone``: the rows, as they were, of the changed
    entities that no longer have one (``gone_rows``).

    The page listed the first ``limit`` rows of the panel before the change; it lists
    the first ``limit`` after it. Rows that left that window, or changed, are taken out;
    rows that entered it, or changed, are put in."""
    gone = gone or {}
    gone_counts = gone_ids(changes, rows)
    if limit is not None and any(i not in gone for i in gone_counts):
        raise ValueError("a row gone from a panel that lists only its first rows needs gone")
    # Where the page lists every row, a row gone was listed, wherever it stood.
    before = [
        EntityCount(row.id, row.name, row.kind_slug, row.count - changes.get(row.id, 0))
        for row in rows
    ] + [gone.get(i) or EntityCount(i, "", "", count) for i, count in gone_counts.items()]
    before = sorted((row for row in before if row.count > 0), key=_panel_order)
    listed_before = [row.id for row in before[:limit]]
    listed = rows[:limit]
    listed_ids = {row.id for row in listed}
    removed = [i for i in listed_before if i in changes or i not in listed_ids]
    staying = set(listed_before) - set(removed)
    inserted = []
    for index in reversed(range(len(listed))):
        if listed[index].id not in staying:
            following = listed[index + 1].id if index + 1 < len(listed) else None
            inserted.append((listed[index], following))
    mention_count = sum(row.count for row in rows)
    count_before = mention_count - sum(changes.values())
    return PanelUpdate(
        mention_count,
        removed,
        inserted,
        (mention_count == 0) != (count_before == 0),
        hidden_count=len(rows) - len(listed),
        hidden_count_changed=len(rows) - len(listed) != len(before) - len(listed_before),
    )


def gone_ids(changes: dict[int, int], rows: list[EntityCount]) -> dict[int, int]:
    """The entities the change left with no mention in the article, with how many they
    had."""
    listed = {row.id for row in rows}
    return {i: -change for i, change in changes.items() if change < 0 and i not in listed}


def gone_rows(changes: dict[int, int], rows: list[EntityCount]) -> dict[int, EntityCount]:
    """The panel rows, as they were before the change, of the entities it left with no
    mention in the article: their place in the list needs their names (one query)."""
    gone = gone_ids(changes, rows)
    if not gone:
        return {}
    names = Entity.objects.filter(pk__in=gone).values_list("pk", "name", "kind__slug")
    found = {pk: EntityCount(pk, name, kind, gone[pk]) for pk, name, kind in names}
    # An entity deleted meanwhile has no name: its row is placed as if its name came first.
    return {pk: found.get(pk) or EntityCount(pk, "", "", count) for pk, count in gone.items()}


@dataclass(frozen=True)
class Suggestion:
    """A known name found where nothing is marked. ``entities`` holds the entity it names,
    or several when the text is a name or alias of each: an ambiguous suggestion, which
    the editor settles by choosing one."""

    start: int
    end: int
    text: str
    entities: tuple[Entity, ...]

    @property
    def entity(self) -> Entity | None:
        """The entity suggested; None when the text names several."""
        return self.entities[0] if len(self.entities) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.entities) > 1

    @property
    def key(self) -> str:
        """The page's handle on it: "start-end-entity", or "12-17-3.8" when ambiguous."""
        return f"{self.start}-{self.end}-{'.'.join(str(e.pk) for e in self.entities)}"

    @property
    def choices(self) -> list[tuple[int, str]]:
        """(id, label) for each entity: "Hezbollah (Group)", with the id as well when two
        of them have the same name and kind."""
        labels = []
        for entity in self.entities:
            label = f"{entity.name} ({entity.kind.name})"
            if any(
                other.pk != entity.pk
                and other.kind_id == entity.kind_id
                and other.name.casefold() == entity.name.casefold()
                for other in self.entities
            ):
                label = f"{entity.name} ({entity.kind.name}, #{entity.pk})"
            labels.append((entity.pk, label))
        return labels

    @property
    def label(self) -> str:
        """What it suggests: "Hezbollah (Group)", or "Axios (Organisation) or Hezbollah
        (Group)"."""
        labels = [label for _, label in self.choices]
        return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def text_paragraphs(
    article: Article,
    mentions: list[Mention] | list[MarkedText],
    suggestions: list[Suggestion] = (),
    events: list[Event] | list[EventSpan] = (),
    *,
    bounds: list[tuple[int, int]] | None = None,
    tagged: list[SuggestedMention] = (),
):
    spans = [Span(m.start, m.end, ("mention", m)) for m in mentions]
    spans += [Span(s.start, s.end, ("suggestion", s)) for s in suggestions]
    spans += [Span(e.start, e.end, ("event", e)) for e in events]
    spans += [Span(t.start, t.end, ("tagged", t)) for t in tagged]
    return paragraphs(article.body, spans, bounds=bounds)


def suggestions_for(article: Article, mentions: list[Mention]) -> list[Suggestion]:
    """Known names found in the article where nothing is marked yet, less dismissed ones.
    A text that is a name or alias of several entities is one suggestion of them all."""
    body = article.body
    matches = _names_found(body, [(m.start, m.end) for m in mentions], [(0, len(body))])
    return _suggestions(_not_dismissed(matches, _dismissals(article)))


def _names_found(
    body: str, marked: list[tuple[int, int]], ranges: list[tuple[int, int]]
) -> list[GazetteerMatch]:
    """The gazetteer's matches in each range of the body (the whole body, or paragraphs)
    that overlap no marked span. A match never crosses a paragraph break, and the choice
    between overlapping matches is made within a paragraph, so searching a paragraph alone
    finds what searching the whole body finds in it."""
    names = known_names.gazetteer()
    found = []
    for range_start, range_end in ranges:
        taken = bytearray(range_end - range_start)
        for start, end in marked:
            if start < range_end and range_start < end:
                start, end = max(start, range_start), min(end, range_end)
                taken[start - range_start : end - range_start] = b"\x01" * (end - start)
        for match in names.find(body[range_start:range_end], taken=taken):
            if range_start:
                match = GazetteerMatch(
                    match.start + range_start, match.end + range_start, match.text, match.entity_ids
                )
            found.append(match)
    return found


def _dismissals(article: Article) -> set[tuple[int, str]]:
    return set(
        DismissedSuggestion.objects.filter(article=article).values_list("entity_id", "normalised")
    )


def _not_dismissed(
    matches: list[GazetteerMatch], dismissed: set[tuple[int, str]]
) -> list[tuple[GazetteerMatch, tuple[int, ...]]]:
    """Each match with the entities it may still be suggested as; those with none left
    are dropped (a dismissed match still hides the shorter names inside it)."""
    if not dismissed:
        return [(match, match.entity_ids) for match in matches]
    found = []
    for match in matches:
        normalised = normalise_alias(match.text)
        entity_ids = tuple(eid for eid in match.entity_ids if (eid, normalised) not in dismissed)
        if entity_ids:
            found.append((match, entity_ids))
    return found


def _suggestions(found: list[tuple[GazetteerMatch, tuple[int, ...]]]) -> list[Suggestion]:
    entities = Entity.objects.select_related("kind").in_bulk(
        {entity_id for _, entity_ids in found for entity_id in entity_ids}
    )
    suggestions = []
    for match, entity_ids in found:
        named = [entities[eid] for eid in entity_ids if eid in entities]  # not deleted since
        if len(named) > 1:
            named.sort(key=lambda entity: (entity.name.casefold(), entity.pk))
        if named:
            suggestions.append(Suggestion(match.start, match.end, match.text, tuple(named)))
    return suggestions


# --- the article text as the workspace shows it ------------------------------------------


@dataclass(frozen=True, slots=True)
class SegmentView:
    start: int
    text: str
    # "m k-person st-draft" for a mention (its kind and review state), "sug k-group" for
    # a suggestion, "" for plain text
    css: str
    mention_ids: str  # space-separated, for the script
    entity_ids: str
    suggestion: str  # the suggestion's key, when this text is a suggestion
    suggestion_label: str  # "Hezbollah (Group)", or "Axios (Organisation) or Hezbollah (Group)"
    suggestion_choices: str  # an ambiguous suggestion's entities as JSON [[id, label], …]
    anchor: str  # "m-12" on the first segment of mention 12: the target of links and j/k
    starts: str  # the mentions that start here (several when mentions overlap)
    event_ids: str  # the events whose evidence covers this text, space-separated
    tagged: str = ""  # the id of a tagger's suggested mention here (pre_annotations)
    tagged_label: str = ""  # "Hezbollah (Group), suggested by spacy-3.8"


@dataclass(frozen=True, slots=True)
class ParagraphView:
    index: int
    start: int
    end: int
    segments: list[SegmentView]


class MarkedText(NamedTuple):
    """A mention as the workspace shows it: loading only this, as tuples, is several times
    faster than loading a thousand Mention instances with their entities (and a named
    tuple is made four times faster than a dataclass)."""

    pk: int
    start: int
    end: int
    entity_id: int
    kind_slug: str
    entity_name: str
    status: str
    created_by_id: int | None = None


def article_marks(article: Article) -> list[MarkedText]:
    """The article's mentions as the workspace shows them, in the order of article_mentions."""
    return _marks(Mention.objects.filter(article=article, start__isnull=False))


def _marks(mentions: QuerySet[Mention]) -> list[MarkedText]:
    return list(map(MarkedText._make, _mark_rows(mentions)))


def _mark_rows(mentions: QuerySet[Mention]) -> QuerySet:
    return mentions.order_by("start", "-end", "id").values_list(
        "pk",
        "start",
        "end",
        "entity_id",
        "entity__kind__slug",
        "entity__name",
        "status",
        "created_by_id",
    )


def paragraph_views(
    article: Article,
    mentions: list[Mention] | list[MarkedText],
    suggestions: list[Suggestion] = (),
    events: list[Event] | list[EventSpan] = (),
    *,
    indexes: Iterable[int] | None = None,
    bounds: list[tuple[int, int]] | None = None,
    tagged: list[SuggestedMention] = (),
) -> list[ParagraphView]:
    """The article's paragraphs as the workspace shows them, or only those at ``indexes``;
    then ``mentions``, ``suggestions`` and ``events`` need hold only what overlaps them,
    and each paragraph's view is the same as in the whole text's. ``bounds``: the body's
    paragraph_bounds, when already known."""
    if bounds is None:
        bounds = paragraph_bounds(article.body)
    chosen = range(len(bounds)) if indexes is None else sorted(set(indexes))
    selected = [bounds[index] for index in chosen]
    marks = [
        m
        if isinstance(m, MarkedText)
        else MarkedText(
            m.pk, m.start, m.end, m.entity_id, m.entity.kind.slug, m.entity.name, m.status
        )
        for m in mentions
    ]
    cut = text_paragraphs(article, marks, suggestions, events, bounds=selected, tagged=tagged)
    views = []
    for index, (start, end), segments in zip(chosen, selected, cut, strict=True):
        # A mention's first segment in the text holds its anchor: in this paragraph only
        # if it starts after the previous paragraph.
        previous_end = bounds[index - 1][1] if index else -1
        seen: set[int] = set()
        views.append(
            ParagraphView(
                index, start, end, [_segment_view(s, seen, previous_end) for s in segments]
            )
        )
    return views


def _segment_view(segment, seen_mentions: set[int], previous_end: int) -> SegmentView:
    if not segment.keys:  # plain text: about half of all segments
        return SegmentView(segment.start, segment.text, "", "", "", "", "", "", "", "", "")
    events = [item for kind, item in segment.keys if kind == "event"]
    mentions = [item for kind, item in segment.keys if kind == "mention"]
    suggestions = [item for kind, item in segment.keys if kind == "suggestion"]
    tagged = [item for kind, item in segment.keys if kind == "tagged"]
    tagged = tagged[:1] if not mentions and not suggestions else []
    starting = []
    for mention in mentions:
        if mention.pk not in seen_mentions:
            seen_mentions.add(mention.pk)
            if mention.start >= previous_end:
                starting.append(mention.pk)
    anchor = f"m-{starting[0]}" if starting else ""
    suggestion = suggestions[0] if suggestions and not mentions else None
    if mentions:
        kinds = dict.fromkeys(f"k-{m.kind_slug}" for m in mentions)
        states = dict.fromkeys(f"st-{m.status}" for m in mentions)
        depth = " deep" if len(mentions) > 1 else ""
        css = "m " + " ".join(kinds) + " " + " ".join(states) + depth
    elif suggestions:
        first = suggestions[0]
        css = "sug ambiguous" if first.ambiguous else f"sug k-{first.entity.kind.slug}"
    elif tagged:
        css = f"sug tagged k-{tagged[0].kind_slug}"
    else:
        css = ""
    if events:
        css = f"{css} ev".strip()
    return SegmentView(
        start=segment.start,
        text=segment.text,
        css=css,
        mention_ids=" ".join(str(m.pk) for m in mentions),
        entity_ids=" ".join(dict.fromkeys(str(m.entity_id) for m in mentions)),
        suggestion=suggestion.key if suggestion else "",
        suggestion_label=suggestion.label if suggestion else "",
        suggestion_choices=(
            json.dumps(suggestion.choices, ensure_ascii=False)
            if suggestion and suggestion.ambiguous
            else ""
        ),
        anchor=anchor,
        starts=" ".join(map(str, starting)),
        event_ids=" ".join(str(event.pk) for event in events),
        tagged=str(tagged[0].pk) if tagged else "",
        tagged_label=tagged[0].label_in_text if tagged else "",
    )


def paragraphs_touching(
    views: list[ParagraphView], start: int | None, end: int | None
) -> list[ParagraphView]:
    if start is None:  # an orphan: its words are gone from the text
        return []
    return [view for view in views if view.start < end and start < view.end]


# --- what a change sends back: only what it touched ------------------------------------


@dataclass(frozen=True, slots=True)
class TextUpdate:
    """The paragraphs a change touched, as the workspace shows them; while suggestions
    are shown, also how many there are now, and how many of them need a choice."""

    paragraphs: list[ParagraphView]
    suggestion_count: int = 0
    needs_choice: int = 0


def text_update(
    article: Article,
    *,
    start: int | None,
    end: int | None,
    suggesting: bool,
    marked_as: int | None = None,
    dismissed: tuple[str, Iterable[int]] | None = None,
) -> TextUpdate:
    """The paragraphs that a change within [start, end) touches, each computed from only
    the mentions, events and suggestions that overlap it, in a constant number of queries.

    While suggestions are shown, a change can alter them in other paragraphs too, and
    those are added: where a name that the change taught the desk is found (when the
    text was just ``marked_as`` an entity: the text, if it became the entity's alias;
    the entity's name, if the entity is new), and where a dismissed text was suggested
    (``dismissed``: its normalised form, and the entity ids it was dismissed as).

    A change to an orphan (``start`` None: its words are gone) touches no paragraph."""
    body = article.body
    bounds = paragraph_bounds(body)
    indexes = set()
    if start is None:
        marked_as = None  # it taught the desk no name of the text either
    else:
        indexes = {index for index, (s, e) in enumerate(bounds) if s < end and start < e}
    found: list[tuple[GazetteerMatch, tuple[int, ...]]] = []
    counts = {}
    if suggesting:
        taught = _names_taught(article, start, end, marked_as) if marked_as else []
        marked = list(
            Mention.objects.filter(article=article, start__isnull=False).values_list("start", "end")
        )
        matches = _names_found(body, marked, [(0, len(body))])
        starts = [paragraph_start for paragraph_start, _ in bounds]
        for match in _matches_changed(matches, taught, dismissed):
            indexes.add(bisect_right(starts, match.start) - 1)
        shown = _not_dismissed(matches, _dismissals(article))
        counts = {
            "suggestion_count": len(shown),
            "needs_choice": sum(len(entity_ids) > 1 for _, entity_ids in shown),
        }
        found = [
            (match, entity_ids)
            for match, entity_ids in shown
            if bisect_right(starts, match.start) - 1 in indexes
        ]
    ranges = _joined_ranges(bounds, indexes)
    views = paragraph_views(
        article,
        mentions_overlapping(article, ranges),
        _suggestions(found) if found else [],
        events_overlapping(article, ranges),
        indexes=indexes,
        bounds=bounds,
        tagged=tagged_mentions(article, ranges),
    )
    return TextUpdate(views, **counts)


def _names_taught(article: Article, start: int, end: int, entity_id: int) -> list[tuple[str, int]]:
    """(text, entity id) for each name that marking body[start:end] as the entity may just
    have added to the gazetteer: the text, if it became an alias in that change (the
    alias is saved after the mention it comes from, in the same transaction), and the
    entity's name, if no other mention of it exists (it may have just been created).
    A name known already would only bring back suggestions that are shown as they were."""
    text = article.body[start:end]
    this_mention = Mention.objects.filter(
        article=article, start=start, end=end, entity=OuterRef("entity")
    )
    entity = (
        Entity.objects.filter(pk=entity_id)
        .annotate(
            alias_learnt=Exists(
                Alias.objects.filter(
                    entity=OuterRef("pk"),
                    normalised=normalise_alias(text),
                    created_at__gte=Subquery(this_mention.values("updated_at")[:1]),
                )
            ),
            mentioned_elsewhere=Exists(
                Mention.objects.filter(entity=OuterRef("pk")).exclude(
                    article=article, start=start, end=end
                )
            ),
        )
        .values("name", "alias_learnt", "mentioned_elsewhere")
        .first()
    )
    if entity is None:
        return []
    taught = [(text, entity_id)] if entity["alias_learnt"] else []
    if not entity["mentioned_elsewhere"]:
        taught.append((entity["name"], entity_id))
    return taught


def _matches_changed(
    matches: list[GazetteerMatch],
    taught: Iterable[tuple[str, int]],
    dismissed: tuple[str, Iterable[int]] | None,
):
    """The matches a change may have altered: those of a taught name as its entity (a
    name that was known already only re-sends what was shown), and those of a dismissed
    text as an entity it was dismissed as."""
    names = [(Gazetteer([(text, entity_id)]), entity_id) for text, entity_id in taught]
    if dismissed is not None:
        dismissed_text, dismissed_ids = dismissed[0], set(dismissed[1])
    for match in matches:
        if dismissed is not None and dismissed_ids.intersection(match.entity_ids):
            if normalise_alias(match.text) == dismissed_text:
                yield match
                continue
        for name, entity_id in names:
            whole = len(match.text)
            if entity_id in match.entity_ids and any(
                found.start == 0 and found.end == whole for found in name.find(match.text)
            ):
                yield match
                break


def _joined_ranges(bounds: list[tuple[int, int]], indexes: Iterable[int]) -> list[tuple[int, int]]:
    """The stretches of the body that the paragraphs at ``indexes`` cover, neighbours joined."""
    ranges: list[tuple[int, int]] = []
    previous = None
    for index in sorted(indexes):
        start, end = bounds[index]
        if ranges and previous == index - 1:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
        previous = index
    return ranges


def _overlapping(ranges: list[tuple[int, int]]) -> Q:
    condition = Q()
    for start, end in ranges:
        condition |= Q(start__lt=end, end__gt=start)
    return condition


def _range_names(ranges: list[tuple[int, int]]) -> dict[str, int]:
    """The ranges' bounds as the named integers of a compiled query (``rows_with``)."""
    named = {}
    for n, (start, end) in enumerate(ranges):
        named[f"start_{n}"], named[f"end_{n}"] = start, end
    return named


def _rows_overlapping(
    key: str,
    rows: Callable[[QuerySet], QuerySet],
    model,
    article: Article,
    ranges: list[tuple[int, int]],
    **more,
) -> list[tuple]:
    """``rows(the article's objects of model overlapping any of ranges)``, a values_list
    query. Every change in the workspace reads what overlaps its paragraphs: compiled
    once per process for each number of ranges (``rows_with``)."""

    def build(article_id: int, **named: int) -> QuerySet:
        bounds = [(named[f"start_{n}"], named[f"end_{n}"]) for n in range(len(ranges))]
        return rows(model.objects.filter(_overlapping(bounds), article_id=article_id, **more))

    return rows_with((key, len(ranges)), build, article_id=article.pk, **_range_names(ranges))


def mentions_overlapping(article: Article, ranges: list[tuple[int, int]]) -> list[MarkedText]:
    """The mentions that overlap any of ``ranges``, in the order of article_mentions."""
    if not ranges:
        return []
    rows = _rows_overlapping("mentions_overlapping", _mark_rows, Mention, article, ranges)
    return list(map(MarkedText._make, rows))


class EventSpan(NamedTuple):
    """An event as the text shows it: where its evidence is, and its date for the order."""

    pk: int
    start: int
    end: int
    date: str

    @property
    def sort_key(self):
        return event_sort_key(self.date, self.pk)


def events_overlapping(article: Article, ranges: list[tuple[int, int]]) -> list[EventSpan]:
    """The events whose evidence overlaps any of ``ranges``, with only what the text
    shows of them, in the order of article_events."""
    if not ranges:
        return []
    rows = _rows_overlapping(
        "events_overlapping",
        lambda events: events.order_by().values_list("pk", "start", "end", "date"),
        Event,
        article,
        ranges,
    )
    return sorted(map(EventSpan._make, rows), key=lambda event: event.sort_key)


def tagged_mentions(
    article: Article, ranges: list[tuple[int, int]] | None = None
) -> list[SuggestedMention]:
    """The mentions taggers suggested (pre_annotations) that wait for an editor and still
    sit on their words (a correction may have moved the text under them), in the whole
    text or overlapping ``ranges``. One query; in ``ranges``, a compiled query of their
    ids first, and the query of them only if there are some (there seldom are)."""
    if ranges is not None and not ranges:
        return []
    found = SuggestedMention.objects.filter(article=article, decision=Decision.OPEN)
    if ranges is not None:
        ids = _rows_overlapping(
            "tagged_overlapping",
            lambda tagged: tagged.order_by().values_list("pk"),
            SuggestedMention,
            article,
            ranges,
            decision=Decision.OPEN,
        )
        if not ids:
            return []
        found = found.filter(pk__in=[pk for (pk,) in ids])
    found = found.select_related("entity__kind", "kind").order_by("start", "-end", "pk")
    return [tagged for tagged in found if article.body[tagged.start : tagged.end] == tagged.quote]


def tagged_events(article: Article) -> list[SuggestedEvent]:
    """The events taggers suggested that wait for an editor, on their words. One query."""
    found = (
        SuggestedEvent.objects.filter(article=article, decision=Decision.OPEN)
        .select_related("event_type__parent")
        .order_by("start", "-end", "pk")
    )
    return [tagged for tagged in found if article.body[tagged.start : tagged.end] == tagged.quote]


# --- events ------------------------------------------------------------------------------


def article_orphans(article: Article) -> tuple[list[Mention], list[Event]]:
    """The article's mentions and events that lost their words in a correction: no
    offsets, their quote and context kept. Two queries."""
    mentions = Mention.objects.filter(article=article, start__isnull=True).select_related(
        "entity__kind"
    )
    events = Event.objects.filter(article=article, start__isnull=True).select_related(
        "event_type__parent"
    )
    return list(mentions.order_by("pk")), list(events.order_by("pk"))


def draft_count(article: Article, user) -> int:
    """How many mentions and events of the article are ``user``'s drafts, in one query:
    what "Submit all my drafts" would submit (not orphans: they are re-attached first)."""
    if not user.is_authenticated:
        return 0
    rows = rows_with("draft_count", _draft_counts, article_id=article.pk, user_id=user.pk)
    return sum(rows[0]) if rows else 0


def _draft_counts(article_id: int, user_id: int) -> QuerySet:
    mine = {
        "article_id": article_id,
        "created_by_id": user_id,
        "status": Status.DRAFT,
        "start__isnull": False,
    }
    return (
        Article.objects.filter(pk=article_id)
        .order_by()
        .annotate(
            draft_mentions=_count(Mention.objects.filter(**mine)),
            draft_events=_count(Event.objects.filter(**mine)),
        )
        .values_list("draft_mentions", "draft_events")
    )


def drafts_among(items: Iterable[MarkedText | Event], user) -> int:
    """How many of the loaded ``items`` (marks, events) are ``user``'s drafts: no query."""
    if not user.is_authenticated:
        return 0
    return sum(item.status == Status.DRAFT and item.created_by_id == user.pk for item in items)


def _count(rows: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(rows.order_by().values("article").annotate(n=Count("id")).values("n")), 0
    )


def drafts_of(article: Article, user) -> tuple[list[Mention], list[Event]]:
    """The user's draft mentions and events in the article, with what the workflow
    needs of them (two queries)."""
    mine = {"article": article, "created_by": user, "status": Status.DRAFT}
    return list(Mention.objects.filter(**mine)), list(Event.objects.filter(**mine))


class MentionSummary(NamedTuple):
    """What the workspace counts of an article's mentions, without reading them."""

    placed: int  # on their words
    entities: int  # named by those
    my_drafts: int  # the user's drafts among those
    orphaned: int  # whose words a correction took away


def mention_summary(article: Article, user) -> MentionSummary:
    """One query, whose cost doesn't grow with the mentions as reading them would."""
    placed = Q(start__isnull=False)
    counts = Mention.objects.filter(article=article).aggregate(
        placed=Count("pk", filter=placed),
        entities=Count("entity", filter=placed, distinct=True),
        my_drafts=Count("pk", filter=placed & Q(status=Status.DRAFT, created_by=user.pk)),
        orphaned=Count("pk", filter=Q(start__isnull=True)),
    )
    if not user.is_authenticated:
        counts["my_drafts"] = 0
    return MentionSummary(**counts)
