"""Checks against the database itself, in SQL, after a load run or a crash: its
integrity, and whether every write the server acknowledged is there, as it was sent.

Each check returns a list of problems (empty: all is well), so that a test's failure
message says what is wrong."""

from __future__ import annotations

from collections import Counter

# (table, column, parent table): rows that must point at an existing parent.
REFERENCES = [
    ("articles_articlerevision", "article_id", "articles_article"),
    ("articles_article", "source_id", "articles_source"),
    ("annotations_mention", "article_id", "articles_article"),
    ("annotations_mention", "entity_id", "annotations_entity"),
    ("annotations_event", "article_id", "articles_article"),
    ("annotations_event", "event_type_id", "annotations_eventtype"),
    ("annotations_participant", "event_id", "annotations_event"),
    ("annotations_alias", "entity_id", "annotations_entity"),
    ("chronology_entryevent", "event_id", "annotations_event"),
    ("chronology_entryevent", "entry_id", "chronology_entry"),
]
CHUNK = 500


def rows(database, sql: str, params=()) -> list[tuple]:
    """``sql`` with %s placeholders, on either database."""
    connection = database.connect()
    try:
        if database.vendor == "sqlite":
            sql = sql.replace("%s", "?")
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    finally:
        connection.close()


def scalar(database, sql: str, params=()):
    return rows(database, sql, params)[0][0]


def integrity_problems(database) -> list[str]:
    problems = []
    if database.vendor == "sqlite":
        verdict = rows(database, "PRAGMA integrity_check")
        if verdict != [("ok",)]:
            problems.append(f"PRAGMA integrity_check: {verdict[:10]}")
        broken = rows(database, "PRAGMA foreign_key_check")
        if broken:
            problems.append(f"PRAGMA foreign_key_check: {broken[:10]}")
    for table, column, parent in REFERENCES:
        orphans = scalar(
            database,
            f"SELECT COUNT(*) FROM {table} AS child WHERE child.{column} IS NOT NULL "
            f"AND NOT EXISTS (SELECT 1 FROM {parent} AS parent "
            f"WHERE parent.id = child.{column})",
        )
        if orphans:
            problems.append(f"{orphans} rows of {table} whose {column} has no {parent}")
    return problems


def _in_chunks(database, sql: str, ids: list) -> list[tuple]:
    found = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found += rows(database, sql.format(ids=", ".join(["%s"] * len(chunk))), chunk)
    return found


def _compare(what: str, acknowledged: list[tuple], stored: list[tuple], *, exact: bool):
    """Every acknowledged row is stored; with ``exact``, nothing else is either (a
    crash may leave a write saved whose answer never left the server)."""
    missing = Counter(acknowledged) - Counter(stored)
    problems = []
    if missing:
        unexpected = list(Counter(stored) - Counter(acknowledged))
        problems.append(
            f"{what}: acknowledged but not stored as sent: {list(missing)[:3]}; "
            f"stored and not acknowledged: {unexpected[:3]}"
        )
    if exact and len(stored) != len(acknowledged):
        problems.append(f"{what}: {len(acknowledged)} acknowledged, {len(stored)} stored")
    return problems


def missing_writes(database, plan: dict, acks: dict, *, exact: bool = True) -> list[str]:
    problems = []
    own = [article["id"] for part in plan["annotators"] for article in part["articles"]]
    problems += _compare(
        "mentions",
        [
            (a["article"], a["start"], a["end"], a["entity"], a["quote"], a["by"])
            for a in acks.get("mentions", [])
        ],
        _in_chunks(
            database,
            'SELECT m.article_id, m.start, m."end", m.entity_id, m.quote, u.username '
            "FROM annotations_mention AS m JOIN auth_user AS u ON u.id = m.created_by_id "
            "WHERE m.article_id IN ({ids})",
            own,
        ),
        exact=exact,
    )
    problems += _compare(
        "events",
        [
            (
                a["article"],
                a["start"],
                a["end"],
                a["quote"],
                a["headline"],
                a["date"],
                plan["event_type"],
                "draft",
                a["by"],
            )
            for a in acks.get("events", [])
        ],
        rows(
            database,
            'SELECT e.article_id, e.start, e."end", e.quote, e.headline, e.date, t.slug, '
            "e.status, u.username FROM annotations_event AS e "
            "JOIN auth_user AS u ON u.id = e.created_by_id "
            "JOIN annotations_eventtype AS t ON t.id = e.event_type_id "
            "WHERE e.headline LIKE %s",
            ["Load event %"],
        ),
        exact=exact,
    )
    pool = [item for part in plan["reviewers"] for item in part["queue"]]
    for kind in ("mention", "event"):
        problems += _compare(
            f"{kind} approvals",
            [
                (a["id"], "approved", a["version"] + 1, a["by"])
                for a in acks.get("approvals", [])
                if a["kind"] == kind
            ],
            _in_chunks(
                database,
                f"SELECT w.id, w.status, w.version, u.username FROM annotations_{kind} AS w "
                "JOIN auth_user AS u ON u.id = w.reviewed_by_id "
                "WHERE w.status = 'approved' AND w.id IN ({ids})",
                [pk for item_kind, pk, _ in pool if item_kind == kind],
            ),
            exact=exact,
        )
    imports = acks.get("imports", [])
    problems += _compare(
        "imported articles",
        [(a["id"], a["title"], a["body"]) for a in imports],
        _in_chunks(
            database,
            "SELECT id, title, body FROM articles_article WHERE id IN ({ids})",
            [a["id"] for a in imports],
        ),
        exact=exact,
    )
    articles = scalar(database, "SELECT COUNT(*) FROM articles_article")
    expected = plan["article_count"] + len(imports)
    if articles < expected or (exact and articles != expected):
        problems.append(f"articles: {articles} stored, {expected} expected")
    return problems


def log_problems(logs: str) -> list[str]:
    """What the servers' logs must never say."""
    problems = []
    lines = logs.splitlines()
    for needle in ("database is locked", "Traceback", "[CRITICAL]", "WORKER TIMEOUT"):
        found = next((n for n, line in enumerate(lines) if needle.lower() in line.lower()), None)
        if found is not None:
            # The lines after the first hit: a traceback's frames and its exception.
            context = "\n".join(line[:300] for line in lines[found : found + 40])
            problems.append(f"the server log says {needle!r}:\n{context}")
    return problems
