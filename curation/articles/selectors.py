"""Reads for articles that are more than a one-liner."""

from datetime import date, datetime

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Length

from curation.articles.models import Article, ArticleRevision

# The annotation work on an article, by the names of the relations that point at it. The
# articles app imports no later app (docs/design.md): it only names their rows.
MENTIONS, EVENTS = "mentions", "events"


def articles_for_list() -> QuerySet[Article]:
    """Articles for the list: their sources, and how many mentions and events each has.

    The counts are subqueries, so a page of rows costs one query whatever the size of the
    desk, and a database computes them only for the rows it returns.
    """
    return (
        Article.objects.select_related("source")
        .defer("body", "raw_text", "standfirst", "import_notes")
        .annotate(mention_count=count_of(MENTIONS), event_count=count_of(EVENTS))
        .order_by("-imported_at", "-id")
    )


def revisions_for_list(article: Article) -> QuerySet[ArticleRevision]:
    """An article's revisions, newest first, with their authors and sizes (characters),
    without their texts: one query however many there are."""
    return (
        article.revisions.select_related("author")
        .defer("body")
        .annotate(size=Length("body"))
        .order_by("-number")
    )


def count_of(relation: str) -> Coalesce:
    """How many rows of the reverse relation ``relation`` each article has."""
    reverse = Article._meta.get_field(relation)
    article_field = reverse.field.name
    rows = (
        reverse.related_model._base_manager.filter(**{article_field: OuterRef("pk")})
        .order_by()
        .values(article_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def not_yet_annotated(articles: QuerySet[Article]) -> QuerySet[Article]:
    """The articles (annotated by ``articles_for_list``) with no mention and no event."""
    return articles.filter(mention_count=0, event_count=0)


def annotated(articles: QuerySet[Article]) -> QuerySet[Article]:
    return articles.exclude(mention_count=0, event_count=0)


def articles_filtered(
    articles: QuerySet[Article],
    *,
    source: str | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
    needs_date: bool | None = None,
    updated_since: datetime | None = None,
) -> QuerySet[Article]:
    """The API's filters: a source (by slug), a publication date range, whether the
    date is missing, and changed since a moment (imported, its details edited or its
    text corrected then)."""
    if source is not None:
        articles = articles.filter(source__slug=source)
    if published_from is not None:
        articles = articles.filter(published_on__gte=published_from)
    if published_to is not None:
        articles = articles.filter(published_on__lte=published_to)
    if needs_date is not None:
        articles = articles.filter(published_on__isnull=needs_date)
    if updated_since is not None:
        edited = Article.history.model.objects.filter(
            id=OuterRef("pk"), history_type="~", history_date__gte=updated_since
        )
        corrected = ArticleRevision.objects.filter(
            article=OuterRef("pk"), created_at__gte=updated_since
        )
        articles = articles.filter(
            Q(imported_at__gte=updated_since) | Exists(edited) | Exists(corrected)
        )
    return articles
