"""Writes for entities, aliases and mentions. Views call these; nothing else writes."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F
from simple_history.utils import bulk_update_with_history

from curation.annotations.gazetteer import normalise_alias
from curation.annotations.models import Alias, DismissedSuggestion, Entity, EntityKind, Mention
from curation.annotations.spans import SpanError, anchor
from curation.articles.models import Article


class AnnotationError(ValueError):
    """A write that can't be done, with a message for the editor."""


def entity_create(
    *,
    name: str,
    kind: EntityKind,
    created_by: AbstractBaseUser,
    description: str = "",
    wikidata_id: str = "",
) -> Entity:
    name = " ".join(name.split())
    if not name:
        raise AnnotationError("An entity needs a name.")
    entity = Entity(
        name=name,
        kind=kind,
        description=description,
        wikidata_id=wikidata_id,
        created_by=created_by,
    )
    entity.full_clean()
    entity.save()
    return entity


def alias_add(*, entity: Entity, text: str) -> Alias | None:
    """Give ``entity`` another name. Returns None when it is already its name or alias."""
    text = " ".join(text.split())
    normalised = normalise_alias(text)
    if not normalised:
        raise AnnotationError("An alias needs some text.")
    if normalised == normalise_alias(entity.name):
        return None
    alias, created = Alias.objects.get_or_create(
        entity=entity, normalised=normalised, defaults={"text": text}
    )
    return alias if created else None


def alias_delete(*, alias: Alias) -> None:
    alias.delete()


@transaction.atomic
def mention_create(
    *,
    article: Article,
    start: int,
    end: int,
    entity: Entity,
    created_by: AbstractBaseUser,
    quote: str | None = None,
) -> Mention:
    """Mark body[start:end] as a mention of ``entity``.

    The server computes the quote and context; ``quote`` is what the browser believed
    it selected, checked against the body. When the text differs from the entity's
    name, it becomes one of its aliases.
    """
    try:
        span = anchor(article.body, start, end, quote=quote)
    except SpanError as error:
        raise AnnotationError(str(error)) from None
    mention = Mention(
        article=article,
        entity=entity,
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        created_by=created_by,
    )
    try:
        with transaction.atomic():
            mention.save()
    except IntegrityError:
        raise AnnotationError(f"“{span.quote}” is already marked as {entity.name} here.") from None
    alias_add(entity=entity, text=span.quote)
    return mention


@transaction.atomic
def mention_relink(*, mention: Mention, entity: Entity, changed_by: AbstractBaseUser) -> Mention:
    if entity.pk == mention.entity_id:
        return mention
    if Mention.objects.filter(
        article=mention.article_id, start=mention.start, end=mention.end, entity=entity
    ).exists():
        raise AnnotationError(f"“{mention.quote}” is already marked as {entity.name} here.")
    mention.entity = entity
    mention._history_user = changed_by
    mention.save(update_fields=["entity", "updated_at"])
    alias_add(entity=entity, text=mention.quote)
    return mention


def mention_delete(*, mention: Mention, deleted_by: AbstractBaseUser) -> None:
    mention._history_user = deleted_by
    mention.delete()


@transaction.atomic
def entity_merge(*, survivor: Entity, merged: Entity, merged_by: AbstractBaseUser) -> Entity:
    """Move every mention and alias of ``merged`` to ``survivor`` and delete ``merged``.
    Its name becomes an alias of the survivor. All or nothing."""
    if survivor.pk == merged.pk:
        raise AnnotationError("An entity can't be merged into itself.")
    survivor = Entity.objects.select_for_update().get(pk=survivor.pk)
    merged = Entity.objects.select_for_update().get(pk=merged.pk)
    # A span marked as both entities would become a duplicate: keep the survivor's.
    Mention.objects.filter(
        entity=merged,
        article__mentions__entity=survivor,
        article__mentions__start=F("start"),
        article__mentions__end=F("end"),
    ).delete()
    moved = list(Mention.objects.filter(entity=merged))
    for mention in moved:
        mention.entity = survivor
    bulk_update_with_history(
        moved,
        Mention,
        ["entity"],
        default_user=merged_by,
        default_change_reason=f"entity {merged.pk} merged into {survivor.pk}",
    )
    for alias in merged.aliases.all():
        alias_add(entity=survivor, text=alias.text)
    alias_add(entity=survivor, text=merged.name)
    DismissedSuggestion.objects.filter(entity=merged).delete()
    merged._history_user = merged_by
    merged.delete()
    return survivor


def suggestion_dismiss(
    *, article: Article, entity: Entity, text: str, dismissed_by: AbstractBaseUser
) -> None:
    DismissedSuggestion.objects.get_or_create(
        article=article,
        entity=entity,
        normalised=normalise_alias(text),
        defaults={"dismissed_by": dismissed_by},
    )


@transaction.atomic
def suggestions_accept(*, article: Article, suggestions, created_by: AbstractBaseUser) -> int:
    """Accept every suggestion (from selectors.suggestions_for) as a mention. Returns how
    many were accepted; one that became invalid meanwhile is skipped."""
    accepted = 0
    for suggestion in suggestions:
        try:
            mention_create(
                article=article,
                start=suggestion.start,
                end=suggestion.end,
                entity=suggestion.entity,
                created_by=created_by,
            )
        except AnnotationError:
            continue
        accepted += 1
    return accepted
