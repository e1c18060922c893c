"""``compiled_queries.fixed_rows``, ``rows_of_ids`` and ``rows_with``: the SQL is kept, never
the rows."""

import itertools

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.models.functions import Upper
from django.test.utils import CaptureQueriesContext

from curation.articles.models import Source
from curation.compiled_queries import fixed_rows, rows_of_ids, rows_with
from tests.factories import UserFactory

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


def _people(ids):
    return (
        User.objects.filter(pk__in=ids).order_by("pk").values_list("pk", "username", "date_joined")
    )


def test_rows_of_ids_answer_what_the_orm_answers_dates_converted():
    people = [UserFactory().pk for _ in range(4)]
    key = ("test-people", next(_keys))
    first, second = people[:2], people[2:]
    assert rows_of_ids(key, _people, first) == list(_people(first))
    # the same number of other ids: the SQL kept, their own rows
    rows = rows_of_ids(key, _people, second)
    assert rows == list(_people(second))
    assert [row[0] for row in rows] == second
    assert all(row[2].tzinfo is not None for row in rows)  # an aware datetime, not text


def test_rows_of_ids_compile_once_for_each_number_of_ids():
    people = [UserFactory().pk for _ in range(3)]
    key = ("test-people", next(_keys))
    built = []

    def build(ids):
        built.append(len(ids))
        return _people(ids)

    with CaptureQueriesContext(connection) as queries:
        for ids in ([people[0]], [people[1]], people[:2], people[1:], people, [people[2]] * 3):
            assert rows_of_ids(key, build, ids) == list(_people(ids))
    assert built == [1, 2, 3]
    assert len(queries) == 6 * 2  # each call's, and the ORM's to compare with


def test_rows_of_ids_of_a_query_with_other_parameters_are_read_through_the_orm_each_time():
    people = [UserFactory(username=name).pk for name in ("a-one", "a-two", "b-three")]
    key = ("test-people", next(_keys))
    built = []

    def build(ids):
        built.append(1)
        return _people(ids).filter(username__startswith="a")

    assert rows_of_ids(key, build, people[:2]) == list(_people(people[:2]))
    assert rows_of_ids(key, build, people[1:]) == list(_people(people[1:2]))
    assert len(built) == 3  # the first time twice (to compile, then to run)


def test_rows_of_ids_with_annotations_are_read_through_the_orm_each_time():
    """An annotation may sit anywhere in the SQL's columns: the ORM puts them in order."""
    people = [UserFactory().pk for _ in range(2)]
    key = ("test-people", next(_keys))
    built = []

    def build(ids):
        built.append(1)
        shouted = User.objects.filter(pk__in=ids).annotate(shout=Upper("username"))
        return shouted.order_by("pk").values_list("shout", "pk")

    expected = [(user.username.upper(), user.pk) for user in User.objects.order_by("pk")]
    assert rows_of_ids(key, build, people) == expected
    assert rows_of_ids(key, build, people) == expected
    assert len(built) == 3


def test_no_id_is_asked_for_as_an_in_leaves_it_out():
    people = [UserFactory().pk for _ in range(2)]
    key = ("test-people", next(_keys))
    built = []

    def build(ids):
        built.append(1)
        return _people(ids)

    assert rows_of_ids(key, build, [None, *people]) == list(_people(people))
    assert rows_of_ids(key, build, people) == list(_people(people))
    assert len(built) == 1


def test_rows_of_no_ids_are_none():
    with CaptureQueriesContext(connection) as queries:
        assert rows_of_ids(("test-people", next(_keys)), _people, []) == []
    assert len(queries) == 0


def _between(low_id: int, high_id: int):
    """Users after one id up to another, the first id in two places."""
    return (
        User.objects.filter(pk__gte=low_id, pk__lte=high_id)
        .exclude(pk=low_id)
        .exclude(username="nobody")
        .order_by("pk")
        .values_list("pk", "username")
    )


def test_rows_with_named_ids_answer_what_the_orm_answers_for_each_call():
    people = [UserFactory() for _ in range(5)]
    key = ("test-between", next(_keys))
    built = []

    def build(**ids):
        built.append(ids)
        return _between(**ids)

    for low, high in [(0, 1), (1, 3), (2, 4), (4, 4)]:
        ids = {"low_id": people[low].pk, "high_id": people[high].pk}
        assert rows_with(key, build, **ids) == list(_between(**ids))
    assert len(built) == 1  # compiled once, with stand-ins
    assert set(built[0].values()).isdisjoint(person.pk for person in people)


def test_rows_with_an_id_the_sql_holds_in_another_form_are_read_through_the_orm_each_time():
    people = [UserFactory(username=f"user{n}") for n in range(2)]
    key = ("test-text-id", next(_keys))
    built = []

    def by_name(person_id: int):
        built.append(person_id)
        return User.objects.filter(username=f"user{person_id}").values_list("username")

    assert rows_with(key, by_name, person_id=1) == [("user1",)]
    assert rows_with(key, by_name, person_id=0) == [("user0",)]
    assert built[1:] == [1, 0]  # the stand-in, then each call's own
    assert people


