"""Re-attaching an orphan from the workspace: a mention or an event whose words a
correction of the article took away is put on words the person selected and confirmed
(``annotations.reattach``). The Orphans panel is ``annotations/orphans_panel.html``;
deleting an orphan goes through the usual delete views, which answer with
``common.orphan_deleted``."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from curation.annotations import services, workflow
from curation.annotations.errors import AnnotationError
from curation.annotations.forms import SpanForm
from curation.annotations.models import Event, Mention
from curation.annotations.reattach import orphan_reattach
from curation.annotations.views.common import (
    can_annotate,
    can_read,
    expected_version,
    mentions_changed,
    popover_error,
    refused,
    with_orphans_panel,
)
from curation.annotations.views.event_answers import event_listed

can_record_events = permission_required("annotations.add_event", raise_exception=True)


@login_required
@can_read
@can_annotate
@require_POST
def mention_reattach(request: HttpRequest, pk: int, mention_id: int) -> HttpResponse:
    mention = get_object_or_404(
        Mention.objects.select_related("article", "entity"), pk=mention_id, article_id=pk
    )
    refusal = _reattach_or_refuse(request, mention)
    if refusal is not None:
        return refusal
    return with_orphans_panel(
        request,
        mentions_changed(
            request,
            mention.article,
            start=mention.start,
            end=mention.end,
            suggesting=request.POST.get("suggest") == "1",
            message=f"Re-attached the mention of {mention.entity.name} to “{mention.quote}”.",
            gained=mention.entity_id,
        ),
        mention.article,
    )


@login_required
@can_read
@can_record_events
@require_POST
def event_reattach(request: HttpRequest, pk: int, event_id: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("article"), pk=event_id, article_id=pk)
    refusal = _reattach_or_refuse(request, event)
    if refusal is not None:
        return refusal
    message = f"Re-attached the event “{event.headline}” to “{event.quote}”."
    answer = event_listed(request, event, message=message, replaces=False)
    return with_orphans_panel(request, answer, event.article)


def _reattach_or_refuse(request: HttpRequest, item: Mention | Event) -> HttpResponse | None:
    """Re-attach ``item`` to the posted selection; None when done, else the answer that
    says why not (403 not allowed, 409 changed since the page was made, 422 anything
    else). Access is checked before the form is read."""
    what = item._meta.model_name
    if not workflow.may_change(request.user, item):
        return refused(request, services.not_allowed(item, "re-attach"), what=what)
    form = SpanForm(request.POST)
    if not form.is_valid():
        return popover_error(
            request, f"That selection has no usable position. Select the {what}'s new words again."
        )
    data = form.cleaned_data
    try:
        orphan_reattach(
            item=item,
            start=data["start"],
            end=data["end"],
            by=request.user,
            expected_version=expected_version(request),
            quote=data["quote"] or None,
        )
    except AnnotationError as error:
        return refused(request, error, what=what)
    return None
