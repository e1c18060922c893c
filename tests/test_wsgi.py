"""The WSGI entry point loads every view and API schema at start, builds the gazetteer of
known names, keeps what it loaded out of the garbage collector's full passes, and starts
the import helper processes."""

import gc
import importlib
import sys

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError

from curation.annotations import known_names
from curation.articles.importing import parallel
from tests.factories import EntityFactory


@pytest.mark.django_db
def test_the_application_is_loaded_whole_and_frozen(settings):
    settings.CURATION_IMPORT_HELPER_PROCESSES = 1
    EntityFactory(name="Hezbollah")
    parallel._forget()
    known_names.forget()
    gc.unfreeze()
    sys.modules.pop("curation.wsgi", None)
    try:
        wsgi = importlib.import_module("curation.wsgi")
        assert isinstance(wsgi.application, WSGIHandler)
        assert "curation.api.main" in sys.modules  # the URLconf, with the API, is loaded
        assert gc.get_freeze_count() > 0
        assert parallel._pool is not None  # started, not left to the first large import
        # built at start: the first request that suggests names finds it ready
        assert known_names._built is not None
        assert [match.text for match in known_names._built[1].find("Hezbollah said")] == [
            "Hezbollah"
        ]
    finally:
        gc.unfreeze()
        parallel._forget()


def test_a_database_not_yet_migrated_leaves_the_gazetteer_to_its_first_use(monkeypatch):
    def no_tables():
        raise OperationalError("no such table: annotations_namesversion")

    monkeypatch.setattr(known_names, "_names_fingerprint", no_tables)
    known_names.forget()
    known_names.start()  # the server process starts all the same
    assert known_names._built is None
