"""POST /articles/{id}/mentions/drafts: an editor's own mentions, several in one request,
placed as pre-annotations are and saved under the rules of the workspace."""

import json
import urllib.request

import pytest

from curation.annotations.models import Alias, EntityKind, Mention
from curation.api.tokens import token_create
from tests.annotations.live import all_at_once
from tests.api.conftest import make_person
from tests.factories import ArticleFactory, EntityFactory

BODY = (
    "Hezbollah fired rockets, Reuters said. Israel answered.\n\n"
    "Later, Hizbollah said it would stop. Hezbollah's leader spoke."
)


@pytest.fixture
def article(db):
    return ArticleFactory(body=BODY)


@pytest.fixture
def named(db):
    group = EntityFactory(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    return {
        "hezbollah": group,
        "israel": EntityFactory(name="Israel", kind=EntityKind.objects.get(slug="place")),
        "reuters": EntityFactory(name="Reuters", kind=EntityKind.objects.get(slug="organisation")),
    }


def mark(api, article, items):
    return api.post(f"/api/v1/articles/{article.pk}/mentions/drafts", {"items": items})


@pytest.mark.django_db
def test_items_become_the_senders_draft_mentions_with_their_history(tokened, article, named):
    editor, api = tokened("annotator")
    items = [
        {"start": 0, "end": 9, "entity": named["hezbollah"].pk},
        {"quote": "Israel", "entity": named["israel"].pk},
        {"quote": "Reuters", "prefix": "rockets, ", "entity": named["reuters"].pk},
    ]
    response = mark(api, article, items)
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["created"], answer["already"], answer["failed"]) == (3, 0, 0)
    mentions = [Mention.objects.get(pk=result["id"]) for result in answer["results"]]
    assert [(m.quote, m.entity, m.status) for m in mentions] == [
        ("Hezbollah", named["hezbollah"], "draft"),
        ("Israel", named["israel"], "draft"),
        ("Reuters", named["reuters"], "draft"),
    ]
    assert {m.created_by for m in mentions} == {editor}
    assert Mention.history.filter(history_type="+", history_user=editor).count() == 3
    listed = api.get(f"/api/v1/articles/{article.pk}/mentions").json()
    assert [mention["quote"] for mention in listed] == ["Hezbollah", "Reuters", "Israel"]


@pytest.mark.django_db
def test_a_span_marked_before_or_twice_in_one_request_is_already_there(
    annotator_api, article, named
):
    group = named["hezbollah"].pk
    first = mark(annotator_api, article, [{"start": 0, "end": 9, "entity": group}]).json()
    again = mark(
        annotator_api,
        article,
        [{"start": 0, "end": 9, "entity": group}, {"quote": "Israel", "entity": named["israel"].pk}]
        + [{"quote": "Israel", "entity": named["israel"].pk}],
    ).json()
    assert [r["status"] for r in again["results"]] == ["already", "created", "already"]
    assert again["results"][0]["id"] == first["results"][0]["id"]
    assert again["results"][2]["id"] == again["results"][1]["id"]
    assert Mention.objects.count() == 2


@pytest.mark.django_db
def test_bad_items_fail_alone_and_say_what_to_send(annotator_api, article, named):
    items = [
        {"quote": "Israel", "entity": 987654},
        {"quote": "Paris", "entity": named["israel"].pk},
        {"start": 0, "end": 9, "quote": "Israel", "entity": named["israel"].pk},
        {"quote": "Israel", "entity": named["israel"].pk},
    ]
    answer = mark(annotator_api, article, items).json()
    assert [r["status"] for r in answer["results"]] == ["failed", "failed", "failed", "created"]
    first, paris, mismatch = (r["error"] for r in answer["results"][:3])
    assert "no entity 987654" in first["message"] and first["field"] == "items.0.entity"
    assert "“Paris” is not in the article's text" in paris["message"]
    assert paris["field"] == "items.1.quote"
    assert mismatch["field"] == "items.2.start"
    assert list(Mention.objects.values_list("quote", flat=True)) == ["Israel"]


@pytest.mark.django_db
def test_a_new_spelling_becomes_an_alias_unless_it_is_another_entitys_name(
    annotator_api, article, named
):
    later = {"quote": "Hizbollah", "entity": named["hezbollah"].pk}
    clash = {"quote": "Reuters", "entity": named["israel"].pk}
    answer = mark(annotator_api, article, [later, clash]).json()
    assert [r["status"] for r in answer["results"]] == ["created", "failed"]
    assert Alias.objects.filter(entity=named["hezbollah"], text="Hizbollah").exists()
    assert "Reuters" in answer["results"][1]["error"]["message"]
    assert not Alias.objects.filter(entity=named["israel"]).exists()


@pytest.mark.parametrize("count", [5, 400])
def test_marking_known_names_runs_a_constant_number_of_queries(
    annotator_api, count, django_assert_num_queries
):
    words = [f"Name{n}" for n in range(count)]
    article = ArticleFactory(body=" ".join(words))
    entities = [EntityFactory(name=word) for word in words]
    items = [
        {"quote": word, "entity": entity.pk} for word, entity in zip(words, entities, strict=True)
    ]
    # the token and its use, the permissions, the article, the entities; a savepoint,
    # the names known, the entities locked, the spans marked already; the insert (giving
    # the new ids), their history, the release
    with django_assert_num_queries(12):
        answer = mark(annotator_api, article, items).json()
    assert answer["created"] == count


@pytest.mark.django_db
def test_marking_needs_a_role_that_may_add_mentions(tokened, article, named):
    _, nobody = tokened("no role")
    response = mark(nobody, article, [{"quote": "Israel", "entity": named["israel"].pk}])
    assert response.status_code == 403
    assert not Mention.objects.exists()


def test_two_people_marking_the_same_names_at_once_make_each_mention_once(
    live_server, transactional_db
):
    """Sent over HTTP at the same moment: every span is marked once; each answer says
    ``created`` or ``already`` for it, with the one mention's id."""
    names = ["Hezbollah", "Israel", "Reuters"]
    entities = {name: EntityFactory(name=name) for name in names}
    secrets = []
    for username in ("first", "second"):
        person = make_person(username, "annotator")
        secrets.append(token_create(user=person, name="tests", created_by=person)[1])
    for round_ in range(5):
        article = ArticleFactory(body=f"Round {round_}: " + BODY)
        items = [{"quote": name, "entity": entities[name].pk} for name in names]
        items[0]["prefix"] = ": "  # the first of two

        def send(secret, article=article, items=items):
            request = urllib.request.Request(
                f"{live_server.url}/api/v1/articles/{article.pk}/mentions/drafts",
                json.dumps({"items": items}).encode(),
                {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
                method="POST",
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())

        answers = all_at_once([lambda secret=secret: send(secret) for secret in secrets])

        assert [status for status, _ in answers] == [200, 200]
        stored = dict(Mention.objects.filter(article=article).values_list("quote", "pk"))
        assert sorted(stored) == sorted(names)
        for _, answer in answers:
            assert [r["id"] for r in answer["results"]] == [stored[name] for name in names]
        statuses = [r["status"] for _, answer in answers for r in answer["results"]]
        assert sorted(statuses) == ["already"] * 3 + ["created"] * 3
