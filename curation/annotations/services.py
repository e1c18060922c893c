"""Writes for entities, aliases and mentions. Views call these; nothing else writes."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F
from simple_history.utils import bulk_update_with_history

from curation.annotations.gazetteer import normalise_alias
from curation.annotations.models import (
    Alias,
    DismissedSuggestion,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Participant,
)
from curation.annotations.spans import SpanError, anchor, snap_to_words
from curation.articles.models import Article
from curation.temporal import parse_date_input, validate


class AnnotationError(ValueError):
    """A write that can't be done, with a message for the editor."""


ALIAS_MAX_LENGTH = Alias._meta.get_field("text").max_length


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
    same = Entity.objects.filter(name__iexact=name, kind=kind).order_by("pk").first()
    if same is not None:  # a double submit, or two editors creating the same one
        return same
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


@transaction.atomic
def entity_update(*, entity: Entity, changes: dict, changed_by: AbstractBaseUser) -> Entity:
    """Rename or describe an entity. A former name becomes an alias, so the gazetteer
    still finds the old spelling."""
    # As stored: a ModelForm has already set the new values on the instance.
    old_name = Entity.objects.filter(pk=entity.pk).values_list("name", flat=True).first()
    for field, value in changes.items():
        setattr(entity, field, value)
    entity.name = " ".join(entity.name.split())
    entity.full_clean()
    entity._history_user = changed_by
    entity.save()
    if old_name and normalise_alias(old_name) != normalise_alias(entity.name):
        alias_add(entity=entity, text=old_name)
    return entity


def alias_add(*, entity: Entity, text: str) -> Alias | None:
    """Give ``entity`` another name. Returns None when it is already its name or alias."""
    text = " ".join(text.split())
    normalised = normalise_alias(text)
    if not normalised:
        raise AnnotationError("An alias needs some text.")
    if len(text) > ALIAS_MAX_LENGTH or len(normalised) > ALIAS_MAX_LENGTH:
        raise AnnotationError(f"An alias is a name: at most {ALIAS_MAX_LENGTH} characters.")
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
    it selected, checked against the body. The span is snapped to whole words, as the
    popover showed it. When the text differs from the entity's name, it becomes one of
    its aliases.
    """
    try:
        anchor(article.body, start, end, quote=quote)
        span = anchor(article.body, *snap_to_words(article.body, start, end))
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
    _learn_alias(entity, span.quote)
    return mention


def _learn_alias(entity: Entity, text: str) -> None:
    """Marked text that differs from the entity's name becomes an alias, if it is
    name-sized; a long passage marked as an entity is not a name for it."""
    if len(text) <= ALIAS_MAX_LENGTH:
        try:
            alias_add(entity=entity, text=text)
        except AnnotationError:
            pass


@transaction.atomic
def mention_create_for_new_entity(
    *,
    article: Article,
    start: int,
    end: int,
    name: str,
    kind: EntityKind,
    created_by: AbstractBaseUser,
    quote: str | None = None,
) -> Mention:
    """Create the entity and mark the text, both or neither."""
    entity = entity_create(name=name, kind=kind, created_by=created_by)
    return mention_create(
        article=article, start=start, end=end, entity=entity, quote=quote, created_by=created_by
    )


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
    try:
        with transaction.atomic():
            mention.save(update_fields=["entity", "updated_at"])
    except IntegrityError:  # someone marked the same span as this entity meanwhile
        raise AnnotationError(
            f"“{mention.quote}” is already marked as {entity.name} here."
        ) from None
    _learn_alias(entity, mention.quote)
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
    locked = Entity.objects.select_for_update().in_bulk([survivor.pk, merged.pk])
    if len(locked) < 2:
        raise AnnotationError(
            "One of these entities was just merged or deleted. Reload the "
            "page to see where things stand."
        )
    survivor, merged = locked[survivor.pk], locked[merged.pk]
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
    # What was dismissed for the merged entity stays dismissed for the survivor.
    for dismissal in DismissedSuggestion.objects.filter(entity=merged):
        DismissedSuggestion.objects.get_or_create(
            article_id=dismissal.article_id,
            entity=survivor,
            normalised=dismissal.normalised,
            defaults={"dismissed_by_id": dismissal.dismissed_by_id},
        )
    DismissedSuggestion.objects.filter(entity=merged).delete()
    _move_event_roles(survivor=survivor, merged=merged, merged_by=merged_by)
    merged._history_user = merged_by
    merged.delete()
    return survivor


def _move_event_roles(*, survivor: Entity, merged: Entity, merged_by: AbstractBaseUser) -> None:
    """The merged entity's part in events (participant, location) passes to the survivor."""
    reason = f"entity {merged.pk} merged into {survivor.pk}"
    for participant in Participant.objects.filter(entity=merged):
        if Participant.objects.filter(
            event_id=participant.event_id, entity=survivor, role=participant.role
        ).exists():
            participant._history_user = merged_by
            participant.delete()
        else:
            participant.entity = survivor
            participant._history_user = merged_by
            participant._change_reason = reason
            participant.save(update_fields=["entity"])
    for event in Event.objects.filter(location=merged):
        event.location = survivor
        event._history_user = merged_by
        event._change_reason = reason
        event.save(update_fields=["location", "updated_at"])


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


