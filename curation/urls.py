from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from curation.operations.health import healthz
from curation.operations.login_form import LoginForm

admin.site.site_header = "Curation desk administration"
admin.site.site_title = "Curation desk admin"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="articles:list"), name="home"),
    path("articles/", include("curation.articles.urls")),
    path("", include("curation.annotations.urls")),
    path("review/", include("curation.review.urls")),
    path("", include("curation.chronology.urls")),
    path("", include("curation.api.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
