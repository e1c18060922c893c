import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory, SourceFactory, UserFactory


@pytest.fixture
def admin_client_(db) -> Client:
    client = Client()
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["source", "article"])
def test_changelists_load(admin_client_, model):
    source = SourceFactory(name="Financial Times")
    ArticleFactory.create_batch(2, source=source)
    response = admin_client_.get(reverse(f"admin:articles_{model}_changelist"))
    assert response.status_code == 200
    if model == "source":
        assert response.context["cl"].result_list[0].article_count == 2


def test_article_change_page_shows_raw_text_read_only(admin_client_):
    article = ArticleFactory(raw_text="RAW <b>as imported</b>")
    response = admin_client_.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert b"RAW &lt;b&gt;as imported&lt;/b&gt;" in response.content
    assert b'name="raw_text"' not in response.content


def test_admin_filters_and_search(admin_client_):
    ArticleFactory(title="Gallant visit", published_on=None)
    ArticleFactory(title="Other")
    url = reverse("admin:articles_article_changelist")
    assert admin_client_.get(url, {"date": "needs"}).context["cl"].result_count == 1
    assert admin_client_.get(url, {"q": "gallant"}).context["cl"].result_count == 1


def test_an_admin_can_add_a_source(admin_client_):
    response = admin_client_.post(
        reverse("admin:articles_source_add"),
        {
            "name": "Axios",
            "slug": "axios",
            "homepage": "https://www.axios.com/",
            "notes": "",
            "active": "on",
        },
    )
    assert response.status_code == 302
