"""Suggestions: known names found in the text, accepted or dismissed."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from curation.annotations import selectors, services
from curation.annotations.forms import SuggestionForm
from curation.annotations.spans import SpanError, anchor
from curation.annotations.views.common import (
    article_or_404,
    can_annotate,
    mentions_changed,
    popover_error,
    workspace_context,
)


@login_required
@can_annotate
@require_POST
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_or_404(pk)
    form = SuggestionForm(request.POST)
    if not form.is_valid():
        return popover_error(request, "That suggestion is out of date. Press Suggest again.")
    data = form.cleaned_data
    try:
        mention = services.mention_create(
            article=article,
            start=data["start"],
            end=data["end"],
            entity=data["entity"],
            quote=data["quote"] or None,
            created_by=request.user,
        )
    except services.AnnotationError as error:
        return popover_error(request, str(error))
    return mentions_changed(
        request,
        article,
        start=mention.start,
        end=mention.end,
        suggesting=True,
        message=f"Marked “{mention.quote}” as {mention.entity.name}.",
    )


@login_required
@can_annotate
@require_POST
def suggestions_accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_or_404(pk)
    suggestions = selectors.suggestions_for(article, selectors.article_mentions(article))
    accepted = services.suggestions_accept(
        article=article, suggestions=suggestions, created_by=request.user
    )
    context = workspace_context(article, suggesting=True)
    context["message"] = f"Accepted {accepted} suggestion{'s' if accepted != 1 else ''}."
    return render(request, "annotations/text_and_panel.html", context)


@login_required
@can_annotate
@require_POST
def suggestion_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_or_404(pk)
    form = SuggestionForm(request.POST)
    if not form.is_valid():
        return popover_error(request, "That suggestion is out of date. Press Suggest again.")
    data = form.cleaned_data
    try:
        text = anchor(article.body, data["start"], data["end"], quote=data["quote"] or None).quote
    except SpanError as error:
        return popover_error(request, str(error))
    services.suggestion_dismiss(
        article=article, entity=data["entity"], text=text, dismissed_by=request.user
    )
    context = workspace_context(article, suggesting=True)
    context["message"] = f"“{text}” won't be suggested as {data['entity'].name} here again."
    return render(request, "annotations/text_and_panel.html", context)
