from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from curation.annotations import services
from curation.annotations.models import Event, EventType, Participant
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = (
    "The meeting, originally scheduled for last Thursday, was reportedly canceled in "
    "response to a video by Benjamin Netanyahu. It is expected to occur in mid-July, before "
    "Netanyahu's address on July 24.\n\nThe White House said nothing."
)


@pytest.fixture
def article():
    return ArticleFactory(body=BODY, published_on=date(2024, 6, 26))


@pytest.fixture
def cancelled():
    return EventType.objects.get(slug="reject-meeting-cancelled")


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


def passage(text: str) -> dict:
    start = BODY.index(text)
    return {"start": start, "end": start + len(text), "quote": text}


# --- the taxonomy and the model ---------------------------------------------------------


def test_the_plover_taxonomy_is_seeded():
    top = set(EventType.objects.filter(parent=None).values_list("name", flat=True))
    assert top == {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    assert all(EventType.objects.filter(parent=None).values_list("description", flat=True))
    assert str(EventType.objects.get(slug="consult-meeting")) == "CONSULT › meeting"
    assert (
        str(EventType.objects.get(slug="reject-meeting-cancelled"))
        == "REJECT › meeting cancelled or postponed"
    )


def test_an_events_date_bounds_follow_its_edtf_value(article, cancelled):
    event = Event.objects.create(
        article=article,
        start=0,
        end=11,
        quote="The meeting",
        event_type=cancelled,
        headline="x",
        date="2024-07-11/2024-07-20",
    )
    assert (event.date_lower, event.date_upper) == (date(2024, 7, 11), date(2024, 7, 20))
    assert event.date_display == "mid-July 2024"
    event.date = "2024-06"
    event.save(update_fields=["date"])
    event.refresh_from_db()
    assert (event.date_lower, event.date_upper) == (date(2024, 6, 1), date(2024, 6, 30))


def test_the_database_refuses_an_inverted_evidence_span(article, cancelled):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(
            article=article, start=9, end=3, quote="x", event_type=cancelled, headline="x"
        )


def test_a_participant_is_unique_per_role(article, cancelled):
    event = Event.objects.create(
        article=article, start=0, end=3, quote="The", event_type=cancelled, headline="x"
    )
    entity = EntityFactory()
    Participant.objects.create(event=event, entity=entity, role="actor")
    Participant.objects.create(event=event, entity=entity, role="target")
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(event=event, entity=entity, role="actor")


def test_events_sort_by_lower_bound_then_finer_precision(article, cancelled):
    from curation.annotations.selectors import article_events

    for value in ["2024-07-24", "2024", "", "2024-07-11/2024-07-20", "2024-07"]:
        Event.objects.create(
            article=article,
            start=0,
            end=3,
            quote="The",
            event_type=cancelled,
            headline=value or "undated",
            date=value,
        )
    assert [e.date for e in article_events(article)] == [
        "2024",
        "2024-07",
        "2024-07-11/2024-07-20",
        "2024-07-24",
        "",
    ]


# --- services ----------------------------------------------------------------------------


def test_event_create_checks_the_span_headline_and_date(article, cancelled):
    editor = UserFactory()
    common = {"article": article, "event_type": cancelled, "created_by": editor}
    with pytest.raises(services.AnnotationError, match="headline"):
        services.event_create(**common, **_span("The meeting"), headline="  ")
    with pytest.raises(services.AnnotationError, match="year-month-day"):
        services.event_create(**common, **_span("The meeting"), headline="x", date="24/07/2024")
    with pytest.raises(services.AnnotationError, match="doesn't match"):
        services.event_create(**common, start=0, end=11, quote="A meeting", headline="x")
    assert not Event.objects.exists()


def _span(text: str) -> dict:
    start = BODY.index(text)
    return {"start": start, "end": start + len(text)}


def test_event_update_replaces_participants_and_keeps_history(article, cancelled):
    editor = UserFactory()
    netanyahu, white_house = EntityFactory(name="Netanyahu"), EntityFactory(name="WH")
    event = services.event_create(
        article=article,
        event_type=cancelled,
        created_by=editor,
        headline="Cancelled",
        date="2024-06-20",
        participants=[(netanyahu, "actor")],
        **_span("The meeting"),
    )
    services.event_update(
        event=event,
        changed_by=editor,
        event_type=cancelled,
        headline="Cancelled by the White House",
        date="2024-06-20",
        participants=[(white_house, "actor"), (netanyahu, "target")],
    )
    assert sorted((p.entity.name, p.role) for p in event.participants.all()) == [
        ("Netanyahu", "target"),
        ("WH", "actor"),
    ]
    assert event.history.latest().headline == "Cancelled by the White House"


# --- views -------------------------------------------------------------------------------


def test_the_form_prefills_the_nearest_date_and_the_sentences_entities(annotator_client, article):
    netanyahu = EntityFactory(name="Benjamin Netanyahu")
    MentionFactory(article=article, entity=netanyahu)
    white_house = EntityFactory(name="White House")
    MentionFactory(article=article, entity=white_house)

    response = annotator_client.get(
        url("event-new", article.pk), passage("was reportedly canceled"), **HTMX
    )

    html = response.content.decode()
    assert 'name="date" id="id_date" value="2024-06-20"' in html
    assert "Found in the text: “last Thursday”." in html
    assert f'name="participant" value="{netanyahu.pk}" checked' in html
    assert f'name="participant" value="{white_house.pk}">' in html  # listed, not checked


def test_creating_an_event_swaps_the_paragraph_and_the_events_list(
    annotator_client, article, cancelled
):
    netanyahu = EntityFactory(name="Benjamin Netanyahu")
    MentionFactory(article=article, entity=netanyahu)
    response = annotator_client.post(
        url("event-create", article.pk),
        {
            **passage(
                "The meeting, originally scheduled for last Thursday, was reportedly canceled"
            ),
            "headline": "Meeting cancelled",
            "event_type": cancelled.pk,
            "date": "last Thursday",
            "participant": [netanyahu.pk],
            f"role-{netanyahu.pk}": "target",
        },
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200, html
    assert 'id="events-panel"' in html and "20 June 2024" in html
    assert 'id="p-0"' in html and 'id="p-1"' not in html
    event = Event.objects.get()
    assert event.date == "2024-06-20"
    assert [(p.entity, p.role) for p in event.participants.all()] == [(netanyahu, "target")]


def test_a_date_that_cannot_be_read_is_shown_on_the_form(annotator_client, article, cancelled):
    response = annotator_client.post(
        url("event-create", article.pk),
        {
            **passage("The meeting"),
            "headline": "x",
            "event_type": cancelled.pk,
            "date": "sometime soonish",
        },
        **HTMX,
    )
    assert response.status_code == 422
    assert "Can&#x27;t read “sometime soonish” as a date" in response.content.decode()
    assert not Event.objects.exists()


def test_without_a_publication_date_relative_dates_are_refused(annotator_client, cancelled):
    article = ArticleFactory(body=BODY, published_on=None)
    response = annotator_client.post(
        url("event-create", article.pk),
        {
            **passage("The meeting"),
            "headline": "x",
            "event_type": cancelled.pk,
            "date": "last Thursday",
        },
        **HTMX,
    )
    assert response.status_code == 422
    assert "needs the article&#x27;s publication date" in response.content.decode()
    form = annotator_client.get(url("event-new", article.pk), passage("The meeting"), **HTMX)
    assert 'value="last Thursday"' in form.content.decode()  # kept as words, unresolved


def test_the_date_preview(annotator_client, article):
    response = annotator_client.get(url("date-preview", article.pk), {"date": "mid-July"})
    assert "mid-July 2024" in response.content.decode()
    assert "2024-07-11/2024-07-20" in response.content.decode()


def test_edit_and_delete_in_place(annotator_client, article, cancelled):
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="Old",
        created_by=UserFactory(),
        **_span("The meeting"),
    )
    form = annotator_client.get(url("event-edit", article.pk, event.pk), **HTMX)
    assert b'value="Old"' in form.content
    annotator_client.post(
        url("event-edit", article.pk, event.pk),
        {"headline": "New", "event_type": cancelled.pk, "date": "2024-07"},
        **HTMX,
    )
    event.refresh_from_db()
    assert event.headline == "New" and event.date_display == "July 2024"
    response = annotator_client.post(url("event-delete", article.pk, event.pk), **HTMX)
    assert b"Deleted the event" in response.content
    assert not Event.objects.exists()


def test_event_endpoints_need_login_role_and_csrf(article, cancelled, stranger_client, annotator):
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="Old",
        created_by=annotator,
        **_span("The meeting"),
    )
    endpoints = [
        ("get", url("event-new", article.pk) + "?start=0&end=3"),
        ("post", url("event-create", article.pk)),
        ("get", url("event-edit", article.pk, event.pk)),
        ("post", url("event-edit", article.pk, event.pk)),
        ("post", url("event-delete", article.pk, event.pk)),
        ("get", url("date-preview", article.pk) + "?date=2024"),
    ]
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(annotator)
    for method, address in endpoints:
        response = getattr(Client(), method)(address)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert getattr(stranger_client, method)(address).status_code == 403, address
        if method == "post":
            assert csrf_client.post(address).status_code == 403, address
    assert Event.objects.get().headline == "Old"


