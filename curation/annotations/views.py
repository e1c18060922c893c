from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from curation.annotations import selectors, services
from curation.annotations.filters import EntityFilter
from curation.annotations.forms import (
    AliasForm,
    EntityForm,
    EventForm,
    MentionCreateForm,
    MergeForm,
    RelinkForm,
    SpanForm,
    SuggestionForm,
)
from curation.annotations.models import Alias, Entity, EntityKind, Event, Mention, Participant
from curation.annotations.spans import SpanError, anchor, snap_to_words
from curation.annotations.tables import EntityTable
from curation.articles.models import Article

UNPROCESSABLE = 422
WORKSPACE = "annotations/workspace.html"

can_read = permission_required("articles.view_article", raise_exception=True)
can_annotate = permission_required("annotations.add_mention", raise_exception=True)


# --- the workspace -----------------------------------------------------------------------


@login_required
@can_read
@require_GET
def workspace(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    suggesting = request.GET.get("suggest") == "1"
    context = _workspace_context(article, suggesting=suggesting)
    template = f"{WORKSPACE}#text" if request.htmx and not request.htmx.boosted else WORKSPACE
    return render(request, template, context)


def _workspace_context(article: Article, *, suggesting: bool = False) -> dict:
    mentions = selectors.article_mentions(article)
    suggestions = selectors.suggestions_for(article, mentions) if suggesting else []
    events = selectors.article_events(article)
    return {
        "article": article,
        "paragraphs": selectors.paragraph_views(article, mentions, suggestions, events),
        "events": events,
        "entity_counts": selectors.entity_counts(mentions),
        "mention_count": len(mentions),
        "suggestions": suggestions,
        "suggesting": suggesting,
        "kinds": list(EntityKind.objects.all()),
        "entities_url": reverse("annotations:entities"),
    }


def _changed(
    request: HttpRequest,
    article: Article,
    *,
    start: int,
    end: int,
    suggesting: bool,
    message: str = "",
) -> HttpResponse:
    """The fragments a change touches: the paragraphs around [start, end), the side
    panel and its counts (out of band), and an emptied popover. While suggestions are
    shown, the whole text is swapped instead: a change anywhere can add or remove
    suggestions elsewhere, and their count."""
    context = _workspace_context(article, suggesting=suggesting)
    if suggesting:
        context["whole_text"] = True
    else:
        context["changed_paragraphs"] = selectors.paragraphs_touching(
            context["paragraphs"], start, end
        )
    context["message"] = message
    return render(request, "annotations/changed.html", context)


def _article(pk: int) -> Article:
    return get_object_or_404(Article, pk=pk)


def _popover_error(request: HttpRequest, message: str) -> HttpResponse:
    return render(
        request, "annotations/popover_error.html", {"message": message}, status=UNPROCESSABLE
    )


@login_required
@can_annotate
@require_GET
def mention_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The popover for a fresh selection: snapped to whole words, checked against the body."""
    article = _article(pk)
    form = SpanForm(request.GET)
    if not form.is_valid():
        return _popover_error(
            request, "That selection has no usable position. Select the text again."
        )
    data = form.cleaned_data
    try:
        anchor(article.body, data["start"], data["end"], quote=data["quote"] or None)
        start, end = snap_to_words(article.body, data["start"], data["end"])
    except SpanError as error:
        return _popover_error(request, str(error))
    quote = article.body[start:end]
    return render(
        request,
        "annotations/popover_new.html",
        {
            "article": article,
            "start": start,
            "end": end,
            "quote": quote,
            "kinds": EntityKind.objects.all(),
            "hits": selectors.entity_autocomplete(quote),
            "suggest": request.GET.get("suggest") == "1",
        },
    )


@login_required
@can_annotate
@require_GET
def entity_autocomplete(request: HttpRequest) -> HttpResponse:
    hits = selectors.entity_autocomplete(request.GET.get("q", ""))
    return render(
        request, "annotations/autocomplete.html", {"hits": hits, "q": request.GET.get("q", "")}
    )


@login_required
@can_annotate
@require_POST
def mention_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    form = MentionCreateForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(error for errs in form.errors.values() for error in errs)
        return _popover_error(request, errors)
    data = form.cleaned_data
    try:
        if data["create"]:
            mention = services.mention_create_for_new_entity(
                article=article,
                start=data["start"],
                end=data["end"],
                name=data["name"],
                kind=data["kind"],
                quote=data["quote"] or None,
                created_by=request.user,
            )
        else:
            mention = services.mention_create(
                article=article,
                start=data["start"],
                end=data["end"],
                entity=_chosen_entity(data),
                quote=data["quote"] or None,
                created_by=request.user,
            )
    except services.AnnotationError as error:
        return _popover_error(request, str(error))
    return _changed(
        request,
        article,
        start=mention.start,
        end=mention.end,
        suggesting=data["suggest"],
        message=f"Marked “{mention.quote}” as {mention.entity.name}.",
    )


def _chosen_entity(data: dict) -> Entity:
    """The entity picked in the popover, or the first match for what was typed (Enter)."""
    if data["entity"]:
        return data["entity"]
    hits = selectors.entity_autocomplete(data["q"], limit=1)
    if not hits:
        raise services.AnnotationError(
            f"No entity matches “{data['q']}”. Create a new one instead."
        )
    return hits[0]


@login_required
@can_annotate
def mention_edit(request: HttpRequest, pk: int, mention_id: int) -> HttpResponse:
    """GET: the popover of an existing mention. POST: link it to another entity."""
    mention = get_object_or_404(
        Mention.objects.select_related("entity__kind", "article"), pk=mention_id, article_id=pk
    )
    if request.method == "GET":
        return render(
            request,
            "annotations/popover_mention.html",
            {
                "mention": mention,
                "article": mention.article,
                "suggest": request.GET.get("suggest") == "1",
            },
        )
    if not request.user.has_perm("annotations.change_mention"):
        raise PermissionDenied
    form = RelinkForm(request.POST)
    if not form.is_valid():
        return _popover_error(request, "Choose the entity to link this mention to.")
    data = form.cleaned_data
    entity = data["entity"] or next(iter(selectors.entity_autocomplete(data["q"], limit=1)), None)
    if entity is None:
        return _popover_error(request, "Choose the entity to link this mention to.")
    try:
        services.mention_relink(mention=mention, entity=entity, changed_by=request.user)
    except services.AnnotationError as error:
        return _popover_error(request, str(error))
    return _changed(
        request,
        mention.article,
        start=mention.start,
        end=mention.end,
        suggesting=data["suggest"],
        message=f"“{mention.quote}” now marks {entity.name}.",
    )


@login_required
@permission_required("annotations.delete_mention", raise_exception=True)
@require_POST
def mention_delete(request: HttpRequest, pk: int, mention_id: int) -> HttpResponse:
    mention = get_object_or_404(
        Mention.objects.select_related("article"), pk=mention_id, article_id=pk
    )
    services.mention_delete(mention=mention, deleted_by=request.user)
    return _changed(
        request,
        mention.article,
        start=mention.start,
        end=mention.end,
        suggesting=request.POST.get("suggest") == "1",
        message=f"Removed the mention “{mention.quote}”.",
    )


# --- suggestions -------------------------------------------------------------------------


@login_required
@can_annotate
@require_POST
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    form = SuggestionForm(request.POST)
    if not form.is_valid():
        return _popover_error(request, "That suggestion is out of date. Press Suggest again.")
    data = form.cleaned_data
    try:
        mention = services.mention_create(
            article=article,
            start=data["start"],
            end=data["end"],
            entity=data["entity"],
            quote=data["quote"] or None,
            created_by=request.user,
        )
    except services.AnnotationError as error:
        return _popover_error(request, str(error))
    return _changed(
        request,
        article,
        start=mention.start,
        end=mention.end,
        suggesting=True,
        message=f"Marked “{mention.quote}” as {mention.entity.name}.",
    )


@login_required
@can_annotate
@require_POST
def suggestions_accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    suggestions = selectors.suggestions_for(article, selectors.article_mentions(article))
    accepted = services.suggestions_accept(
        article=article, suggestions=suggestions, created_by=request.user
    )
    context = _workspace_context(article, suggesting=True)
    context["message"] = f"Accepted {accepted} suggestion{'s' if accepted != 1 else ''}."
    return render(request, "annotations/text_and_panel.html", context)


@login_required
@can_annotate
@require_POST
def suggestion_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    form = SuggestionForm(request.POST)
    if not form.is_valid():
        return _popover_error(request, "That suggestion is out of date. Press Suggest again.")
    data = form.cleaned_data
    try:
        text = anchor(article.body, data["start"], data["end"], quote=data["quote"] or None).quote
    except SpanError as error:
        return _popover_error(request, str(error))
    services.suggestion_dismiss(
        article=article, entity=data["entity"], text=text, dismissed_by=request.user
    )
    context = _workspace_context(article, suggesting=True)
    context["message"] = f"“{text}” won't be suggested as {data['entity'].name} here again."
    return render(request, "annotations/text_and_panel.html", context)


# --- the entity directory ----------------------------------------------------------------


class EntityListView(LoginRequiredMixin, PermissionRequiredMixin, SingleTableMixin, FilterView):
    permission_required = "annotations.view_entity"
    filterset_class = EntityFilter
    table_class = EntityTable
    template_name = "annotations/entity_list.html"
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return selectors.entity_directory().order_by("name", "id")

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#table"]
        return [self.template_name]


@login_required
@permission_required("annotations.view_entity", raise_exception=True)
@require_GET
def entity_detail(request: HttpRequest, entity_id: int) -> HttpResponse:
    entity = get_object_or_404(Entity.objects.select_related("kind", "created_by"), pk=entity_id)
    return render(request, "annotations/entity_detail.html", _entity_page(entity))


def _entity_page(entity: Entity, **extra) -> dict:
    return {
        "entity": entity,
        "aliases": list(entity.aliases.all()),
        "mentions": selectors.entity_mentions(entity),
        "mention_total": entity.mentions.count(),
        "alias_form": AliasForm(),
        **extra,
    }


@login_required
@permission_required("annotations.change_entity", raise_exception=True)
@require_http_methods(["GET", "POST"])
def entity_edit(request: HttpRequest, entity_id: int) -> HttpResponse:
    """The entity's name, kind, description and Wikidata id, edited in place."""
    entity = get_object_or_404(Entity.objects.select_related("kind", "created_by"), pk=entity_id)
    if request.method == "GET" and request.GET.get("cancel"):
        return render(request, "annotations/entity_detail.html#details", {"entity": entity})
    form = EntityForm(request.POST or None, instance=entity)
    if request.method == "POST" and form.is_valid():
        services.entity_update(entity=entity, changes=form.cleaned_data, changed_by=request.user)
        if not request.htmx:
            messages.success(request, "Saved.")
            return redirect(entity)
        return render(
            request, "annotations/entity_detail.html#details", {"entity": entity, "saved": True}
        )
    status = UNPROCESSABLE if form.errors else 200
    if not request.htmx:
        return render(
            request,
            "annotations/entity_detail.html",
            _entity_page(entity, form=form),
            status=status,
        )
    return render(
        request,
        "annotations/entity_detail.html#details",
        {"entity": entity, "form": form},
        status=status,
    )


@login_required
@permission_required("annotations.add_alias", raise_exception=True)
@require_POST
def alias_add(request: HttpRequest, entity_id: int) -> HttpResponse:
    entity = get_object_or_404(Entity, pk=entity_id)
    form = AliasForm(request.POST)
    status = 200
    if form.is_valid():
        try:
            alias = services.alias_add(entity=entity, text=form.cleaned_data["text"])
        except services.AnnotationError as error:
            form.add_error("text", str(error))
        else:
            if alias is None:
                form.add_error("text", f"{entity.name} already has that name.")
            else:
                form = AliasForm()
    if form.errors:
        status = UNPROCESSABLE
    return render(
        request,
        "annotations/entity_detail.html#aliases",
        {
            "entity": entity,
            "aliases": list(entity.aliases.all()),
            "alias_form": form,
        },
        status=status,
    )


@login_required
@permission_required("annotations.delete_alias", raise_exception=True)
@require_POST
def alias_delete(request: HttpRequest, entity_id: int, alias_id: int) -> HttpResponse:
    alias = get_object_or_404(
        Alias.objects.select_related("entity"), pk=alias_id, entity_id=entity_id
    )
    services.alias_delete(alias=alias)
    entity = alias.entity
    return render(
        request,
        "annotations/entity_detail.html#aliases",
        {
            "entity": entity,
            "aliases": list(entity.aliases.all()),
            "alias_form": AliasForm(),
        },
    )


@login_required
@permission_required("annotations.delete_entity", raise_exception=True)
def entity_merge(request: HttpRequest, entity_id: int) -> HttpResponse:
    entity = get_object_or_404(Entity.objects.select_related("kind"), pk=entity_id)
    form = MergeForm(request.POST or None)
    form.fields["survivor"].queryset = form.fields["survivor"].queryset.exclude(pk=entity.pk)
    if request.method == "POST" and form.is_valid():
        survivor = form.cleaned_data["survivor"]
        services.entity_merge(survivor=survivor, merged=entity, merged_by=request.user)
        messages.success(request, f"Merged {entity.name} into {survivor.name}.")
        return redirect(survivor)
    query = request.GET.get("q", "")
    candidates = [
        hit for hit in selectors.entity_autocomplete(query, limit=10) if hit.pk != entity.pk
    ]
    template = "annotations/entity_merge.html"
    if request.htmx and request.method == "GET" and "q" in request.GET:
        template += "#candidates"
    return render(
        request,
        template,
        {"entity": entity, "form": form, "q": query, "candidates": candidates},
        status=UNPROCESSABLE if form.errors else 200,
    )


# --- events ------------------------------------------------------------------------------

can_record_events = permission_required("annotations.add_event", raise_exception=True)


class EventFormContext:
    """What the event form offers: the article's places and the entities that can take
    part, always including what the event being edited already has, so that saving an
    edit never drops a location or participant that is no longer mentioned."""

    def __init__(self, article: Article, event: Event | None = None) -> None:
        self.article = article
        self.event = event
        self.mentions = selectors.article_mentions(article)
        self.event_types = selectors.event_types()
        self.current = list(event.participants.select_related("entity__kind")) if event else []

    def form(self, data=None, *, initial=None) -> EventForm:
        places = {m.entity_id: m.entity for m in self.mentions if m.entity.kind.slug == "place"}
        if self.event and self.event.location_id:
            places.setdefault(self.event.location_id, self.event.location)
        return EventForm(
            data,
            initial=initial,
            article=self.article,
            event_types=self.event_types,
            places=sorted(places.values(), key=lambda entity: entity.name),
        )

    def participant_choices(self, checked: dict[int, str]) -> list[dict]:
        rows = selectors.entity_counts(self.mentions)
        listed = {row.id for row in rows}
        for participant in self.current:
            if participant.entity_id not in listed:
                listed.add(participant.entity_id)
                entity = participant.entity
                rows.append(selectors.EntityCount(entity.pk, entity.name, entity.kind.slug, 0))
        return [
            {
                "row": row,
                "checked": row.id in checked,
                "role": checked.get(row.id, Participant.Role.ACTOR),
            }
            for row in rows
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
    status=200,
):
    return render(
        request,
        "annotations/event_form.html",
        {
            "article": choices.article,
            "form": form,
            "event": choices.event,
            "span": span,
            "participants": choices.participant_choices(checked or {}),
            "roles": Participant.Role.choices,
            "event_types": choices.event_types,
            "suggest": request.GET.get("suggest") == "1" or request.POST.get("suggest") == "1",
        },
        status=status,
    )


def _checked(participants: list[tuple[Entity, str]]) -> dict[int, str]:
    return {entity.pk: role for entity, role in participants}


@login_required
@can_read
@can_record_events
@require_GET
def event_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The event form for a selected passage, with the date and participants found in
    its sentence filled in."""
    article = _article(pk)
    span_form = SpanForm(request.GET)
    if not span_form.is_valid():
        return _popover_error(request, "Select the passage that reports the event first.")
    data = span_form.cleaned_data
    try:
        anchor(article.body, data["start"], data["end"], quote=data["quote"] or None)
        start, end = snap_to_words(article.body, data["start"], data["end"])
    except SpanError as error:
        return _popover_error(request, str(error))
    choices = EventFormContext(article)
    prefill = selectors.event_prefill(article, start, end, choices.mentions)
    initial = {}
    if prefill.dates:
        nearest = prefill.dates[0]
        initial = {
            "date": nearest.value or nearest.text,
            "date_text": nearest.text,
            "date_start": nearest.start,
            "date_end": nearest.end,
        }
    return _render_event_form(
        request,
        choices,
        choices.form(initial=initial),
        span={"start": start, "end": end, "quote": article.body[start:end]},
        checked={entity.pk: Participant.Role.ACTOR for entity in prefill.entities},
    )


@login_required
@can_read
@can_record_events
@require_POST
def event_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article(pk)
    span_form = SpanForm(request.POST)
    if not span_form.is_valid():
        return _popover_error(request, "The event's passage is missing. Select it again.")
    span = span_form.cleaned_data
    choices = EventFormContext(article)
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
            return _events_changed(
                request,
                article,
                start=event.start,
                end=event.end,
                message=f"Recorded: {event.headline} ({event.date_display}).",
            )
    return _render_event_form(
        request, choices, form, span=span, checked=_checked(participants), status=UNPROCESSABLE
    )


def _events_changed(request, article, *, start, end, message) -> HttpResponse:
    context = _workspace_context(article, suggesting=request.POST.get("suggest") == "1")
    context["changed_paragraphs"] = selectors.paragraphs_touching(context["paragraphs"], start, end)
    context["message"] = message
    return render(request, "annotations/events_changed.html", context)


@login_required
@can_read
@permission_required("annotations.change_event", raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int, event_id: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.select_related("article", "location"), pk=event_id, article_id=pk
    )
    choices = EventFormContext(event.article, event)
    if request.method == "GET":
        form = choices.form(
            initial={
                "headline": event.headline,
                "event_type": str(event.event_type),
                "date": event.date,
                "location": event.location_id,
                "notes": event.notes,
            }
        )
        checked = {p.entity_id: p.role for p in choices.current}
        return _render_event_form(request, choices, form, checked=checked)
    form = choices.form(request.POST)
    participants = _posted_participants(request)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.event_update(
                event=event,
                changed_by=request.user,
                event_type=data["event_type"],
                headline=data["headline"],
                date=data["date"],
                location=data["location"],
                participants=participants,
                notes=data["notes"],
            )
        except services.AnnotationError as error:
            form.add_error(None, str(error))
        else:
            return _events_changed(
                request,
                event.article,
                start=event.start,
                end=event.end,
                message=f"Saved: {event.headline} ({event.date_display}).",
            )
    return _render_event_form(
        request, choices, form, checked=_checked(participants), status=UNPROCESSABLE
    )


@login_required
@can_read
@permission_required("annotations.delete_event", raise_exception=True)
@require_POST
def event_delete(request: HttpRequest, pk: int, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("article"), pk=event_id, article_id=pk)
    services.event_delete(event=event, deleted_by=request.user)
    return _events_changed(
        request,
        event.article,
        start=event.start,
        end=event.end,
        message=f"Deleted the event “{event.headline}”.",
    )


@login_required
@can_read
@can_record_events
@require_GET
def date_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """How a date typed in the event form reads, before saving."""
    article = _article(pk)
    form = EventForm(
        {"date": request.GET.get("date", "")[:60], "headline": "x"},
        article=article,
        event_types=[],
        places=[],
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
