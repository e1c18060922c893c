"""Writes for entities, aliases and mentions. Views call these; nothing else writes."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from curation.annotations import entity_reads, versions, workflow
from curation.annotations.errors import AnnotationError, NameClash, NotAllowed
from curation.annotations.gazetteer import normalise_alias
from curation.annotations.models import (
    EVENT_NOTES_MAX_LENGTH,
    Alias,
    DismissedSuggestion,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Participant,
)
from curation.annotations.spans import (
    Anchor,
    SpanError,
    anchor,
    check_within_paragraph,
    snap_to_words,
)
from curation.articles.models import Article
from curation.articles.rows import history_row, insert_rows, insert_rows_with_keys
from curation.temporal import parse_date_input, validate


def _described(entities: list[Entity]) -> str:
    return "; ".join(
        f"{entity.name} ({entity.kind.name}, {entity.mention_count} "
        f"mention{'' if entity.mention_count == 1 else 's'})"
        for entity in entities
    )


ALIAS_MAX_LENGTH = Alias._meta.get_field("text").max_length
NORMALISED_MAX_LENGTH = Alias._meta.get_field("normalised").max_length


def entity_create(
    *,
    name: str,
    kind: EntityKind,
    created_by: AbstractBaseUser,
    description: str = "",
    wikidata_id: str = "",
    allow_same_name: bool = False,
) -> Entity:
    """A new entity. When an entity of that name (or alias) exists already, raise
    NameClash, unless the editor confirmed a second one (``allow_same_name``)."""
    name = " ".join(name.split())
    if not name:
        raise AnnotationError("An entity needs a name.")
    if not allow_same_name and (same := entity_reads.entities_named(name)):
        raise NameClash(
            f"The desk already knows “{name}”: {_described(same)}. Use it, or confirm "
            "that this is a different one.",
            entities=same,
        )
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
def entity_update(
    *,
    entity: Entity,
    changes: dict,
    changed_by: AbstractBaseUser,
    expected_version: int | None = None,
) -> Entity:
    """Rename or describe an entity. A former name becomes an alias, so the gazetteer
    still finds the old spelling. ``expected_version`` is the version the editor saw;
    StaleVersion if someone saved it since.

    Raises ValidationError (by field) for values that don't fit, such as a Wikidata id
    another entity was given a moment ago, and AnnotationError when the entity itself
    was just merged away or deleted."""
    # As stored, and locked: a ModelForm has already set the new values on the instance,
    # and a merge must not delete the entity between this check and the save.
    old_name = (
        Entity.objects.select_for_update()
        .filter(pk=entity.pk)
        .values_list("name", flat=True)
        .first()
    )
    if old_name is None:
        raise AnnotationError(f"{entity_reads.whereabouts(entity)}. Nothing was saved.")
    for field, value in changes.items():
        setattr(entity, field, value)
    entity.name = " ".join(entity.name.split())
    entity.full_clean()
    versions.claim(entity, expected=expected_version, what="entity")
    entity._history_user = changed_by
    try:
        with transaction.atomic():
            entity.save(force_update=True)
    except IntegrityError:
        # A unique value (the Wikidata id) saved by someone else meanwhile: say which.
        entity.validate_constraints()
        raise AnnotationError(
            "Someone else saved this entity at the same moment. Reload the page and try again."
        ) from None
    if normalise_alias(old_name) != normalise_alias(entity.name):
        alias_add(entity=entity, text=old_name)
    return entity


def alias_add(*, entity: Entity, text: str) -> Alias | None:
    """Give ``entity`` another name. Returns None when it is already its name or alias."""
    text = " ".join(text.split())
    normalised = normalise_alias(text)
    if not normalised:
        raise AnnotationError("An alias needs some text.")
    # Checked as stored: the text collapsed as above, and its normalised form (which
    # casefolding can make longer, and which has a column long enough for any name).
    if len(text) > ALIAS_MAX_LENGTH or len(normalised) > NORMALISED_MAX_LENGTH:
        raise AnnotationError(f"An alias is a name: at most {ALIAS_MAX_LENGTH} characters.")
    if normalised == normalise_alias(entity.name):
        return None
    alias, created = Alias.objects.get_or_create(
        entity=entity, normalised=normalised, defaults={"text": text}
    )
    return alias if created else None


def alias_delete(*, alias: Alias) -> None:
    alias.delete()


def _lock_entities(entities, *, then: str) -> None:
    """Hold the entities' rows until the transaction ends, so that none can be merged
    away or deleted before what points at them is saved. One that is already gone
    is an AnnotationError saying where it went, and ``then`` what to do."""
    wanted = {entity.pk: entity for entity in entities if entity is not None}
    if not wanted:
        return
    present = set(
        Entity.objects.select_for_update(no_key=True)
        .filter(pk__in=wanted)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for pk, entity in wanted.items():
        if pk not in present:
            raise AnnotationError(f"{entity_reads.whereabouts(entity)}. {then}")


def _mention_at(
    span: Anchor, *, article: Article, entity: Entity, created_by: AbstractBaseUser
) -> Mention:
    return Mention(
        article=article,
        entity=entity,
        start=span.start,
        end=span.end,
        quote=span.quote,
        prefix=span.prefix,
        suffix=span.suffix,
        created_by=created_by,
    )


@transaction.atomic
def mention_create(
    *,
    article: Article,
    start: int,
    end: int,
    entity: Entity,
    created_by: AbstractBaseUser,
    quote: str | None = None,
    learn_alias: bool = True,
    allow_shared_alias: bool = False,
) -> Mention:
    """Mark body[start:end] as a mention of ``entity``.

    The server computes the quote and context; ``quote`` is what the browser believed
    it selected, checked against the body. The span is snapped to whole words, as the
    popover showed it, and may not cross a paragraph break. When the text differs from
    the entity's names, it becomes one of its aliases (if ``learn_alias``); when that
    text is already another entity's name or alias, NameClash is raised unless the
    editor confirmed it (``allow_shared_alias``).
    """
    try:
        anchor(article.body, start, end, quote=quote)
        span = anchor(article.body, *snap_to_words(article.body, start, end))
        check_within_paragraph(article.body, span.start, span.end)
    except SpanError as error:
        raise AnnotationError(str(error)) from None
    if learn_alias and not allow_shared_alias:
        _check_alias_is_free(entity, span.quote)
    _lock_entities([entity], then="Mark the text again.")
    mention = _mention_at(span, article=article, entity=entity, created_by=created_by)
    try:
        # No savepoint of its own: the AnnotationError below rolls back this whole call.
        with transaction.atomic(savepoint=False):
            _insert_with_history([mention], created_by)
    except IntegrityError:
        raise AnnotationError(f"“{span.quote}” is already marked as {entity.name} here.") from None
    if learn_alias:
        _learn_alias(entity, span.quote)
    return mention


def _check_alias_is_free(entity: Entity, text: str) -> None:
    """Raise NameClash if ``text`` would become an alias of ``entity`` while it already
    names another entity: Suggest would then offer that text as both."""
    normalised = normalise_alias(text)
    if normalised == normalise_alias(entity.name) or len(text) > ALIAS_MAX_LENGTH:
        return
    if entity.aliases.filter(normalised=normalised).exists():
        return
    if others := entity_reads.entities_named(text, exclude=entity.pk):
        raise NameClash(
            f"“{text}” is already the name of {_described(others)}. Marking it as "
            f"{entity.name} makes it an alias of both.",
            entities=others,
        )


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
    allow_same_name: bool = False,
    learn_alias: bool = True,
) -> Mention:
    """Create the entity and mark the text, both or neither."""
    entity = entity_create(
        name=name, kind=kind, created_by=created_by, allow_same_name=allow_same_name
    )
    return mention_create(
        article=article,
        start=start,
        end=end,
        entity=entity,
        quote=quote,
        created_by=created_by,
        learn_alias=learn_alias,
        # A brand-new entity's own name can't clash; an alias from the text was confirmed
        # with the name.
        allow_shared_alias=allow_same_name,
    )


@transaction.atomic
def mention_relink(
    *,
    mention: Mention,
    entity: Entity,
    changed_by: AbstractBaseUser,
    expected_version: int | None,
    learn_alias: bool = True,
    allow_shared_alias: bool = False,
) -> Mention:
    """Link the mention to another entity; its text may become an alias, as in
    mention_create. ``expected_version`` is the version the editor saw (None: whatever
    is stored). An approved mention goes back to review."""
    if not workflow.may_change(changed_by, mention):
        raise not_allowed(mention, "change")
    if entity.pk == mention.entity_id:
        return mention
    if learn_alias and not allow_shared_alias:
        _check_alias_is_free(entity, mention.quote)
    if Mention.objects.filter(
        article=mention.article_id, start=mention.start, end=mention.end, entity=entity
    ).exists():
        raise AnnotationError(f"“{mention.quote}” is already marked as {entity.name} here.")
    _lock_entities([entity], then="Choose the entity again.")
    versions.claim(mention, expected=expected_version, what="mention")
    mention.entity = entity
    workflow.edited(mention)
    mention._history_user = changed_by
    try:
        with transaction.atomic():
            mention.save(
                update_fields=["entity", "version", "status", "submitted_at", "updated_at"]
            )
    except IntegrityError:  # someone marked the same span as this entity meanwhile
        raise AnnotationError(
            f"“{mention.quote}” is already marked as {entity.name} here."
        ) from None
    if learn_alias:
        _learn_alias(entity, mention.quote)
    return mention


@transaction.atomic
def mention_delete(
    *, mention: Mention, deleted_by: AbstractBaseUser, expected_version: int | None
) -> None:
    if not workflow.may_delete(deleted_by, mention):
        raise not_allowed(mention, "delete")
    versions.claim(mention, expected=expected_version, what="mention")
    mention._history_user = deleted_by
    mention.delete()


def not_allowed(item: Mention | Event, doing: str) -> NotAllowed:
    """Why ``doing`` is refused: the author edits their own drafts and rejected items;
    anything else is for reviewers."""
    what = item._meta.model_name
    return NotAllowed(
        f"You can't {doing} this {what}: it is {item.get_status_display().lower()}, and "
        f"only its author (while it is a draft or rejected) or a reviewer can {doing} it."
    )


@transaction.atomic
def entity_merge(*, survivor: Entity, merged: Entity, merged_by: AbstractBaseUser) -> Entity:
    """Move every mention and alias of ``merged`` to ``survivor`` and delete ``merged``.
    Its name becomes an alias of the survivor. All or nothing."""
    if survivor.pk == merged.pk:
        raise AnnotationError("An entity can't be merged into itself.")
    # Locked in one order (by id), so that crossed merges (A into B, B into A) queue
    # up instead of deadlocking; the second then finds one of the two gone.
    locked = {
        entity.pk: entity
        for entity in Entity.objects.select_for_update()
        .select_related("kind")
        .filter(pk__in=[survivor.pk, merged.pk])
        .order_by("pk")
    }
    for wanted in (merged, survivor):
        if wanted.pk not in locked:
            raise AnnotationError(
                f"{entity_reads.whereabouts(wanted)}, so nothing was merged."
                if len(locked) == 1
                else "Both entities were just merged or deleted by someone else."
            )
    survivor, merged = locked[survivor.pk], locked[merged.pk]
    reason = f"entity {merged.pk} merged into {survivor.pk}"
    # A span marked as both entities would become a duplicate: keep the survivor's.
    for duplicate in Mention.objects.filter(
        entity=merged,
        article__mentions__entity=survivor,
        article__mentions__start=F("start"),
        article__mentions__end=F("end"),
    ):
        _delete_for(duplicate, by=merged_by, reason=reason)
    moved = list(Mention.objects.filter(entity=merged))
    for mention in moved:
        mention.entity = survivor
        mention.version += 1  # an edit made against the old link is now stale
    bulk_update_with_history(
        moved,
        Mention,
        ["entity", "version"],
        default_user=merged_by,
        default_change_reason=reason,
    )
    for alias in merged.aliases.all():
        _with_reason(alias_add(entity=survivor, text=alias.text), by=merged_by, reason=reason)
        _delete_for(alias, by=merged_by, reason=reason)
    _with_reason(alias_add(entity=survivor, text=merged.name), by=merged_by, reason=reason)
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
    merged._change_reason = entity_reads.MERGED_INTO.format(survivor_id=survivor.pk)
    merged.delete()
    return survivor


def _delete_for(instance, *, by: AbstractBaseUser, reason: str) -> None:
    """Delete with the actor and the reason in its history record."""
    instance._history_user = by
    instance._change_reason = reason
    instance.delete()


def _with_reason(alias: Alias | None, *, by: AbstractBaseUser, reason: str) -> None:
    """Give a just-created alias's history record its actor and reason."""
    if alias is not None:
        alias.history.filter(history_type="+").update(history_user=by, history_change_reason=reason)


