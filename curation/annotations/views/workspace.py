"""The workspace page, and marking, relinking and removing mentions in it."""

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from curation.annotations import selectors, services
from curation.annotations.forms import MentionCreateForm, RelinkForm, SpanForm
from curation.annotations.models import Entity, EntityKind, Mention
from curation.annotations.spans import SpanError, anchor, snap_to_words
from curation.annotations.views.common import (
    WORKSPACE,
    article_or_404,
    can_annotate,
    can_read,
    mentions_changed,
    popover_error,
    workspace_context,
)
from curation.articles.models import Article


@login_required
@can_read
@require_GET
def workspace(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    suggesting = request.GET.get("suggest") == "1"
    context = workspace_context(article, suggesting=suggesting)
    template = f"{WORKSPACE}#text" if request.htmx and not request.htmx.boosted else WORKSPACE
    return render(request, template, context)


@login_required
@can_annotate
@require_GET
def mention_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The popover for a fresh selection: snapped to whole words, checked against the body."""
    article = article_or_404(pk)
    form = SpanForm(request.GET)
    if not form.is_valid():
        return popover_error(
            request, "That selection has no usable position. Select the text again."
        )
    data = form.cleaned_data
    try:
        anchor(article.body, data["start"], data["end"], quote=data["quote"] or None)
        start, end = snap_to_words(article.body, data["start"], data["end"])
    except SpanError as error:
        return popover_error(request, str(error))
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
    article = article_or_404(pk)
    form = MentionCreateForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(error for errs in form.errors.values() for error in errs)
        return popover_error(request, errors)
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
        return popover_error(request, str(error))
    return mentions_changed(
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
        return popover_error(request, "Choose the entity to link this mention to.")
    data = form.cleaned_data
    entity = data["entity"] or next(iter(selectors.entity_autocomplete(data["q"], limit=1)), None)
    if entity is None:
        return popover_error(request, "Choose the entity to link this mention to.")
    try:
        services.mention_relink(mention=mention, entity=entity, changed_by=request.user)
    except services.AnnotationError as error:
        return popover_error(request, str(error))
    return mentions_changed(
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
    return mentions_changed(
        request,
        mention.article,
        start=mention.start,
        end=mention.end,
        suggesting=request.POST.get("suggest") == "1",
        message=f"Removed the mention “{mention.quote}”.",
    )
