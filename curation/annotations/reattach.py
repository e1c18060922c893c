"""Re-attaching an orphan: a mention or an event whose words a correction of the article
took away (``annotations.reanchoring``) is given words of the current text again, by a
person who selected them and confirmed.

The selection is checked and snapped to whole words as a new mark's is (the server's
quote, never the browser's), and a mention stays within one paragraph. Re-attaching is
an edit: it takes a new version, and approved work would go back to review
(``workflow.edited``). Deleting an orphan is ``services.mention_delete`` or
``services.event_delete``, as for any other work.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from curation.annotations import versions, workflow
from curation.annotations.errors import AnnotationError
from curation.annotations.models import Event, Mention
from curation.annotations.services import not_allowed
from curation.annotations.spans import SpanError, anchor, check_within_paragraph, snap_to_words
from curation.articles.models import Article


@transaction.atomic
def orphan_reattach(
    *,
    item: Mention | Event,
    start: int,
    end: int,
    by: AbstractBaseUser,
    expected_version: int | None,
    quote: str | None = None,
) -> Mention | Event:
    """Put the orphan ``item`` on body[start:end] of its article's current text.
    ``quote`` is what the browser believed it selected, checked against the body."""
    what = item._meta.model_name
    if not item.is_orphan:
        raise AnnotationError(
            f"This {what} is on its words already: only an orphan is re-attached."
        )
    if not workflow.may_change(by, item):
        raise not_allowed(item, "re-attach")
    # The body as it is now, read in this transaction: a correction may just have landed.
    body = (
        Article.objects.select_for_update().values_list("body", flat=True).get(pk=item.article_id)
    )
    try:
        anchor(body, start, end, quote=quote)
        span = anchor(body, *snap_to_words(body, start, end))
        if isinstance(item, Mention):
            check_within_paragraph(body, span.start, span.end)
    except SpanError as error:
        raise AnnotationError(str(error)) from None
    versions.claim(item, expected=expected_version, what=what)
    item.start, item.end, item.quote = span.start, span.end, span.quote
    item.prefix, item.suffix = span.prefix, span.suffix
    item._change_reason = ""
    workflow.edited(item)  # approved work goes back to review, and says so
    reattached = f"re-attached to “{span.quote[:80]}”"
    item._change_reason = "; ".join(filter(None, [reattached, item._change_reason]))
    item._history_user = by
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        raise AnnotationError(
            f"“{span.quote}” is already marked as {item.entity.name} here: delete this "
            "orphan instead."
        ) from None
    return item
