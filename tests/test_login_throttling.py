"""Login throttling (django-axes): wrong passwords for one user name from one address
pause that pair with a clear message, a right password resets the count, another
address is not paused, and an admin unlocks early."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", role="annotator")


def attempt(client: Client, password: str, *, username: str = "edna", address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail_to_the_limit(client: Client, **where) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "wrong", **where)
        assert response.status_code == 200
        assert "password don't match" in response.content.decode()
    assert attempt(client, "wrong", **where).status_code == 429


def test_after_the_limit_even_the_right_password_waits_and_is_told_why(client, editor):
    fail_to_the_limit(client)
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many wrong passwords" in page
    assert f"after {settings.AXES_FAILURE_LIMIT} wrong passwords, for 15 minutes" in page
    assert "“edna”" in page and "ask an admin to unlock" in page
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_resets_the_count(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "wrong").status_code == 200
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    fail_to_the_limit(client)  # the count starts again, and still ends in a pause


def test_the_pause_is_for_that_name_from_that_address(client, editor):
    UserFactory(username="other", role="annotator")
    fail_to_the_limit(client)
    assert attempt(Client(), PASSWORD, address="10.0.0.2").status_code == 302
    assert attempt(Client(), PASSWORD, username="other").status_code == 302


def test_an_admin_unlocks_in_django_admin(client, editor, admin_client):
    fail_to_the_limit(client)
    locked = AccessAttempt.objects.get(username="edna")
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "edna" in listing.content.decode()
    deleted = admin_client.post(f"/admin/axes/accessattempt/{locked.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302
    assert attempt(client, PASSWORD).status_code == 302


def test_annotators_cannot_see_the_attempts(annotator_client):
    assert annotator_client.get("/admin/axes/accessattempt/").status_code == 302
