"""What a bulk import stores for each article besides the article: its revision 1 (the
body as imported, credited and dated as the import), and the note on a future date."""

from datetime import timedelta

import pytest
from django.utils import timezone

from curation.articles.models import IMPORTED, Article, ArticleRevision

pytestmark = pytest.mark.django_db

IMPORT = "/api/v1/articles/import"


def test_each_new_article_gets_its_own_revision_1(annotator_api):
    items = [
        {"title": f"Day {n}", "body": f"Officials met on day {n}.\n\nAgain."} for n in range(7)
    ]
    first = annotator_api.post(IMPORT, items[:3]).json()
    answer = annotator_api.post(IMPORT, items).json()  # three already there, four new
    assert [r["status"] for r in answer["results"]] == ["already"] * 3 + ["imported"] * 4
    assert [r["id"] for r in answer["results"][:3]] == [r["id"] for r in first["results"]]
    revisions = ArticleRevision.objects.select_related("article", "author")
    assert revisions.count() == Article.objects.count() == 7
    for revision in revisions:
        article = revision.article
        assert (revision.number, revision.reason) == (1, IMPORTED)
        assert revision.body == article.body
        assert revision.author.username == "annotator" == article.imported_by.username
        assert revision.created_at == article.imported_at


def test_a_future_date_is_noted_on_the_article_and_in_the_answer(annotator_api):
    tomorrow = timezone.localdate() + timedelta(days=1)
    items = [
        {"body": "Talks will resume.", "published_on": tomorrow.isoformat()},
        {"body": "Talks resumed.", "published_on": "2024-06-27"},
    ]
    future, past = annotator_api.post(IMPORT, items).json()["results"]
    assert any("is in the future" in warning for warning in future["warnings"])
    assert not any("future" in warning for warning in past["warnings"])
    assert "is in the future" in Article.objects.get(pk=future["id"]).import_notes
