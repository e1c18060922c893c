"""Suggestions: known names found in the text, accepted or dismissed."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from curation.annotations import selectors, services
from curation.annotations.forms import SuggestionDismissForm, SuggestionForm
from curation.annotations.gazetteer import normalise_alias
from curation.annotations.spans import SpanError, anchor
from curation.annotations.views.common import (
    article_or_404,
    can_annotate,
    can_read,
    listed_rows,
    mentions_changed,
    popover_error,
    render_workspace,
    suggestion_dismissed,
    workspace_context,
)

OUT_OF_DATE = "That suggestion is out of date. Press Suggest again."


@login_required
@can_read
@can_annotate
@require_POST
def suggestion_accept(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_or_404(pk)
    form = SuggestionForm(request.POST)
    if not form.is_valid():
        return popover_error(request, OUT_OF_DATE)
    data = form.cleaned_data
    try:
        mention = services.mention_create(
            article=article,
            start=data["start"],
            end=data["end"],
            entity=data["entity"],
            quote=data["quote"] or None,
            created_by=request.user,
            learn_alias=request.user.has_perm("annotations.add_alias"),
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
        gained=mention.entity_id,
    )


@login_required
@can_read
@can_annotate
@require_POST
def suggestions_accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept every suggestion that names one entity; those that name several wait."""
    article = article_or_404(pk)
    suggestions = selectors.suggestions_for(article, selectors.article_marks(article))
    result = services.suggestions_accept(
        article=article,
        suggestions=suggestions,
        created_by=request.user,
        learn_alias=request.user.has_perm("annotations.add_alias"),
    )
    context = workspace_context(
        article, user=request.user, suggesting=True, all_rows=listed_rows(request) is None
    )
    if result.needs_choice:
        verb = "needs" if result.needs_choice == 1 else "need"
        context["message"] = f"Accepted {result.accepted}; {result.needs_choice} {verb} a choice."
    else:
        plural = "s" if result.accepted != 1 else ""
        context["message"] = f"Accepted {result.accepted} suggestion{plural}."
    return render_workspace(request, "annotations/text_and_panel.html", context)


@login_required
@can_read
@can_annotate
@require_POST
def suggestion_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    """“Not this”: the text isn't suggested as that entity (or any of those) here again."""
    article = article_or_404(pk)
    form = SuggestionDismissForm(request.POST)
    if not form.is_valid():
        return popover_error(request, OUT_OF_DATE)
    data = form.cleaned_data
    try:
        text = anchor(article.body, data["start"], data["end"], quote=data["quote"] or None).quote
    except SpanError as error:
        return popover_error(request, str(error))
    entities = sorted(data["entity"], key=lambda entity: (entity.name.casefold(), entity.pk))
    services.suggestions_dismiss(
        article=article, entities=entities, text=text, dismissed_by=request.user
    )
    names = [entity.name for entity in entities]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return suggestion_dismissed(
        request,
        article,
        start=data["start"],
        end=data["end"],
        normalised=normalise_alias(text),
        entity_ids=[entity.pk for entity in entities],
        message=f"“{text}” won't be suggested as {listed} here again.",
    )
