"""The chronology's URLs: the curators' pages under /curate/, the public pages under /c/,
and the exports beside them. Each list belongs to one views module."""

from django.urls import path  # noqa: F401  (each module adds its paths)

from curation.chronology.views import annotation_dump, exports, public, web_annotations
from curation.chronology.views.curate import chronologies as curate_chronologies
from curation.chronology.views.curate import entries as curate_entries
from curation.chronology.views.curate import entry_actions, page

app_name = "chronology"

# /curate/...: views/curate/ (curators)
curate_patterns = [
    path("curate/", page.curate, name="curate"),
    path("curate/events/<int:pk>/entry/", page.create, name="curate-create"),
    path("curate/events/<int:pk>/merge/", page.merge, name="curate-merge"),
    path("curate/events/<int:pk>/not-same/", page.not_same, name="curate-not-same"),
    path("curate/entries/", curate_entries.entry_list, name="curate-entries"),
    path("curate/entries/<int:pk>/", curate_entries.entry_detail, name="curate-entry"),
    path("curate/entries/<int:pk>/edit/", entry_actions.edit, name="curate-entry-edit"),
    path(
        "curate/entries/<int:pk>/confirm-date/",
        entry_actions.confirm_date,
        name="curate-entry-confirm-date",
    ),
    path("curate/entries/<int:pk>/detach/", entry_actions.detach, name="curate-entry-detach"),
    path("curate/entries/<int:pk>/split/", entry_actions.split, name="curate-entry-split"),
    path("curate/entries/<int:pk>/merge/", entry_actions.merge, name="curate-entry-merge"),
    path("curate/entries/<int:pk>/publish/", entry_actions.publish, name="curate-entry-publish"),
    path(
        "curate/entries/<int:pk>/checked/",
        entry_actions.resolve_attention,
        name="curate-entry-resolve-attention",
    ),
    path(
        "curate/entries/<int:pk>/unpublish/",
        entry_actions.unpublish,
        name="curate-entry-unpublish",
    ),
    path(
        "curate/chronologies/",
        curate_chronologies.chronology_list,
        name="curate-chronologies",
    ),
    path(
        "curate/chronologies/new/",
        curate_chronologies.chronology_new,
        name="curate-chronology-new",
    ),
    path(
        "curate/chronologies/<int:pk>/",
        curate_chronologies.chronology_edit,
        name="curate-chronology-edit",
    ),
]

# /c/...: views/public.py (no login)
public_patterns = [
    path("c/", public.index, name="index"),
    path("c/entities/<int:entity_id>/", public.entity_page, name="public-entity"),
    path("c/<slug:slug>/", public.chronology_page, name="public"),
    path(
        "c/<slug:slug>/entity-options/",
        public.entity_options,
        name="public-entity-options",
    ),
]

# /c/<slug>/<file>: views/exports.py and web_annotations.py (no login; an article's Web
# Annotations for staff)
export_patterns = [
    path("c/<slug:slug>/timeline.json", exports.timeline_json, name="timeline-json"),
    path("c/<slug:slug>/entries.csv", exports.entries_csv, name="entries-csv"),
    path("c/<slug:slug>/feed.atom", exports.chronology_feed, name="feed"),
    path("c/<slug:slug>/calendar.ics", exports.calendar_ics, name="calendar"),
    path(
        "c/<slug:slug>/annotations.jsonld",
        web_annotations.chronology_annotations,
        name="annotations",
    ),
    path("articles/annotations.jsonl", annotation_dump.all_annotations, name="all-annotations"),
    path(
        "articles/<int:pk>/annotations.jsonld",
        web_annotations.article_annotations,
        name="article-annotations",
    ),
]

urlpatterns = [*curate_patterns, *public_patterns, *export_patterns]
