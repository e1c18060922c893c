"""Tokens: made, used, revoked; the error shape; the limits (413, 429)."""

import pytest
from django.utils import timezone

from curation.api.models import ApiToken
from curation.api.tokens import digest, token_create, token_revoke
from tests.api.conftest import ApiClient
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert {"code", "message"} <= set(body["error"])
    assert response["Content-Type"].startswith("application/json")
    return body["error"]


def test_a_token_is_stored_only_as_its_digest(tokened):
    user, _ = tokened("annotator")
    token, secret = token_create(user=user, name="  wire   feed ", created_by=user)
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.digest == digest(secret) != secret
    assert secret not in {stored.digest, stored.prefix, stored.name}
    assert stored.prefix == secret[:12] and secret.startswith("cdk_")
    assert stored.name == "wire feed"


def test_a_token_acts_as_its_user_and_records_its_last_use(tokened):
    user, api = tokened("reviewer", username="rita")
    response = api.get(ME)
    assert response.status_code == 200
    assert response.json()["username"] == "rita"
    assert "annotations.review_event" in response.json()["permissions"]
    token = ApiToken.objects.get(user=user)
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timezone.timedelta(minutes=1)


@pytest.mark.parametrize(
    "header, code",
    [
        (None, "not_authenticated"),
        ("Bearer cdk_not-a-real-token", "bad_token"),
        ("Bearer something-else", "bad_token"),
        ("Basic dXNlcjpwYXNz", "bad_token"),
        ("Bearer ", "bad_token"),
    ],
)
def test_a_missing_or_bad_token_is_a_401_in_json(db, header, code):
    client = ApiClient(None)
    headers = {"Authorization": header} if header else {}
    response = client.get(ME, **headers)
    assert response.status_code == 401
    assert error_of(response)["code"] == code


def test_a_revoked_token_is_refused_and_says_when(tokened):
    user, api = tokened("annotator")
    token = ApiToken.objects.get(user=user)
    token_revoke(token=token, revoked_by=user)
    response = api.get(ME)
    assert response.status_code == 401
    error = error_of(response)
    assert error["code"] == "revoked_token"
    assert "was revoked on" in error["message"]


def test_a_deactivated_account_s_token_is_refused(tokened):
    user, api = tokened("annotator")
    user.is_active = False
    user.save()
    assert api.get(ME).status_code == 401


def test_a_missing_permission_is_a_403_that_names_it(tokened):
    _, api = tokened("no role")
    response = api.get("/api/v1/articles")
    assert response.status_code == 403
    error = error_of(response)
    assert error["code"] == "forbidden"
    assert "articles.view_article" in error["message"]


def test_a_staff_session_works_and_writes_need_its_csrf_token(db):
    from django.test import Client

    staff = UserFactory(username="boss", role="admin", is_staff=True)
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.get(ME).status_code == 200
    response = client.post(
        "/api/v1/articles/import", b'[{"body": "Text."}]', content_type="application/json"
    )
    assert response.status_code == 403
    assert error_of(response)["code"] == "csrf_failed"


def test_a_session_of_someone_not_staff_is_not_enough(db):
    from django.test import Client

    client = Client()
    client.force_login(UserFactory(username="ann", role="annotator"))
    response = client.get(ME)
    assert response.status_code == 401


def test_unknown_addresses_and_methods_answer_in_json(annotator_api):
    missing = annotator_api.get("/api/v1/no-such-thing")
    assert missing.status_code == 404
    assert error_of(missing)["code"] == "not_found"
    wrong = annotator_api.client.delete("/api/v1/me", headers=annotator_api.headers)
    assert wrong.status_code == 405
    assert error_of(wrong)["code"] == "method_not_allowed"
    assert "GET" in wrong["Allow"]


def test_an_unknown_id_is_a_json_404(annotator_api):
    response = annotator_api.get("/api/v1/articles/999999")
    assert response.status_code == 404
    assert "no article 999999" in error_of(response)["message"]


def test_an_id_too_large_for_the_database_is_refused_not_a_500(annotator_api):
    response = annotator_api.get(f"/api/v1/articles/{2**70}")
    assert response.status_code == 422
    assert error_of(response)["field"] == "article_id"


def test_invalid_json_is_a_400_that_says_so(annotator_api):
    article = ArticleFactory()
    response = annotator_api.post(f"/api/v1/articles/{article.pk}/mentions", b"{not json")
    assert response.status_code == 400
    assert error_of(response)["code"] == "bad_json"


def test_a_validation_error_names_the_field_and_the_item(annotator_api):
    article = ArticleFactory()
    response = annotator_api.post(
        f"/api/v1/articles/{article.pk}/mentions",
        {"origin": "tagger", "items": [{"start": 0, "end": 3}, {"start": "x", "end": 4}]},
    )
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "items.1.start"
    assert error["index"] == 1


def test_a_body_over_the_limit_is_a_413_before_it_is_read(annotator_api, settings):
    settings.CURATION_API_MAX_BODY_BYTES = 1000
    response = annotator_api.post("/api/v1/articles/import", b"[" + b" " * 2000 + b"]")
    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "body_too_large"
    assert "1,000 bytes" in error["message"]


def test_too_many_items_is_a_413(annotator_api, settings):
    settings.CURATION_API_MAX_ITEMS = 2
    response = annotator_api.post(
        "/api/v1/articles/import", [{"body": f"Text {n}."} for n in range(3)]
    )
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_many_items"


def test_the_rate_limit_is_per_token_and_answers_429_with_retry_after(tokened, settings):
    settings.CURATION_API_RATE_LIMIT = 3
    _, api = tokened("annotator", username="first")
    _, other = tokened("annotator", username="second")
    assert [api.get(ME).status_code for _ in range(3)] == [200, 200, 200]
    refused = api.get(ME)
    assert refused.status_code == 429
    assert error_of(refused)["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert other.get(ME).status_code == 200  # another token has its own count


def test_the_rate_limit_window_starts_again_after_a_minute(tokened, settings):
    settings.CURATION_API_RATE_LIMIT = 1
    user, api = tokened("annotator")
    assert api.get(ME).status_code == 200
    assert api.get(ME).status_code == 429
    ApiToken.objects.filter(user=user).update(
        window_started_at=timezone.now() - timezone.timedelta(seconds=61)
    )
    assert api.get(ME).status_code == 200


def test_nul_characters_are_refused_where_they_are_not_stored(annotator_api):
    """PostgreSQL stores no U+0000 in text: refused with where it was, never a 500."""
    article = ArticleFactory(body="Israel and Iran met.")
    for path, params, field in [
        ("/api/v1/articles", {"source": "a\x00b"}, "source"),
        ("/api/v1/entities", {"search": "a\x00"}, "search"),
        ("/api/v1/chronologies/a%00b/entries", {}, "the address"),
    ]:
        response = annotator_api.get(path, params)
        assert response.status_code == 422, (path, response.content)
        assert error_of(response)["field"] == field
    response = annotator_api.post(
        f"/api/v1/articles/{article.pk}/mentions",
        {"origin": "tagger", "items": [{"quote": "Iran", "name": "I\x00ran", "kind": "place"}]},
    )
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "items.0.name"
    assert "U+0000" in error["message"]
