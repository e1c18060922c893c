"""The API at /api/v1/ and the token page. No namespace of its own here: ninja names
its routes in ``api-v1``."""

from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, path, re_path, reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from curation.api import views
from curation.api.errors import ApiError, error_response
from curation.api.main import api


def _json_method_errors(view):
    """ninja answers a method a route lacks with a plain-text 405: answer it in JSON."""

    @wraps(view)
    def answered(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 405:
            allowed = response.get("Allow", "")
            refused = error_response(
                ApiError(
                    405,
                    "method_not_allowed",
                    f"{request.method} is not allowed here; this address takes {allowed}.",
                )
            )
            refused["Allow"] = allowed
            return refused
        return response

    return answered


@require_GET
def api_index(request: HttpRequest, **kwargs) -> HttpResponse:
    """/api/v1/ itself: where the documentation is (ninja's own answer is an HTML 404)."""
    return JsonResponse(
        {
            "docs": request.build_absolute_uri(reverse("api-v1:openapi-view")),
            "openapi": request.build_absolute_uri(reverse("api-v1:openapi-json")),
        }
    )


def _api_urls():
    patterns, app_name, namespace = api.urls
    wrapped = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            view = api_index if pattern.name == "api-root" else pattern.callback
            pattern = URLPattern(
                pattern.pattern, _json_method_errors(view), pattern.default_args, pattern.name
            )
        wrapped.append(pattern)
    return wrapped, app_name, namespace


@csrf_exempt
def api_not_found(request: HttpRequest) -> HttpResponse:
    return error_response(
        ApiError(
            404,
            "not_found",
            f"There is no API address {request.path}. The addresses are listed at /api/v1/docs.",
        )
    )


urlpatterns = [
    path("api/v1/", _api_urls()),
    re_path(r"^api/v1/", api_not_found),
    path("account/api-tokens/", views.tokens, name="api-tokens"),
]
