"""Login throttling (django-axes): wrong passwords for one user name from one address
pause that pair with a clear message, a right password resets the count, another
address is not paused, and an admin unlocks early."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, RequestFactory

from curation.operations.client_address import client_address
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", role="annotator")


def attempt(
    client: Client, password: str, *, username: str = "edna", address="10.0.0.1", **headers
):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


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


PROXY = "192.168.0.9"


def forwarded(chain: str) -> dict:
    """An attempt through the proxy: the connection is the proxy's."""
    return {"address": PROXY, "HTTP_X_FORWARDED_FOR": chain}


def test_behind_a_proxy_the_pause_is_for_the_address_the_proxy_saw(client, editor, settings):
    settings.CURATION_TRUSTED_PROXIES = 1
    fail_to_the_limit(client, **forwarded("203.0.113.5"))
    # Another client behind the same proxy is not paused ...
    assert attempt(Client(), PASSWORD, **forwarded("198.51.100.7")).status_code == 302
    # ... and the paused one can't get out by sending its own X-Forwarded-For.
    spoofed = forwarded("198.51.100.7, 203.0.113.5")
    assert attempt(Client(), PASSWORD, **spoofed).status_code == 429


def test_without_trusted_proxies_the_header_is_ignored(client, editor, settings):
    settings.CURATION_TRUSTED_PROXIES = 0
    fail_to_the_limit(client, **forwarded("203.0.113.5"))
    assert attempt(Client(), PASSWORD, **forwarded("198.51.100.7")).status_code == 429


@pytest.mark.parametrize(
    ("proxies", "chain", "expected"),
    [
        (0, "203.0.113.5", "10.1.1.1"),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (2, "203.0.113.5", "10.1.1.1"),  # fewer entries than proxies: the connection's
        (1, "", "10.1.1.1"),
        (1, "not-an-address", "10.1.1.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_is_read_from_the_right(settings, proxies, chain, expected):
    settings.CURATION_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR=chain)
    assert client_address(request) == expected
