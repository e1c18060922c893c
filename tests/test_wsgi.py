"""The WSGI entry point loads every view and API schema at start, keeps what it loaded
out of the garbage collector's full passes, and starts the import helper processes."""

import gc
import importlib
import sys

from django.core.handlers.wsgi import WSGIHandler

from curation.articles.importing import parallel


def test_the_application_is_loaded_whole_and_frozen(settings):
    settings.CURATION_IMPORT_HELPER_PROCESSES = 1
    parallel._forget()
    gc.unfreeze()
    sys.modules.pop("curation.wsgi", None)
    try:
        wsgi = importlib.import_module("curation.wsgi")
        assert isinstance(wsgi.application, WSGIHandler)
        assert "curation.api.main" in sys.modules  # the URLconf, with the API, is loaded
        assert gc.get_freeze_count() > 0
        assert parallel._pool is not None  # started, not left to the first large import
    finally:
        gc.unfreeze()
        parallel._forget()
