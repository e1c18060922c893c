from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from curation.annotations.models import Alias, Entity, EntityKind, Mention


@admin.register(EntityKind)
class EntityKindAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "colour", "order"]
    list_editable = ["colour", "order"]
    prepopulated_fields = {"slug": ["name"]}


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ["text", "normalised"]
    readonly_fields = ["normalised"]
    extra = 1


@admin.register(Entity)
class EntityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "wikidata_id", "mention_count", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["kind"]
    search_fields = ["name", "aliases__text", "wikidata_id"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [AliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mention_count=Count("mentions"))

    @admin.display(description="Mentions", ordering="mention_count")
    def mention_count(self, entity: Entity) -> int:
        return entity.mention_count


@admin.register(Mention)
class MentionAdmin(SimpleHistoryAdmin):
    """Read-mostly: mentions are made in the workspace, where offsets are checked."""

    list_display = ["quote", "entity", "article", "status", "created_by", "created_at"]
    list_filter = ["status", "entity__kind"]
    list_select_related = ["entity", "article", "created_by"]
    search_fields = ["quote", "entity__name"]
    raw_id_fields = ["article", "entity"]
    readonly_fields = [
        "article",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fields = [
        "article",
        "entity",
        "status",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "created_by",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False
