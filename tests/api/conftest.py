"""People with roles and API tokens, and a client that sends a token."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from curation import roles
from curation.api.tokens import token_create
from tests.factories import UserFactory

ROLES = {
    "annotator": roles.ANNOTATOR,
    "reviewer": roles.REVIEWER,
    "curator": roles.CURATOR,
    "admin": roles.ADMIN,
    "no role": None,
}


class ApiClient:
    """Django's test client with a token in every request, and JSON in and out."""

    def __init__(self, secret: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path: str, params: dict | None = None, **headers):
        return self.client.get(path, params or {}, headers={**self.headers, **headers})

    def post(self, path: str, data=None, *, content_type="application/json", **headers):
        body = data if isinstance(data, (bytes, str)) else json.dumps(data)
        return self.client.post(
            path, body, content_type=content_type, headers={**self.headers, **headers}
        )


def make_person(username: str, role: str | None, **flags):
    return UserFactory(username=username, role=ROLES[role] if role else None, **flags)


@pytest.fixture
def tokened(db):
    """``tokened("annotator")``: a new user of that role and an ApiClient with their token."""

    def make(role: str = "annotator", username: str | None = None, **flags):
        user = make_person(username or role.replace(" ", "-"), role, **flags)
        _, secret = token_create(user=user, name="tests", created_by=user)
        return user, ApiClient(secret)

    return make


@pytest.fixture
def annotator_api(tokened) -> ApiClient:
    return tokened("annotator")[1]
