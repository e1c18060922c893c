"""Correcting an article's body: a new revision, and every annotation taken along.

``article_correct`` is the one way an article's body changes. In one transaction it

1. checks who asks (``articles.correct_article``), the reason and the new text;
2. saves the new text as the next ``ArticleRevision`` and as ``Article.body``. Revision
   1, the imported text, is written first if the article has none: an import stores no
   revision, since until the first correction the body is the imported text;
3. sends ``article_corrected``, whose receivers bring what points into the body along:
   ``annotations.reanchoring`` re-anchors mentions and events and returns what became
   of each (``AnnotationOutcome``), and chronology flags the entries that cite them.

``articles`` imports no later app, so the annotations are reached through the signal.
A receiver that raises rolls the whole correction back: the body, the revision and
every annotation stay as they were.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from curation.articles.importing import content_hash
from curation.articles.importing.normalizing import normalize_text, split_blocks
from curation.articles.models import (
    IMPORTED,
    REVISION_REASON_MAX_LENGTH,
    Article,
    ArticleRevision,
)
from curation.articles.services import ImportOutcome

PERMISSION = "articles.correct_article"

article_corrected = Signal()
"""Sent inside the correction's transaction, after the new revision is saved and
``article.body`` holds the new text, with ``article``, ``revision``, ``old_body`` and
``by`` (None from the command line). Each receiver returns a list of
``AnnotationOutcome``; an exception undoes the correction."""


class CorrectionError(ValueError):
    """A correction that can't be made, with a message for the editor. Nothing changed."""


class CorrectionNotAllowed(CorrectionError):
    """The person may not correct articles."""


class StaleRevision(CorrectionError):
    """The article was corrected by someone else after the editor loaded it."""


@dataclass(frozen=True, slots=True)
class AnnotationOutcome:
    """What a correction did to one mention or event. ``rule`` is how it was placed
    (position, diff, quote, fuzzy, orphan); ``status`` is ok, needs-check or orphan.
    The new offsets are None for an orphan."""

    id: int
    kind: str  # "mention" or "event"
    rule: str
    status: str
    old_start: int
    old_end: int
    new_start: int | None
    new_end: int | None
    old_quote: str
    new_quote: str

    def as_json(self) -> dict:
        """The command line's line for it."""
        return {
            "id": self.id,
            "kind": self.kind,
            "rule": self.rule,
            "old_start": self.old_start,
            "old_end": self.old_end,
            "new_start": self.new_start,
            "new_end": self.new_end,
            "status": self.status,
        }


@dataclass(frozen=True)
class CorrectionResult:
    article: Article
    revision: ArticleRevision
    outcomes: list[AnnotationOutcome] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        """How many annotations ended ok, needs-check and orphan."""
        return Counter(outcome.status for outcome in self.outcomes)

    def summary(self) -> str:
        """One line for people: "Revision 3 saved: 12 annotations kept, 1 to check, 1
        orphan."."""
        counts = self.counts
        return (
            f"Revision {self.revision.number} saved: {_many(counts['ok'], 'annotation')} "
            f"kept on their words, {counts['needs-check']} to check, "
            f"{_many(counts['orphan'], 'orphan')}."
        )


