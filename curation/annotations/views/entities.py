"""The entity directory and an entity's page: details, aliases, merging."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from curation.annotations import selectors, services
from curation.annotations.filters import EntityFilter
from curation.annotations.forms import AliasForm, EntityForm, MergeForm
from curation.annotations.models import Alias, Entity
from curation.annotations.tables import EntityTable
from curation.annotations.views.common import UNPROCESSABLE


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
