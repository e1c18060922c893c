"""The API tokens page (one's own tokens) and API tokens in admin."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from curation.api.models import ApiToken
from curation.api.tokens import digest, token_create
from tests.api.conftest import ApiClient
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("api-tokens")


def secret_in(html: str) -> str:
    return re.search(r'id="token-secret" value="(cdk_[^"]+)"', html).group(1)


def test_a_new_token_is_shown_once_and_works(annotator_client, annotator):
    response = annotator_client.post(PAGE, {"name": "Wire feed importer"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    secret = secret_in(html)
    assert "it is shown only this once" in html
    token = ApiToken.objects.get(user=annotator)
    assert token.digest == digest(secret) and token.name == "Wire feed importer"
    assert ApiClient(secret).get("/api/v1/me").json()["username"] == annotator.username
    listed = annotator_client.get(PAGE).content.decode()
    assert secret not in listed
    assert "Wire feed importer" in listed and f"{token.prefix}…" in listed


def test_a_nameless_token_is_refused_with_a_message(annotator_client):
    response = annotator_client.post(PAGE, {"name": " "})
    assert response.status_code == 422
    assert "This field is required" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_one_s_own_token_stops_it(annotator_client, annotator):
    token, secret = token_create(user=annotator, name="old", created_by=annotator)
    response = annotator_client.post(PAGE, {"revoke": "1", "token": token.pk}, follow=True)
    assert "Revoked “old”" in response.content.decode()
    assert ApiClient(secret).get("/api/v1/me").status_code == 401


def test_nobody_sees_or_revokes_someone_else_s_tokens(annotator_client):
    other = UserFactory(username="other", role="annotator")
    token, secret = token_create(user=other, name="theirs", created_by=other)
    assert "theirs" not in annotator_client.get(PAGE).content.decode()
    response = annotator_client.post(PAGE, {"revoke": "1", "token": token.pk}, follow=True)
    assert "not one of yours" in response.content.decode()
    assert ApiClient(secret).get("/api/v1/me").status_code == 200


def test_the_page_is_linked_from_the_user_menu(annotator_client):
    html = annotator_client.get(reverse("articles:list")).content.decode()
    assert f'href="{PAGE}">API tokens</a>' in html


def test_an_admin_makes_a_token_for_someone_and_sees_it_once(db):
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    wire = UserFactory(username="wire-bot", role="annotator")
    client = Client()
    client.force_login(admin)
    response = client.post(
        reverse("admin:api_apitoken_add"), {"user": wire.pk, "name": "Wire feed"}
    )
    assert response.status_code == 200
    secret = secret_in(response.content.decode())
    token = ApiToken.objects.get(user=wire)
    assert token.created_by == admin
    assert ApiClient(secret).get("/api/v1/me").json()["username"] == "wire-bot"
    client.post(
        reverse("admin:api_apitoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    token.refresh_from_db()
    assert token.revoked_by == admin
    assert ApiClient(secret).get("/api/v1/me").status_code == 401
