"""The WSGI entry point loads every view and API schema at start, and keeps what it
loaded out of the garbage collector's full passes."""

import gc
import importlib
import sys

from django.core.handlers.wsgi import WSGIHandler


def test_the_application_is_loaded_whole_and_frozen():
    gc.unfreeze()
    sys.modules.pop("curation.wsgi", None)
    try:
        wsgi = importlib.import_module("curation.wsgi")
        assert isinstance(wsgi.application, WSGIHandler)
        assert "curation.api.main" in sys.modules  # the URLconf, with the API, is loaded
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