def _many(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def body_from_edit(text: str) -> str:
    """An edited body as the desk stores bodies: the import's characters and spacing
    (NFC, ``\\n``, single spaces), paragraphs joined by one blank line. What the editor
    typed is the body: no title or byline is taken from it, as an import would."""
    blocks = split_blocks(normalize_text(text), markdown=False)
    return "\n\n".join(block.text for block in blocks).strip()


def may_correct(user: AbstractBaseUser | None) -> bool:
    return user is not None and user.has_perm(PERMISSION)


def article_correct(
    *,
    article: Article,
    new_body: str,
    by: AbstractBaseUser | None,
    reason: str,
    expected_revision: int | None = None,
) -> CorrectionResult:
    """Make ``new_body`` the article's text, as revision n + 1, taking its annotations
    along. ``by`` is the editor (checked for ``articles.correct_article``), or None for
    the command line. ``expected_revision`` is the revision the editor saw (None: the
    current one, whatever it is). Raises ``CorrectionError`` and changes nothing when
    the correction can't be made."""
    if by is not None and not may_correct(by):
        raise CorrectionNotAllowed(
            "You can't correct articles: ask a reviewer or an admin to make this correction."
        )
    reason = _checked_reason(reason)
    new_body = _checked_body(new_body)
    with transaction.atomic():
        return _correct(
            article=article,
            new_body=new_body,
            by=by,
            reason=reason,
            expected_revision=expected_revision,
        )


def _correct(
    *,
    article: Article,
    new_body: str,
    by: AbstractBaseUser | None,
    reason: str,
    expected_revision: int | None,
) -> CorrectionResult:
    locked = Article.objects.select_for_update().filter(pk=article.pk).first()
    if locked is None:
        raise CorrectionError("This article was deleted. Nothing was changed.")
    old_body = locked.body
    current = ensure_first_revision(locked)
    if expected_revision is not None and current.number != expected_revision:
        raise _stale(locked)
    if new_body == old_body:
        raise CorrectionError(
            "The new text is the same as the current one, so there is nothing to correct."
        )
    new_hash = content_hash(new_body)
    twin = Article.objects.filter(content_hash=new_hash).exclude(pk=locked.pk).first()
    if twin is not None:
        raise CorrectionError(
            f"This text is already article #{twin.pk}, “{twin.title}”. Nothing was changed."
        )
    try:
        with transaction.atomic():
            revision = ArticleRevision.objects.create(
                article=locked,
                number=current.number + 1,
                body=new_body,
                author=by if by is not None and by.is_authenticated else None,
                reason=reason,
            )
    except IntegrityError:  # another correction took that number first
        raise _stale(locked) from None
    locked.body, locked.content_hash = new_body, new_hash
    locked._history_user = revision.author
    locked._change_reason = f"corrected (revision {revision.number}): {reason}"
    locked.save(update_fields=["body", "content_hash"])
    outcomes: list[AnnotationOutcome] = []
    for _receiver, answer in article_corrected.send(
        sender=Article, article=locked, revision=revision, old_body=old_body, by=by
    ):
        outcomes.extend(answer or [])
    article.body, article.content_hash = locked.body, locked.content_hash
    return CorrectionResult(article=locked, revision=revision, outcomes=outcomes)


def articles_correct_from_import(
    corrections: list[tuple[str, int, str, str]], *, by: AbstractBaseUser
) -> list[ImportOutcome]:
    """Apply the texts an editor chose, in the import preview, to apply as corrections:
    (where, article id, new body, reason) each. Each is its own correction; what
    became of each is said as the import says it."""
    outcomes = []
    for where, article_id, body, reason in corrections:
        article = Article.objects.filter(pk=article_id).first()
        try:
            if article is None:
                raise CorrectionError(f"Article #{article_id} was deleted: nothing to correct.")
            result = article_correct(article=article, new_body=body, by=by, reason=reason)
        except CorrectionError as error:
            outcomes.append(ImportOutcome("failed", where, article_id, message=str(error)))
        else:
            outcomes.append(ImportOutcome("corrected", where, article_id, message=result.summary()))
    return outcomes


def ensure_first_revision(article: Article) -> ArticleRevision:
    """The article's latest revision, writing revision 1 (its body as imported) first if
    it has none, as every article has until its first correction."""
    latest = article.revisions.order_by("-number").first()
    if latest is not None:
        return latest
    return ArticleRevision.objects.create(
        article=article,
        number=1,
        body=article.body,
        author=article.imported_by,
        reason=IMPORTED,
        created_at=article.imported_at or timezone.now(),
    )


def current_revision_number(article: Article) -> int:
    """The number of the revision ``article.body`` is: what a correction form sends back
    as ``expected_revision``."""
    return article.revisions.order_by("-number").values_list("number", flat=True).first() or 1


def _checked_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise CorrectionError(
            "Say why the text is corrected (a typo, a respelled name, an update): "
            "the reason is kept with the revision."
        )
    if len(reason) > REVISION_REASON_MAX_LENGTH:
        raise CorrectionError(
            f"The reason is {len(reason):,} characters long; keep it under "
            f"{REVISION_REASON_MAX_LENGTH:,}."
        )
    return reason


def _checked_body(body: str) -> str:
    if not (body or "").strip():
        raise CorrectionError(
            "The new text is empty. Paste the corrected article's whole text; to take an "
            "article out of the desk, delete it instead."
        )
    size = len(body.encode("utf-8"))
    limit = settings.CURATION_IMPORT_MAX_BYTES
    if size > limit:
        raise CorrectionError(
            f"The new text is {size:,} bytes; an article may have at most {limit:,}, as "
            "for an import."
        )
    return body


def _stale(article: Article) -> StaleRevision:
    latest = article.revisions.select_related("author").order_by("-number").first()
    who = latest.author.get_username() if latest and latest.author else "someone else"
    when = timezone.localtime(latest.created_at) if latest else None
    at = f" at {when:%H:%M} on {when:%-d %B %Y}" if when else ""
    return StaleRevision(
        f"This article was corrected by {who}{at} (revision "
        f"{latest.number if latest else '?'}) after you opened it, so your correction was "
        "not saved. Reload to see the current text, then make your correction again."
    )
