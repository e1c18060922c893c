"""``rows``: many rows in one statement, stored exactly as ``Model.save`` stores them,
and unsaved instances built from keyword values."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.functional import lazy

from curation.articles import rows as rows_module
from curation.articles.models import Article, ArticleRevision, Source
from curation.articles.rows import insert_rows, insert_rows_with_keys, unsaved
from tests.factories import SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def new_article(n: int, **fields) -> Article:
    return unsaved(
        Article,
        **{
            "title": f"Title {n}",
            "body": f"Body {n}.",
            "raw_text": f"Raw {n}.",
            "content_hash": f"hash-{n}",
            "format": "text",
            **fields,
        },
    )


def test_unsaved_is_the_instance_keyword_arguments_make():
    source = SourceFactory()
    built = unsaved(
        Article, title="T", body="B", source_id=source.pk, published_on=date(2024, 6, 1)
    )
    made = Article(title="T", body="B", source_id=source.pk, published_on=date(2024, 6, 1))
    fields = [field.attname for field in Article._meta.concrete_fields]
    assert [getattr(built, name) for name in fields] == [getattr(made, name) for name in fields]
    assert built._state.adding and built.pk is None
    assert built.source == source


def test_unsaved_refuses_a_field_the_model_does_not_have():
    with pytest.raises(TypeError, match="'source'"):
        unsaved(Article, source=SourceFactory())  # an attname is needed: source_id


def test_inserted_rows_read_back_as_saved_ones_do():
    user = UserFactory()
    source = SourceFactory()
    lazy_title = lazy(lambda: "A lazy title", str)()
    rows = [
        new_article(1, source_id=source.pk, imported_by_id=user.pk, published_on=date(2024, 6, 1)),
        new_article(2, title=lazy_title, date_detected=True, published_on=None),
        new_article(3, title=42, source_id=source.pk, imported_by_id=user.pk, url=""),
    ]
    before = timezone.now()
    insert_rows(Article, rows)
    stored = {a.content_hash: a for a in Article.objects.all()}
    one, two, three = stored["hash-1"], stored["hash-2"], stored["hash-3"]
    assert (one.source, one.imported_by, one.published_on) == (source, user, date(2024, 6, 1))
    assert (two.title, two.date_detected, two.published_on, two.source) == (
        "A lazy title",
        True,
        None,
        None,
    )
    assert (three.title, three.body, three.source, three.imported_by) == (
        "42",
        "Body 3.",
        source,
        user,
    )
    for article in (one, two, three):
        assert before <= article.imported_at <= timezone.now()  # auto_now_add, per row
    assert rows[0].imported_at == one.imported_at  # pre_save stamped the instance too


def test_rows_that_share_a_value_each_get_it():
    first, second = SourceFactory(), SourceFactory()
    sources = [first, first, second, None, second, first]
    insert_rows(Article, [new_article(n, source_id=s and s.pk) for n, s in enumerate(sources)])
    articles = list(Article.objects.order_by("content_hash"))
    assert [a.source for a in articles] == sources
    when = timezone.now() - timedelta(days=3)
    insert_rows(
        ArticleRevision,
        [
            unsaved(
                ArticleRevision,
                article_id=a.pk,
                number=1,
                body=a.body,
                reason="imported",
                created_at=when if n % 3 else timezone.now(),
            )
            for n, a in enumerate(articles)
        ],
    )
    stored = list(ArticleRevision.objects.order_by("article__content_hash"))
    assert [r.article_id for r in stored] == [a.pk for a in articles]
    assert [r.body for r in stored] == [a.body for a in articles]
    assert [r.created_at == when for r in stored] == [n % 3 != 0 for n in range(6)]


def test_a_source_row_keeps_its_boolean_and_default():
    insert_rows(
        Source,
        [
            unsaved(Source, name="Off", slug="off", active=False),
            unsaved(Source, name="On", slug="on"),
        ],
    )
    assert dict(Source.objects.values_list("slug", "active")) == {"off": False, "on": True}


@pytest.mark.parametrize("returning", [True, False], ids=["RETURNING", "a row at a time"])
@pytest.mark.parametrize("per_statement", [2, rows_module.RETURNING_BATCH])
def test_rows_inserted_with_keys_each_get_the_key_of_their_own_row(
    per_statement, returning, monkeypatch
):
    if not returning and connection.vendor != "sqlite":
        pytest.skip("only SQLite before 3.35 lacks RETURNING")
    monkeypatch.setattr(rows_module, "RETURNING_BATCH", per_statement)
    monkeypatch.setattr(connection.features, "can_return_rows_from_bulk_insert", returning)
    Article.objects.create(title="Before", body="Already here.", content_hash="before")
    rows = [new_article(n) for n in range(5)]
    insert_rows_with_keys(Article, rows)
    stored = dict(Article.objects.values_list("pk", "content_hash"))
    assert [stored[row.pk] for row in rows] == [f"hash-{n}" for n in range(5)]
    assert all(not row._state.adding for row in rows)
    rows[2].title = "Saved again"
    rows[2].save()  # an UPDATE of its own row, not a second INSERT
    assert Article.objects.get(content_hash="hash-2").title == "Saved again"
    assert Article.objects.count() == 6
