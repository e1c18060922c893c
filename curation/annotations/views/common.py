"""What the workspace views share: permission checks, the workspace's context and the
responses that swap the fragments a change touches."""

from collections import Counter
from collections.abc import Iterable

from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from curation.annotations import selectors
from curation.annotations.models import EntityKind
from curation.articles.models import Article

UNPROCESSABLE = 422
WORKSPACE = "annotations/workspace.html"

can_read = permission_required("articles.view_article", raise_exception=True)
can_annotate = permission_required("annotations.add_mention", raise_exception=True)


def workspace_context(article: Article, *, suggesting: bool = False) -> dict:
    mentions = selectors.article_marks(article)
    suggestions = selectors.suggestions_for(article, mentions) if suggesting else []
    events = selectors.article_events(article)
    return {
        "article": article,
        "paragraphs": selectors.paragraph_views(article, mentions, suggestions, events),
        "events": events,
        "entity_counts": selectors.entity_counts(mentions),
        "mention_count": len(mentions),
        "suggestions": suggestions,
        "suggestion_count": len(suggestions),
        "needs_choice": sum(suggestion.ambiguous for suggestion in suggestions),
        "acceptable_count": sum(not suggestion.ambiguous for suggestion in suggestions),
        "suggesting": suggesting,
        "kinds": list(EntityKind.objects.all()),
        "entities_url": reverse("annotations:entities"),
    }


def mentions_changed(
    request: HttpRequest,
    article: Article,
    *,
    start: int,
    end: int,
    suggesting: bool,
    message: str = "",
    gained: int | None = None,
    lost: int | None = None,
) -> HttpResponse:
    """The response to a mention marked, relinked or removed within [start, end): the
    popover's confirmation, and out of band only what changed, whatever the article's
    size: the paragraphs touched; the panel's rows of the entity that ``gained`` a mention
    and the one that ``lost`` one (a relink names both) and the mention count; while
    suggestions are shown, the paragraphs where they changed and their count."""
    changes: Counter[int] = Counter()
    if gained is not None:
        changes[gained] += 1
    if lost is not None:
        changes[lost] -= 1
    text = selectors.text_update(
        article, start=start, end=end, suggesting=suggesting, marked_as=gained
    )
    return _changed(
        request,
        article,
        text=text,
        panel=selectors.panel_update(selectors.article_entity_counts(article), changes),
        suggesting=suggesting,
        message=message,
    )


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


def popover_error(request: HttpRequest, message: str) -> HttpResponse:
    return render(
        request, "annotations/popover_error.html", {"message": message}, status=UNPROCESSABLE
    )
