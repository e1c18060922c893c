from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from curation.articles.models import Article
from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db
LIST = reverse("articles:list")


@pytest.fixture
def reader(annotator_client) -> Client:
    """Articles are for logged-in desk staff: any role can read them."""
    return annotator_client


def titles_in(response) -> list[str]:
    return [row.record.title for row in response.context["table"].paginated_rows]


def test_reading_needs_a_login_and_a_role(stranger_client):
    article = ArticleFactory()
    for url in ("/", LIST, article.get_absolute_url()):
        response = Client().get(url, follow=True)
        assert response.redirect_chain[-1][0].startswith(reverse("login")), url
    assert stranger_client.get(LIST).status_code == 403
    assert stranger_client.get(article.get_absolute_url()).status_code == 403


def test_home_shows_the_article_list(reader):
    ArticleFactory(title="Visible on the front page")
    response = reader.get("/", follow=True)
    assert b"Visible on the front page" in response.content


def test_filters_by_source_date_status_and_words(reader):
    axios, ft = SourceFactory(name="Axios"), SourceFactory(name="FT")
    ArticleFactory(title="Dated Axios", source=axios, body="Talks on Iran resumed.")
    ArticleFactory(title="Undated FT", source=ft, published_on=None, body="Gallant's visit.")
    client = reader

    assert titles_in(client.get(LIST, {"source": ft.pk})) == ["Undated FT"]
    assert titles_in(client.get(LIST, {"date": "needs"})) == ["Undated FT"]
    assert titles_in(client.get(LIST, {"date": "has"})) == ["Dated Axios"]
    assert titles_in(client.get(LIST, {"q": "iran talks"})) == ["Dated Axios"]
    assert titles_in(client.get(LIST, {"q": "undated"})) == ["Undated FT"]


def test_sorting_by_publication_date_puts_undated_last(reader):
    ArticleFactory(title="Old", published_on=date(2024, 1, 1))
    ArticleFactory(title="Undated", published_on=None)
    ArticleFactory(title="New", published_on=date(2024, 10, 9))

    assert titles_in(reader.get(LIST, {"sort": "-published_on"})) == ["New", "Old", "Undated"]
    assert titles_in(reader.get(LIST, {"sort": "published_on"})) == ["Old", "New", "Undated"]


