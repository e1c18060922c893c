"""Chronologies, entries and "not the same" decisions in Django admin, with their history.

Entries are built on the curation pages, whose services keep the rules (approved events
only, one entry per event, a confirmed date before publishing, versions): here their
events, status and dates are read-only, and a change to the headline or description
takes a new version like any other change."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from curation.annotations import versions
from curation.chronology.models import Chronology, Entry, EntryEvent, NotSameEvent


@admin.register(Chronology)
class ChronologyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "is_public", "created_by", "created_at"]
    list_filter = ["is_public"]
    list_select_related = ["created_by"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class EntryEventInline(admin.TabularInline):
    """The entry's events, read-only: they join and leave on the curation pages."""

    model = EntryEvent
    fields = ["event", "event_status", "event_date", "added_by", "added_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "added_by")

    @admin.display(description="State")
    def event_status(self, link: EntryEvent) -> str:
        return link.event.get_status_display()

    @admin.display(description="Date")
    def event_date(self, link: EntryEvent) -> str:
        return link.event.date_display


@admin.register(Entry)
class EntryAdmin(SimpleHistoryAdmin):
    list_display = ["headline", "date_shown", "event_type", "status", "published_at", "version"]
    list_filter = ["status", "chronologies"]
    list_select_related = ["event_type__parent"]
    search_fields = ["headline", "description", "slug"]
    fields = [
        "headline",
        "description",
        "event_type",
        "date",
        "status",
        "chronologies",
        "published_at",
        "date_confirmed_by",
        "date_confirmed_at",
        "slug",
        "version",
        "created_by",
        "created_at",
        "updated_at",
    ]
    # Dates, events and states change on the curation page, where their rules are kept.
    readonly_fields = [name for name in fields if name not in ("headline", "description")]
    inlines = [EntryEventInline]

    def has_add_permission(self, request) -> bool:
        return False  # an entry starts from approved events, on the curation page

    @admin.display(description="Date", ordering="date_lower")
    def date_shown(self, entry: Entry) -> str:
        return entry.date_display

    def save_model(self, request, obj, form, change):
        # A change here is a change like any other: a new version, so that a curator's
        # page open meanwhile is out of date rather than silently overwritten.
        versions.claim(obj, expected=None, what="entry")
        obj._change_reason = "edited in admin"
        super().save_model(request, obj, form, change)


@admin.register(NotSameEvent)
class NotSameEventAdmin(admin.ModelAdmin):
    """A curator's word that two events are different happenings. Deleting one lets the
    pair be suggested again."""

    list_display = ["__str__", "first", "second", "decided_by", "decided_at"]
    list_select_related = ["first", "second", "decided_by"]
    readonly_fields = ["first", "second", "decided_by", "decided_at"]
    search_fields = ["first__headline", "second__headline"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