def _move_event_roles(*, survivor: Entity, merged: Entity, merged_by: AbstractBaseUser) -> None:
    """The merged entity's part in events (participant, location) passes to the survivor."""
    reason = f"entity {merged.pk} merged into {survivor.pk}"
    for participant in Participant.objects.filter(entity=merged):
        if Participant.objects.filter(
            event_id=participant.event_id, entity=survivor, role=participant.role
        ).exists():
            _delete_for(participant, by=merged_by, reason=reason)
        else:
            participant.entity = survivor
            participant._history_user = merged_by
            participant._change_reason = reason
            participant.save(update_fields=["entity"])
    for event in Event.objects.filter(location=merged):
        event.location = survivor
        event.version += 1
        event._history_user = merged_by
        event._change_reason = reason
        event.save(update_fields=["location", "version", "updated_at"])


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
def suggestions_dismiss(
    *, article: Article, entities: list[Entity], text: str, dismissed_by: AbstractBaseUser
) -> None:
    """“Not this” for a text suggested as one entity, or as each of several."""
    for entity in entities:
        suggestion_dismiss(article=article, entity=entity, text=text, dismissed_by=dismissed_by)


@dataclass(frozen=True, slots=True)
class Marked:
    """What became of one span given to ``mentions_create_many``: the mention made, or
    the one already there, or why none was made."""

    mention_id: int | None
    created: bool = False
    refusal: str = ""


