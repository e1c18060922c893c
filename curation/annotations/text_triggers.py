"""The database triggers behind TextVersion: each gives an article a new random token in
the same transaction as a write that changes what the workspace shows of its text.

They are the database's, on SQLite and on PostgreSQL, so that no write path (a service,
the admin, a cascade, a bulk update, raw SQL) can change the text without changing its
key in the cache. Their statements are written once, in SQL both read; SQLite runs them
for each row, PostgreSQL for each statement.

They are taken away before migrations run (``remove``) and put back after (``install``,
which also gives every article a new token): see apps.py. An article's token changes
with every write that changes its text, whoever makes it, except in that window."""

from typing import NamedTuple

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

VERSIONS = "annotations_textversion"
RANDOM_TOKEN = {"sqlite": "random()", "postgresql": "(random() * 9e18)::bigint"}
UPSERT = "ON CONFLICT (article_id) DO UPDATE SET token = excluded.token"


def new_token(article: str) -> str:
    return f"INSERT INTO {VERSIONS} (article_id, token) VALUES ({article}, {{token}}) {UPSERT}"


def new_tokens(articles: str) -> str:
    """A new token for each article in the rows of the query ``articles``, in the order of
    their ids: concurrent writes that touch several articles lock them in one order."""
    return (
        f"INSERT INTO {VERSIONS} (article_id, token) SELECT article_id, {{token}} "
        f"FROM ({articles}) AS touched GROUP BY article_id ORDER BY article_id {UPSERT}"
    )


class Trigger(NamedTuple):
    name: str
    table: str
    event: str  # after which change
    when: str | None  # a condition on OLD and NEW (of a row)
    statement: str  # with {token} for a new random token
    each: str = "ROW"  # or "STATEMENT", on PostgreSQL, with its transition tables:
    referencing: str = ""


# Rows that are each within one article, and shown in its text.
WITHIN_ARTICLE = ["annotations_mention", "annotations_event", "annotations_suggestedmention"]
ARTICLES_NAMING_ENTITY = (
    "SELECT article_id FROM annotations_mention WHERE entity_id = NEW.id "
    "UNION SELECT article_id FROM annotations_suggestedmention WHERE entity_id = NEW.id"
)
ARTICLES_NAMING_KIND = (
    "SELECT mention.article_id AS article_id FROM annotations_mention AS mention "
    "JOIN annotations_entity AS entity ON entity.id = mention.entity_id "
    "WHERE entity.kind_id = NEW.id "
    "UNION SELECT suggested.article_id FROM annotations_suggestedmention AS suggested "
    "LEFT JOIN annotations_entity AS entity ON entity.id = suggested.entity_id "
    "WHERE suggested.kind_id = NEW.id OR entity.kind_id = NEW.id"
)

