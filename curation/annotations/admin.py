from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from curation.annotations.gazetteer import normalise_alias
from curation.annotations.models import (
    Alias,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Participant,
)


@admin.register(EntityKind)
class EntityKindAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "colour", "order"]
    list_editable = ["colour", "order"]
    prepopulated_fields = {"slug": ["name"]}


class AliasFormSet(BaseInlineFormSet):
    """Aliases are unique per entity in normalised form; say so instead of failing."""

    def clean(self):
        super().clean()
        seen: dict[str, str] = {}
        entity_name = normalise_alias(self.instance.name or "")
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            text = form.cleaned_data.get("text", "")
            normalised = normalise_alias(text)
            if normalised in seen:
                form.add_error("text", f"“{text}” is the same name as “{seen[normalised]}”.")
            elif normalised == entity_name:
                form.add_error("text", "That is the entity's own name.")
            seen[normalised] = text


class AliasInline(admin.TabularInline):
    model = Alias
    formset = AliasFormSet
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
        # A subquery, so that searching by alias (a join) can't multiply the count.
        mentions = Mention.objects.filter(entity=OuterRef("pk")).order_by().values("entity")
        return (
            super()
            .get_queryset(request)
            .annotate(
                mention_count=Coalesce(Subquery(mentions.annotate(n=Count("id")).values("n")), 0)
            )
        )

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
    raw_id_fields = ["article"]
    # Only the status is edited here: offsets and entities change in the workspace,
    # which checks them.
    readonly_fields = [
        "article",
        "entity",
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


@admin.register(EventType)
class EventTypeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "colour", "parent"]
    list_filter = ["parent"]
    search_fields = ["name", "slug", "description"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name"]}


class ParticipantInline(admin.TabularInline):
    model = Participant
    raw_id_fields = ["entity"]
    extra = 0


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["headline", "event_type", "date", "article", "status", "created_at"]
    list_filter = ["status", "event_type"]
    list_select_related = ["event_type__parent", "article"]
    search_fields = ["headline", "quote"]
    raw_id_fields = ["article", "location"]
    readonly_fields = [
        "article",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "date_lower",
        "date_upper",
        "date_start",
        "date_end",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [ParticipantInline]

    def has_add_permission(self, request) -> bool:
        return False
