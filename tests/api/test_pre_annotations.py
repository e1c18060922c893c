"""POST /articles/{id}/mentions and /events: machine annotations saved as suggestions,
placed by offsets or by quote, each item on its own, idempotent."""

import pytest

from curation.annotations.models import EntityKind, EventType, Mention
from curation.annotations.suggested import Decision, SuggestedEvent, SuggestedMention
from tests.factories import ArticleFactory, EntityFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Hezbollah fired rockets, Reuters said. Israel answered.\n\n"
    "Later, Hezbollah said it would stop. Hezbollah's leader spoke."
)
ORIGIN = "spacy-3.8 en_core_web_lg"


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def mentions(api, article, items, origin=ORIGIN):
    return api.post(f"/api/v1/articles/{article.pk}/mentions", {"origin": origin, "items": items})


def test_items_by_offsets_and_by_quote_become_open_suggestions(annotator_api, article):
    group = EntityFactory(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    items = [
        {"start": 0, "end": 9, "entity": group.pk},
        {"quote": "Israel", "label": "GPE"},
        {"quote": "Hezbollah", "prefix": "Later, ", "suffix": " said", "entity": group.pk},
    ]
    response = mentions(annotator_api, article, items)
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["created"], answer["failed"]) == (3, 0)
    first, israel, later = (SuggestedMention.objects.get(pk=r["id"]) for r in answer["results"])
    assert (first.start, first.end, first.quote, first.entity) == (0, 9, "Hezbollah", group)
    assert (israel.quote, israel.kind.slug, israel.name, israel.label) == (
        "Israel",
        "place",
        "Israel",
        "GPE",
    )
    assert later.start == BODY.index("Later, Hezbollah") + len("Later, ")
    assert {first.origin, first.decision} == {ORIGIN, Decision.OPEN}
    assert first.created_by.username == "annotator"
    assert not Mention.objects.exists(), "a suggestion is not a mention until accepted"


def test_a_quote_that_occurs_twice_without_telling_context_fails_alone(annotator_api, article):
    answer = mentions(annotator_api, article, [{"quote": "Hezbollah", "kind": "group"}]).json()
    assert answer["results"][0]["status"] == "failed"
    error = answer["results"][0]["error"]
    assert "occurs 3 times" in error["message"]
    assert error["index"] == 0 and error["field"] == "items.0.quote"


def test_offsets_are_snapped_to_words_and_checked_against_the_quote(annotator_api, article):
    answer = mentions(
        annotator_api,
        article,
        [
            {"start": 1, "end": 7, "kind": "group"},  # inside "Hezbollah"
            {"start": 0, "end": 9, "quote": "Hamas", "kind": "group"},
            {"start": 30, "end": 70, "kind": "other"},  # across a paragraph break
            {"start": 5, "end": 999, "kind": "other"},
        ],
    ).json()
    statuses = [result["status"] for result in answer["results"]]
    assert statuses == ["created", "failed", "failed", "failed"]
    assert SuggestedMention.objects.get().quote == "Hezbollah"
    messages = [r["error"]["message"] for r in answer["results"][1:]]
    assert "doesn't match the article" in messages[0]
    assert "runs across two paragraphs" in messages[1]
    assert "not inside the article" in messages[2]


def test_sending_the_same_suggestions_again_creates_nothing_twice(annotator_api, article):
    items = [{"quote": "Israel", "kind": "place"}, {"quote": "Reuters", "label": "ORG"}]
    first = mentions(annotator_api, article, items).json()
    again = mentions(annotator_api, article, [*items, items[0]]).json()
    assert (again["created"], again["already"]) == (0, 3)
    assert [r["id"] for r in again["results"][:2]] == [r["id"] for r in first["results"]]
    assert SuggestedMention.objects.count() == 2
    other_tagger = mentions(annotator_api, article, items, origin="in-house NER").json()
    assert other_tagger["created"] == 2


def test_unknown_entities_and_kinds_fail_with_what_to_send(annotator_api, article):
    answer = mentions(
        annotator_api,
        article,
        [{"quote": "Israel", "entity": 987654}, {"quote": "Israel", "kind": "planet"}],
    ).json()
    assert "no entity 987654" in answer["results"][0]["error"]["message"]
    assert "not a kind of entity here" in answer["results"][1]["error"]["message"]


def test_500_suggestions_in_one_request_are_saved_with_few_queries(
    annotator_api, django_assert_max_num_queries
):
    words = [f"Name{n}" for n in range(500)]
    article = ArticleFactory(body=" ".join(words))
    items = [{"quote": word, "label": "PERSON"} for word in words]
    with django_assert_max_num_queries(12):
        answer = mentions(annotator_api, article, items).json()
    assert answer["created"] == 500


def test_events_become_suggestions_with_their_type_date_and_participants(annotator_api, article):
    group = EntityFactory(name="Hezbollah")
    response = annotator_api.post(
        f"/api/v1/articles/{article.pk}/events",
        {
            "origin": "event-tagger 2",
            "items": [
                {
                    "quote": "Hezbollah fired rockets",
                    "type": "assault",
                    "headline": "Hezbollah fires rockets",
                    "date": "2024-06",
                    "participants": [{"entity": group.pk, "role": "actor"}],
                },
                {"start": 0, "end": 9, "type": "no-such-type", "headline": "x"},
                {"start": 0, "end": 9, "type": "assault", "headline": "x", "date": "mid-July"},
            ],
        },
    )
    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["created", "failed", "failed"]
    event = SuggestedEvent.objects.get()
    assert event.event_type == EventType.objects.get(slug="assault")
    assert (event.date, event.taking_part) == ("2024-06", [(group.pk, "actor")])
    assert results[1]["error"]["field"] == "items.1.type"
    assert results[2]["error"]["field"] == "items.2.date"


def test_suggesting_needs_the_annotators_permissions(tokened, article):
    _, nobody = tokened("no role")
    response = mentions(nobody, article, [{"quote": "Israel", "kind": "place"}])
    assert response.status_code == 403
    assert not SuggestedMention.objects.exists()


def test_an_empty_origin_is_refused(annotator_api, article):
    response = mentions(annotator_api, article, [{"quote": "Israel"}], origin="")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "origin"