@transaction.atomic
def mentions_create_many(
    *,
    article: Article,
    spans: list[tuple[Anchor, Entity]],
    created_by: AbstractBaseUser,
    learn_alias: bool = True,
    then: str = "Mark the text again.",
) -> list[Marked]:
    """Mark each span (placed already: snapped to words, within a paragraph) as a mention
    of its entity; one outcome per span, in order. The spans whose text is a name or alias
    of their entity are saved in a constant number of queries, with their history. Another
    text goes through mention_create, as a mention marked by hand does: it may become an
    alias, or be refused as another entity's name. A span marked already (before, earlier
    in the list, or by someone at the same moment) is the mention there. An entity merged
    away meanwhile is an AnnotationError, ending with ``then``."""
    first_of: dict[tuple[int, int, int], int] = {}
    for index, (span, entity) in enumerate(spans):
        first_of.setdefault((span.start, span.end, entity.pk), index)
    known = _names_known(
        {entity.pk: entity for _, entity in spans},
        {normalise_alias(span.quote) for span, _ in spans},
    )
    # Locked before the marks are read: whoever marks the same entity meanwhile waits,
    # or was done before the read, so the insert below meets no unique-constraint clash.
    _lock_entities([entity for _, entity in spans], then=then)
    marked = _marked_already(article, first_of)
    outcomes: dict[int, Marked] = {}
    new: dict[int, Mention] = {}
    by_hand: list[int] = []
    for key, index in first_of.items():
        span, entity = spans[index]
        if key in marked:
            outcomes[index] = Marked(marked[key])
        elif (entity.pk, normalise_alias(span.quote)) in known:
            new[index] = _mention_at(span, article=article, entity=entity, created_by=created_by)
        else:
            by_hand.append(index)
    try:
        # No savepoint of its own: the AnnotationError below rolls back this whole call.
        with transaction.atomic(savepoint=False):
            _insert_with_history(new.values(), created_by)
    except IntegrityError:
        message = f"Someone was marking the same text at the same moment. {then}"
        raise AnnotationError(message) from None
    outcomes |= {index: Marked(mention.pk, created=True) for index, mention in new.items()}
    for index in by_hand:
        span, entity = spans[index]
        try:
            mention = mention_create(
                article=article,
                start=span.start,
                end=span.end,
                entity=entity,
                created_by=created_by,
                learn_alias=learn_alias,
            )
        except AnnotationError as error:
            outcomes[index] = Marked(None, refusal=str(error))
        else:
            outcomes[index] = Marked(mention.pk, created=True)
    results = []
    for index, (span, entity) in enumerate(spans):
        first = outcomes[first_of[(span.start, span.end, entity.pk)]]
        results.append(
            first if index in outcomes else Marked(first.mention_id, False, first.refusal)
        )
    return results


