from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from curation.articles.corrections import articles_correct_from_import, may_correct
from curation.articles.filters import ArticleFilter
from curation.articles.forms import ArticleMetadataForm, ImportForm
from curation.articles.models import Article
from curation.articles.preview import (
    any_importable,
    articles_to_save,
    corrections_to_apply,
    posted_items,
    preview_items,
)
from curation.articles.selectors import articles_for_list
from curation.articles.services import article_update_metadata, articles_save
from curation.articles.tables import ArticleTable

UNPROCESSABLE = 422


class ArticleListView(LoginRequiredMixin, PermissionRequiredMixin, SingleTableMixin, FilterView):
    permission_required = "articles.view_article"
    model = Article
    filterset_class = ArticleFilter
    table_class = ArticleTable
    template_name = "articles/article_list.html"
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        return articles_for_list()

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#table"]
        return [self.template_name]


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source", "imported_by"), pk=pk)
    template = "articles/article_detail.html"
    if request.htmx:
        template += "#metadata"
    return render(request, template, {"article": article})


@login_required
@permission_required("articles.change_article", raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    form = ArticleMetadataForm(request.POST or None, instance=article)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            article_update_metadata(
                article=article, changes=_changed(form), changed_by=request.user
            )
            if not request.htmx:
                messages.success(request, "Details saved.")
                return redirect(article)
            return render(
                request,
                "articles/article_detail.html#metadata",
                {"article": article, "saved": True},
            )
        status = UNPROCESSABLE
    template = "articles/article_edit.html"
    if request.htmx:
        template += "#form"
    return render(request, template, {"article": article, "form": form}, status=status)


def _changed(form: ArticleMetadataForm) -> dict[str, object]:
    """The article's fields the editor changed (not the form's own, such as a confirmation)."""
    return {
        name: form.cleaned_data[name] for name in form.changed_data if name in form._meta.fields
    }


@login_required
@permission_required("articles.add_article", raise_exception=True)
@require_GET
def import_start(request: HttpRequest) -> HttpResponse:
    return _render_flow(request, "start", {"form": ImportForm()})


@login_required
@permission_required("articles.add_article", raise_exception=True)
@require_POST
def import_preview(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_flow(request, "start", {"form": form}, status=UNPROCESSABLE)
    items = preview_items(
        text=form.cleaned_data["text"] or "",
        files=form.cleaned_data["files"],
        source=form.cleaned_data["source"],
        max_bytes=settings.CURATION_IMPORT_MAX_BYTES,
        may_correct=may_correct(request.user),
    )
    return _render_flow(request, "preview", _preview_context(items))


def _preview_context(items: list) -> dict:
    return {"items": items, "importable": any_importable(items)}


@login_required
@permission_required("articles.add_article", raise_exception=True)
@require_POST
def import_save(request: HttpRequest) -> HttpResponse:
    items = posted_items(request.POST)
    batch = articles_to_save(items, user=request.user)
    if batch is None:
        return _render_flow(request, "preview", _preview_context(items), status=UNPROCESSABLE)
    outcomes = articles_save(batch=batch) if batch else []
    outcomes += articles_correct_from_import(corrections_to_apply(items), by=request.user)
    imported = sum(1 for outcome in outcomes if outcome.status == "imported")
    return _render_flow(request, "done", {"outcomes": outcomes, "imported": imported})


def _render_flow(request: HttpRequest, step: str, context: dict, status: int = 200) -> HttpResponse:
    template = "articles/import.html"
    if request.htmx:
        template += "#flow"
    return render(request, template, {"step": step, **context}, status=status)
