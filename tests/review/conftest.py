"""The reviewers of the review tests (the annotator is tests/conftest.py's "annie")."""

import pytest
from django.test import Client

from tests.factories import UserFactory


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", role="reviewer")


@pytest.fixture
def second_reviewer(db):
    return UserFactory(username="ruth", role="reviewer")


@pytest.fixture
def reviewer_client(reviewer) -> Client:
    client = Client()
    client.force_login(reviewer)
    return client
