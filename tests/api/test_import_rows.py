"""What a bulk import stores for each article besides the article: no revision (its body
is revision 1 until a correction), and the note on a future date."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from curation.articles.models import Article, ArticleRevision

pytestmark = pytest.mark.django_db

IMPORT = "/api/v1/articles/import"


def test_each_new_article_is_its_own_revision_1_shown_as_imported(annotator_api, client):
    items = [
        {"title": f"Day {n}", "body": f"Officials met on day {n}.\n\nAgain."} for n in range(7)
    ]
    first = annotator_api.post(IMPORT, items[:3]).json()
    answer = annotator_api.post(IMPORT, items).json()  # three already there, four new
    assert [r["status"] for r in answer["results"]] == ["already"] * 3 + ["imported"] * 4
    assert [r["id"] for r in answer["results"][:3]] == [r["id"] for r in first["results"]]
    assert Article.objects.count() == 7
    assert not ArticleRevision.objects.exists()  # the first correction writes revision 1
    article = Article.objects.get(pk=answer["results"][-1]["id"])
    client.force_login(article.imported_by)
    page = client.get(reverse("articles:revision", args=[article.pk, 1]))
    assert page.status_code == 200
    assert "Officials met on day 6." in page.content.decode()
    assert "annotator" in page.content.decode()


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
