"""The workspace page, and marking, relinking and removing mentions in it."""

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from curation.annotations import entity_reads, selectors, services, workflow
from curation.annotations.forms import MentionCreateForm, RelinkForm, SpanForm
from curation.annotations.models import Entity, EntityKind, Mention
from curation.annotations.spans import (
    SpanError,
    anchor,
    check_within_paragraph,
    snap_to_words,
)
from curation.annotations.views.common import (
    WORKSPACE,
    article_or_404,
    can_annotate,
    can_read,
    expected_version,
    mentions_changed,
    popover_error,
    posted_version,
    refused,
    render_workspace,
    workspace_context,
)
from curation.articles.models import Article


@login_required
@can_read
@require_GET
def workspace(request: HttpRequest, pk: int) -> HttpResponse:
    # The text as imported (raw_text) is as long as the body, and not shown here.
    article = get_object_or_404(Article.objects.select_related("source").defer("raw_text"), pk=pk)
    suggesting = request.GET.get("suggest") == "1"
    context = workspace_context(article, user=request.user, suggesting=suggesting)
    if request.htmx and not request.htmx.boosted:
        return render_workspace(request, f"{WORKSPACE}#text", context)
    context["nav_section"] = "articles"
    return render_workspace(request, WORKSPACE, context)


@login_required
@can_read
@require_GET
def entity_rows(request: HttpRequest, pk: int) -> HttpResponse:
    """Every row of the side panel, for "Show the other … entities"."""
    article = get_object_or_404(Article.objects.only("pk"), pk=pk)
    context = {
        "article": article,
        "rows": selectors.article_entity_counts(article),
        "first_new": selectors.PANEL_ROWS,
        "entities_url": reverse("annotations:entities"),
    }
    return render(request, "annotations/entity_rows.html", context)


@login_required
@can_read
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
        check_within_paragraph(article.body, start, end)
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
            "hits": entity_reads.entity_autocomplete(quote),
            "suggest": request.GET.get("suggest") == "1",
        },
    )


@login_required
@can_annotate
@require_GET
def entity_autocomplete(request: HttpRequest) -> HttpResponse:
    hits = entity_reads.entity_autocomplete(request.GET.get("q", ""))
    return render(
        request, "annotations/autocomplete.html", {"hits": hits, "q": request.GET.get("q", "")}
    )


@login_required
@can_read
@can_annotate
@require_POST
def mention_create(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_or_404(pk)
    form = MentionCreateForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(error for errs in form.errors.values() for error in errs)
        return popover_error(request, errors)
    data = form.cleaned_data
    if data["create"] and not request.user.has_perm("annotations.add_entity"):
        raise PermissionDenied
    learn_alias = request.user.has_perm("annotations.add_alias")
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
                allow_same_name=data["confirmed"],
                learn_alias=learn_alias,
            )
        else:
            mention = services.mention_create(
                article=article,
                start=data["start"],
                end=data["end"],
                entity=_chosen_entity(data),
                quote=data["quote"] or None,
                created_by=request.user,
                learn_alias=learn_alias,
                allow_shared_alias=data["confirmed"],
            )
    except services.NameClash as clash:
        return _confirm_name(request, article, form, clash)
    except services.AnnotationError as error:
        return popover_error(request, str(error))
    return mentions_changed(
        request,
        article,
        start=mention.start,
        end=mention.end,
        suggesting=data["suggest"],
        message=f"Marked “{mention.quote}” as {mention.entity.name}.",
        gained=mention.entity_id,
    )


