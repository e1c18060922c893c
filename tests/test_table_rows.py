"""Tables whose rows are written in Python (curation/table_rows.py) show the same HTML
as django-tables2's own cells would, markup in every value included."""

import datetime

import pytest
from django.test import RequestFactory
from django.test.html import parse_html
from django.utils import dateformat, translation

from curation.annotations.entity_reads import entity_directory
from curation.annotations.models import EntityKind
from curation.annotations.tables import EntityTable
from curation.articles.selectors import articles_for_list
from curation.articles.tables import ArticleTable
from curation.table_rows import SHORT_FORMATS, TEMPLATE, date_format
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, SourceFactory

pytestmark = pytest.mark.django_db

MARKUP = '<b onclick="x()">&amp;\'</b>'


def bodies(table_class, queryset) -> tuple[str, str]:
    """The table's body as written in Python, and as django-tables2's cells write it."""
    request = RequestFactory().get("/")
    written = []
    for template in (TEMPLATE, "tables/htmx_table.html"):
        table = table_class(queryset, template_name=template)
        table.paginate(per_page=100)
        html = table.as_html(request)
        written.append(html[html.index("<tbody") : html.index("</tbody>") + len("</tbody>")])
    return written[0], written[1]


def test_the_article_list():
    source = SourceFactory(name=f"Wire {MARKUP}")
    dated = ArticleFactory(
        title=f"Talks {MARKUP}",
        body="Talks resumed.",
        source=source,
        published_on=datetime.date(2024, 6, 27),
    )
    ArticleFactory(title="Undated", source=None, published_on=None)
    MentionFactory(article=dated, quote_text="Talks")
    in_python, by_tables2 = bodies(ArticleTable, articles_for_list())
    assert in_python.count("<tr") == 2
    assert parse_html(in_python) == parse_html(by_tables2)
    assert "<b " not in in_python


def test_the_entity_directory():
    EntityFactory(name=f"Hezbollah {MARKUP}", wikidata_id="Q41053")
    EntityFactory(name="Plain", kind=EntityKind.objects.get(slug="place"))
    in_python, by_tables2 = bodies(EntityTable, entity_directory().order_by("name"))
    assert in_python.count("<tr") == 2
    assert parse_html(in_python) == parse_html(by_tables2)
    assert "<b " not in in_python


def test_an_empty_table_says_so():
    in_python, by_tables2 = bodies(EntityTable, entity_directory().none())
    assert "No entities match" in in_python
    assert parse_html(in_python) == parse_html(by_tables2)


@pytest.mark.parametrize("fmt", [*SHORT_FORMATS, "D j F Y"])
@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2024, 1, 5, 0, 0),
        datetime.datetime(2024, 9, 30, 9, 7),
        datetime.datetime(1999, 12, 31, 23, 59),
    ],
)
def test_dates_are_written_as_djangos_formatter_writes_them(fmt, moment):
    assert date_format(moment, fmt) == dateformat.format(moment, fmt)
    for language in ("de", "fr"):  # the month's name in the language of the request
        with translation.override(language):
            assert date_format(moment, fmt) == dateformat.format(moment, fmt)


def whole_tables(table_class, queryset, *, query: str, per_page: int, **kwargs) -> list[str]:
    """The whole table (head, body, page links), written in Python and by the template,
    for a request with ``query``."""
    request = RequestFactory().get(f"/?{query}")
    written = []
    for template in (TEMPLATE, "tables/htmx_table.html"):
        table = table_class(queryset, template_name=template, **kwargs)
        table.request = request
        table.order_by = request.GET.get("sort")
        table.paginate(page=int(request.GET.get("page", 1)), per_page=per_page)
        written.append(table.as_html(request))
    return written


@pytest.mark.parametrize("page", [1, 2, 7, 12])
def test_the_head_and_page_links_are_the_templates(page):
    for n in range(24):
        ArticleFactory(title=f"Piece {n}", body=f"Body {n}.")
    query = f"q=a%26b+%3Cc%3E&source=&sort=-title&page={page}&note=%C3%A9t%C3%A9"
    in_python, by_template = whole_tables(
        ArticleTable, articles_for_list(), query=query, per_page=2
    )
    assert parse_html(in_python) == parse_html(by_template)
    assert 'aria-sort="descending"' in in_python and "a%26b+%3Cc%3E" in in_python
    assert ('rel="prev"' in in_python) == (page > 1)
    assert ('rel="next"' in in_python) == (page < 12)
    assert "Page " + str(page) + " of 12 · 24 in all" in in_python


def test_a_single_page_has_no_page_links_and_the_queue_head_is_the_templates(rf):
    from django.contrib.auth.models import AnonymousUser

    from curation.review import selectors
    from curation.review.tables import QueueTable

    rows = selectors.work_rows(kinds=selectors.KINDS)
    in_python, by_template = whole_tables(
        QueueTable, rows, query="sort=annotator", per_page=25, user=AnonymousUser()
    )
    assert parse_html(in_python) == parse_html(by_template)
    assert "pagination" not in in_python and 'aria-sort="ascending"' in in_python