def test_htmx_requests_get_only_the_table_with_htmx_links(reader):
    ArticleFactory.create_batch(30)
    response = reader.get(LIST, {"page": 2}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and 'class="table-container"' in html
    assert 'hx-get="?page=1"' in html and 'hx-push-url="true"' in html
    assert "Page 2 of 2" in html


def test_empty_list_says_what_to_do(reader):
    response = reader.get(LIST)
    assert b"No articles match" in response.content


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize(
    "params, htmx, queries",
    [
        # session, user, the user's and the groups' permissions; then the row count, one
        # page of rows with their sources, and the source filter's options
        ({}, False, 7),
        ({"sort": "-published_on", "date": "has", "q": "paragraph", "page": "1"}, False, 7),
        # an HTMX sort or page change renders only the table: no filter form
        ({"sort": "title"}, True, 6),
    ],
)
def test_the_list_runs_a_constant_number_of_queries(
    reader, count, params, htmx, queries, django_assert_num_queries
):
    sources = SourceFactory.create_batch(3)
    for n in range(count):
        ArticleFactory(source=sources[n % 3])
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    with django_assert_num_queries(queries):
        response = reader.get(LIST, params, **headers)
    assert response.status_code == 200
    assert len(response.context["table"].page.object_list) == min(count, 25)


def test_the_article_page_shows_clean_text_and_metadata(reader):
    article = ArticleFactory(
        kicker="Middle East war",
        byline="Steff Chávez",
        body="First paragraph.\n\nSecond paragraph.",
    )
    response = reader.get(article.get_absolute_url())
    html = response.content.decode()
    assert "<p>First paragraph.</p>" in html and "<p>Second paragraph.</p>" in html
    assert "Middle East war" in html and "Steff Chávez" in html
    assert "Needs a publication date" not in html


def test_an_undated_article_says_so_prominently(reader):
    article = ArticleFactory(published_on=None)
    response = reader.get(article.get_absolute_url())
    assert b"Needs a publication date." in response.content


def test_article_content_is_escaped_everywhere(reader):
    article = ArticleFactory(
        title="<img src=x onerror=alert(1)>",
        body="<script>alert('body')</script>",
        byline="<b>by</b>",
    )
    for url in (article.get_absolute_url(), LIST):
        html = reader.get(url).content.decode()
        assert "<img src=x" not in html and "<script>alert" not in html and "<b>by" not in html


def test_an_unknown_article_is_a_friendly_404(reader):
    response = reader.get(reverse("articles:detail", args=[999999]))
    assert response.status_code == 404
    assert b"We can't find that page" in response.content


def test_an_editor_corrects_metadata_in_place_with_history(annotator_client, annotator):
    article = ArticleFactory(published_on=None, title="Old title")
    url = reverse("articles:edit", args=[article.pk])

    form = annotator_client.get(url, HTTP_HX_REQUEST="true")
    assert b'name="published_on"' in form.content and b"<html" not in form.content
    assert b'name="body"' not in form.content

    response = annotator_client.post(
        url,
        {
            "title": "New title",
            "kicker": "",
            "standfirst": "",
            "byline": "A. Writer",
            "source": article.source.pk,
            "published_on": "2024-06-26",
            "url": "",
        },
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert b'hx-swap-oob="true">New title' in response.content
    article.refresh_from_db()
    assert article.title == "New title" and article.published_on == date(2024, 6, 26)
    latest = article.history.latest()
    assert latest.history_user == annotator and latest.title == "New title"


def test_a_bad_correction_is_shown_and_not_saved(annotator_client):
    article = ArticleFactory(title="Kept")
    response = annotator_client.post(
        reverse("articles:edit", args=[article.pk]),
        {"title": "", "published_on": "not a date"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert b"This field is required." in response.content
    article.refresh_from_db()
    assert article.title == "Kept"


def test_editing_needs_login_role_and_csrf(stranger_client, annotator):
    article = ArticleFactory(title="Kept")
    url = reverse("articles:edit", args=[article.pk])
    assert Client().post(url, {"title": "x"}).status_code == 302
    assert stranger_client.post(url, {"title": "x"}).status_code == 403
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(annotator)
    assert csrf_client.post(url, {"title": "x"}).status_code == 403
    assert Article.objects.get().title == "Kept"


def test_editing_without_htmx_redirects_back_with_a_message(annotator_client):
    article = ArticleFactory(title="Old")
    response = annotator_client.post(
        reverse("articles:edit", args=[article.pk]),
        {"title": "New", "source": article.source.pk},
        follow=True,
    )
    assert response.redirect_chain == [(article.get_absolute_url(), 302)]
    assert (
        b"Details saved." in response.content and b'<h1 id="article-title">New' in response.content
    )


def test_the_server_error_page_renders_without_a_context(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content


def test_page_size_from_the_url_is_clamped(reader):
    ArticleFactory.create_batch(105)
    response = reader.get(LIST, {"per_page": "100000"})
    assert len(response.context["table"].page.object_list) == 100


def test_a_very_long_search_is_not_an_error(reader):
    ArticleFactory(title="Iran talks", body="Iran talks resumed.")
    response = reader.get(LIST, {"q": "iran " * 2000})
    assert response.status_code == 200
    assert titles_in(response) == ["Iran talks"]


def test_only_web_urls_are_links(reader):
    article = ArticleFactory(
        url="javascript:alert(1)", standfirst="<i>stand</i>", import_notes="<script>note</script>"
    )
    html = reader.get(article.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in html
    assert "<i>stand" not in html and "<script>note" not in html
    linked = ArticleFactory(url="https://example.org/a?b=1&c=2")
    html = reader.get(linked.get_absolute_url()).content.decode()
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
