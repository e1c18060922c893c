"""POST /articles/import: JSON arrays and JSON Lines, per-item results, atomic mode,
idempotent re-import, the command line's pipeline."""

import json

import pytest

from curation.articles.importing import bulk
from curation.articles.models import Article, ArticleRevision, Source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

IMPORT = "/api/v1/articles/import"


def article(n: int, **fields) -> dict:
    return {
        "title": f"Talks resume, day {n}",
        "body": f"Officials met in Vienna on day {n}.\n\nThey will meet again.",
        "source": "Wire One",
        "published_on": "2024-06-27",
        **fields,
    }


def jsonl(*items) -> bytes:
    return "\n".join(item if isinstance(item, str) else json.dumps(item) for item in items).encode()


def test_a_json_array_is_imported_with_one_result_per_item(annotator_api):
    response = annotator_api.post(IMPORT, [article(1), article(2)])
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["imported"], answer["already"], answer["failed"]) == (2, 0, 0)
    ids = [result["id"] for result in answer["results"]]
    assert [result["index"] for result in answer["results"]] == [0, 1]
    assert [r["status"] for r in answer["results"]] == ["imported", "imported"]
    stored = Article.objects.get(pk=ids[0])
    assert stored.title == "Talks resume, day 1"
    assert stored.source.name == "Wire One"  # created, as the command line does
    assert stored.imported_by.username == "annotator"
    assert not ArticleRevision.objects.exists()  # revision 1 is the body, until corrected


def test_the_same_items_again_import_nothing_and_answer_the_existing_ids(annotator_api):
    first = annotator_api.post(IMPORT, [article(1), article(2)]).json()
    again = annotator_api.post(IMPORT, [article(2), article(1), article(3)]).json()
    assert (again["imported"], again["already"], again["failed"]) == (1, 2, 0)
    assert again["results"][0] == {**again["results"][0], "status": "already"}
    assert again["results"][0]["id"] == first["results"][1]["id"]
    assert again["results"][1]["id"] == first["results"][0]["id"]
    assert Article.objects.count() == 3


def test_a_jsonl_body_with_one_bad_line_imports_the_others_and_names_that_line(annotator_api):
    body = jsonl(article(1), '{"title": "broken", "body": ', "", article(2), {"title": "no body"})
    response = annotator_api.post(IMPORT, body, content_type="application/x-ndjson")
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["imported"], answer["failed"]) == (2, 2)
    by_index = {result["index"]: result for result in answer["results"]}
    assert sorted(by_index) == [0, 1, 3, 4]  # the blank line (index 2) is no item
    assert by_index[1]["status"] == "failed"
    assert by_index[1]["error"]["index"] == 1
    assert "line 2 is not valid JSON" in by_index[1]["error"]["message"]
    assert 'has no "body"' in by_index[4]["error"]["message"]
    assert by_index[0]["status"] == by_index[3]["status"] == "imported"
    assert Article.objects.count() == 2


def test_atomic_imports_nothing_when_one_item_fails(annotator_api):
    response = annotator_api.post(
        f"{IMPORT}?atomic=1", [article(1), {"body": "  "}, article(2), {"body": 12}]
    )
    assert response.status_code == 422
    answer = response.json()
    assert answer["error"]["code"] == "import_failed"
    assert answer["error"]["index"] == 1
    assert "2 of 4 items failed; nothing was imported" in answer["error"]["message"]
    assert [result["index"] for result in answer["results"]] == [1, 3]
    assert Article.objects.count() == 0
    assert not Source.objects.filter(name="Wire One").exists()


def test_atomic_imports_everything_when_all_items_are_good(annotator_api):
    response = annotator_api.post(f"{IMPORT}?atomic=1", [article(1), article(2)])
    assert response.status_code == 200
    assert response.json()["imported"] == 2


def test_the_pipeline_detects_metadata_as_the_command_line_does(annotator_api):
    body = "WASHINGTON, June 20, 2024 (Reuters) - Officials met on Thursday.\n\nMore talks."
    response = annotator_api.post(IMPORT, [{"body": body}])
    result = response.json()["results"][0]
    stored = Article.objects.get(pk=result["id"])
    assert stored.published_on.isoformat() == "2024-06-20"
    assert stored.date_from_dateline
    assert stored.title_derived
    assert result["warnings"], "the dateline's date is a warning for an editor"


def test_the_source_and_date_options_apply_to_every_item(annotator_api):
    SourceFactory(name="Agency", slug="agency")
    response = annotator_api.post(
        f"{IMPORT}?source=agency&published_on=2024-01-02",
        [{"body": "Text without a date.", "source": "Elsewhere"}],
    )
    stored = Article.objects.get(pk=response.json()["results"][0]["id"])
    assert stored.source.slug == "agency"
    assert stored.published_on.isoformat() == "2024-01-02"


def test_an_unknown_source_option_is_refused_before_anything_is_read(annotator_api):
    response = annotator_api.post(f"{IMPORT}?source=nowhere", [article(1)])
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "source"
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    "body, message",
    [
        (b"", "Nothing to import"),
        (b"[1, 2", "not valid JSON"),
        (b'"text"', "Nothing to import"),
        (b"\xff\xfe[", "Nothing to import"),
    ],
)
def test_a_body_that_is_no_batch_is_a_400(annotator_api, body, message):
    response = annotator_api.post(IMPORT, body)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


@pytest.mark.parametrize("body", [b"[]", b" [ ] "])
def test_an_empty_batch_imports_nothing_and_says_so(annotator_api, body):
    response = annotator_api.post(IMPORT, body)
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["imported"], answer["already"], answer["failed"]) == (0, 0, 0)
    assert answer["results"] == []


def test_items_that_are_not_objects_or_hold_no_text_fail_alone(annotator_api):
    items = [article(1), "text", {"body": "ok \ud83d", "title": "x"}, {"body": "x", "extra": 1}]
    body = json.dumps(items).encode()
    answer = annotator_api.post(IMPORT, body).json()
    statuses = [result["status"] for result in answer["results"]]
    assert statuses == ["imported", "failed", "failed", "imported"]
    assert "not a JSON object" in answer["results"][1]["error"]["message"]
    assert "half of a UTF-16 pair" in answer["results"][2]["error"]["message"]
    assert any("Ignored fields" in w for w in answer["results"][3]["warnings"])


def test_importing_needs_the_add_article_permission(tokened):
    _, api = tokened("no role")
    assert api.post(IMPORT, [article(1)]).status_code == 403
    assert Article.objects.count() == 0


@pytest.mark.parametrize("helpers", [0, 1])
def test_a_large_import_is_read_with_the_configured_helper_processes(
    annotator_api, settings, monkeypatch, helpers
):
    asked = []
    read_by = bulk.mapped_in_order

    def spy(read, chunks, *, processes):
        asked.append((len(chunks), processes))
        return read_by(read, chunks, processes=processes)

    monkeypatch.setattr(bulk, "mapped_in_order", spy)
    settings.CURATION_IMPORT_HELPER_PROCESSES = helpers
    answer = annotator_api.post(IMPORT, [article(n) for n in range(bulk.CHUNK_SIZE + 1)]).json()
    assert answer["imported"] == bulk.CHUNK_SIZE + 1
    assert asked == [(2, helpers)]
    last = Article.objects.get(pk=answer["results"][-1]["id"])
    assert last.title == f"Talks resume, day {bulk.CHUNK_SIZE}"
    assert json.loads(last.raw_text) == article(bulk.CHUNK_SIZE)  # read by the helper
