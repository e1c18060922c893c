"""What the curators' views share: the permission check (by permission, with a message
that says what is missing), the version a form was made from, and the status and message
of a refused change (403 not allowed, 409 changed meanwhile, 422 anything else)."""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.http import reswap

from curation.annotations.errors import AnnotationError, NotAllowed, StaleVersion

FORBIDDEN, CONFLICT, UNPROCESSABLE = 403, 409, 422
# A 403 whose body says why: static/js/desk.js swaps it in like a 409 or 422.
REFUSAL_HEADER = "X-Desk-Refusal"
# What a form without a version is taken to have seen: no entry has it, so the change
# is refused as made against an older version, never applied blindly.
NO_VERSION = 0
OUT_OF_DATE = (
    "This page is older than the entry it shows, so your change was not saved. Reload "
    "the page, then make your change again."
)
MAX_IDS = 200

NEEDS = {
    "chronology.change_entry": "The curation desk is for curators",
    "chronology.add_entry": "Making chronology entries is for curators",
    "chronology.delete_entry": "Merging entries (one of them is deleted) is for curators",
    "chronology.publish_entry": "Publishing entries is for curators",
    "chronology.add_notsameevent": "Saying which events are not the same is for curators",
    "chronology.add_chronology": "Making chronologies is for curators",
    "chronology.change_chronology": "Changing chronologies is for curators",
}


def lacking(user, *permissions: str) -> str:
    """Why ``user`` may not go on ("" when they may): the first permission missing."""
    for permission in permissions:
        if not user.has_perm(permission):
            return (
                f"{NEEDS.get(permission, 'This is for curators')}, and your account doesn't "
                "have that role. Ask an admin to give you the curator role."
            )
    return ""


def not_allowed(request: HttpRequest, message: str) -> HttpResponse:
    """403 with its reason: in the page's status line for an htmx request, else a page."""
    if request.htmx:
        response = render(
            request,
            "chronology/curate_status.html",
            {"message": message, "error": True, "oob": True},
            status=FORBIDDEN,
        )
        reswap(response, "none")  # the status line alone: the page stays as it is
    else:
        response = render(
            request, "chronology/curate_refused.html", {"message": message}, status=FORBIDDEN
        )
    response[REFUSAL_HEADER] = "1"
    return response


def curators(*permissions: str):
    """Only for someone logged in who holds every one of ``permissions``; anyone else
    gets a 403 that says what is missing."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if message := lacking(request.user, *permissions):
                return not_allowed(request, message)
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator


def posted_version(request: HttpRequest, name: str = "version") -> int | None:
    value = request.POST.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def expected_version(request: HttpRequest, name: str = "version") -> int:
    version = posted_version(request, name)
    return NO_VERSION if version is None else version


def posted_ids(request: HttpRequest, name: str) -> list[int]:
    """The ids posted under ``name``; garbled values are left out."""
    return [
        int(value)
        for value in request.POST.getlist(name)[:MAX_IDS]
        if value.isascii() and value.isdigit() and len(value) < 19
    ]


def refusal(request: HttpRequest, error: AnnotationError) -> tuple[int, str]:
    if isinstance(error, NotAllowed):
        return FORBIDDEN, str(error)
    if isinstance(error, StaleVersion):
        if posted_version(request) is None:
            return CONFLICT, OUT_OF_DATE
        return CONFLICT, str(error)
    return UNPROCESSABLE, str(error)
