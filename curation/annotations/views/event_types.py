"""The event types' colours as a stylesheet, linked from every page: `.type-<id>` sets
`--type`, which the type badges, the entries' and cards' edges and the timeline's marks
use. Pages name the class instead of writing the colour into a style attribute, which
the Content-Security-Policy refuses; like the kinds' stylesheet (kinds.py) it keeps the
pages' query counts as they are, and the browser revalidates it, so an admin's new
colour shows on the next page."""

import re

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.views.decorators.http import require_GET

from curation.annotations.models import EventType

DEFAULT_COLOUR = "#6b6b78"
# Only what the model's validator allows reaches the stylesheet, whatever the database
# holds: anything else could end the rule and style the page.
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def type_colour(own: str | None, parent: str | None) -> str:
    """A type's colour, else its category's, else the default."""
    for colour in (own, parent):
        if colour and _COLOUR.fullmatch(colour):
            return colour
    return DEFAULT_COLOUR


@require_GET
def event_type_styles(request: HttpRequest) -> HttpResponse:
    rows = EventType.objects.order_by("pk").values_list("pk", "colour", "parent__colour")
    rules = [f".type-{pk} {{ --type: {type_colour(own, parent)}; }}\n" for pk, own, parent in rows]
    response = HttpResponse("".join(rules), content_type="text/css; charset=utf-8")
    patch_cache_control(response, no_cache=True)
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)
