from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from curation.articles.models import Article, Source
from tests.factories import ArticleFactory, SourceFactory, UserFactory


@pytest.fixture
def boss(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client_(boss) -> Client:
    client = Client()
    client.force_login(boss)
    return client


def test_the_source_list_shows_each_sources_article_count(admin_client_):
    ft, quiet = SourceFactory(name="Financial Times"), SourceFactory(name="Quiet Outlet")
    ArticleFactory.create_batch(2, source=ft)
    response = admin_client_.get(reverse("admin:articles_source_changelist"))
    assert response.status_code == 200
    counts = {source.name: source.article_count for source in response.context["cl"].result_list}
    assert counts == {"Financial Times": 2, "Quiet Outlet": 0}
    assert quiet.name in response.content.decode()


def test_the_article_list_shows_the_articles(admin_client_):
    first, second = ArticleFactory(title="First one"), ArticleFactory(title="Second one")
    response = admin_client_.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {first, second}
    assert "First one" in response.content.decode() and "Second one" in response.content.decode()


def test_article_change_page_shows_raw_text_read_only(admin_client_):
    article = ArticleFactory(raw_text="RAW <b>as imported</b>")
    response = admin_client_.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert b"RAW &lt;b&gt;as imported&lt;/b&gt;" in response.content
    assert b'name="raw_text"' not in response.content


def test_admin_filters_and_search(admin_client_):
    undated = ArticleFactory(title="Gallant visit", published_on=None)
    ArticleFactory(title="Other")
    url = reverse("admin:articles_article_changelist")
    assert list(admin_client_.get(url, {"date": "needs"}).context["cl"].result_list) == [undated]
    assert list(admin_client_.get(url, {"q": "gallant"}).context["cl"].result_list) == [undated]


def test_an_admin_can_add_a_source(admin_client_):
    response = admin_client_.post(
        reverse("admin:articles_source_add"),
        {
            "name": "Axios",
            "slug": "axios",
            "homepage": "https://www.axios.com/",
            "notes": "Reports from Washington.",
            "active": "on",
        },
    )
    assert response.status_code == 302
    source = Source.objects.get(slug="axios")
    assert (source.name, source.homepage, source.notes, source.active) == (
        "Axios",
        "https://www.axios.com/",
        "Reports from Washington.",
        True,
    )


def test_an_admin_corrects_an_article_and_the_change_is_kept_in_its_history(admin_client_, boss):
    article = ArticleFactory(
        title="Old title", body="The body stays.", date_from_dateline=True, published_on=None
    )
    source = SourceFactory(name="Axios")
    response = admin_client_.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {
            "source": source.pk,
            "kicker": "Middle East",
            "title": "New title",
            "standfirst": "",
            "byline": "Jane Doe",
            "published_on": "2024-06-26",
            "url": "",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.kicker, article.byline, article.source) == (
        "New title",
        "Middle East",
        "Jane Doe",
        source,
    )
    assert article.published_on == date(2024, 6, 26) and not article.date_from_dateline
    assert article.body == "The body stays."
    latest = article.history.latest()
    assert latest.history_user == boss and latest.title == "New title"


def test_an_admin_cannot_add_an_article_by_hand(admin_client_):
    response = admin_client_.post(
        reverse("admin:articles_article_add"), {"title": "By hand", "body": "Body."}
    )
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_a_sources_notes_have_a_stated_limit_and_longer_notes_are_refused(admin_client_):
    source = SourceFactory(name="Axios", notes="Reports from Washington.")
    url = reverse("admin:articles_source_change", args=[source.pk])
    form = admin_client_.get(url).content.decode()
    assert "At most 2,000 characters." in form
    assert 'maxlength="2000"' in form

    response = admin_client_.post(
        url,
        {
            "name": "Axios",
            "slug": source.slug,
            "homepage": "",
            "notes": "x" * 2001,
            "active": "on",
        },
    )

    assert response.status_code == 200  # the form again, not a redirect
    assert "The notes can have at most 2,000 characters; this has 2001. Shorten it." in (
        response.content.decode()
    )
    source.refresh_from_db()
    assert source.notes == "Reports from Washington."
    assert source.history.count() == 1  # only its creation

    fits = admin_client_.post(
        url, {"name": "Axios", "slug": source.slug, "notes": "x" * 2000, "active": "on"}
    )
    assert fits.status_code == 302
    source.refresh_from_db()
    assert source.notes == "x" * 2000