def test_rows_with_a_value_worked_out_from_an_id_are_read_through_the_orm_each_time():
    people = [UserFactory() for _ in range(3)]
    key = ("test-derived", next(_keys))

    def and_the_next(person_id: int):
        return (
            User.objects.filter(pk__in=[person_id, person_id + 1]).order_by("pk").values_list("pk")
        )

    for person in people[:2]:
        assert rows_with(key, and_the_next, person_id=person.pk) == [(person.pk,), (person.pk + 1,)]


def test_the_workspace_counts_are_compiled_once_on_either_database(monkeypatch):
    """``selectors.draft_count`` and ``article_entity_counts`` run their kept SQL for
    every article and person: their ids compile as stand-ins on SQLite and PostgreSQL."""
    from curation.annotations import selectors
    from tests.factories import ArticleFactory, EntityFactory, MentionFactory

    built = []
    for name in ("_draft_counts", "_entity_count_rows"):
        build = getattr(selectors, name)
        monkeypatch.setattr(
            selectors, name, lambda build=build, **ids: built.append(build) or build(**ids)
        )
    people = [UserFactory() for _ in range(2)]
    articles = [ArticleFactory(body=f"Iran and Israel met, day {n}.") for n in range(2)]
    names = [EntityFactory(name="Iran"), EntityFactory(name="Israel")]  # a person's each
    for n, article in enumerate(articles):
        for person, named in list(zip(people, names, strict=True))[: n + 1]:
            MentionFactory(article=article, entity=named, created_by=person, status="draft")
    for n, article in enumerate(articles):
        assert [row.count for row in selectors.article_entity_counts(article)] == [1] * (n + 1)
        counts = [selectors.draft_count(article, person) for person in people]
        assert counts == ([1, 1] if n else [1, 0])
    assert len(built) == 2  # each built once


def test_what_a_workspace_change_reads_is_compiled_once_and_answers_as_the_orm(monkeypatch):
    """``text_update`` reads the mentions, events and taggers' mentions that overlap the
    paragraphs a change touched: compiled once for each number of ranges, on SQLite and
    PostgreSQL alike (their offsets are positive columns, which a stand-in out of their
    range would make Django compile as matching nothing or everything), and answering
    what the ORM answers, in the text's and the dates' order."""
    from curation import compiled_queries
    from curation.annotations import selectors
    from curation.annotations.models import Event, Mention
    from curation.annotations.suggested import Decision, SuggestedMention

    compiled = []
    compile_with = compiled_queries._compile_with
    monkeypatch.setattr(
        compiled_queries,
        "_compile_with",
        lambda build, names: compiled.append(compile_with(build, names)) or compiled[-1],
    )
    articles = [_article_with_marks(n) for n in range(2)]

    def by_orm(model, ranges, **more):
        return model.objects.filter(selectors._overlapping(ranges), **more)

    for article in articles:
        for ranges in ([(0, 20)], [(20, 40)], [(0, 10), (55, 70)], [(90, 99)]):
            marks = selectors.mentions_overlapping(article, ranges)
            assert marks == selectors._marks(by_orm(Mention, ranges, article=article))
            events = selectors.events_overlapping(article, ranges)
            expected = sorted(by_orm(Event, ranges, article=article), key=lambda e: e.sort_key)
            assert [event.pk for event in events] == [event.pk for event in expected]
            tagged = selectors.tagged_mentions(article, ranges)
            waiting = by_orm(SuggestedMention, ranges, article=article, decision=Decision.OPEN)
            assert [t.pk for t in tagged] == [t.pk for t in waiting.order_by("start")]
        events = selectors.events_overlapping(article, [(0, 20)])
        assert [event.date for event in events] == ["2024-06", "2024-06-20", ""]
        assert len(selectors.tagged_mentions(article, [(0, 99)])) == 2
    assert len(compiled) == 6  # three queries, for one range and for two
    assert None not in compiled


def _article_with_marks(n: int):
    """An article with two mentions, three events (undated last) and three taggers'
    mentions, one of them dismissed."""
    from curation.annotations.models import Event, EventType
    from curation.annotations.suggested import Decision, SuggestedMention
    from tests.factories import ArticleFactory, EntityFactory, MentionFactory

    body = f"Iran and Israel met. Hezbollah waited, day {n}.\n\nQatar hosted the talks."
    article = ArticleFactory(body=body)
    iran, israel = EntityFactory(name="Iran"), EntityFactory(name="Israel")
    MentionFactory(article=article, entity=iran)
    MentionFactory(article=article, entity=israel, status="submitted")
    meeting = EventType.objects.get(slug="consult")
    for date in ("2024-06-20", "", "2024-06"):
        Event.objects.create(
            article=article,
            start=0,
            end=19,
            quote=body[:19],
            event_type=meeting,
            headline=f"Met {date}",
            date=date,
        )
    for word, decision in (("Hezbollah", Decision.OPEN), ("Qatar", Decision.OPEN),
                           ("Iran", Decision.DISMISSED)):  # fmt: skip
        start = body.index(word)
        SuggestedMention.objects.create(
            article=article,
            start=start,
            end=start + len(word),
            quote=word,
            origin="tagger",
            entity=iran,
            decision=decision,
        )
    return article
