"""Suggestions from taggers (pre-annotations sent through the API) in the workspace:
the popover of one, and accepting or dismissing it. The decisions are
``pre_annotation_review``'s; the answers swap what changed, as a mention or an event
marked by hand does, and the "From taggers" panel."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from curation.annotations import pre_annotation_review as review
from curation.annotations import selectors
from curation.annotations.errors import AnnotationError, NameClash
from curation.annotations.models import Entity
from curation.annotations.suggested import SuggestedEvent, SuggestedMention
from curation.annotations.views.common import (
    can_annotate,
    can_read,
    mentions_changed,
    popover_error,
    refused,
)
from curation.annotations.views.event_answers import event_listed

POPOVER = "annotations/popover_tagged.html"
can_record_events = permission_required("annotations.add_event", raise_exception=True)


def _with_panel(request: HttpRequest, response: HttpResponse, article) -> HttpResponse:
    """The answer, then the "From taggers" panel out of band. Last: the panel holds the
    button that may have sent the request, and htmx finds the other out-of-band targets
    from the sender while it is still in the page."""
    response.content += render_to_string(
        "annotations/workspace.html#tagged",
        {
            "article": article,
            "tagged_mentions": selectors.tagged_mentions(article),
            "tagged_events": selectors.tagged_events(article),
            "oob": True,
        },
        request=request,
    ).encode()
    return response


@login_required
@can_read
@can_annotate
@require_http_methods(["GET", "POST"])
def tagged_mention(request: HttpRequest, pk: int, tagged_id: int) -> HttpResponse:
    """GET: what the tagger suggests, and Accept or Dismiss. POST ``action``: do it."""
    suggestion = get_object_or_404(
        SuggestedMention.objects.select_related("article", "entity__kind", "kind"),
        pk=tagged_id,
        article_id=pk,
    )
    article = suggestion.article
    if request.method == "GET":
        return render(request, POPOVER, {"suggestion": suggestion, "kind": "mention"})
    suggesting = request.POST.get("suggest") == "1"
    try:
        if request.POST.get("action") == "dismiss":
            review.suggested_dismiss(suggestion=suggestion, dismissed_by=request.user)
            answer = mentions_changed(
                request,
                article,
                start=suggestion.start,
                end=suggestion.end,
                suggesting=suggesting,
                message=f"Dismissed “{suggestion.quote}” ({suggestion.origin}).",
            )
        elif request.POST.get("action") == "accept":
            mention = review.suggested_mention_accept(
                suggestion=suggestion,
                accepted_by=request.user,
                how=review.Acceptance(
                    entity=_chosen(request),
                    confirmed=request.POST.get("confirmed") == "on",
                    learn_alias=request.user.has_perm("annotations.add_alias"),
                    may_create_entity=request.user.has_perm("annotations.add_entity"),
                ),
            )
            answer = mentions_changed(
                request,
                article,
                start=mention.start,
                end=mention.end,
                suggesting=suggesting,
                message=f"Marked “{mention.quote}” as {mention.entity.name}.",
                gained=mention.entity_id,
            )
        else:
            return popover_error(request, "Choose Accept or Dismiss.")
    except NameClash as clash:
        return render(
            request, POPOVER, {"suggestion": suggestion, "kind": "mention", "clash": clash}
        )
    except AnnotationError as error:
        return refused(request, error, what="suggestion")
    return _with_panel(request, answer, article)


def _chosen(request: HttpRequest) -> Entity | None:
    value = request.POST.get("entity", "")
    if not (value.isascii() and value.isdigit() and len(value) < 19):
        return None
    return Entity.objects.select_related("kind").filter(pk=int(value)).first()


@login_required
@can_read
@can_record_events
@require_http_methods(["GET", "POST"])
def tagged_event(request: HttpRequest, pk: int, tagged_id: int) -> HttpResponse:
    """GET: the suggested event, and Accept or Dismiss. POST ``action``: do it."""
    suggestion = get_object_or_404(
        SuggestedEvent.objects.select_related("article", "event_type__parent", "location"),
        pk=tagged_id,
        article_id=pk,
    )
    article = suggestion.article
    if request.method == "GET":
        return render(request, POPOVER, {"suggestion": suggestion, "kind": "event"})
    try:
        if request.POST.get("action") == "dismiss":
            review.suggested_dismiss(suggestion=suggestion, dismissed_by=request.user)
            answer = render(
                request,
                "annotations/tagged_done.html",
                {"message": f"Dismissed the event “{suggestion.headline}”."},
            )
        elif request.POST.get("action") == "accept":
            event = review.suggested_event_accept(suggestion=suggestion, accepted_by=request.user)
            message = f"Recorded: {event.headline} ({event.date_display})."
            answer = event_listed(request, event, message=message, replaces=False)
        else:
            return popover_error(request, "Choose Accept or Dismiss.")
    except AnnotationError as error:
        return refused(request, error, what="suggestion")
    return _with_panel(request, answer, article)
