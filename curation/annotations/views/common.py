"""What the workspace views share: permission checks, the workspace's context, the
responses that swap the fragments a change touches, and the answers to a refused change
(403 with the reason, 409 for an older version, 422 for anything else)."""

from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse

from curation import spliced_page
from curation.annotations import event_reads, selectors
from curation.annotations.errors import AnnotationError, NotAllowed, StaleVersion
from curation.annotations.models import EntityKind, TextVersion
from curation.annotations.rendered_text import WorkspaceText
from curation.articles.models import Article

UNPROCESSABLE = 422
FORBIDDEN = 403
CONFLICT = 409
WORKSPACE = "annotations/workspace.html"
# What a form that names no version (a page from before versions, or a hand-made
# request) is taken to have seen: no stored item has it, so the change is refused as
# made against an older version, after the permission checks.
NO_VERSION = 0
# A 403 whose body says why, for the person to read where they are: static/js/desk.js
# swaps it in like a 409 or 422 (htmx treats other 403s as errors, shown in a toast).
REFUSAL_HEADER = "X-Desk-Refusal"
OUT_OF_DATE = (
    "This page is older than the {what} it shows, so your change was not saved. Reload "
    "the page, then make your change again."
)

# Sent by static/js/workspace.js once the side panel lists every entity (a page lists
# the first selectors.PANEL_ROWS until asked): a change then updates rows past those.
ENTITY_ROWS_HEADER = "X-Entity-Rows"


def listed_rows(request: HttpRequest) -> int | None:
    """How many of the side panel's rows the page lists (None: every one)."""
    return None if request.headers.get(ENTITY_ROWS_HEADER) == "all" else selectors.PANEL_ROWS


can_read = permission_required("articles.view_article", raise_exception=True)
can_annotate = permission_required("annotations.add_mention", raise_exception=True)


def workspace_context(
    article: Article, *, user, suggesting: bool = False, all_rows: bool = False
) -> dict:
    """``all_rows``: the side panel lists every entity (the page asked for them all)."""
    # the text's token first: what the text is built from is read after it
    version = TextVersion.of(article.pk)
    summary = selectors.mention_summary(article, user)
    events, has_orphans = event_reads.events_and_orphans(article, summary)
    tagged = selectors.tagged_mentions(article)
    entities_url = reverse("annotations:entities")
    text = WorkspaceText(
        article,
        version=version,
        events=events,
        tagged=tagged,
        entity_count=summary.entities,
        suggesting=suggesting,
        entities_url=entities_url,
        all_rows=all_rows,
    )
    suggestions = text.suggestions
    return {
        "my_draft_count": summary.my_drafts + selectors.drafts_among(events, user),
        "article": article,
        "text": text,
        "tagged_mentions": tagged,
        "tagged_events": selectors.tagged_events(article),
        "events": events,
        "mention_count": summary.placed,
        "suggestions": suggestions,
        "suggestion_count": len(suggestions),
        "needs_choice": sum(suggestion.ambiguous for suggestion in suggestions),
        "acceptable_count": sum(not suggestion.ambiguous for suggestion in suggestions),
        "suggesting": suggesting,
        "kinds": list(EntityKind.objects.all()),
        "entities_url": entities_url,
        "orphans": Orphans(article, none=not has_orphans),
    }


def render_workspace(request: HttpRequest, template_name: str, context: dict) -> HttpResponse:
    """A template showing the workspace's text (``workspace_context``): its cached,
    compressed HTML of a long article is spliced into the page as it is kept."""
    text: WorkspaceText = context["text"]
    piece = text.deflated_html
    if piece is None or piece.size < spliced_page.WORTH_SPLICING:
        return render(request, template_name, context)
    return spliced_page.render_spliced(
        request, template_name, context, stand_in=text.stand_in, piece=piece
    )


# --- orphans: work whose words a correction of the article took away -------------------

ORPHANS_PANEL = "annotations/orphans_panel.html"


class Orphans:
    """What the Orphans panel lists: the article's orphaned mentions and events, read
    (two queries, whatever their number) only when a template shows them, which most
    answers built from the workspace's context don't."""

    def __init__(self, article: Article, *, none: bool = False) -> None:
        """``none``: the article is known to have no orphans
        (``event_reads.events_and_orphans``)."""
        self.article = article
        self.none = none

    @cached_property
    def _found(self) -> tuple[list, list]:
        return ([], []) if self.none else selectors.article_orphans(self.article)

    @property
    def mentions(self) -> list:
        return self._found[0]

    @property
    def events(self) -> list:
        return self._found[1]

    @property
    def count(self) -> int:
        return len(self.mentions) + len(self.events)


def with_orphans_panel(request: HttpRequest, response: HttpResponse, article) -> HttpResponse:
    """The answer, then the Orphans panel out of band (or its removal, when none is left).
    Last: the panel may hold the button that sent the request, and htmx finds the other
    out-of-band targets from the sender while it is still in the page."""
    context = {"article": article, "oob": True, "orphans": Orphans(article)}
    response.content += render_to_string(ORPHANS_PANEL, context, request=request).encode()
    return response


