"""The entity kinds' colours as a stylesheet, linked from every page: `.k-<slug>` sets
`--kind`, which the kind dots and highlights use. A stylesheet of its own keeps the
pages' query counts as they are; the browser revalidates it, so an admin's new colour
shows on the next page."""

import re

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.views.decorators.http import require_GET

from curation.annotations.models import EntityKind

# Only what the model's validators allow reaches the stylesheet, whatever the database holds.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@require_GET
def kind_styles(request: HttpRequest) -> HttpResponse:
    rules = [
        f".k-{slug} {{ --kind: {colour}; }}\n"
        for slug, colour in EntityKind.objects.values_list("slug", "colour")
        if _SLUG.fullmatch(slug) and _COLOUR.fullmatch(colour)
    ]
    response = HttpResponse("".join(rules), content_type="text/css; charset=utf-8")
    patch_cache_control(response, no_cache=True)
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)
