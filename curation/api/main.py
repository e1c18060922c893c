"""The JSON API, at /api/v1/ (django-ninja): each app's routes come from its own
``api.py``, which calls the same services and selectors as that app's views.

OpenAPI at /api/v1/openapi.json, interactive docs at /api/v1/docs (Swagger UI, served
from ninja's own static files: no CDN).
"""

from django.http import HttpRequest
from ninja import NinjaAPI, Schema

from curation.annotations.api import router as annotations_router
from curation.api import errors
from curation.api.auth import StaffSessionAuth, TokenAuth
from curation.api.limits import refuse_large_bodies
from curation.api.parsing import StorableTextParser, refuse_nul_in_address
from curation.api.schemas import answers
from curation.articles.api import router as articles_router
from curation.chronology.api import router as chronology_router

DESCRIPTION = """
The curation desk's API, for the newsroom's other systems: import articles in bulk,
send machine annotations (suggestions that an editor accepts or dismisses), and read
annotations and chronologies.

**Authentication.** Send a personal API token, `Authorization: Bearer cdk_…`. Make one
on your *API tokens* page (your name in the menu). It acts as you, with your role's
permissions. Staff can also use their browser session (with the CSRF token for writes).

**Errors** always have one shape, with the right status:
`{"error": {"code": "…", "message": "…", "field": "…", "index": 0}}`
(`field` and `index` when they apply).

**Limits.** A request body of at most `CURATION_API_MAX_BODY_BYTES` (default 48 MB) and
`CURATION_API_MAX_ITEMS` items (default 10,000), else 413; at most
`CURATION_API_RATE_LIMIT` requests a minute per token (default 600), else 429 with
`Retry-After`.

**Offsets** count Unicode code points (Python `str` indices) into the article's `body`,
end exclusive.
"""

api = NinjaAPI(
    title="Curation desk API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=[TokenAuth(), StaffSessionAuth()],
    parser=StorableTextParser(),
)
errors.install(api)
api.add_decorator(refuse_large_bodies, mode="view")
api.add_decorator(refuse_nul_in_address, mode="view")


class Me(Schema):
    username: str
    permissions: list[str]


@api.get(
    "/me",
    response=answers({200: Me}),
    tags=["account"],
    summary="Who the token acts as",
)
def me(request: HttpRequest):
    """The account the request acts as, and its permissions (those of its role)."""
    return Me(
        username=request.user.get_username(),
        permissions=sorted(request.user.get_all_permissions()),
    )


api.add_router("", articles_router)
api.add_router("", annotations_router)
api.add_router("", chronology_router)
