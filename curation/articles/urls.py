from django.urls import path

from curation.articles import views, views_corrections

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("<int:pk>/", views.article_detail, name="detail"),
    path("<int:pk>/edit/", views.article_edit, name="edit"),
    path("<int:pk>/correct/", views_corrections.article_correction, name="correct"),
    path("<int:pk>/revisions/", views_corrections.article_revisions, name="revisions"),
    path("<int:pk>/revisions/<int:number>/", views_corrections.article_revision, name="revision"),
    path("<int:pk>/revisions/diff/", views_corrections.article_revision_diff, name="diff"),
    path("import/", views.import_start, name="import"),
    path("import/preview/", views.import_preview, name="import-preview"),
    path("import/save/", views.import_save, name="import-save"),
]
