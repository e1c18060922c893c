"""Reads about entities: the search as one types a name, the names a new one would clash
with, the directory with its counts, an entity's mentions across articles, and where a
deleted or merged entity went (from its history)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce, Length

from curation.annotations.gazetteer import normalise_alias
from curation.annotations.labels import distinct_labels
from curation.annotations.models import Alias, Entity, Mention

AUTOCOMPLETE_LIMIT = 8


def entity_autocomplete(query: str, *, limit: int = AUTOCOMPLETE_LIMIT) -> list[Entity]:
    """Entities whose name or an alias contains the query, best first: the exact name,
    an exact alias, a name that starts with it, an alias that does, then the rest;
    shorter names first within each. Ranked in the database, before the limit."""
    query = " ".join(query.split())[:300]
    if not query:
        return []
    normalised = normalise_alias(query)
    aliases = Alias.objects.filter(entity=OuterRef("pk"))
    return list(
        Entity.objects.filter(
            Q(name__icontains=query) | Exists(aliases.filter(normalised__contains=normalised))
        )
        .annotate(
            rank=Case(
                When(name__iexact=query, then=0),
                When(Exists(aliases.filter(normalised=normalised)), then=1),
                When(name__istartswith=query, then=2),
                When(Exists(aliases.filter(normalised__startswith=normalised)), then=3),
                default=4,
            )
        )
        .select_related("kind")
        .order_by("rank", Length("name"), "name", "pk")[:limit]
    )


def entities_named(text: str, *, exclude: int | None = None) -> list[Entity]:
    """Entities already called ``text``, by their name or an alias (ignoring case, quote
    style and spacing), with ``mention_count``: what a new alias or a new entity of that
    name would clash with. ``exclude`` leaves out one entity (the one being named)."""
    normalised = normalise_alias(text)
    if not normalised:
        return []
    aliases = Alias.objects.filter(entity=OuterRef("pk"), normalised=normalised)
    found = entity_directory().filter(Q(name__iexact=" ".join(text.split())) | Exists(aliases))
    if exclude is not None:
        found = found.exclude(pk=exclude)
    return list(found.order_by("name", "pk")[:AUTOCOMPLETE_LIMIT])


# The change reason on a merged entity's deletion record: where it went.
MERGED_INTO = "merged into entity {survivor_id}"
_MERGED_INTO_RE = re.compile(r"merged into entity (\d+)")


def merged_into(entity_id: int) -> Entity | None:
    """The entity that a deleted entity was merged into, following later merges, from
    the history of its deletion. None when it was deleted without a merge, or when the
    entity it went into is gone as well."""
    seen = set()
    while entity_id not in seen and len(seen) < 20:
        seen.add(entity_id)
        reason = (
            Entity.history.filter(id=entity_id, history_type="-")
            .order_by("-history_date", "-history_id")
            .values_list("history_change_reason", flat=True)
            .first()
        )
        match = _MERGED_INTO_RE.fullmatch(reason or "")
        if match is None:
            return None
        entity_id = int(match[1])
        survivor = Entity.objects.select_related("kind").filter(pk=entity_id).first()
        if survivor is not None:
            return survivor
    return None


def deleted_entity(entity_id: int) -> Entity | None:
    """An entity that no longer exists, as it was when it was deleted (unsaved)."""
    record = (
        Entity.history.filter(id=entity_id, history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    return record.instance if record is not None else None


def whereabouts(entity: Entity) -> str:
    """Where an entity that was there a moment ago went, for the editor who still sees it:
    "Hezbollah was just merged into Hizbollah by someone else"."""
    survivor = merged_into(entity.pk)
    if survivor is None:
        return f"{entity.name} was just deleted by someone else"
    gone_label, survivor_label = distinct_labels([entity, survivor])
    return f"{gone_label} was just merged into {survivor_label} by someone else"


def entity_directory() -> QuerySet[Entity]:
    """Entities with their mention and article counts. The counts are correlated
    subqueries rather than a GROUP BY over every mention, so the database computes them
    only for the page it returns (and the row count needs no join at all)."""
    mentions = Mention.objects.filter(entity=OuterRef("pk")).order_by().values("entity")
    return Entity.objects.select_related("kind").annotate(
        mention_count=Coalesce(Subquery(mentions.annotate(n=Count("id")).values("n")), 0),
        article_count=Coalesce(
            Subquery(mentions.annotate(n=Count("article", distinct=True)).values("n")), 0
        ),
    )


@dataclass(frozen=True, slots=True)
class MentionInContext:
    mention: Mention
    before: str
    after: str


def entity_mentions(entity: Entity, *, limit: int = 200) -> list[MentionInContext]:
    """The entity's mentions across articles, with the text around each (from the stored
    prefix and suffix, so no article body is loaded)."""
    mentions = (
        Mention.objects.filter(entity=entity)
        .select_related("article__source")
        .only(
            "start",
            "end",
            "quote",
            "prefix",
            "suffix",
            "status",
            "article__title",
            "article__published_on",
            "article__source__name",
            "entity_id",
        )
        .order_by("-article__published_on", "article_id", "start")[:limit]
    )
    return [MentionInContext(m, m.prefix, m.suffix) for m in mentions]