def mentions_changed(
    request: HttpRequest,
    article: Article,
    *,
    start: int | None,
    end: int | None,
    suggesting: bool,
    message: str = "",
    gained: int | None = None,
    lost: int | None = None,
) -> HttpResponse:
    """The response to a mention marked, relinked or removed within [start, end): the
    popover's confirmation, and out of band only what changed, whatever the article's
    size: the paragraphs touched; the panel's rows of the entity that ``gained`` a mention
    and the one that ``lost`` one (a relink names both) and the mention count; while
    suggestions are shown, the paragraphs where they changed and their count. For an
    orphan (``start`` None), which the side panel doesn't count, no paragraph and no row
    but the Orphans panel."""
    text = selectors.text_update(
        article, start=start, end=end, suggesting=suggesting, marked_as=gained
    )
    response = _changed(
        request,
        article,
        text=text,
        panel=None if start is None else _panel_update(request, article, gained, lost),
        suggesting=suggesting,
        message=message,
    )
    return response if start is not None else with_orphans_panel(request, response, article)


def _panel_update(
    request: HttpRequest, article: Article, gained: int | None, lost: int | None
) -> selectors.PanelUpdate:
    changes: Counter[int] = Counter()
    if gained is not None:
        changes[gained] += 1
    if lost is not None:
        changes[lost] -= 1
    rows = selectors.article_entity_counts(article)
    return selectors.panel_update(
        rows, changes, limit=listed_rows(request), gone=selectors.gone_rows(changes, rows)
    )


def mention_state_changed(
    request: HttpRequest, mention, *, suggesting: bool, message: str
) -> HttpResponse:
    """The response to a mention that changed state: its paragraphs (their classes show
    the state) and the count of the editor's drafts; the panel's counts stay as they
    were. For an orphan, the Orphans panel (its row shows the state)."""
    text = selectors.text_update(
        mention.article, start=mention.start, end=mention.end, suggesting=suggesting
    )
    response = _changed(
        request, mention.article, text=text, panel=None, suggesting=suggesting, message=message
    )
    if mention.is_orphan:
        return with_orphans_panel(request, response, mention.article)
    return response


def suggestion_dismissed(
    request: HttpRequest,
    article: Article,
    *,
    start: int,
    end: int,
    normalised: str,
    entity_ids: Iterable[int],
    message: str,
) -> HttpResponse:
    """The response to "Not this": the paragraphs where that text was suggested as those
    entities, and the suggestion count."""
    text = selectors.text_update(
        article,
        start=start,
        end=end,
        suggesting=True,
        dismissed=(normalised, list(entity_ids)),
    )
    return _changed(request, article, text=text, panel=None, suggesting=True, message=message)


def _changed(
    request: HttpRequest,
    article: Article,
    *,
    text: selectors.TextUpdate,
    panel: selectors.PanelUpdate | None,
    suggesting: bool,
    message: str,
) -> HttpResponse:
    context = {
        "article": article,
        "message": message,
        "my_draft_count": selectors.draft_count(article, request.user),
        "changed_paragraphs": text.paragraphs,
        "panel": panel,
        "suggesting": suggesting,
        "suggestion_count": text.suggestion_count,
        "needs_choice": text.needs_choice,
        "acceptable_count": text.suggestion_count - text.needs_choice,
        "entities_url": reverse("annotations:entities"),
    }
    if panel is not None:
        context["mention_count"] = panel.mention_count
    return render(request, "annotations/changed.html", context)


def article_or_404(pk: int) -> Article:
    return get_object_or_404(Article, pk=pk)


def popover_error(
    request: HttpRequest, message: str, *, status: int = UNPROCESSABLE, close: str = "close"
) -> HttpResponse:
    """The message where the editor is: in the popover, or (``close="close-event"``) in
    the event form's place."""
    response = render(
        request,
        "annotations/popover_error.html",
        {"message": message, "close_action": close},
        status=status,
    )
    if status == FORBIDDEN:
        response[REFUSAL_HEADER] = "1"
    return response


def refusal(request: HttpRequest, error: AnnotationError, *, what: str) -> tuple[int, str]:
    """The status and message for a change the services refused: 403 when the person may
    not do it (NotAllowed), 409 when the item changed since their page was made
    (StaleVersion, or a form that sent no version: "reload"), 422 for anything else."""
    if isinstance(error, NotAllowed):
        return FORBIDDEN, str(error)
    if isinstance(error, StaleVersion):
        if posted_version(request) is None:
            return CONFLICT, OUT_OF_DATE.format(what=what)
        return CONFLICT, str(error)
    return UNPROCESSABLE, str(error)


def refused(
    request: HttpRequest, error: AnnotationError, *, what: str, close: str = "close"
) -> HttpResponse:
    status, message = refusal(request, error, what=what)
    return popover_error(request, message, status=status, close=close)


def posted_version(request: HttpRequest) -> int | None:
    """The version of the item the editor's form was made from (its hidden ``version``
    field), or None when the form sent none."""
    value = request.POST.get("version", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def expected_version(request: HttpRequest) -> int:
    """The version a change is made against: the posted one, or NO_VERSION, which no
    item has, so that a change from a form without one is refused, never applied blindly
    (``refusal`` then says to reload)."""
    version = posted_version(request)
    return NO_VERSION if version is None else version