def _insert_with_history(mentions, created_by: AbstractBaseUser) -> None:
    """INSERT the mentions (of one article), giving each its id, and their history
    records (``articles.rows``)."""
    mentions = list(mentions)
    if not mentions:
        return
    insert_rows_with_keys(Mention, mentions)
    history = Mention.history.model
    when = timezone.now()
    insert_rows(
        history,
        [history_row(history, m, when=when, user=created_by, kind="+") for m in mentions],
    )


def _marked_already(article: Article, keys) -> dict[tuple[int, int, int], int]:
    """The ids of the article's mentions by (start, end, entity id), of those ``keys``."""
    return {
        (start, end, entity_id): pk
        for pk, start, end, entity_id in Mention.objects.filter(
            article=article, start__in={start for start, _, _ in keys}
        )
        .order_by()  # the default order joins the articles
        .values_list("pk", "start", "end", "entity_id")
        if (start, end, entity_id) in keys
    }


@dataclass(frozen=True, slots=True)
class AcceptedSuggestions:
    accepted: int
    needs_choice: int  # suggestions whose text names several entities, left to the editor


def suggestions_accept(
    *, article: Article, suggestions, created_by: AbstractBaseUser, learn_alias: bool = True
) -> AcceptedSuggestions:
    """Accept every suggestion (from selectors.suggestions_for) that names one entity as a
    mention (see mentions_create_many); one that names several waits for the editor's
    choice, and one marked already is skipped."""
    single = [suggestion for suggestion in suggestions if suggestion.entity is not None]
    body = article.body
    spans = []
    for suggestion in single:
        try:
            spans.append(
                (
                    anchor(body, *snap_to_words(body, suggestion.start, suggestion.end)),
                    suggestion.entity,
                )
            )
        except SpanError:
            continue
    outcomes = mentions_create_many(
        article=article,
        spans=spans,
        created_by=created_by,
        learn_alias=learn_alias,
        then="Press Suggest again.",
    )
    return AcceptedSuggestions(
        sum(outcome.created for outcome in outcomes), len(suggestions) - len(single)
    )