def test_an_event_of_another_article_is_not_found(annotator_client, article, cancelled):
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="x",
        created_by=UserFactory(),
        **_span("The meeting"),
    )
    other = ArticleFactory()
    assert annotator_client.post(url("event-delete", other.pk, event.pk)).status_code == 404


# --- found in review ---------------------------------------------------------------------


def test_merging_an_entity_that_takes_part_in_events_moves_its_roles(article, cancelled):
    editor = UserFactory()
    survivor, merged = EntityFactory(name="White House"), EntityFactory(name="WH")
    place = EntityFactory(name="Washington")
    other_place = EntityFactory(name="Washington DC")
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="x",
        created_by=editor,
        location=other_place,
        participants=[(merged, "actor"), (survivor, "actor"), (merged, "target")],
        **_span("The meeting"),
    )
    services.entity_merge(survivor=survivor, merged=merged, merged_by=editor)
    services.entity_merge(survivor=place, merged=other_place, merged_by=editor)
    event.refresh_from_db()
    assert sorted((p.entity.name, p.role) for p in event.participants.all()) == [
        ("White House", "actor"),
        ("White House", "target"),
    ]
    assert event.location == place


@pytest.mark.parametrize(
    "posted",
    [
        {"participant": ["²", "9" * 30, "x", "-3"]},
        {"date_start": str(10**20), "date_end": str(10**20 + 5)},
        {"event_type": "999999"},
        {"headline": "x" * 10_000},
        {"date": "2" * 1000},
    ],
)
def test_odd_input_to_the_event_form_is_an_error_not_a_crash(
    annotator_client, article, cancelled, posted
):
    data = {**passage("The meeting"), "headline": "Cancelled", "event_type": cancelled.pk, **posted}
    response = annotator_client.post(url("event-create", article.pk), data, **HTMX)
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        assert Event.objects.get().participants.count() == 0


