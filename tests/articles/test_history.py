from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from curation.articles.models import Article
from curation.articles.services import article_update_metadata, articles_save
from tests.factories import ArticleFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def imported(**fields) -> Article:
    """An article saved the way the importer saves it (in bulk, without history rows)."""
    article = ArticleFactory.build(source=SourceFactory(), **fields)
    [outcome] = articles_save(batch=[("test", article)])
    return Article.objects.get(pk=outcome.article_id)


def test_first_change_records_the_imported_state_then_the_change():
    importer, editor = UserFactory(username="importer"), UserFactory(username="editor")
    article = imported(title="As imported", published_on=None, imported_by=importer)
    assert article.history.count() == 0

    article_update_metadata(
        article=article,
        changes={"published_on": date(2024, 6, 26), "title": "Corrected"},
        changed_by=editor,
    )

    created, changed = article.history.order_by("history_id")
    assert created.history_type == "+" and created.title == "As imported"
    assert created.history_user == importer and created.history_date == article.imported_at
    assert created.published_on is None
    assert changed.history_type == "~" and changed.history_user == editor
    assert changed.title == "Corrected" and changed.published_on == date(2024, 6, 26)
    delta = changed.diff_against(created)
    assert set(delta.changed_fields) == {"title", "published_on"}


def test_later_changes_add_one_record_each():
    article = imported(title="As imported")
    editor = UserFactory()
    for title in ("One", "Two"):
        article_update_metadata(article=article, changes={"title": title}, changed_by=editor)
    assert list(article.history.order_by("history_id").values_list("history_type", "title")) == [
        ("+", "As imported"),
        ("~", "One"),
        ("~", "Two"),
    ]


def test_deleting_an_article_keeps_its_history():
    article = imported(title="Soon gone")
    pk = article.pk
    article.delete()
    assert list(
        Article.history.filter(id=pk).values_list("history_type", flat=True).order_by("history_id")
    ) == ["+", "-"]


def test_admin_edits_are_audited_too():
    article = imported(title="Before")
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {
            "source": article.source.pk,
            "kicker": "",
            "title": "After",
            "standfirst": "",
            "byline": "",
            "published_on": "2024-06-27",
            "url": "",
        },
    )
    assert response.status_code == 302
    assert list(article.history.order_by("history_id").values_list("title", flat=True)) == [
        "Before",
        "After",
    ]
    assert article.history.latest().history_user == admin
