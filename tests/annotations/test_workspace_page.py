"""Issue 7, items 9 and 10: the workspace page belongs to Articles in the navigation, and
its header shows what the dates in the text depend on."""

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db


def workspace(client, article) -> str:
    return client.get(reverse("annotations:workspace", args=[article.pk])).content.decode()


def test_the_navigation_marks_articles_as_the_current_section(annotator_client):
    html = workspace(annotator_client, ArticleFactory())
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', html)
    assert current == [reverse("articles:list")]


def test_the_header_shows_the_source_and_the_date_with_a_link_to_change_them(
    annotator_client,
):
    article = ArticleFactory(
        source=SourceFactory(name="Financial Times"), published_on=date(2024, 10, 2)
    )
    html = workspace(annotator_client, article)
    facts = html.split('id="article-facts"')[1].split("</p>")[0]
    assert "Financial Times" in facts and "2 October 2024" in facts
    assert f'href="{reverse("articles:edit", args=[article.pk])}"' in facts
    assert "no publication date" not in html


def test_an_undated_article_quotes_its_own_phrases_and_links_to_the_date(annotator_client):
    article = ArticleFactory(
        source=None,
        published_on=None,
        body="Officials met YESTERDAY. A call is planned for next week.",
    )
    html = workspace(annotator_client, article)
    assert "Source unknown" in html
    warning = html.split('class="alert alert-warn"')[1].split("</p>")[0]
    assert "(“YESTERDAY”, “next week”)" in warning
    assert "last Thursday" not in warning
    assert (
        f'<a href="{reverse("articles:edit", args=[article.pk])}">Add the publication date</a>'
        in warning
    )
