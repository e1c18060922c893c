from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import Length
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from curation.articles.corrections import (
    CorrectionError,
    article_correct,
    body_from_edit,
    current_revision_number,
    may_correct,
)
from curation.articles.forms import ArticleCorrectionForm, SourceAdminForm
from curation.articles.models import Article, ArticleRevision, Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    form = SourceAdminForm
    list_display = ["name", "slug", "homepage", "active", "article_count"]
    list_filter = ["active"]
    search_fields = ["name", "slug", "homepage"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, source: Source) -> int:
        return source.article_count


class NeedsDateFilter(admin.SimpleListFilter):
    title = "publication date"
    parameter_name = "date"

    def lookups(self, request, model_admin):
        return [("has", "Has a date"), ("needs", "Needs a date")]

    def queryset(self, request, queryset):
        if self.value() in {"has", "needs"}:
            return queryset.filter(published_on__isnull=self.value() == "needs")
        return queryset


class ReadOnlyAdmin:
    """Revisions are written by corrections only (``articles.corrections``)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["article", "number", "created_at", "author", "reason"]
    list_select_related = ["article", "author"]
    search_fields = ["article__title", "reason"]
    raw_id_fields = ["article"]
    fields = ["article", "number", "created_at", "author", "reason", "body"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("article__body", "article__raw_text")


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "source",
        "published_on",
        "format",
        "date_detected",
        "title_derived",
        "imported_at",
    ]
    list_filter = [NeedsDateFilter, "source", "format", "date_detected", "title_derived"]
    list_select_related = ["source"]
    search_fields = ["title", "byline", "body"]
    date_hierarchy = "imported_at"
    raw_id_fields = ["imported_by"]
    readonly_fields = [
        "body",
        "raw_text",
        "content_hash",
        "format",
        "date_detected",
        "date_from_dateline",
        "title_derived",
        "import_notes",
        "imported_by",
        "imported_at",
        "revisions",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "source",
                    "kicker",
                    "title",
                    "standfirst",
                    "byline",
                    "published_on",
                    "url",
                ]
            },
        ),
        ("Text", {"fields": ["body", "revisions"]}),
        (
            "Import",
            {
                "classes": ["collapse"],
                "fields": [
                    "format",
                    "date_detected",
                    "date_from_dateline",
                    "title_derived",
                    "import_notes",
                    "imported_by",
                    "imported_at",
                    "content_hash",
                    "raw_text",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body", "raw_text")

    @admin.display(description="Revisions")
    def revisions(self, article: Article) -> str:
        """The revisions of the text, newest first, read-only: each links to its text."""
        rows = list(
            article.revisions.select_related("author")
            .defer("body")
            .annotate(characters=Length("body"))
            .order_by("-number")
        )
        if not rows:
            return "None yet: the text is as imported."
        cells = [
            (
                reverse("admin:articles_articlerevision_change", args=[revision.pk]),
                revision.number,
                date_format(timezone.localtime(revision.created_at), "j M Y, H:i"),
                revision.author.get_username() if revision.author else "the desk",
                revision.reason,
                f"{revision.characters:,}",
            )
            for revision in rows
        ]
        body = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            cells,
        )
        return format_html(
            "<table><thead><tr><th>No.</th><th>When</th><th>By</th><th>Reason</th>"
            "<th>Characters</th></tr></thead><tbody>{}</tbody></table>",
            body,
        )

    def get_urls(self):
        correct = path(
            "<path:object_id>/correct/",
            self.admin_site.admin_view(self.correct_view),
            name="articles_article_correct",
        )
        return [correct, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "may_correct": may_correct(request.user)}
        return super().change_view(request, object_id, form_url, extra_context)

    def correct_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Correct the article's text through ``articles.corrections``, with a reason."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (self.has_view_permission(request, article) and may_correct(request.user)):
            raise PermissionDenied
        form = ArticleCorrectionForm(
            request.POST or None,
            initial={"body": article.body, "expected_revision": current_revision_number(article)},
        )
        if request.method == "POST" and form.is_valid():
            try:
                result = article_correct(
                    article=article,
                    new_body=body_from_edit(form.cleaned_data["body"]),
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    expected_revision=form.cleaned_data["expected_revision"],
                )
            except CorrectionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, result.summary())
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[article.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "form": form,
            "title": f"Correct the text of “{article}”",
            "has_view_permission": True,
        }
        status = 422 if form.errors else 200
        return TemplateResponse(
            request, "admin/articles/article/correct.html", context, status=status
        )

    def save_model(self, request, obj, form, change) -> None:
        if "published_on" in form.changed_data:
            obj.date_from_dateline = False  # an admin's date, no longer a dateline's
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request) -> bool:
        # Articles come in through the importer, which cleans them and checks for copies.
        return False
