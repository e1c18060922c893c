"""Personas for the annotations tests beyond tests/conftest.py's annotator and stranger:
a second annotator (someone else's work) and a reviewer."""

import pytest
from django.test import Client

from curation import roles
from tests.factories import AnnotatorFactory, UserFactory


@pytest.fixture
def colleague(db):
    """Another annotator: the work of ``annotator`` is someone else's to them."""
    return AnnotatorFactory(username="colin")


@pytest.fixture
def colleague_client(colleague) -> Client:
    client = Client()
    client.force_login(colleague)
    return client


@pytest.fixture
def reviewer(db):
    """A reviewer: approves, rejects, reopens, edits anyone's work and merges entities."""
    return UserFactory(username="rita", role=roles.REVIEWER)


@pytest.fixture
def reviewer_client(reviewer) -> Client:
    client = Client()
    client.force_login(reviewer)
    return client
