"""What every API request goes through, pinned where it was made faster: counting a
token's use in its minute, refusing NUL in a JSON body however it is encoded, the
list's rows as the schema says, and a long body read a piece at a time."""

import io
import json
import tracemalloc
from datetime import date

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.test import RequestFactory
from django.utils import timezone

from curation.annotations.suggested import SuggestedEvent
from curation.api import limits
from curation.api.models import ApiToken
from curation.articles.models import Article
from tests.factories import ArticleFactory, EntityFactory, SourceFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/me"


def test_a_new_window_counts_from_one(tokened, settings):
    settings.CURATION_API_RATE_LIMIT = 2
    user, api = tokened("annotator")
    assert [api.get(ME).status_code for _ in range(3)] == [200, 200, 429]
    token = ApiToken.objects.get(user=user)
    assert token.window_requests == 2
    ApiToken.objects.filter(pk=token.pk).update(
        window_started_at=timezone.now() - timezone.timedelta(seconds=61)
    )
    assert [api.get(ME).status_code for _ in range(3)] == [200, 200, 429]
    token.refresh_from_db()
    assert token.window_requests == 2
    assert timezone.now() - token.window_started_at < timezone.timedelta(seconds=10)
    assert token.last_used_at >= token.window_started_at


def test_nul_is_refused_in_a_body_sent_as_utf_16(annotator_api):
    article = ArticleFactory(body="Israel and Iran met.")
    body = '{"origin": "tagger", "items": [{"quote": "Iran", "name": "I\\u0000ran"}]}'
    response = annotator_api.post(
        f"/api/v1/articles/{article.pk}/mentions",
        body.encode("utf-16"),
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    assert response.json()["error"]["field"] == "items.0.name"


def test_an_escaped_backslash_before_u0000_is_text_not_nul(annotator_api):
    article = ArticleFactory(body="Israel and Iran met.")
    body = '{"origin": "tagger", "items": [{"quote": "Iran", "name": "I\\\\u0000ran", "kind": "place"}]}'
    response = annotator_api.post(f"/api/v1/articles/{article.pk}/mentions", body)
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 1


def test_list_rows_say_whether_the_date_is_missing(annotator_api):
    dated = ArticleFactory(published_on=date(2024, 6, 27), source=SourceFactory(slug="wire"))
    undated = ArticleFactory(published_on=None, source=None)
    rows = {row["id"]: row for row in annotator_api.get("/api/v1/articles").json()["results"]}
    assert (rows[dated.pk]["needs_date"], rows[dated.pk]["published_on"]) == (False, "2024-06-27")
    assert (rows[undated.pk]["needs_date"], rows[undated.pk]["published_on"]) == (True, None)
    assert (rows[dated.pk]["source"], rows[undated.pk]["source"]) == ("wire", None)
    detail = annotator_api.get(f"/api/v1/articles/{undated.pk}").json()
    assert detail["needs_date"] is True and detail["body"] == undated.body


def test_a_suggested_event_keeps_its_place_and_who_sent_it(annotator_api):
    article = ArticleFactory(body="Hezbollah fired rockets at Haifa.")
    haifa = EntityFactory(name="Haifa")
    item = {"quote": "Hezbollah fired rockets", "type": "assault", "headline": "Rockets"}
    response = annotator_api.post(
        f"/api/v1/articles/{article.pk}/events",
        {"origin": "tagger", "items": [{**item, "location": haifa.pk}, {**item, "headline": "R2"}]},
    )
    assert response.status_code == 200, response.content
    placed, unplaced = SuggestedEvent.objects.order_by("pk")
    assert (placed.location, unplaced.location) == (haifa, None)
    assert placed.article == article and placed.created_by.username == "annotator"


class RecordingInput(io.BytesIO):
    """A request's input stream that notes the size of every read asked of it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def read(self, size=-1):
        self.asked.append(size)
        return super().read(size)


def request_sending(sent: bytes, *, length: int) -> tuple[WSGIRequest, RecordingInput]:
    stream = RecordingInput(sent)
    environ = RequestFactory().post("/api/v1/articles/import").environ
    return WSGIRequest({**environ, "CONTENT_LENGTH": str(length), "wsgi.input": stream}), stream


def test_a_long_body_is_read_a_piece_at_a_time_into_one_buffer(monkeypatch):
    monkeypatch.setattr(limits, "BODY_PIECE", 1000)
    body = json.dumps([{"body": f"Item {n} " + "x" * 300} for n in range(40)]).encode()
    request, stream = request_sending(body, length=len(body))
    assert limits.request_body(request) == body
    assert len(stream.asked) > 10 and max(stream.asked) <= 1000
    assert request.body == body  # read once: the view can ask again


def test_a_body_shorter_than_its_length_is_what_was_sent(monkeypatch):
    monkeypatch.setattr(limits, "BODY_PIECE", 1000)
    request, _ = request_sending(b"[" + b" " * 2500 + b"]", length=4000)
    assert limits.request_body(request) == b"[" + b" " * 2500 + b"]"


def test_the_memory_follows_what_was_sent_not_the_length_declared(monkeypatch):
    monkeypatch.setattr(limits, "BODY_PIECE", 1000)
    request, _ = request_sending(b"[" + b" " * 2500 + b"]", length=40 * 2**20)
    tracemalloc.start()
    try:
        limits.request_body(request)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20


@pytest.mark.parametrize("shape", ["array", "lines"])
def test_an_import_read_in_pieces_imports_every_item(annotator_api, monkeypatch, shape):
    monkeypatch.setattr(limits, "BODY_PIECE", 100)
    items = [{"title": f"Day {n}", "body": f"Talks resumed on day {n}, in Doha."} for n in range(9)]
    if shape == "array":
        response = annotator_api.post("/api/v1/articles/import", items)
    else:
        body = "\n".join(json.dumps(item) for item in items).encode()
        response = annotator_api.post(
            "/api/v1/articles/import", body, content_type="application/x-ndjson"
        )
    assert response.json()["imported"] == 9
    stored = Article.objects.order_by("pk")
    assert [json.loads(article.raw_text) for article in stored] == items
