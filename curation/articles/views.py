from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from curation.articles.filters import ArticleFilter
from curation.articles.forms import ArticleMetadataForm, ImportForm, PreviewItemForm
from curation.articles.importing import ImportProblem
from curation.articles.models import Article
from curation.articles.tables import ArticleTable
from curation.articles.preview import preview_items, sign_parsed, unsign_parsed
from curation.articles.services import (
    article_build,
    article_update_metadata,
    articles_save,
)

UNPROCESSABLE = 422


class ArticleListView(SingleTableMixin, FilterView):
    model = Article
    filterset_class = ArticleFilter
    table_class = ArticleTable
    template_name = "articles/article_list.html"
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        return Article.objects.select_related("source").defer(
            "body", "raw_text", "standfirst", "import_notes"
        ).order_by("-imported_at", "-id")

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#table"]
        return [self.template_name]


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
            article_update_metadata(article=article, changes=_changed(form),
                                    changed_by=request.user)
            if not request.htmx:
                messages.success(request, "Details saved.")
                return redirect(article)
            return render(request, "articles/article_detail.html#metadata",
                          {"article": article, "saved": True})
        status = UNPROCESSABLE
    template = "articles/article_edit.html"
    if request.htmx:
        template += "#form"
    return render(request, template, {"article": article, "form": form}, status=status)


def _changed(form: ArticleMetadataForm) -> dict[str, object]:
    return {name: form.cleaned_data[name] for name in form.changed_data}


@login_required
@permission_required("articles.add_article", raise_exception=True)
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
    )
    rows = []
    for index, item in enumerate(items):
        item_form = None
        if item.parsed:
            item_form = PreviewItemForm(prefix=f"item-{index}", initial={
                "payload": sign_parsed(item.parsed),
                "where": item.where,
                "include": item.existing_id is None,
                "title": item.parsed.title,
                "published_on": item.parsed.published_on,
                "source": item.source,
                "byline": item.parsed.byline,
            })
        rows.append({"item": item, "form": item_form})
    return _render_flow(request, "preview", {"rows": rows, "count": len(rows)})


@login_required
@permission_required("articles.add_article", raise_exception=True)
@require_POST
def import_save(request: HttpRequest) -> HttpResponse:
    try:
        count = int(request.POST.get("count", "0"))
    except ValueError:
        count = 0
    forms = [PreviewItemForm(request.POST, prefix=f"item-{index}") for index in range(count)
             if f"item-{index}-payload" in request.POST]
    rows, batch, problems = [], [], []
    for form in forms:
        parsed = None
        if form.is_valid():
            try:
                parsed = unsign_parsed(form.cleaned_data["payload"])
            except ImportProblem as problem:
                problems.append(problem.message)
        rows.append({"item": {"where": form.data.get(form.add_prefix("where"), ""),
                              "parsed": parsed}, "form": form})
        if parsed and form.cleaned_data.get("include"):
            batch.append((form.cleaned_data["where"], _with_edits(parsed, form.cleaned_data, request.user)))
    if problems or any(form.errors for form in forms):
        return _render_flow(request, "preview", {"rows": rows, "count": count,
                                                 "problems": problems},
                            status=UNPROCESSABLE)
    outcomes = articles_save(batch=batch) if batch else []
    imported = sum(1 for outcome in outcomes if outcome.status == "imported")
    return _render_flow(request, "done", {"outcomes": outcomes, "imported": imported})


def _with_edits(parsed, data: dict, user) -> Article:
    article = article_build(parsed=parsed, source=data["source"], imported_by=user)
    if data["title"] != parsed.title:
        article.title, article.title_derived = data["title"], False
    article.published_on = data["published_on"]
    article.byline = data["byline"]
    return article


def _render_flow(request: HttpRequest, step: str, context: dict, status: int = 200
                 ) -> HttpResponse:
    template = "articles/import.html"
    if request.htmx:
        template += "#flow"
    return render(request, template, {"step": step, **context}, status=status)

