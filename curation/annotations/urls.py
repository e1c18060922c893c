from django.urls import path

from curation.annotations.views import (
    entities,
    event_types,
    events,
    kinds,
    orphans,
    states,
    suggestions,
    tagged,
    workspace,
)
from curation.annotations.views import history as history_views

app_name = "annotations"

urlpatterns = [
    path("articles/<int:pk>/annotate/", workspace.workspace, name="workspace"),
    path("articles/<int:pk>/annotate/entities/", workspace.entity_rows, name="entity-rows"),
    path("articles/<int:pk>/annotate/mentions/new/", workspace.mention_new, name="mention-new"),
    path("articles/<int:pk>/annotate/mentions/", workspace.mention_create, name="mention-create"),
    path(
        "articles/<int:pk>/annotate/mentions/<int:mention_id>/",
        workspace.mention_edit,
        name="mention-edit",
    ),
    path(
        "articles/<int:pk>/annotate/mentions/<int:mention_id>/delete/",
        workspace.mention_delete,
        name="mention-delete",
    ),
    path(
        "articles/<int:pk>/annotate/mentions/<int:mention_id>/state/",
        states.mention_state,
        name="mention-state",
    ),
    # Orphans (work whose words a correction removed) put on new words.
    path(
        "articles/<int:pk>/annotate/mentions/<int:mention_id>/reattach/",
        orphans.mention_reattach,
        name="mention-reattach",
    ),
    path(
        "articles/<int:pk>/annotate/events/<int:event_id>/reattach/",
        orphans.event_reattach,
        name="event-reattach",
    ),
    path("articles/<int:pk>/annotate/drafts/submit/", states.drafts_submit, name="drafts-submit"),
    path(
        "articles/<int:pk>/annotate/suggestions/accept/",
        suggestions.suggestion_accept,
        name="suggestion-accept",
    ),
    path(
        "articles/<int:pk>/annotate/suggestions/accept-all/",
        suggestions.suggestions_accept_all,
        name="suggestions-accept-all",
    ),
    path(
        "articles/<int:pk>/annotate/suggestions/dismiss/",
        suggestions.suggestion_dismiss,
        name="suggestion-dismiss",
    ),
    path("articles/<int:pk>/annotate/events/new/", events.event_new, name="event-new"),
    path("articles/<int:pk>/annotate/events/", events.event_create, name="event-create"),
    path("articles/<int:pk>/annotate/events/panel/", events.events_panel, name="events-panel"),
    path("articles/<int:pk>/annotate/events/<int:event_id>/", events.event_edit, name="event-edit"),
    path(
        "articles/<int:pk>/annotate/events/<int:event_id>/delete/",
        events.event_delete,
        name="event-delete",
    ),
    path(
        "articles/<int:pk>/annotate/events/<int:event_id>/state/",
        states.event_state,
        name="event-state",
    ),
    path("articles/<int:pk>/annotate/date-preview/", events.date_preview, name="date-preview"),
    path(
        "articles/<int:pk>/annotate/tagged/mentions/<int:tagged_id>/",
        tagged.tagged_mention,
        name="tagged-mention",
    ),
    path(
        "articles/<int:pk>/annotate/tagged/events/<int:tagged_id>/",
        tagged.tagged_event,
        name="tagged-event",
    ),
    path("entities/kinds.css", kinds.kind_styles, name="kind-styles"),
    path("event-types.css", event_types.event_type_styles, name="event-type-styles"),
    path("entities/", entities.EntityListView.as_view(), name="entities"),
    path("entities/autocomplete/", workspace.entity_autocomplete, name="entity-autocomplete"),
    path("entities/<int:entity_id>/", entities.entity_detail, name="entity"),
    path("entities/<int:entity_id>/edit/", entities.entity_edit, name="entity-edit"),
    path("entities/<int:entity_id>/aliases/", entities.alias_add, name="alias-add"),
    path(
        "entities/<int:entity_id>/aliases/<int:alias_id>/delete/",
        entities.alias_delete,
        name="alias-delete",
    ),
    path("entities/<int:entity_id>/merge/", entities.entity_merge, name="entity-merge"),
    # History panels: also for items since deleted, by id.
    path(
        "history/mention/<int:mention_id>/",
        history_views.mention_history,
        name="mention-history",
    ),
    path("history/event/<int:event_id>/", history_views.event_history, name="event-history"),
    path(
        "entities/<int:entity_id>/history/",
        history_views.entity_history,
        name="entity-history",
    ),
]
