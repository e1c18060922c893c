"""Fixtures for the load and fault tests: a fresh database and gunicorn stack per test,
always torn down (servers killed, a PostgreSQL database dropped), even on failure."""

from __future__ import annotations

import pytest

from tests.load.stack import Stack, app_env, collect_static, fresh_database, run_seed


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/load/" in item.nodeid:
            item.add_marker(pytest.mark.load)


def instances_for(vendor: str) -> int:
    """One gunicorn on SQLite (one file, one machine); two on PostgreSQL, as two app
    servers in front of one database."""
    return 2 if vendor == "postgresql" else 1


@pytest.fixture(scope="session")
def static_root(tmp_path_factory) -> str:
    """The collected static files (WhiteNoise's manifest), collected once per session and
    shared by every stack's data folder."""
    data_dir = tmp_path_factory.mktemp("load-static")
    env = app_env(_NoDatabase(), data_dir)
    collect_static(env)
    return str(data_dir / "static")


class _NoDatabase:
    """collectstatic reads the settings but never connects: no database needed."""

    url = None


@pytest.fixture
def desk(tmp_path, static_root):
    """``desk(*seed_args)``: a fresh database, migrated and seeded, and its Stack (no
    server started yet). Returns (stack, database, plan)."""
    made = []

    def make(*seed_args: str):
        data_dir = tmp_path / f"data-{len(made)}"
        data_dir.mkdir()
        (data_dir / "static").symlink_to(static_root)
        database = fresh_database(data_dir)
        made.append((None, database))
        env = app_env(database, data_dir)
        plan = run_seed(env, *seed_args)
        stack = Stack(env=env, log_dir=tmp_path, vendor=database.vendor)
        made[-1] = (stack, database)
        return stack, database, plan

    yield make
    for stack, database in made:
        try:
            if stack is not None:
                stack.stop()
        finally:
            database.drop()