# --- events ------------------------------------------------------------------------------


def _checked_headline(headline: str) -> str:
    headline = " ".join(headline.split())
    if not headline:
        raise AnnotationError("Give the event a one-line headline in your own words.")
    return headline


def _checked_date(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        return validate(value)
    except ValueError as error:
        raise AnnotationError(str(error)) from None


@transaction.atomic
def event_create(
    *,
    article: Article,
    start: int,
    end: int,
    event_type: EventType,
    headline: str,
    created_by: AbstractBaseUser,
    date: str = "",
    date_span: tuple[int, int] | None = None,
    location: Entity | None = None,
    participants: list[tuple[Entity, str]] = (),
    notes: str = "",
    quote: str | None = None,
) -> Event:
    """Record an event reported by body[start:end] (snapped to whole words). ``date`` is
    EDTF (checked here); ``date_span`` is where in the body it was found, kept only if
    that phrase resolves to ``date``. ``participants`` are (entity, role) pairs."""
    try:
        anchor(article.body, start, end, quote=quote)
        span = anchor(article.body, *snap_to_words(article.body, start, end))
    except SpanError as error:
        raise AnnotationError(str(error)) from None
    headline = _checked_headline(headline)
    date = _checked_date(date)
    date_text, date_span = _date_source(article, date, date_span)
    event = Event.objects.create(
        article=article,
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        event_type=event_type,
        headline=headline,
        notes=notes,
        date=date,
        date_text=date_text,
        date_start=date_span[0] if date_span else None,
        date_end=date_span[1] if date_span else None,
        location=location,
        created_by=created_by,
    )
    _set_participants(event, participants)
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    changed_by: AbstractBaseUser,
    event_type: EventType,
    headline: str,
    date: str,
    date_text: str = "",
    location: Entity | None = None,
    participants: list[tuple[Entity, str]] = (),
    notes: str = "",
) -> Event:
    headline = _checked_headline(headline)
    new_date = _checked_date(date)
    if new_date != event.date:
        # A date typed by the editor no longer points at a phrase in the text.
        event.date_text, event.date_start, event.date_end = date_text[:200], None, None
    event.event_type, event.headline, event.date = event_type, headline, new_date
    event.location, event.notes = location, notes
    event._history_user = changed_by
    event.save()
    _set_participants(event, participants)
    return event


def _date_source(
    article: Article, date: str, date_span: tuple[int, int] | None
) -> tuple[str, tuple[int, int] | None]:
    """The phrase a date came from and its place in the body, as the server reads them:
    kept only when that phrase really resolves to the saved date."""
    if not date or date_span is None:
        return "", None
    start, end = date_span
    if not (0 <= start < end <= len(article.body)) or end - start > 200:
        return "", None
    phrase = article.body[start:end]
    if parse_date_input(phrase, article.published_on) != date:
        return "", None
    return phrase, (start, end)


def _set_participants(event: Event, participants: list[tuple[Entity, str]]) -> None:
    wanted = {(entity.pk, role) for entity, role in participants}
    existing = {(p.entity_id, p.role): p for p in event.participants.all()}
    for key, participant in existing.items():
        if key not in wanted:
            participant.delete()
    for entity_id, role in wanted - set(existing):
        Participant.objects.create(event=event, entity_id=entity_id, role=role)


def event_delete(*, event: Event, deleted_by: AbstractBaseUser) -> None:
    event._history_user = deleted_by
    event.delete()