def test_the_date_span_is_checked_by_the_server(annotator_client, article, cancelled):
    last_thursday = BODY.index("last Thursday")
    common = {
        **passage("The meeting"),
        "headline": "x",
        "event_type": cancelled.pk,
        "date_start": last_thursday,
        "date_end": last_thursday + len("last Thursday"),
        "date_text": "zzz",
    }
    annotator_client.post(url("event-create", article.pk), {**common, "date": "2023"}, **HTMX)
    typed = Event.objects.get()
    assert typed.date == "2023" and typed.date_text == "" and typed.date_start is None
    typed.delete()
    annotator_client.post(url("event-create", article.pk), {**common, "date": "2024-06-20"}, **HTMX)
    found = Event.objects.get()
    assert found.date_text == "last Thursday" and found.date_start == last_thursday


def test_the_evidence_is_snapped_to_whole_words(annotator_client, article, cancelled):
    start = BODY.index("he meeti")
    annotator_client.post(
        url("event-create", article.pk),
        {
            "start": start,
            "end": start + 8,
            "quote": "he meeti",
            "headline": "x",
            "event_type": cancelled.pk,
        },
        **HTMX,
    )
    assert Event.objects.get().quote == "The meeting"


def test_editing_keeps_a_location_and_participants_no_longer_mentioned(
    annotator_client, article, cancelled
):
    gone, somewhere = EntityFactory(name="Gone"), EntityFactory(name="Somewhere")
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="x",
        created_by=UserFactory(),
        location=somewhere,
        participants=[(gone, "other")],
        **_span("The meeting"),
    )
    form = annotator_client.get(url("event-edit", article.pk, event.pk), **HTMX).content.decode()
    assert f'value="{gone.pk}" checked' in form
    assert f'<option value="{somewhere.pk}" selected>' in form


def test_a_bad_date_in_admin_is_a_form_error(article, cancelled):
    from django.core.exceptions import ValidationError

    event = Event(
        article=article,
        start=0,
        end=3,
        quote="The",
        event_type=cancelled,
        headline="x",
        date="garbage",
    )
    with pytest.raises(ValidationError, match="date"):
        event.full_clean()


def test_event_types_are_two_levels_deep(cancelled):
    from django.core.exceptions import ValidationError

    deeper = EventType(slug="x", name="x", parent=cancelled)
    with pytest.raises(ValidationError, match="top-level"):
        deeper.clean()


def test_events_with_the_same_lower_bound_sort_finer_first(article, cancelled):
    from curation.annotations.selectors import article_events

    for value in ["2024", "2024-01", "2024-01-01"]:
        Event.objects.create(
            article=article,
            start=0,
            end=3,
            quote="The",
            event_type=cancelled,
            headline=value,
            date=value,
        )
    assert [e.date for e in article_events(article)] == ["2024-01-01", "2024-01", "2024"]


def test_the_nearest_date_in_the_sentence_comes_first(annotator_client, article):
    response = annotator_client.get(
        url("event-new", article.pk), passage("expected to occur"), **HTMX
    )
    assert 'value="2024-07-11/2024-07-20"' in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "REJECT › meeting cancelled or postponed",
        "reject ›  Meeting Cancelled or Postponed",
        "meeting cancelled or postponed",
        "reject-meeting-cancelled",
    ],
)
def test_the_type_is_typed_with_the_lists_help(annotator_client, article, cancelled, typed):
    form = annotator_client.get(url("event-new", article.pk), passage("The meeting"), **HTMX)
    assert '<option value="REJECT › meeting cancelled or postponed"' in form.content.decode()
    annotator_client.post(
        url("event-create", article.pk),
        {**passage("The meeting"), "headline": "x", "event_type": typed},
        **HTMX,
    )
    assert Event.objects.get().event_type == cancelled


@pytest.mark.parametrize("typed", ["meet", "nonsense"])
def test_a_partial_or_unknown_type_is_refused(annotator_client, article, typed):
    response = annotator_client.post(
        url("event-create", article.pk),
        {**passage("The meeting"), "headline": "x", "event_type": typed},
        **HTMX,
    )
    assert response.status_code == 422
    assert "No single event type is called" in response.content.decode()
