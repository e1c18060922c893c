"""The database's triggers give an article a new TextVersion token with each write to
what its workspace text shows, within the write's transaction, and to no other article.
(test_rendered_text checks the page after each kind of write.)"""

import pytest
from django.db import connection, transaction

from curation.annotations import services, text_triggers
from curation.annotations.models import EntityKind, Mention, TextVersion
from curation.articles.models import Article
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

TRIGGERS = text_triggers.TRIGGERS[connection.vendor]
ALL = {trigger.name for trigger in TRIGGERS}


def mention(quote: str, **fields) -> Mention:
    article = fields.pop("article", None) or ArticleFactory(body=f"{quote} spoke.")
    return MentionFactory(article=article, quote_text=quote, **fields)


def token(article) -> int | None:
    return TextVersion.of(article.pk)


def test_every_trigger_is_in_place_after_migrate():
    assert text_triggers.installed(connection) == ALL


def test_install_puts_back_a_trigger_a_rebuilt_table_lost():
    # SQLite drops a table's triggers when a migration rebuilds the table.
    lost = TRIGGERS[0]
    with connection.cursor() as cursor:
        for statement in text_triggers.INSTALLERS[connection.vendor][0](lost):
            cursor.execute(statement)
    assert text_triggers.installed(connection) == ALL - {lost.name}
    text_triggers.install(connection)
    assert text_triggers.installed(connection) == ALL


def test_without_the_table_of_tokens_install_takes_every_trigger_away():
    # after migrating back past the table: a trigger left behind would fail every write
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {text_triggers.VERSIONS}")
    text_triggers.install(connection)
    assert text_triggers.installed(connection) == set()
    mention("Hezbollah")  # writes as before the table


def test_a_write_changes_its_articles_token_and_no_other():
    written, other = ArticleFactory(body="Hezbollah fired."), ArticleFactory(body="Israel.")
    assert token(written) is None  # as imported
    mention("Hezbollah", article=written)
    first = token(written)
    assert first is not None and token(other) is None
    Mention.objects.filter(article=written).update(status="approved")
    assert token(written) != first and token(other) is None


def test_a_row_moved_to_another_article_changes_both_tokens():
    moved = mention("Hezbollah")
    source, target = moved.article, ArticleFactory(body="Hezbollah again.")
    before = token(source)
    Mention.objects.filter(pk=moved.pk).update(article=target)
    assert token(source) != before and token(target) is not None


def test_renaming_an_entity_changes_the_token_of_each_article_naming_it():
    hezbollah = EntityFactory(name="Hezbollah")
    naming = [ArticleFactory(body=f"Hezbollah fired, day {day}.") for day in range(3)]
    for article in naming:
        mention("Hezbollah", article=article, entity=hezbollah)
    elsewhere = mention("Israel").article
    before = {article.pk: token(article) for article in [*naming, elsewhere]}

    hezbollah.description = "A Lebanese party"  # not shown in the text
    hezbollah.save()
    assert {article.pk: token(article) for article in [*naming, elsewhere]} == before

    services.entity_update(
        entity=hezbollah, changes={"name": "Hizbollah"}, changed_by=UserFactory(role="reviewer")
    )
    after = {article.pk: token(article) for article in [*naming, elsewhere]}
    assert all(after[article.pk] != before[article.pk] for article in naming)
    assert after[elsewhere.pk] == before[elsewhere.pk]


def test_renaming_a_kind_changes_the_token_of_articles_naming_its_entities():
    group = EntityKind.objects.get(slug="group")
    article = mention("Hezbollah", entity=EntityFactory(kind=group)).article
    place = EntityKind.objects.get(slug="place")
    elsewhere = mention("Israel", entity=EntityFactory(kind=place)).article
    before = token(article), token(elsewhere)
    group.colour = "#123456"  # not shown in the text
    group.save()
    assert (token(article), token(elsewhere)) == before
    group.name = "Armed group"
    group.save()
    assert token(article) != before[0] and token(elsewhere) == before[1]


def test_a_write_rolled_back_leaves_the_token_as_it_was():
    article = mention("Hezbollah").article
    before = token(article)
    with pytest.raises(RuntimeError), transaction.atomic():
        Mention.objects.filter(article=article).update(status="approved")
        assert token(article) != before  # within the write's transaction
        raise RuntimeError
    assert token(article) == before


def test_an_articles_token_goes_with_the_article():
    article = mention("Hezbollah").article
    assert token(article) is not None
    Article.objects.filter(pk=article.pk).delete()
    assert not TextVersion.objects.filter(pk=article.pk).exists()


def test_one_statement_over_several_articles_changes_each_ones_token():
    # several rows of one article in one statement, in a batch over two articles
    articles = [ArticleFactory(body=f"Hezbollah and Hezbollah, {n}.") for n in range(2)]
    mentions = [
        Mention(article=article, entity=EntityFactory(), start=start, end=start + 9)
        for article in articles
        for start in (0, 14)
    ]
    Mention.objects.bulk_create(mentions)
    created = [token(article) for article in articles]
    assert None not in created
    Mention.objects.filter(article__in=articles).update(status="approved")
    updated = [token(article) for article in articles]
    assert all(new != old for new, old in zip(updated, created, strict=True))
    Mention.objects.filter(article__in=articles)._raw_delete(Mention.objects.db)
    assert all(token(a) != old for a, old in zip(articles, updated, strict=True))


@pytest.mark.django_db(transaction=True)
def test_migrations_that_rebuild_tables_run_and_leave_the_triggers_and_new_tokens():
    # Back across 0009, which alters the mentions' table (SQLite rebuilds it, and then
    # refuses to rename it into place while another table's trigger names it), and on.
    from django.core.management import call_command

    article = mention("Hezbollah").article
    before = token(article)
    call_command("migrate", "annotations", "0008", verbosity=0)
    assert text_triggers.installed(connection) == set()  # no table of tokens
    call_command("migrate", verbosity=0)
    assert text_triggers.installed(connection) == ALL
    assert token(article) not in (None, before)  # whatever migrations changed, unseen
