"""The entity directory and an entity's page: details, aliases, merging."""

import copy
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_filters.views import FilterView
from django_htmx.http import HttpResponseClientRedirect
from django_tables2 import SingleTableMixin

from curation.annotations import entity_reads, services
from curation.annotations.filters import EntityFilter
from curation.annotations.forms import AliasForm, EntityForm, MergeForm
from curation.annotations.gazetteer import normalise_alias
from curation.annotations.labels import clash_warning, distinct_labels
from curation.annotations.models import Alias, Entity
from curation.annotations.tables import EntityTable
from curation.annotations.views.common import (
    CONFLICT,
    UNPROCESSABLE,
    can_read,
    expected_version,
    posted_version,
    refusal,
)

ENTITY_PAGE = "annotations/entity_detail.html"


class EntityListView(LoginRequiredMixin, PermissionRequiredMixin, SingleTableMixin, FilterView):
    permission_required = "annotations.view_entity"
    filterset_class = EntityFilter
    table_class = EntityTable
    template_name = "annotations/entity_list.html"
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return entity_reads.entity_directory().order_by("name", "id")

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#table"]
        return [self.template_name]


def with_entity(view):
    """Pass the view the entity of the URL. One that was merged away leads to where it
    went, with a message (so old links keep working); one that never was is a 404."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, entity_id: int, *args, **kwargs) -> HttpResponse:
        entity = Entity.objects.select_related("kind", "created_by").filter(pk=entity_id).first()
        if entity is not None:
            return view(request, entity, *args, **kwargs)
        gone = entity_reads.deleted_entity(entity_id)
        survivor = entity_reads.merged_into(entity_id) if gone is not None else None
        if survivor is None:
            raise Http404("No such entity.")
        if request.method == "GET":
            gone_label, survivor_label = distinct_labels([gone, survivor])
            messages.info(request, f"{gone_label} was merged into {survivor_label}.")
        else:
            messages.error(request, f"{entity_reads.whereabouts(gone)}, so nothing was changed.")
        if request.htmx:
            return HttpResponseClientRedirect(survivor.get_absolute_url())
        return redirect(survivor)

    return wrapper


@login_required
@permission_required("annotations.view_entity", raise_exception=True)
@can_read  # the page quotes the article text around each mention
@require_GET
@with_entity
def entity_detail(request: HttpRequest, entity: Entity) -> HttpResponse:
    return render(request, ENTITY_PAGE, _entity_page(entity))


def _entity_page(entity: Entity, **extra) -> dict:
    return {
        "entity": entity,
        "aliases": list(entity.aliases.all()),
        "mentions": entity_reads.entity_mentions(entity),
        "mention_total": entity.mentions.count(),
        "alias_form": AliasForm(),
        **extra,
    }


def _name_clash(entity: Entity, text: str, *, question: str, merge_into_them: bool) -> dict:
    """What the page shows before ``entity`` takes a name other entities already have:
    the warning, and a way to merge instead. An alias of another entity's name is what
    merging that entity into this one gives; renaming this one to it, merging this one
    into that one. Empty when no other entity has that name."""
    clashes = entity_reads.entities_named(text, exclude=entity.pk)
    if not clashes:
        return {}
    merges = []
    for clash in clashes:
        merged, survivor = (entity, clash) if merge_into_them else (clash, entity)
        merged_label, survivor_label = distinct_labels([merged, survivor])
        merges.append(
            {
                "url": reverse("annotations:entity-merge", args=[merged.pk])
                + f"?into={survivor.pk}",
                "label": f"Merge {merged_label} into {survivor_label} instead…",
            }
        )
    return {
        "warning": clash_warning(text, entity, clashes, question=question),
        "merges": merges,
        "text": text,
    }


@login_required
@permission_required("annotations.change_entity", raise_exception=True)
@can_read  # without JavaScript, the answer is the entity page
@require_http_methods(["GET", "POST"])
@with_entity
def entity_edit(request: HttpRequest, entity: Entity) -> HttpResponse:
    """The entity's name, kind, description and Wikidata id, edited in place. A new name
    that another entity already has is saved only once the editor confirms it."""
    if request.method == "GET" and request.GET.get("cancel"):
        return render(request, f"{ENTITY_PAGE}#details", {"entity": entity})
    # The form works on a copy, so that the page keeps showing what is stored until
    # the change is saved.
    posted = request.POST if request.method == "POST" else None  # an empty POST is bound too
    form = EntityForm(posted, instance=copy.copy(entity))
    # the version the form was made from, carried through a question about the name
    version = posted_version(request) if request.method == "POST" else entity.version
    clash = {}
    status = 200
    if request.method == "POST" and form.is_valid():
        new_name = " ".join(form.cleaned_data["name"].split())
        renamed = normalise_alias(new_name) != normalise_alias(entity.name)
        confirmed = normalise_alias(request.POST.get("confirmed", "")) == normalise_alias(new_name)
        if renamed and not confirmed:
            clash = _name_clash(
                entity, new_name, question="Rename {entity} anyway?", merge_into_them=True
            )
        if not clash:
            try:
                saved = services.entity_update(
                    entity=form.instance,
                    changes=form.cleaned_data,
                    changed_by=request.user,
                    expected_version=expected_version(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
            except services.AnnotationError as error:
                status, message = refusal(request, error, what="entity")
                form.add_error(None, message)
            else:
                return _entity_saved(request, saved)
    if form.errors and status == 200:
        status = UNPROCESSABLE
    context = {"entity": entity, "form": form, "clash": clash, "version": version}
    if not request.htmx:
        return render(request, ENTITY_PAGE, _entity_page(**context), status=status)
    return render(request, f"{ENTITY_PAGE}#details", context, status=status)


def _entity_saved(request: HttpRequest, entity: Entity) -> HttpResponse:
    if not request.htmx:
        messages.success(request, "Saved.")
        return redirect(entity)
    # The details, and out of band the heading and the aliases: a former name is one now.
    return render(
        request,
        f"{ENTITY_PAGE}#details",
        {
            "entity": entity,
            "saved": True,
            "aliases": list(entity.aliases.all()),
            "alias_form": AliasForm(),
        },
    )


def _aliases(request: HttpRequest, entity: Entity, form: AliasForm, *, status=200, **extra):
    context = {"entity": entity, "alias_form": form, **extra}
    if not request.htmx:
        return render(request, ENTITY_PAGE, _entity_page(**context), status=status)
    context["aliases"] = list(entity.aliases.all())
    return render(request, f"{ENTITY_PAGE}#aliases", context, status=status)


@login_required
@permission_required("annotations.add_alias", raise_exception=True)
@can_read  # without JavaScript, the answer is the entity page
@require_POST
@with_entity
def alias_add(request: HttpRequest, entity: Entity) -> HttpResponse:
    """Add an alias. One that is already another entity's name or alias is added only
    once the editor confirms it; merging the two is offered instead."""
    form = AliasForm(request.POST)
    if not form.is_valid():
        return _aliases(request, entity, form, status=UNPROCESSABLE)
    text = form.cleaned_data["text"]
    own_names = {normalise_alias(entity.name), *(a.normalised for a in entity.aliases.all())}
    normalised = normalise_alias(text)
    confirmed = normalise_alias(request.POST.get("confirmed", "")) == normalised
    if normalised not in own_names and not confirmed:
        clash = _name_clash(
            entity,
            text,
            question="Add it as an alias of {entity} anyway?",
            merge_into_them=False,
        )
        if clash:
            return _aliases(request, entity, form, clash=clash)
    try:
        alias = services.alias_add(entity=entity, text=text)
    except services.AnnotationError as error:
        form.add_error("text", str(error))
    else:
        if alias is None:
            form.add_error("text", f"{entity.name} already has that name.")
    if form.errors:
        return _aliases(request, entity, form, status=UNPROCESSABLE)
    return _aliases(request, entity, AliasForm())


@login_required
@permission_required("annotations.delete_alias", raise_exception=True)
@can_read  # without JavaScript, the answer is the entity page
@require_POST
def alias_delete(request: HttpRequest, entity_id: int, alias_id: int) -> HttpResponse:
    alias = get_object_or_404(
        Alias.objects.select_related("entity__kind"), pk=alias_id, entity_id=entity_id
    )
    services.alias_delete(alias=alias)
    return _aliases(request, alias.entity, AliasForm())


@login_required
@permission_required("annotations.delete_entity", raise_exception=True)
@require_http_methods(["GET", "POST"])
@with_entity
def entity_merge(request: HttpRequest, entity: Entity) -> HttpResponse:
    """Merge this entity into another (the survivor), found by searching; ``?into=N``
    preselects one. Someone else's merge a moment earlier is explained, not a 500."""
    form = MergeForm(request.POST if request.method == "POST" else None)
    form.fields["survivor"].queryset = form.fields["survivor"].queryset.exclude(pk=entity.pk)
    refusal = ""
    if request.method == "POST":
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            try:
                services.entity_merge(survivor=survivor, merged=entity, merged_by=request.user)
            except services.AnnotationError as error:
                refusal = str(error)
            else:
                merged_label, survivor_label = distinct_labels([entity, survivor])
                messages.success(request, f"Merged {merged_label} into {survivor_label}.")
                return redirect(survivor)
        else:
            refusal = _vanished_choice(request.POST.get("survivor", ""))
    query = request.GET.get("q", "")
    candidates = [
        hit for hit in entity_reads.entity_autocomplete(query, limit=10) if hit.pk != entity.pk
    ]
    chosen = _preselected(request.GET.get("into", ""), entity)
    if chosen is not None:
        candidates = [chosen, *(hit for hit in candidates if hit.pk != chosen.pk)]
    template = "annotations/entity_merge.html"
    if request.htmx and request.method == "GET" and "q" in request.GET:
        template += "#candidates"
    status = 200
    if refusal:
        status = CONFLICT
    elif form.errors:
        status = UNPROCESSABLE
    return render(
        request,
        template,
        {
            "entity": entity,
            "form": form,
            "q": query,
            "choices": [
                {"entity": candidate, "label": label, "checked": candidate == chosen}
                for candidate, label in zip(
                    candidates, distinct_labels([entity, *candidates])[1:], strict=True
                )
            ],
            "refusal": refusal,
        },
        status=status,
    )


def _preselected(value: str, entity: Entity) -> Entity | None:
    if not value.isdigit() or len(value) > 18 or int(value) == entity.pk:
        return None
    return Entity.objects.select_related("kind").filter(pk=int(value)).first()


def _vanished_choice(value: str) -> str:
    """Why the chosen survivor is not there, when someone merged or deleted it since the
    page was shown; empty for any other mistake."""
    gone = entity_reads.deleted_entity(int(value)) if value.isdigit() and len(value) < 19 else None
    if gone is None:
        return ""
    return f"{entity_reads.whereabouts(gone)}, so nothing was merged."
