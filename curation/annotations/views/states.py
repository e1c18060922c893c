"""Review states in the workspace: submitting, withdrawing (and, for reviewers,
approving, rejecting and reopening) one mention or event, and "Submit all my drafts".

The transitions are annotations.workflow's; these views parse the request, call them
and send back what changed on the page."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from curation.annotations import selectors, workflow
from curation.annotations.errors import AnnotationError, NotAllowed
from curation.annotations.models import Event, Mention
from curation.annotations.views.common import (
    article_or_404,
    can_annotate,
    can_read,
    expected_version,
    listed_rows,
    mention_state_changed,
    posted_version,
    refused,
    render_workspace,
    workspace_context,
)
from curation.annotations.views.event_answers import event_listed, events_changed

TRANSITIONS = {
    "submit": workflow.submit,
    "withdraw": workflow.withdraw,
    "approve": workflow.approve,
    "reject": workflow.reject,
    "reopen": workflow.reopen,
}
WITH_REASON = {"reject", "reopen"}
DONE = {
    "submit": "Submitted {item} for review.",
    "withdraw": "Took {item} back: it is a draft again.",
    "approve": "Approved {item}.",
    "reject": "Rejected {item}.",
    "reopen": "Reopened {item}: it waits for review again.",
}


def _transition(request: HttpRequest, item: Mention | Event) -> str:
    """Do the posted ``action`` to ``item``, against the posted ``version``; the message
    that says what was done. Raises AnnotationError (NotAllowed, StaleVersion...)."""
    action = request.POST.get("action", "")
    what = item._meta.model_name
    if (
        action not in TRANSITIONS
        and not workflow.actions_for(request.user, item) & TRANSITIONS.keys()
    ):
        # Someone who can move this item nowhere is told so before the request is read.
        raise NotAllowed(
            f"You can't change the state of this {what}: it is "
            f"{item.get_status_display().lower()}, and it isn't yours to submit or review."
        )
    if action not in TRANSITIONS:
        raise AnnotationError(f"Choose what to do with this {what}: submit, withdraw and so on.")
    if posted_version(request) is None and action not in workflow.actions_for(request.user, item):
        # Without the version its page showed, a change is refused as out of date; but
        # one that this person may not make at all is refused as such first.
        raise NotAllowed(
            f"You can't {action} this {what}: it is {item.get_status_display().lower()}."
        )
    arguments = {"by": request.user, "expected_version": expected_version(request)}
    if action in WITH_REASON:
        arguments["reason"] = request.POST.get("reason", "")
    TRANSITIONS[action](item, **arguments)
    return DONE[action]


@login_required
@can_read
@can_annotate
@require_POST
def mention_state(request: HttpRequest, pk: int, mention_id: int) -> HttpResponse:
    """Move a mention to another review state, from its popover."""
    mention = get_object_or_404(
        Mention.objects.select_related("article"), pk=mention_id, article_id=pk
    )
    try:
        done = _transition(request, mention)
    except AnnotationError as error:
        return refused(request, error, what="mention")
    return mention_state_changed(
        request,
        mention,
        suggesting=request.POST.get("suggest") == "1",
        message=done.format(item=f"the mention “{mention.quote}”"),
    )


@login_required
@can_read
@permission_required("annotations.add_event", raise_exception=True)
@require_POST
def event_state(request: HttpRequest, pk: int, event_id: int) -> HttpResponse:
    """Move an event to another review state, from the events list."""
    event = get_object_or_404(Event.objects.select_related("article"), pk=event_id, article_id=pk)
    try:
        done = _transition(request, event)
    except AnnotationError as error:
        return refused(request, error, what="event", close="close-event")
    message = done.format(item=f"the event “{event.headline}”")
    if event.is_orphan:  # its row in the Orphans panel shows the state
        return events_changed(request, event.article, start=None, end=None, message=message)
    return event_listed(request, event, message=message, replaces=True, text=False)


@login_required
@can_read
@permission_required(("annotations.add_mention", "annotations.add_event"), raise_exception=True)
@require_POST
def drafts_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit every draft mention and event of the editor's in the article, then show
    the text and the panels as they are now."""
    article = article_or_404(pk)
    mentions, events = selectors.drafts_of(article, request.user)
    submitted_mentions = workflow.submit_drafts(mentions, by=request.user)
    submitted_events = workflow.submit_drafts(events, by=request.user)
    context = workspace_context(
        article,
        user=request.user,
        suggesting=request.POST.get("suggest") == "1",
        all_rows=listed_rows(request) is None,
    )
    context["message"] = context["drafts_done"] = _submitted(submitted_mentions, submitted_events)
    return render_workspace(request, "annotations/text_and_panel.html", context)


def _submitted(mentions: int, events: int) -> str:
    total = mentions + events
    if not total:
        return "You have no drafts in this article to submit."
    parts = [
        f"{count} {noun}{'s' if count != 1 else ''}"
        for count, noun in ((mentions, "mention"), (events, "event"))
        if count
    ]
    return f"Submitted {total} draft{'s' if total != 1 else ''} for review: {' and '.join(parts)}."
