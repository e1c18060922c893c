"""Who an API request acts as: the user of a personal token, or a staff member's
browser session (with its CSRF token, for writes), as for the docs page's "Try it out".

Both set ``request.user``, so the services, the permissions and the history records
see the same person as in the desk's own pages.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from curation.api import tokens
from curation.api.errors import ApiError


class TokenAuth(HttpBearer):
    """``Authorization: Bearer cdk_…``. No header: the next method (a session) is
    tried. A header with a bad or revoked token: 401 at once, saying which."""

    def __call__(self, request: HttpRequest):
        header = request.headers.get("Authorization", "")
        if not header.strip():
            return None
        scheme, _, secret = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise ApiError(
                401,
                "bad_token",
                "The Authorization header must be 'Bearer ' followed by your API token.",
            )
        return self.authenticate(request, secret)

    def authenticate(self, request: HttpRequest, token: str):
        found = tokens.token_for(token)
        tokens.use(found)
        request.user = found.user
        request.api_token = found
        return found.user


class StaffSessionAuth(APIKeyCookie):
    """A logged-in staff member's session cookie. Writes need the CSRF token, as in
    any form of the desk; a session of someone who isn't staff is not enough."""

    param_name = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        # Read the body whole first: the CSRF check reads a multipart form from the
        # stream, after which ninja could no longer read the body (a 500).
        request.body  # noqa: B018
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise ApiError(
                403,
                "csrf_failed",
                "A request from a browser session needs the CSRF token (the X-CSRFToken "
                "header). Reload the page, or use an API token instead.",
            )
        return user

    def authenticate(self, request: HttpRequest, key: str | None):  # pragma: no cover
        return self(request)
