from django.urls import path

from curation.annotations import views

app_name = "annotations"

urlpatterns = [
    path("articles/<int:pk>/annotate/", views.workspace, name="workspace"),
    path("articles/<int:pk>/annotate/mentions/new/", views.mention_new, name="mention-new"),
    path("articles/<int:pk>/annotate/mentions/", views.mention_create, name="mention-create"),
    path(
        "articles/<int:pk>/annotate/mentions/<int:mention_id>/",
        views.mention_edit,
        name="mention-edit",
    ),
    path(
        "articles/<int:pk>/annotate/mentions/<int:mention_id>/delete/",
        views.mention_delete,
        name="mention-delete",
    ),
    path(
        "articles/<int:pk>/annotate/suggestions/accept/",
        views.suggestion_accept,
        name="suggestion-accept",
    ),
    path(
        "articles/<int:pk>/annotate/suggestions/accept-all/",
        views.suggestions_accept_all,
        name="suggestions-accept-all",
    ),
    path(
        "articles/<int:pk>/annotate/suggestions/dismiss/",
        views.suggestion_dismiss,
        name="suggestion-dismiss",
    ),
    path("articles/<int:pk>/annotate/events/new/", views.event_new, name="event-new"),
    path("articles/<int:pk>/annotate/events/", views.event_create, name="event-create"),
    path("articles/<int:pk>/annotate/events/<int:event_id>/", views.event_edit, name="event-edit"),
    path(
        "articles/<int:pk>/annotate/events/<int:event_id>/delete/",
        views.event_delete,
        name="event-delete",
    ),
    path("articles/<int:pk>/annotate/date-preview/", views.date_preview, name="date-preview"),
    path("entities/", views.EntityListView.as_view(), name="entities"),
    path("entities/autocomplete/", views.entity_autocomplete, name="entity-autocomplete"),
    path("entities/<int:entity_id>/", views.entity_detail, name="entity"),
    path("entities/<int:entity_id>/edit/", views.entity_edit, name="entity-edit"),
    path("entities/<int:entity_id>/aliases/", views.alias_add, name="alias-add"),
    path(
        "entities/<int:entity_id>/aliases/<int:alias_id>/delete/",
        views.alias_delete,
        name="alias-delete",
    ),
    path("entities/<int:entity_id>/merge/", views.entity_merge, name="entity-merge"),
]
