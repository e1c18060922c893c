"""The OpenAPI document and the docs page: served by the desk itself, no CDN."""

import json
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_openapi_document_describes_every_operation_and_the_token():
    document = Client().get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/articles/import" in document["paths"]
    assert "/api/v1/articles/{article_id}/mentions" in document["paths"]
    schemes = document["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"} in [
        {key: scheme[key] for key in ("type", "scheme") if key in scheme}
        for scheme in schemes.values()
    ]
    import_errors = document["paths"]["/api/v1/articles/import"]["post"]["responses"]
    assert {"200", "401", "403", "413", "422", "429"} <= set(import_errors)


def test_the_docs_page_loads_its_scripts_from_the_desk_not_a_cdn():
    client = Client()
    html = client.get("/api/v1/docs").content.decode()
    scripts = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert scripts and all(address.startswith("/static/") for address in scripts), scripts
    assert "cdn" not in html.lower()
    bundle = next(address for address in scripts if "swagger-ui-bundle" in address)
    response = client.get(bundle)
    assert response.status_code == 200


def test_the_api_root_says_where_the_docs_are():
    answer = Client().get("/api/v1/").json()
    assert answer["docs"].endswith("/api/v1/docs")
    assert answer["openapi"].endswith("/api/v1/openapi.json")


def test_the_openapi_document_has_no_key_twice_in_any_object():
    """A duplicated key (200 given as a number by ninja and as text by an extra) made
    the docs page say "Parser error: duplicated mapping key"."""
    doubled = []

    def unique(pairs):
        keys = [key for key, _ in pairs]
        doubled.extend(key for key in set(keys) if keys.count(key) > 1)
        return dict(pairs)

    json.loads(Client().get("/api/v1/openapi.json").content, object_pairs_hook=unique)
    assert doubled == []
    document = Client().get("/api/v1/openapi.json").json()
    annotations = document["paths"]["/api/v1/articles/{article_id}/annotations"]["get"]
    assert "W3C Web Annotation" in annotations["responses"]["200"]["description"]
