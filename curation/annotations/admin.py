from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from curation.annotations import entity_reads, history, versions, workflow
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


class ReadableHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin, whose history list (Date/time, Changed by, Change reason,
    Changes) reads as the desk's History panel does: field labels, related objects by
    name (and merges' entity ids too), dates in words, long texts shortened, bookkeeping
    left out. A change saved here is recorded as made in admin."""

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        described = history.described(records)
        for record in records:
            # The "Object" column: what it was called then, without a query per row (and
            # without failing on a mention whose entity was merged away since).
            record.history_object = described[record.history_id].called
            record.history_change_reason = described[record.history_id].reason
            record.history_delta_changes = [
                {
                    "field": change.label,
                    "old": "—" if change.before is None else change.before or "(none)",
                    "new": change.after or "(none)",
                }
                for change in described[record.history_id].changes
            ]

    def save_model(self, request, obj, form, change):
        if change:
            # A change here is a change like any other: a new version (an editor's page
            # open meanwhile is then out of date), and approved work goes back to review.
            versions.claim(obj, expected=None, what=obj._meta.verbose_name)
            if hasattr(obj, "status"):
                workflow.edited(obj)
            obj._change_reason = getattr(obj, "_change_reason", None) or "edited in admin"
        super().save_model(request, obj, form, change)

    def revert_disabled(self, request, obj=None) -> bool:
        # Mentions, events and entities change through the desk's services, which check
        # names, versions and review states; an old record may name an entity merged away.
        return True

    def history_view_title(self, request, obj) -> str:
        _stand_in_for_entities_gone(obj)
        return f"History of {obj}"

    def history_form_view_title(self, request, obj) -> str:
        _stand_in_for_entities_gone(obj)  # the page then names them too
        return f"View {obj} as it was"


def _stand_in_for_entities_gone(obj) -> None:
    """An old record of a mention or an event may point at an entity merged away or
    deleted since: show that entity as its last record left it, rather than fail."""
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.related_model is Entity:
            pk = getattr(obj, field.attname)
            if pk is not None and not Entity.objects.filter(pk=pk).exists():
                gone = entity_reads.deleted_entity(pk) or Entity(pk=pk, name=f"entity #{pk}")
                setattr(obj, field.name, gone)


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
class EntityAdmin(ReadableHistoryAdmin):
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
class MentionAdmin(ReadableHistoryAdmin):
    """Read-mostly: mentions are made in the workspace, where offsets are checked."""

    list_display = ["quote", "entity", "article", "status", "created_by", "created_at"]
    list_filter = ["status", "entity__kind"]
    list_select_related = ["entity", "article", "created_by"]
    search_fields = ["quote", "entity__name"]
    raw_id_fields = ["article"]
    # Read-only: offsets and entities change in the workspace, which checks them, and
    # review states only through the review queue (annotations.workflow).
    readonly_fields = [
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
class EventAdmin(ReadableHistoryAdmin):
    list_display = ["headline", "event_type", "date", "article", "status", "created_at"]
    list_filter = ["status", "event_type"]
    list_select_related = ["event_type__parent", "article"]
    search_fields = ["headline", "quote"]
    raw_id_fields = ["article", "location"]
    # Review states change only through the review queue (annotations.workflow).
    readonly_fields = [
        "article",
        "status",
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
