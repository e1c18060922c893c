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
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import connections, router
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
    if _counted(token.pk, now=now, limit=limit):
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


def _counted(token_id: int, *, now: datetime, limit: int) -> bool:
    """One UPDATE: the use's time, and the request counted in the token's window (a new
    window, counting 1, once the last began a minute ago); nothing when the window is
    full. Written as SQL, because building it through the ORM (CASE, WHEN) took longer
    than the rest of a small request's checks."""
    connection = connections[router.db_for_write(ApiToken)]
    quote = connection.ops.quote_name
    table = quote(ApiToken._meta.db_table)
    pk, used, requests, started = (
        quote(ApiToken._meta.get_field(name).column)
        for name in ("id", "last_used_at", "window_requests", "window_started_at")
    )
    window_over = f"({started} IS NULL OR {started} <= %s)"
    sql = (
        f"UPDATE {table} SET {used} = %s, "
        f"{requests} = CASE WHEN {window_over} THEN 1 ELSE {requests} + 1 END, "
        f"{started} = CASE WHEN {window_over} THEN %s ELSE {started} END "
        f"WHERE {pk} = %s AND ({window_over} OR {requests} < %s)"
    )
    stamp = connection.ops.adapt_datetimefield_value(now)
    window_start = connection.ops.adapt_datetimefield_value(now - WINDOW)
    params = [stamp, window_start, window_start, stamp, token_id, window_start, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount == 1
