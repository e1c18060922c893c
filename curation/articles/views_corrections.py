"""Correcting an article's text from its page, and reading its revisions.

The correction itself is ``articles.corrections.article_correct``; these views parse
the form, call it and say what happened. Revisions and their differences are for
anyone who may read the article.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_http_methods

from curation.articles.corrections import (
    PERMISSION,
    CorrectionError,
    CorrectionNotAllowed,
    CorrectionResult,
    StaleRevision,
    article_correct,
    body_from_edit,
    current_revision_number,
)
from curation.articles.forms import ArticleCorrectionForm
from curation.articles.models import IMPORTED, Article, ArticleRevision
from curation.articles.revision_diff import text_diff
from curation.articles.selectors import revisions_for_list

CONFLICT, UNPROCESSABLE = 409, 422


@login_required
@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def article_correction(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    current = current_revision_number(article)
    posted = request.method == "POST"
    form = ArticleCorrectionForm(
        request.POST if posted else None,
        initial={"body": article.body, "expected_revision": current},
    )
    context = {"article": article, "form": form, "current": current}
    if not posted:
        return render(request, "articles/article_correct.html", context)
    if not form.is_valid():
        if "expected_revision" in form.errors:
            form.add_error(
                None,
                "The form no longer says which revision it was made from. Copy your text, "
                "reload the page and make the correction again.",
            )
        return render(request, "articles/article_correct.html", context, status=UNPROCESSABLE)
    expected = form.cleaned_data["expected_revision"]
    try:
        result = article_correct(
            article=article,
            new_body=body_from_edit(form.cleaned_data["body"]),
            by=request.user,
            reason=form.cleaned_data["reason"],
            expected_revision=expected,
        )
    except CorrectionNotAllowed:
        raise PermissionDenied from None
    except StaleRevision as error:
        form.add_error(None, str(error))
        context.update(stale_from=expected)
        return render(request, "articles/article_correct.html", context, status=CONFLICT)
    except CorrectionError as error:
        form.add_error(None, str(error))
        return render(request, "articles/article_correct.html", context, status=UNPROCESSABLE)
    messages.success(request, correction_message(result))
    return redirect(article)


def correction_message(result: CorrectionResult) -> SafeString:
    """What became of the article's annotations, in one line, with a link to the
    workspace when some need a person. Only numbers and a URL go in; format_html escapes
    them."""
    counts = result.counts
    moved = sum(
        1
        for outcome in result.outcomes
        if outcome.status == "ok" and outcome.new_start != outcome.old_start
    )
    kept, check, orphans = counts["ok"], counts["needs-check"], counts["orphan"]
    summary = (
        f"Revision {result.revision.number} saved: {_many(kept, 'annotation')} kept on "
        f"{'its' if kept == 1 else 'their'} words ({moved} moved with the text), "
        f"{check} to check, {_many(orphans, 'orphan')}."
    )
    workspace = reverse("annotations:workspace", args=[result.article.pk])
    if orphans:
        return format_html(
            '{} <a href="{}#orphans-panel">See the orphans in the workspace</a>.',
            summary,
            workspace,
        )
    if check:
        return format_html('{} <a href="{}">Check them in the workspace</a>.', summary, workspace)
    return format_html("{}", summary)


def _many(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_revisions(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    revisions = list(revisions_for_list(article)) or [_as_imported(article)]
    context = {
        "article": article,
        "revisions": revisions,
        "may_correct": request.user.has_perm(PERMISSION),
    }
    return render(request, "articles/article_revisions.html", context)


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_revision(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    revision = ArticleRevision.objects.select_related("author").filter(
        article=article, number=number
    ).first() or (_as_imported(article) if number == 1 else None)
    if revision is None:
        raise Http404(f"Article {article.pk} has no revision {number}.")
    latest = current_revision_number(article)
    return render(
        request,
        "articles/article_revision.html",
        {"article": article, "revision": revision, "latest": latest},
    )


@login_required
@permission_required("articles.view_article", raise_exception=True)
@require_GET
def article_revision_diff(request: HttpRequest, pk: int) -> HttpResponse:
    """Two revisions compared: ``from`` and ``to`` (numbers), by default the one before
    the current and the current."""
    article = get_object_or_404(Article, pk=pk)
    numbers = list(article.revisions.order_by("number").values_list("number", flat=True))
    numbers = numbers or [1]  # never corrected
    to_default = numbers[-1]
    errors = []
    to_number = _chosen(request.GET.get("to"), to_default, numbers, "to", errors)
    from_default = max((n for n in numbers if n < to_number), default=to_number)
    from_number = _chosen(request.GET.get("from"), from_default, numbers, "from", errors)
    bodies = dict(
        article.revisions.filter(number__in={from_number, to_number}).values_list("number", "body")
    ) or {1: article.body}
    context = {
        "article": article,
        "numbers": numbers,
        "from_number": from_number,
        "to_number": to_number,
        "errors": errors,
        "diff": text_diff(bodies[from_number], bodies[to_number]),
    }
    status = UNPROCESSABLE if errors else 200
    return render(request, "articles/article_revision_diff.html", context, status=status)


def _as_imported(article: Article) -> ArticleRevision:
    """Revision 1 of an article never corrected: its text, unsaved (the first correction
    writes it, ``corrections.ensure_first_revision``)."""
    revision = ArticleRevision(
        article=article,
        number=1,
        body=article.body,
        author=article.imported_by,
        reason=IMPORTED,
        created_at=article.imported_at,
    )
    revision.size = len(article.body)
    return revision


def _chosen(value: str | None, default: int, numbers: list[int], which: str, errors: list) -> int:
    """The revision number asked for as ``which``, or ``default`` with an error said
    when it is not one of the article's."""
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number in numbers:
        return number
    errors.append(
        f"“{value}” is not a revision of this article (“{which}”): it has revisions "
        f"{numbers[0]} to {numbers[-1]}. Showing revision {default} instead."
    )
    return default
