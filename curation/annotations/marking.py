"""Marking several mentions in one write, from the API: each item is placed as the
workspace places a selection (``pre_annotations.placed``) and becomes a mention of its
entity, a draft of the person whose token sent it, under every rule a mention marked by
hand is (``services.mentions_create_many``). Each item succeeds or fails on its own,
with a reason and its index."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser

from curation.annotations import services
from curation.annotations.models import Entity
from curation.annotations.pre_annotations import ItemProblem, ItemResult, Placement, placed
from curation.articles.models import Article


def mentions_mark(
    *, article: Article, items: Sequence[tuple[Placement, int]], created_by: AbstractBaseUser
) -> list[ItemResult]:
    """Mark each (placement, entity id); one result per item, in order: ``created``,
    ``already`` (that entity is marked on that span) or ``failed``."""
    entities = Entity.objects.in_bulk({entity_id for _, entity_id in items})
    results: dict[int, ItemResult] = {}
    spans, placed_indexes = [], []
    for index, (place, entity_id) in enumerate(items):
        try:
            if entity_id not in entities:
                raise ItemProblem(
                    f"There is no entity {entity_id}. Look it up with GET /entities, or "
                    "send the name as a pre-annotation (POST /articles/{id}/mentions).",
                    field="entity",
                )
            spans.append((placed(article.body, place, one_paragraph=True), entities[entity_id]))
        except ItemProblem as problem:
            results[index] = ItemResult(
                index, "failed", message=problem.message, field=problem.field
            )
        else:
            placed_indexes.append(index)
    outcomes = services.mentions_create_many(article=article, spans=spans, created_by=created_by)
    for index, outcome in zip(placed_indexes, outcomes, strict=True):
        if outcome.refusal:
            results[index] = ItemResult(index, "failed", message=outcome.refusal, field="quote")
        else:
            status = "created" if outcome.created else "already"
            results[index] = ItemResult(index, status, outcome.mention_id)
    return [results[index] for index in range(len(items))]
