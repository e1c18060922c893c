import pytest
from django.test import Client

from curation import compiled_queries
from tests.factories import AnnotatorFactory, UserFactory


@pytest.fixture(autouse=True)
def _no_compiled_query_from_another_test():
    """A test that changes what shapes a compiled query (a monkeypatched limit) must
    not leave its SQL to the tests after it, nor find another's."""
    compiled_queries.clear()
    yield
    compiled_queries.clear()


@pytest.fixture
def annotator(db):
    """An editor with the annotator role."""
    return AnnotatorFactory(username="annie")


@pytest.fixture
def stranger(db):
    """Logged in, but with no role at all."""
    return UserFactory(username="stranger")


@pytest.fixture
def annotator_client(annotator) -> Client:
    client = Client()
    client.force_login(annotator)
    return client


@pytest.fixture
def stranger_client(stranger) -> Client:
    client = Client()
    client.force_login(stranger)
    return client


@pytest.fixture
def htmx_headers() -> dict[str, str]:
    return {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def event_types(transactional_db):
    """Tests with real transactions are flushed afterwards, which also empties the event
    types a data migration seeded: put them back."""
    from importlib import import_module

    from django.apps import apps

    import_module("curation.annotations.migrations.0003_plover_event_types").seed_event_types(apps)
