"""What an operator relies on: /healthz and the one-line-per-request log."""

import json
import logging

import pytest
from django.db import DatabaseError, connection, connections

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_healthz_checks_the_database_and_names_it(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": connection.vendor}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_says_503_when_the_database_fails(client, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("could not connect to server\nmore detail")

    monkeypatch.setattr(connections["default"], "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": connection.vendor,
        "error": "could not connect to server",
    }


def test_healthz_is_answered_over_plain_http_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/c/").status_code == 301


def request_lines(caplog) -> list[dict]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "curation.requests"]


def test_each_request_is_one_json_line_with_who_what_and_how_long(
    annotator_client, annotator, caplog
):
    caplog.set_level(logging.INFO, logger="curation.requests")
    annotator_client.get("/articles/?q=secret+words")
    annotator_client.get("/articles/999999/")
    first, second = request_lines(caplog)
    assert first["method"] == "GET" and first["path"] == "/articles/"
    assert first["status"] == 200 and first["user"] == annotator.pk
    assert isinstance(first["ms"], float) and first["ms"] > 0
    assert second["status"] == 404 and second["path"] == "/articles/999999/"
    assert "secret" not in caplog.text  # no query strings


def test_the_log_holds_nothing_of_an_articles_text(annotator_client, caplog):
    article = ArticleFactory(title="Quiet title", body="Words that must stay out of logs.")
    caplog.set_level(logging.INFO, logger="curation.requests")
    annotator_client.get(f"/articles/{article.pk}/")
    annotator_client.post(
        "/articles/import/", {"text": "Another body that must stay out of the logs."}
    )
    lines = request_lines(caplog)
    assert [line["method"] for line in lines] == ["GET", "POST"]
    assert "stay out" not in caplog.text and "Quiet title" not in caplog.text


def test_anonymous_requests_log_no_user_and_cost_no_query(
    client, caplog, django_assert_num_queries
):
    caplog.set_level(logging.INFO, logger="curation.requests")
    with django_assert_num_queries(1):  # the health check's own
        client.get("/healthz")
    assert request_lines(caplog)[0]["user"] is None


@pytest.mark.parametrize("logged_in", [False, True])
def test_an_address_that_is_no_page_is_a_404_page(client, annotator_client, logged_in):
    response = (annotator_client if logged_in else client).get("/no/such/page/")
    assert response.status_code == 404
    assert "Curation desk" in response.content.decode()