# SQLite runs a trigger for each row; a write within an article costs it 2 µs a row.
SQLITE_WITHIN_ARTICLE = [
    trigger
    for table in WITHIN_ARTICLE
    for trigger in (
        Trigger(f"{table}_text_insert", table, "INSERT", None, new_token("NEW.article_id")),
        Trigger(f"{table}_text_update", table, "UPDATE", None, new_token("NEW.article_id")),
        Trigger(
            f"{table}_text_move",
            table,
            "UPDATE OF article_id",
            "OLD.article_id <> NEW.article_id",
            new_token("OLD.article_id"),
        ),
        Trigger(f"{table}_text_delete", table, "DELETE", None, new_token("OLD.article_id")),
    )
]
# PostgreSQL runs one for each statement, over the rows it changed (its transition
# tables): a batch of 500 mentions gives its article one new token, not 500.
POSTGRESQL_WITHIN_ARTICLE = [
    trigger
    for table in WITHIN_ARTICLE
    for trigger in (
        Trigger(
            f"{table}_text_insert",
            table,
            "INSERT",
            None,
            new_tokens("SELECT article_id FROM new_rows"),
            "STATEMENT",
            "NEW TABLE AS new_rows",
        ),
        Trigger(
            f"{table}_text_update",
            table,
            "UPDATE",
            None,
            new_tokens("SELECT article_id FROM new_rows UNION SELECT article_id FROM old_rows"),
            "STATEMENT",
            "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        ),
        Trigger(
            f"{table}_text_delete",
            table,
            "DELETE",
            None,
            new_tokens("SELECT article_id FROM old_rows"),
            "STATEMENT",
            "OLD TABLE AS old_rows",
        ),
    )
]
ELSEWHERE = [
    # what the text shows of an entity: its name, and its kind's slug and name
    Trigger(
        "annotations_entity_text",
        "annotations_entity",
        "UPDATE OF name, kind_id",
        "OLD.name <> NEW.name OR OLD.kind_id <> NEW.kind_id",
        new_tokens(ARTICLES_NAMING_ENTITY),
    ),
    Trigger(
        "annotations_entitykind_text",
        "annotations_entitykind",
        "UPDATE OF slug, name",
        "OLD.slug <> NEW.slug OR OLD.name <> NEW.name",
        new_tokens(ARTICLES_NAMING_KIND),
    ),
    Trigger(
        "articles_article_text",
        "articles_article",
        "UPDATE OF body",
        "OLD.body <> NEW.body",
        new_token("NEW.id"),
    ),
    Trigger(
        "articles_article_text_delete",
        "articles_article",
        "DELETE",
        None,
        f"DELETE FROM {VERSIONS} WHERE article_id = OLD.id",
    ),
]
TRIGGERS = {
    "sqlite": SQLITE_WITHIN_ARTICLE + ELSEWHERE,
    "postgresql": POSTGRESQL_WITHIN_ARTICLE + ELSEWHERE,
}


def create_sqlite(trigger: Trigger) -> list[str]:
    when = f" WHEN {trigger.when}" if trigger.when else ""
    statement = trigger.statement.format(token=RANDOM_TOKEN["sqlite"])
    return [
        f"CREATE TRIGGER {trigger.name} AFTER {trigger.event} ON {trigger.table}{when} "
        f"BEGIN {statement}; END"
    ]


def create_postgresql(trigger: Trigger) -> list[str]:
    when = f" WHEN ({trigger.when})" if trigger.when else ""
    referencing = f" REFERENCING {trigger.referencing}" if trigger.referencing else ""
    statement = trigger.statement.format(token=RANDOM_TOKEN["postgresql"])
    return [
        f"CREATE FUNCTION {trigger.name}() RETURNS trigger LANGUAGE plpgsql "
        f"AS $$ BEGIN {statement}; RETURN NULL; END $$",
        f"CREATE TRIGGER {trigger.name} AFTER {trigger.event} ON {trigger.table}{referencing} "
        f"FOR EACH {trigger.each}{when} EXECUTE FUNCTION {trigger.name}()",
    ]


def drop_sqlite(trigger: Trigger) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {trigger.name}"]


def drop_postgresql(trigger: Trigger) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {trigger.name} ON {trigger.table}",
        f"DROP FUNCTION IF EXISTS {trigger.name}()",
    ]


INSTALLERS = {
    "sqlite": (drop_sqlite, create_sqlite),
    "postgresql": (drop_postgresql, create_postgresql),
}


def install(connection: BaseDatabaseWrapper, *, renew: bool = False) -> None:
    """Put every trigger (back) in place; or take them all away while the table of
    tokens doesn't exist (the database migrated back before it). ``renew``: and give
    every article a new token, for what migrations changed while there were no triggers.
    In one transaction, so that no write meanwhile goes without a new token."""
    _, create = INSTALLERS[connection.vendor]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        remove(connection)
        if VERSIONS not in connection.introspection.table_names():
            return
        for trigger in TRIGGERS[connection.vendor]:
            for statement in create(trigger):
                cursor.execute(statement)
        if renew:
            every_article = new_tokens("SELECT id AS article_id FROM articles_article")
            cursor.execute(every_article.format(token=RANDOM_TOKEN[connection.vendor]))


def remove(connection: BaseDatabaseWrapper) -> None:
    """Take every trigger away, before migrations run. SQLite rebuilds a table to alter
    it, and then refuses to rename the new table into place while a trigger elsewhere
    names a table that is, for that moment, missing."""
    drop, _ = INSTALLERS[connection.vendor]
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for trigger in TRIGGERS[connection.vendor]:
            for statement in drop(trigger):
                cursor.execute(statement)


def installed(connection: BaseDatabaseWrapper) -> set[str]:
    """The names of the database's TRIGGERS that it holds."""
    query = {
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(query)
        found = {name for (name,) in cursor.fetchall()}
    return found & {trigger.name for trigger in TRIGGERS[connection.vendor]}
