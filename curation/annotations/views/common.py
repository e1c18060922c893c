"""What the workspace views share: permission checks, the workspace's context and the
responses that swap the fragments a change touches."""

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
    mentions = selectors.article_mentions(article)
    suggestions = selectors.suggestions_for(article, mentions) if suggesting else []
    events = selectors.article_events(article)
    return {
        "article": article,
        "paragraphs": selectors.paragraph_views(article, mentions, suggestions, events),
        "events": events,
        "entity_counts": selectors.entity_counts(mentions),
        "mention_count": len(mentions),
        "suggestions": suggestions,
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
) -> HttpResponse:
    """The fragments a change touches: the paragraphs around [start, end), the side
    panel and its counts (out of band), and an emptied popover. While suggestions are
    shown, the whole text is swapped instead: a change anywhere can add or remove
    suggestions elsewhere, and their count."""
    context = workspace_context(article, suggesting=suggesting)
    if suggesting:
        context["whole_text"] = True
    else:
        context["changed_paragraphs"] = selectors.paragraphs_touching(
            context["paragraphs"], start, end
        )
    context["message"] = message
    return render(request, "annotations/changed.html", context)


def article_or_404(pk: int) -> Article:
    return get_object_or_404(Article, pk=pk)


def popover_error(request: HttpRequest, message: str) -> HttpResponse:
    return render(
        request, "annotations/popover_error.html", {"message": message}, status=UNPROCESSABLE
    )
