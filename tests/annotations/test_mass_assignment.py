"""No mass assignment: every form lists its fields, so a POST that also sends an item's
review fields (status, author, version, reviewer, reason, submission time) changes none of
them. Each endpoint that creates or changes an item is sent them all."""

import pytest
from django.urls import reverse

from curation.annotations import forms
from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention, Status
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = "Israel and Iran met in Doha. The meeting was cancelled on Monday."


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


@pytest.fixture
def intruder_fields(reviewer):
    """What a hand-made POST might add to take over an item or skip its review."""
    someone = UserFactory(username="someone")
    return {
        "status": Status.APPROVED,
        "created_by": someone.pk,
        "created_by_id": someone.pk,
        "reviewed_by": reviewer.pk,
        "reviewed_by_id": reviewer.pk,
        "review_note": "Approved by nobody",
        "submitted_at": "2020-01-01T00:00:00Z",
        "reviewed_at": "2020-01-01T00:00:00Z",
    }


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def review_fields(item) -> dict:
    item = type(item).objects.get(pk=item.pk)
    return {
        "status": item.status,
        "created_by": item.created_by_id,
        "reviewed_by": item.reviewed_by_id,
        "review_note": item.review_note,
        "submitted_at": item.submitted_at,
        "reviewed_at": item.reviewed_at,
    }


def fresh(annotator) -> dict:
    return {
        "status": Status.DRAFT,
        "created_by": annotator.pk,
        "reviewed_by": None,
        "review_note": "",
        "submitted_at": None,
        "reviewed_at": None,
    }


def test_the_forms_list_their_fields():
    assert forms.EntityForm._meta.fields == ["name", "kind", "description", "wikidata_id"]
    for form in (forms.MentionCreateForm, forms.RelinkForm, forms.EventForm, forms.EntityForm):
        assert not {"status", "created_by", "version", "reviewed_by", "review_note"} & set(
            form.base_fields
        ), form


def test_marking_a_mention_ignores_review_fields(
    annotator_client, annotator, article, intruder_fields
):
    iran = EntityFactory(name="Iran")
    response = annotator_client.post(
        url("mention-create", article.pk),
        {"start": 11, "end": 15, "entity": iran.pk, "version": 99, **intruder_fields},
        **HTMX,
    )
    assert response.status_code == 200
    mention = Mention.objects.get()
    assert review_fields(mention) == fresh(annotator) and mention.version == 1


def test_creating_an_entity_with_a_mention_ignores_review_fields(
    annotator_client, annotator, article, intruder_fields
):
    response = annotator_client.post(
        url("mention-create", article.pk),
        {
            "start": 23,
            "end": 27,
            "create": "on",
            "name": "Doha",
            "kind": EntityKind.objects.get(slug="place").pk,
            "version": 99,
            **intruder_fields,
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert review_fields(Mention.objects.get()) == fresh(annotator)
    entity = Entity.objects.get(name="Doha")
    assert (entity.created_by, entity.version) == (annotator, 1)


def test_accepting_a_suggestion_ignores_review_fields(
    annotator_client, annotator, article, intruder_fields
):
    iran = EntityFactory(name="Iran")
    annotator_client.post(
        url("suggestion-accept", article.pk),
        {"start": 11, "end": 15, "entity": iran.pk, "version": 99, **intruder_fields},
        **HTMX,
    )
    mention = Mention.objects.get()
    assert review_fields(mention) == fresh(annotator) and mention.version == 1


def test_relinking_ignores_review_fields(annotator_client, annotator, article, intruder_fields):
    mention = MentionFactory(
        article=article, entity=EntityFactory(name="Iran"), created_by=annotator
    )
    qatar = EntityFactory(name="Qatar")
    response = annotator_client.post(
        url("mention-edit", article.pk, mention.pk),
        {"entity": qatar.pk, "confirmed": "on", "version": 1, **intruder_fields},
        **HTMX,
    )
    assert response.status_code == 200
    mention.refresh_from_db()
    assert mention.entity == qatar and mention.version == 2  # one edit: one version more
    assert review_fields(mention) == fresh(annotator)


def test_recording_an_event_ignores_review_fields(
    annotator_client, annotator, article, intruder_fields
):
    response = annotator_client.post(
        url("event-create", article.pk),
        {
            "start": 29,
            "end": 54,
            "headline": "Meeting cancelled",
            "event_type": "reject-meeting-cancelled",
            "version": 99,
            **intruder_fields,
        },
        **HTMX,
    )
    assert response.status_code == 200, response.content.decode()
    event = Event.objects.get()
    assert review_fields(event) == fresh(annotator) and event.version == 1


def test_editing_an_event_ignores_review_fields(
    annotator_client, annotator, article, intruder_fields
):
    event = Event.objects.create(
        article=article,
        start=29,
        end=54,
        quote=BODY[29:54],
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline="Meeting cancelled",
        created_by=annotator,
    )
    data = {"headline": "Talks called off", "event_type": "reject-meeting-cancelled"}
    response = annotator_client.post(
        url("event-edit", article.pk, event.pk), {**data, "version": 1, **intruder_fields}, **HTMX
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.headline == "Talks called off" and event.version == 2
    assert review_fields(event) == fresh(annotator)

    # a version sent to set it, not to name the one the form showed, is a stale edit
    response = annotator_client.post(
        url("event-edit", article.pk, event.pk), {**data, "headline": "x", "version": 99}, **HTMX
    )
    assert response.status_code == 409
    event.refresh_from_db()
    assert (event.headline, event.version) == ("Talks called off", 2)


def test_editing_an_entity_ignores_its_author_and_version(
    annotator_client, annotator, intruder_fields
):
    author = UserFactory(username="author")
    entity = EntityFactory(name="Hizbollah", created_by=author)
    response = annotator_client.post(
        url("entity-edit", entity.pk),
        {
            "name": "Hezbollah",
            "kind": entity.kind_id,
            "description": "",
            "wikidata_id": "",
            "version": 1,
            "created_at": "2020-01-01T00:00:00Z",
            **intruder_fields,
        },
        **HTMX,
    )
    assert response.status_code == 200
    entity.refresh_from_db()
    assert (entity.name, entity.created_by, entity.version) == ("Hezbollah", author, 2)
    assert entity.created_at.year != 2020
