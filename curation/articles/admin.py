from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from curation.articles.models import Article, Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
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
        ("Text", {"fields": ["body"]}),
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

    def save_model(self, request, obj, form, change) -> None:
        if "published_on" in form.changed_data:
            obj.date_from_dateline = False  # an admin's date, no longer a dateline's
        super().save_model(request, obj, form, change)

    def has_add_permission(self, request) -> bool:
        # Articles come in through the importer, which cleans them and checks for copies.
        return False
