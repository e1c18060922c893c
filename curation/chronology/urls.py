"""The chronology's URLs: the curators' pages under /curate/, the public pages under /c/,
and the exports beside them. Each list belongs to one views module."""

from django.urls import path  # noqa: F401  (each module adds its paths)

app_name = "chronology"

# /curate/...: views/curate.py (curators)
curate_patterns = []

# /c/...: views/public.py (no login)
public_patterns = []

# /c/<slug>/<file>: views/exports.py (no login; per-article Web Annotations for staff)
export_patterns = []

urlpatterns = [*curate_patterns, *public_patterns, *export_patterns]
