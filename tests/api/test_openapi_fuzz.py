"""The API fuzzed from its own OpenAPI document with schemathesis: for every operation,
a bounded number of generated requests (valid and invalid), sent with a valid token.
None may end in a 500, and every answer must match the document: its status is one the
operation declares, its content type and its body match the declared schema."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention
from curation.api.main import api
from curation.api.tokens import token_create
from curation.chronology.models import Chronology
from tests.chronology import public_data
from tests.factories import ArticleFactory, UserFactory

EXAMPLES_PER_OPERATION = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schemathesis.serializer("application/x-ndjson")
def json_lines(ctx, value) -> bytes:
    """The import's JSON Lines body: generated as a string (its schema's type)."""
    if isinstance(value, bytes):
        return value
    text = value if isinstance(value, str) else json.dumps(value)
    return text.encode("utf-8", "surrogatepass")


# The document the API serves at /api/v1/openapi.json, built from the code (no database).
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())


@pytest.fixture
def world(db, settings):
    """A curator's token, and something for every operation to find: an article with a
    mention and an event, an entity, a public chronology with a published entry."""
    settings.CURATION_API_RATE_LIMIT = 1_000_000
    settings.CURATION_API_MAX_ITEMS = 50
    curator = UserFactory(username="fuzzer", role="curator")
    _, secret = token_create(user=curator, name="fuzz", created_by=curator)
    article = ArticleFactory(body="Israel and Iran met in Vienna. Iran spoke.")
    iran = Entity.objects.create(name="Iran", kind=EntityKind.objects.get(slug="place"))
    Mention.objects.create(article=article, entity=iran, start=11, end=15, quote="Iran")
    Event.objects.create(
        article=article,
        start=0,
        end=29,
        quote=article.body[:29],
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Talks",
    )
    talks = public_data.chronology("Iran talks", slug="iran-talks")
    public_data.entry([talks], "2024-06-20")
    assert Chronology.objects.filter(is_public=True).exists()
    return secret


@pytest.fixture
def app(world):
    """The desk as a WSGI app, called in this thread inside the test's transaction: like
    Django's test client, keep the request signals from closing the connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_the_promises_of_its_openapi_document(case, world, app):
    # Identity: the WSGI client does not undo the desk's gzip, as a browser or curl would.
    headers = {"Authorization": f"Bearer {world}", "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers, checks=CHECKS, app=app)
