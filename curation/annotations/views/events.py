"""Events: the side form for a selected passage, editing and deleting them."""

from functools import cached_property

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from curation.annotations import event_reads, selectors, services, workflow
from curation.annotations.forms import EventForm, SpanForm
from curation.annotations.models import Entity, Event, Participant
from curation.annotations.spans import SpanError, anchor, snap_to_words
from curation.annotations.views.common import (
    FORBIDDEN,
    REFUSAL_HEADER,
    UNPROCESSABLE,
    article_or_404,
    can_read,
    expected_version,
    popover_error,
    posted_version,
    refusal,
    refused,
)
from curation.annotations.views.event_answers import event_listed, event_unlisted, events_changed
from curation.articles.models import Article
from curation.temporal import as_typed

can_record_events = permission_required("annotations.add_event", raise_exception=True)


class EventFormContext:
    """What the event form offers: the article's places and the entities that can take
    part, always including what the event being edited already has, so that saving an
    edit never drops a location or participant that is no longer mentioned.

    The entities mentioned in the passage's sentence come first, as choices, none of
    them chosen; one that is only cited there ("according to Axios") is offered as
    "other", never as the actor."""

    def __init__(
        self, article: Article, event: Event | None = None, *, span: tuple[int, int] | None = None
    ) -> None:
        self.article = article
        self.event = event
        self.event_types = event_reads.event_types()
        if event is not None and not event.is_orphan:
            span = (event.start, event.end)
        self.span = span

    # A save reads only what the form checks (the types, the places); the mentions and
    # the passage's entities are read when the form is shown.

    @cached_property
    def mentions(self) -> list:
        return selectors.article_mentions(self.article)

    @cached_property
    def current(self) -> list[Participant]:
        return list(self.event.participants.select_related("entity__kind")) if self.event else []

    @cached_property
    def passage(self) -> event_reads.PassageEntities:
        if self.span is None:
            return event_reads.PassageEntities(named=[], cited=[])
        return event_reads.passage_entities(self.article.body, *self.span, self.mentions)

    def form(self, data=None, *, initial=None) -> EventForm:
        location = self.event.location_id if self.event else None
        return EventForm(
            data,
            initial=initial,
            article=self.article,
            event_types=self.event_types,
            places=event_reads.article_places(self.article, also=location),
        )

    def participant_choices(self, checked: dict[int, str]) -> list[dict]:
        rows = selectors.entity_counts(self.mentions)
        listed = {row.id for row in rows}
        for participant in self.current:
            if participant.entity_id not in listed:
                listed.add(participant.entity_id)
                entity = participant.entity
                rows.append(selectors.EntityCount(entity.pk, entity.name, entity.kind.slug, 0))
        named = {entity.pk: order for order, entity in enumerate(self.passage.named)}
        cited = {entity.pk: order for order, entity in enumerate(self.passage.cited)}

        def place_in_list(row) -> tuple[int, int]:
            if row.id in named:
                return 0, named[row.id]
            if row.id in cited:
                return 1, cited[row.id]
            return 2, 0

        return [
            {
                "row": row,
                "checked": row.id in checked,
                "role": checked.get(
                    row.id, Participant.Role.OTHER if row.id in cited else Participant.Role.ACTOR
                ),
                "in_passage": row.id in named,
                "cited": row.id in cited,
            }
            for row in sorted(rows, key=place_in_list)
        ]


MAX_ID = 2**63 - 1


def _posted_participants(request: HttpRequest) -> list[tuple[Entity, str]]:
    ids = []
    for value in request.POST.getlist("participant")[:200]:
        try:
            entity_id = int(value[:20])
        except ValueError:
            continue
        if 0 < entity_id <= MAX_ID:
            ids.append(entity_id)
    entities = Entity.objects.in_bulk(ids)
    roles = {choice for choice, _ in Participant.Role.choices}
    participants = []
    for entity_id, entity in entities.items():
        role = request.POST.get(f"role-{entity_id}", Participant.Role.ACTOR)
        participants.append((entity, role if role in roles else Participant.Role.ACTOR))
    return participants


def _render_event_form(
    request,
    choices: EventFormContext,
    form,
    *,
    span=None,
    checked: dict[int, str] | None = None,
    version: int | None = None,
    status=200,
):
    response = render(
        request,
        "annotations/event_form.html",
        {
            "article": choices.article,
            "form": form,
            "event": choices.event,
            "version": version,
            "span": span,
            "participants": choices.participant_choices(checked or {}),
            "roles": Participant.Role.choices,
            "event_types": choices.event_types,
            "suggest": request.GET.get("suggest") == "1" or request.POST.get("suggest") == "1",
        },
        status=status,
    )
    if status == FORBIDDEN:
        response[REFUSAL_HEADER] = "1"
    return response


def _passage_bounds(article: Article, span: dict) -> tuple[int, int] | None:
    """The posted passage's bounds, when they fit the body (the save checks them)."""
    if 0 <= span["start"] < span["end"] <= len(article.body):
        return span["start"], span["end"]
    return None


def _checked(participants: list[tuple[Entity, str]]) -> dict[int, str]:
    return {entity.pk: role for entity, role in participants}


