from django.urls import path

from curation.articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("<int:pk>/", views.article_detail, name="detail"),
    path("<int:pk>/edit/", views.article_edit, name="edit"),
    path("import/", views.import_start, name="import"),
    path("import/preview/", views.import_preview, name="import-preview"),
    path("import/save/", views.import_save, name="import-save"),
]
