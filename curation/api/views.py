"""The API tokens page: a person's own tokens, made and revoked by them. A new token
is shown once, in the answer to the form that made it, and never again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from curation.api.forms import RevokeForm, TokenForm
from curation.api.models import ApiToken
from curation.api.tokens import token_create, token_revoke

UNPROCESSABLE = 422


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    form, status, secret = TokenForm(), 200, ""
    if request.method == "POST":
        if "revoke" in request.POST:
            return _revoke(request)
        form = TokenForm(request.POST)
        if form.is_valid():
            token, secret = token_create(
                user=request.user, name=form.cleaned_data["name"], created_by=request.user
            )
            form = TokenForm()
        else:
            status = UNPROCESSABLE
    response = render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
        status=status,
    )
    add_never_cache_headers(response)  # the page may hold a new token
    return response


def _revoke(request: HttpRequest) -> HttpResponse:
    form = RevokeForm(request.POST)
    token = (
        ApiToken.objects.filter(user=request.user, pk=form.cleaned_data["token"]).first()
        if form.is_valid()
        else None
    )
    if token is None:
        messages.error(request, "That token is not one of yours, or it was deleted.")
    else:
        token_revoke(token=token, revoked_by=request.user)
        messages.success(
            request, f"Revoked “{token.name}”: requests with it are refused from now on."
        )
    return redirect("api-tokens")