@login_required
@can_read
@can_record_events
@require_GET
def event_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The event form for a selected passage, with the date found in its sentence
    filled in and the entities mentioned there offered first."""
    article = article_or_404(pk)
    span_form = SpanForm(request.GET)
    if not span_form.is_valid():
        return popover_error(request, "Select the passage that reports the event first.")
    data = span_form.cleaned_data
    try:
        anchor(article.body, data["start"], data["end"], quote=data["quote"] or None)
        start, end = snap_to_words(article.body, data["start"], data["end"])
    except SpanError as error:
        return popover_error(request, str(error))
    choices = EventFormContext(article, span=(start, end))
    prefill = event_reads.event_prefill(article, start, end)
    initial = {}
    if prefill.dates:
        nearest = prefill.dates[0]
        initial = {
            "date": as_typed(nearest.value) if nearest.value else nearest.text,
            "date_text": nearest.text,
            "date_start": nearest.start,
            "date_end": nearest.end,
        }
    return _render_event_form(
        request,
        choices,
        choices.form(initial=initial),
        span={"start": start, "end": end, "quote": article.body[start:end]},
    )


@login_required
@can_read
@can_record_events
@require_POST
def event_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_or_404(pk)
    span_form = SpanForm(request.POST)
    if not span_form.is_valid():
        return popover_error(request, "The event's passage is missing. Select it again.")
    span = span_form.cleaned_data
    choices = EventFormContext(article, span=_passage_bounds(article, span))
    form = choices.form(request.POST)
    participants = _posted_participants(request)
    if form.is_valid():
        data = form.cleaned_data
        has_span = data["date_start"] is not None
        try:
            event = services.event_create(
                article=article,
                start=span["start"],
                end=span["end"],
                quote=span["quote"] or None,
                event_type=data["event_type"],
                headline=data["headline"],
                date=data["date"],
                date_span=(data["date_start"], data["date_end"]) if has_span else None,
                location=data["location"],
                participants=participants,
                notes=data["notes"],
                created_by=request.user,
            )
        except services.AnnotationError as error:
            form.add_error(None, str(error))
        else:
            message = f"Recorded: {event.headline} ({event.date_display})."
            return event_listed(request, event, message=message, replaces=False)
    return _render_event_form(
        request, choices, form, span=span, checked=_checked(participants), status=UNPROCESSABLE
    )


@login_required
@can_read
@require_GET
def events_panel(request: HttpRequest, pk: int) -> HttpResponse:
    """The events panel as it is now: for a page that missed others' new events, whose
    own new event has no place to go in the list it shows."""
    article = article_or_404(pk)
    context = {
        "article": article,
        "events": event_reads.article_events(article),
        "suggesting": request.GET.get("suggest") == "1",
    }
    return render(request, "annotations/workspace.html#events", context)


@login_required
@can_read
@permission_required("annotations.change_event", raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int, event_id: int) -> HttpResponse:
    """GET: the form to edit an event, for those who may change it. POST: save it, against
    the version the form was made from."""
    event = get_object_or_404(
        Event.objects.select_related("article", "location"), pk=event_id, article_id=pk
    )
    if not workflow.may_change(request.user, event):
        return popover_error(
            request,
            str(services.not_allowed(event, "change")),
            status=FORBIDDEN,
            close="close-event",
        )
    choices = EventFormContext(event.article, event)
    if request.method == "GET":
        form = choices.form(
            initial={
                "headline": event.headline,
                "event_type": str(event.event_type),
                "date": as_typed(event.date) if event.date else "",
                "location": event.location_id,
                "notes": event.notes,
            }
        )
        checked = {p.entity_id: p.role for p in choices.current}
        return _render_event_form(request, choices, form, checked=checked, version=event.version)
    form = choices.form(request.POST)
    participants = _posted_participants(request)
    status = UNPROCESSABLE
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.event_update(
                event=event,
                changed_by=request.user,
                expected_version=expected_version(request),
                event_type=data["event_type"],
                headline=data["headline"],
                date=data["date"],
                location=data["location"],
                participants=participants,
                notes=data["notes"],
            )
        except services.AnnotationError as error:
            status, message = refusal(request, error, what="event")
            form.add_error(None, message)
        else:
            message = f"Saved: {event.headline} ({event.date_display})."
            if event.is_orphan:
                return events_changed(request, event.article, start=None, end=None, message=message)
            return event_listed(request, event, message=message, replaces=True)
    return _render_event_form(
        request,
        choices,
        form,
        checked=_checked(participants),
        version=posted_version(request),
        status=status,
    )


@login_required
@can_read
@permission_required("annotations.delete_event", raise_exception=True)
@require_POST
def event_delete(request: HttpRequest, pk: int, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("article"), pk=event_id, article_id=pk)
    try:
        services.event_delete(
            event=event, deleted_by=request.user, expected_version=expected_version(request)
        )
    except services.AnnotationError as error:
        return refused(request, error, what="event", close="close-event")
    message = f"Deleted the event “{event.headline}”."
    if event.is_orphan:
        return events_changed(request, event.article, start=None, end=None, message=message)
    return event_unlisted(request, event, pk=event_id, message=message)


@login_required
@can_read
@can_record_events
@require_GET
def date_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """How a date typed in the event form reads, before saving."""
    article = article_or_404(pk)
    form = EventForm(
        {"date": request.GET.get("date", "")[:60], "headline": "x"},
        article=article,
        event_types=[],
        places=Entity.objects.none(),
    )
    form.is_valid()
    return render(
        request,
        "annotations/date_preview.html",
        {
            "value": form.cleaned_data.get("date", ""),
            "errors": form.errors.get("date", []),
        },
    )
