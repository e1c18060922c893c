"""Making, revoking and using personal API tokens.

A token is ``cdk_`` and 43 random URL-safe characters (256 bits). Only its SHA-256
digest is stored: a token that random needs no slow hash, and the lookup is one indexed
query. Each use updates ``last_used_at`` and counts the request against the per-token
rate limit in the same single UPDATE, which lets a request through only while the
minute's count is under the limit, so concurrent requests on several workers can't
overshoot it.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from curation.api.errors import ApiError
from curation.api.models import NAME_MAX_LENGTH, ApiToken

TOKEN_PREFIX = "cdk_"
WINDOW = timedelta(minutes=1)
SHOWN_PREFIX_LENGTH = 12


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def token_create(
    *, user: AbstractBaseUser, name: str, created_by: AbstractBaseUser
) -> tuple[ApiToken, str]:
    """A new token for ``user``, and its secret: the only time the secret exists."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("A token needs a name that says what it is for.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:NAME_MAX_LENGTH],
        prefix=secret[:SHOWN_PREFIX_LENGTH],
        digest=digest(secret),
        created_by=created_by,
    )
    return token, secret


def token_revoke(*, token: ApiToken, revoked_by: AbstractBaseUser) -> None:
    """Revoke the token from now on (revoking it twice keeps the first date)."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_by=revoked_by
    )
    token.refresh_from_db(fields=["revoked_at", "revoked_by"])


def token_for(secret: str) -> ApiToken:
    """The live token of that secret, with its user; ApiError 401 for any other."""
    secret = secret.strip()
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        raise ApiError(
            401,
            "bad_token",
            f"That is not an API token of this desk (they start with “{TOKEN_PREFIX}”). "
            "Copy it again from the page where you made it, or make a new one.",
        )
    token = ApiToken.objects.select_related("user").filter(digest=digest(secret)).first()
    if token is None:
        raise ApiError(
            401,
            "bad_token",
            "This API token is not known: it may have been mistyped, or deleted. Make a "
            "new one on your API tokens page.",
        )
    if token.revoked_at is not None:
        raise ApiError(
            401,
            "revoked_token",
            f"This API token (“{token.name}”) was revoked on "
            f"{timezone.localtime(token.revoked_at):%-d %B %Y at %H:%M}. Make a new one "
            "on your API tokens page.",
        )
    if not token.user.is_active:
        raise ApiError(
            401,
            "inactive_user",
            "The account this API token belongs to is deactivated. Ask an admin.",
        )
    return token


def use(token: ApiToken) -> None:
    """Record a use of ``token`` and count it against the rate limit: ApiError 429 when
    the token has made ``CURATION_API_RATE_LIMIT`` requests in the current minute."""
    limit = settings.CURATION_API_RATE_LIMIT
    now = timezone.now()
    window_over = Q(window_started_at__isnull=True) | Q(window_started_at__lte=now - WINDOW)
    counted = ApiToken.objects.filter(
        Q(pk=token.pk) & (window_over | Q(window_requests__lt=limit))
    ).update(
        last_used_at=now,
        window_requests=Case(When(window_over, then=Value(1)), default=F("window_requests") + 1),
        window_started_at=Case(When(window_over, then=Value(now)), default=F("window_started_at")),
    )
    if counted:
        return
    started = (
        ApiToken.objects.filter(pk=token.pk).values_list("window_started_at", flat=True).first()
    )
    wait = max(1, math.ceil(((started or now) + WINDOW - now).total_seconds()))
    raise ApiError(
        429,
        "rate_limited",
        f"This token has made {limit:,} requests in the last minute, the most it may. "
        f"Wait {wait} second{'s' if wait != 1 else ''} and try again, or send more items "
        "per request.",
        headers={"Retry-After": str(wait)},
    )
