"""``compiled_queries.fixed_rows``: the SQL is kept, never the rows."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curation.articles.models import Source
from curation.compiled_queries import fixed_rows

pytestmark = pytest.mark.django_db

_keys = itertools.count()


def _sources_by_name():
    return Source.objects.order_by("name").values_list("id", "name")


def test_it_answers_what_the_query_answers_now_not_what_it_answered_first():
    key = ("test-sources", next(_keys))
    before = list(_sources_by_name())
    assert fixed_rows(key, _sources_by_name) == before
    added = Source.objects.create(name="Zzz Wire")
    rows = fixed_rows(key, _sources_by_name)
    assert rows == [*before, (added.pk, "Zzz Wire")]
    assert rows == list(_sources_by_name())


def test_the_query_is_built_once_and_run_each_time():
    key = ("test-sources", next(_keys))
    built = []

    def build():
        built.append(1)
        return _sources_by_name()

    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            fixed_rows(key, build)
    assert len(built) == 1
    assert len(queries) == 3


def test_a_query_that_can_match_nothing_answers_nothing():
    key = ("test-none", next(_keys))
    with CaptureQueriesContext(connection) as queries:
        assert fixed_rows(key, lambda: Source.objects.none().values_list("id")) == []
        assert fixed_rows(key, lambda: Source.objects.none().values_list("id")) == []
    assert len(queries) == 0


def test_keys_keep_queries_apart():
    Source.objects.create(name="Aaa Wire")
    first, second = ("test-a", next(_keys)), ("test-b", next(_keys))
    names = fixed_rows(first, lambda: Source.objects.order_by("name").values_list("name"))
    ids = fixed_rows(second, lambda: Source.objects.order_by("name").values_list("id"))
    assert names[0] == ("Aaa Wire",)
    assert [row[0] for row in ids] == list(
        Source.objects.order_by("name").values_list("id", flat=True)
    )
