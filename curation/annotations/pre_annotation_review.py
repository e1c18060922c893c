"""Deciding on pre-annotations in the workspace: accepting one (through the annotation
services, so the mention or event is the editor's own draft, under every rule a mention
marked by hand is) or dismissing it. (``selectors.tagged_mentions`` and
``tagged_events`` read those that wait.)"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from curation.annotations import entity_reads, services
from curation.annotations.errors import AnnotationError, NameClash, NotAllowed
from curation.annotations.models import Entity, EntityKind
from curation.annotations.pre_annotations import DEFAULT_KIND
from curation.annotations.suggested import Decision, SuggestedEvent, SuggestedMention


def _open(model, suggestion) -> SuggestedMention | SuggestedEvent:
    """The suggestion, locked, while it still waits for an editor."""
    locked = (
        model.objects.select_for_update(of=("self",))
        .select_related("article")
        .filter(pk=suggestion.pk)
        .first()
    )
    if locked is None:
        raise AnnotationError("This suggestion is gone: its article was deleted.")
    if locked.decision != Decision.OPEN:
        who = locked.decided_by.get_username() if locked.decided_by else "someone"
        raise AnnotationError(
            f"{who} already {locked.get_decision_display().lower()} this suggestion."
        )
    return locked


def _decided(suggestion, decision: Decision, by: AbstractBaseUser, **links) -> None:
    suggestion.decision = decision
    suggestion.decided_by = by
    suggestion.decided_at = timezone.now()
    for name, value in links.items():
        setattr(suggestion, name, value)
    suggestion.save(update_fields=["decision", "decided_by", "decided_at", *links])


@dataclass(frozen=True)
class Acceptance:
    """How to accept a suggested mention: as the entity it names (the default), as
    ``entity`` (the editor's choice among several of that name), or as a new entity of
    its name even though one exists (``confirmed``)."""

    entity: Entity | None = None
    confirmed: bool = False
    learn_alias: bool = True
    may_create_entity: bool = True


@transaction.atomic
def suggested_mention_accept(
    *, suggestion: SuggestedMention, accepted_by: AbstractBaseUser, how: Acceptance = Acceptance()
):
    """Mark the suggestion's text as a mention, by ``accepted_by``. Its entity is the one
    it names; else the one entity called by its name; else a new one of its name and
    kind. NameClash when the name fits several entities (or the text is another's
    alias): the editor chooses, or confirms."""
    locked = _open(SuggestedMention, suggestion)
    article = locked.article
    entity = how.entity or locked.entity
    if entity is None and not how.confirmed:
        same = entity_reads.entities_named(locked.name)
        if len(same) == 1:
            entity = same[0]
        elif same:
            raise NameClash(
                f"The desk knows more than one “{locked.name}”. Which one is meant here?",
                entities=same,
            )
    if entity is None:
        if not how.may_create_entity:
            raise NotAllowed(
                f"The desk has no entity called “{locked.name}”, and your role can't make one."
            )
        mention = services.mention_create_for_new_entity(
            article=article,
            start=locked.start,
            end=locked.end,
            quote=locked.quote,
            name=locked.name,
            kind=locked.kind or EntityKind.objects.get(slug=DEFAULT_KIND),
            created_by=accepted_by,
            allow_same_name=how.confirmed,
            learn_alias=how.learn_alias,
        )
    else:
        mention = services.mention_create(
            article=article,
            start=locked.start,
            end=locked.end,
            quote=locked.quote,
            entity=entity,
            created_by=accepted_by,
            learn_alias=how.learn_alias,
            allow_shared_alias=how.confirmed,
        )
    _decided(locked, Decision.ACCEPTED, accepted_by, mention=mention)
    return mention


@transaction.atomic
def suggested_event_accept(*, suggestion: SuggestedEvent, accepted_by: AbstractBaseUser):
    """Record the suggested event, as a draft by ``accepted_by``. Participants deleted
    or merged away since are left out."""
    locked = _open(SuggestedEvent, suggestion)
    wanted = locked.taking_part
    entities = Entity.objects.in_bulk([entity_id for entity_id, _ in wanted])
    event = services.event_create(
        article=locked.article,
        start=locked.start,
        end=locked.end,
        quote=locked.quote,
        event_type=locked.event_type,
        headline=locked.headline,
        date=locked.date,
        location=locked.location,
        participants=[(entities[e], role) for e, role in wanted if e in entities],
        created_by=accepted_by,
    )
    _decided(locked, Decision.ACCEPTED, accepted_by, event=event)
    return event


@transaction.atomic
def suggested_dismiss(
    *, suggestion: SuggestedMention | SuggestedEvent, dismissed_by: AbstractBaseUser
) -> None:
    """“Not this”: the suggestion is kept, dismissed, so that it isn't suggested again."""
    locked = _open(type(suggestion), suggestion)
    _decided(locked, Decision.DISMISSED, dismissed_by)
