"""GET /articles (filters, cursor paging, constant queries) and GET /articles/{id}."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from curation.articles.models import Article
from curation.articles.services import article_update_metadata
from tests.factories import ArticleFactory, MentionFactory, SourceFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/articles"


def test_the_list_gives_metadata_without_the_text(annotator_api):
    article = ArticleFactory(title="Vienna talks", source=SourceFactory(name="Wire", slug="wire"))
    MentionFactory(article=article, quote_text="Paragraph")
    page = annotator_api.get(LIST).json()
    (row,) = page["results"]
    assert row["id"] == article.pk
    assert row["title"] == "Vienna talks"
    assert row["source"] == "wire" and row["source_name"] == "Wire"
    assert row["mention_count"] == 1 and row["event_count"] == 0
    assert "body" not in row


def test_pages_follow_by_cursor_without_gaps_or_repeats(annotator_api):
    ids = [ArticleFactory().pk for _ in range(5)]
    seen, address, pages = [], LIST + "?page_size=2", 0
    while address:
        page = annotator_api.get(address).json()
        seen += [row["id"] for row in page["results"]]
        address, pages = page["next"], pages + 1
        assert pages < 10
    assert seen == sorted(ids)
    assert pages == 3


def test_a_cursor_that_the_api_did_not_give_out_is_a_422(annotator_api):
    for cursor in ["garbage!", "cD1hYmM=", "bz0tMQ==", "cD05OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ=="]:
        response = annotator_api.get(LIST, {"cursor": cursor})
        assert response.status_code == 422, (cursor, response.content)
        assert response.json()["error"]["field"] == "cursor"


def test_filters_by_source_date_range_and_missing_date(annotator_api):
    wire = SourceFactory(name="Wire", slug="wire")
    june = ArticleFactory(source=wire, published_on=date(2024, 6, 20))
    ArticleFactory(source=wire, published_on=date(2023, 1, 1))
    undated = ArticleFactory(published_on=None)

    def ids(**params):
        return [row["id"] for row in annotator_api.get(LIST, params).json()["results"]]

    assert ids(source="wire", published_from="2024-01-01") == [june.pk]
    assert ids(published_to="2023-12-31", published_from="2023-01-01") != [june.pk]
    assert ids(needs_date="true") == [undated.pk]
    assert undated.pk not in ids(needs_date="false")


def test_updated_since_finds_imports_and_edits(annotator_api, annotator):
    old = ArticleFactory()
    edited = ArticleFactory()
    Article.objects.filter(pk__in=[old.pk, edited.pk]).update(
        imported_at=timezone.now() - timedelta(days=3)
    )
    since = (timezone.now() - timedelta(days=1)).isoformat()
    fresh = ArticleFactory()
    article_update_metadata(article=edited, changes={"title": "New title"}, changed_by=annotator)
    rows = annotator_api.get(LIST, {"updated_since": since}).json()["results"]
    assert sorted(row["id"] for row in rows) == sorted([fresh.pk, edited.pk])


def test_the_list_costs_the_same_queries_whatever_the_page_holds(
    annotator_api, django_assert_num_queries
):
    for _ in range(3):
        MentionFactory(article=ArticleFactory(), quote_text="Paragraph")
    annotator_api.get(LIST)  # the permission names and the like, loaded once

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert annotator_api.get(LIST).status_code == 200
        return len(queries)

    few = count()
    for _ in range(40):
        MentionFactory(article=ArticleFactory(), quote_text="Paragraph")
    # token, its use, the user's permissions (one query), the page of articles
    with django_assert_num_queries(few):
        assert len(annotator_api.get(LIST).json()["results"]) == 43
    assert few == 4


def test_one_article_has_its_text(annotator_api):
    article = ArticleFactory(body="The body.\n\nSecond.")
    answer = annotator_api.get(f"{LIST}/{article.pk}").json()
    assert answer["body"] == "The body.\n\nSecond."
    assert answer["id"] == article.pk


@pytest.mark.parametrize(
    "moment", ["0132-05-22T17:07:47+21:40", "0001-01-01T00:00:00+05:00", "2024-06-01T10:00:00"]
)
def test_updated_since_takes_any_offset_and_no_offset_as_utc(annotator_api, moment):
    response = annotator_api.get(LIST, {"updated_since": moment})
    assert response.status_code in (200, 422), response.content
    if response.status_code == 422:
        assert response.json()["error"]["field"] == "updated_since"