def _names_known(entities: dict[int, Entity], texts: set[str]) -> set[tuple[int, str]]:
    """(entity id, normalised name) for the names and the aliases among ``texts`` of
    ``entities``."""
    known = {(pk, normalise_alias(entity.name)) for pk, entity in entities.items()}
    if entities and texts:
        known |= set(
            Alias.objects.filter(entity_id__in=entities, normalised__in=texts).values_list(
                "entity_id", "normalised"
            )
        )
    return known


# --- events ------------------------------------------------------------------------------


HEADLINE_MAX_LENGTH = Event._meta.get_field("headline").max_length


def _checked_headline(headline: str) -> str:
    headline = " ".join(headline.split())
    if not headline:
        raise AnnotationError("Give the event a one-line headline in your own words.")
    if len(headline) > HEADLINE_MAX_LENGTH:
        raise AnnotationError(
            f"A headline is one line of up to {HEADLINE_MAX_LENGTH} characters; this one has "
            f"{len(headline)}. Shorten it, and put the detail in the notes."
        )
    return headline


def _checked_notes(notes: str) -> str:
    if len(notes) > EVENT_NOTES_MAX_LENGTH:
        raise AnnotationError(
            f"Notes are up to {EVENT_NOTES_MAX_LENGTH:,} characters; these have "
            f"{len(notes)}. Shorten them, or keep the longer text outside the desk."
        )
    return notes


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
    notes = _checked_notes(notes)
    date = _checked_date(date)
    date_text, date_span = _date_source(article, date, date_span)
    _lock_entities(
        [location, *(entity for entity, _ in participants)],
        then="Choose the event's place and participants again.",
    )
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
    expected_version: int | None,
    event_type: EventType,
    headline: str,
    date: str,
    date_text: str = "",
    location: Entity | None = None,
    participants: list[tuple[Entity, str]] = (),
    notes: str = "",
) -> Event:
    """Change what the event says. ``expected_version`` is the version the editor saw
    (None: whatever is stored). An approved event goes back to review."""
    if not workflow.may_change(changed_by, event):
        raise not_allowed(event, "change")
    headline = _checked_headline(headline)
    notes = _checked_notes(notes)
    new_date = _checked_date(date)
    if new_date != event.date:
        # A date typed by the editor no longer points at a phrase in the text.
        event.date_text, event.date_start, event.date_end = date_text[:200], None, None
    event.event_type, event.headline, event.date = event_type, headline, new_date
    event.location, event.notes = location, notes
    _lock_entities(
        [location, *(entity for entity, _ in participants)],
        then="Choose the event's place and participants again.",
    )
    versions.claim(event, expected=expected_version, what="event")
    workflow.edited(event)
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


@transaction.atomic
def event_delete(
    *, event: Event, deleted_by: AbstractBaseUser, expected_version: int | None
) -> None:
    if not workflow.may_delete(deleted_by, event):
        raise not_allowed(event, "delete")
    versions.claim(event, expected=expected_version, what="event")
    event._history_user = deleted_by
    event.delete()