def _confirm_name(
    request: HttpRequest,
    article: Article,
    form: MentionCreateForm | RelinkForm,
    clash: services.NameClash,
    *,
    mention: Mention | None = None,
) -> HttpResponse:
    """Ask before a second entity of a known name, or a text that would name two
    entities: offer the entities that have the name, and going on anyway."""
    data = form.cleaned_data
    if mention is not None:
        post_url = reverse("annotations:mention-edit", args=[article.pk, mention.pk])
        # the version the editor's popover showed, so that going on is still checked
        version = posted_version(request)
        span_fields = {} if version is None else {"version": version}
        quote = mention.quote
    else:
        post_url = reverse("annotations:mention-create", args=[article.pk])
        quote = article.body[data["start"] : data["end"]]
        span_fields = {"start": data["start"], "end": data["end"], "quote": quote}
    creating = bool(data.get("create"))
    chosen = None if creating else (data.get("entity") or _chosen_entity(data))
    go_on = (
        {"create": "on", "name": data["name"], "kind": data["kind"].pk}
        if creating
        else {"entity": chosen.pk}
    )
    return render(
        request,
        "annotations/popover_confirm.html",
        {
            "article": article,
            "quote": quote,
            "message": str(clash),
            "entities": clash.entities,
            "post_url": post_url,
            "span_fields": span_fields,
            "go_on_fields": go_on,
            "go_on_label": (
                f"Create another “{data['name']}” ({data['kind'].name})"
                if creating
                else f"Mark it as {chosen.name} anyway"
            ),
            "merge_into": chosen,
            "suggest": data["suggest"],
        },
    )


def _chosen_entity(data: dict) -> Entity:
    """The entity picked in the popover, or the first match for what was typed (Enter)."""
    if data["entity"]:
        return data["entity"]
    hits = entity_reads.entity_autocomplete(data["q"], limit=1)
    if not hits:
        raise services.AnnotationError(
            f"No entity matches “{data['q']}”. Create a new one instead."
        )
    return hits[0]


@login_required
@can_read
@can_annotate
def mention_edit(request: HttpRequest, pk: int, mention_id: int) -> HttpResponse:
    """GET: the popover of an existing mention: its state, and what the editor may do
    with it. POST: link it to another entity."""
    mention = get_object_or_404(
        Mention.objects.select_related("entity__kind", "article", "created_by", "reviewed_by"),
        pk=mention_id,
        article_id=pk,
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
    if not workflow.may_change(request.user, mention):  # before reading the form
        return refused(request, services.not_allowed(mention, "change"), what="mention")
    form = RelinkForm(request.POST)
    if not form.is_valid():
        return popover_error(request, "Choose the entity to link this mention to.")
    data = form.cleaned_data
    entity = data["entity"] or next(
        iter(entity_reads.entity_autocomplete(data["q"], limit=1)), None
    )
    if entity is None:
        return popover_error(request, "Choose the entity to link this mention to.")
    linked_before = mention.entity_id
    try:
        services.mention_relink(
            mention=mention,
            entity=entity,
            changed_by=request.user,
            expected_version=expected_version(request),
            learn_alias=request.user.has_perm("annotations.add_alias"),
            allow_shared_alias=data["confirmed"],
        )
    except services.NameClash as clash:
        form.cleaned_data["entity"] = entity
        return _confirm_name(request, mention.article, form, clash, mention=mention)
    except services.AnnotationError as error:
        return refused(request, error, what="mention")
    return mentions_changed(
        request,
        mention.article,
        start=mention.start,
        end=mention.end,
        suggesting=data["suggest"],
        message=f"“{mention.quote}” now marks {entity.name}.",
        gained=entity.pk,
        lost=linked_before,
    )


@login_required
@can_read
@permission_required("annotations.delete_mention", raise_exception=True)
@require_POST
def mention_delete(request: HttpRequest, pk: int, mention_id: int) -> HttpResponse:
    mention = get_object_or_404(
        Mention.objects.select_related("article"), pk=mention_id, article_id=pk
    )
    try:
        services.mention_delete(
            mention=mention, deleted_by=request.user, expected_version=expected_version(request)
        )
    except services.AnnotationError as error:
        return refused(request, error, what="mention")
    return mentions_changed(
        request,
        mention.article,
        start=mention.start,
        end=mention.end,
        suggesting=request.POST.get("suggest") == "1",
        message=f"Removed the mention “{mention.quote}”.",
        lost=mention.entity_id,
    )
