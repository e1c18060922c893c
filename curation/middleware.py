from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware
from django.middleware.gzip import re_accepts_gzip
from django.shortcuts import resolve_url
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect

from curation import compression
from curation.spliced_page import SplicedPage


class HtmxLoginRedirectMiddleware:
    """An HTMX request whose session has expired is redirected to the login page as a
    whole page, instead of swapping the login form into a fragment."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            getattr(request, "htmx", False)
            and response.status_code == 302
            and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
        ):
            return HttpResponseClientRedirect(response["Location"])
        return response


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's, compressing with ``curation.compression`` (zlib level 1; a stream
    flushed every 64 KB): the same headers and the same padding against BREACH. A
    ``SplicedPage``'s compressed part is sent as it is."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.streaming and response.is_async:
            return super().process_response(request, response)
        parts = response.deflated_parts if isinstance(response, SplicedPage) else None
        plain_size = None if response.streaming else _plain_size(response, parts)
        if plain_size is not None and plain_size < 200:
            return response
        if response.has_header("Content-Encoding"):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        if response.streaming:
            response.streaming_content = compression.compress_stream(
                response.streaming_content, max_random_bytes=self.max_random_bytes
            )
            del response.headers["Content-Length"]
        else:
            padding = self.max_random_bytes
            if parts is not None:
                compressed = compression.compress_parts(parts, max_random_bytes=padding)
            else:
                compressed = compression.compress(response.content, max_random_bytes=padding)
            if len(compressed) >= plain_size:
                return response
            response.content = compressed
            response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response


def _plain_size(response: HttpResponse, parts: list | None) -> int:
    return response.plain_size if parts is not None else len(response.content)
