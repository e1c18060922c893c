import re
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from curation.annotations import event_reads, services
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
    from curation.annotations.event_reads import article_events

    for value in ["2024-07-24", "2024", "", "2024-07-11/2024-07-20", "2024-07"]:
        placed_event(article, cancelled, value, value or "undated")
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
    editor = UserFactory(role="annotator")
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
        expected_version=1,
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


def participant_rows(html: str) -> list[tuple[str, bool, str, str]]:
    """What the form offers as participants, in order: (name, ticked, role, note)."""
    rows = []
    for row in re.findall(r'<div class="participant">(.*?)</div>', html, re.S):
        name = re.search(r'aria-label="Role of (.*?)"', row)[1]
        ticked = re.search(r'name="participant" value="\d+"( checked)?>', row)[1] is not None
        role = re.search(r'<option value="(\w+)" selected>', row)[1]
        note = re.search(r'<span class="participant-where">(.*?)</span>', row)
        rows.append((name, ticked, role, note[1] if note else ""))
    return rows


def test_the_form_prefills_the_nearest_date_and_offers_the_sentences_entities_first(
    annotator_client, article
):
    white_house = EntityFactory(name="White House")
    MentionFactory(article=article, entity=white_house)
    MentionFactory(article=article, entity=white_house, quote_text="White House said")
    netanyahu = EntityFactory(name="Benjamin Netanyahu")
    MentionFactory(article=article, entity=netanyahu)

    response = annotator_client.get(
        url("event-new", article.pk), passage("was reportedly canceled"), **HTMX
    )

    html = response.content.decode()
    assert 'name="date" id="id_date" value="20 June 2024"' in html
    assert "Found in the text: “last Thursday”." in html
    # Netanyahu is in the passage's sentence: first, but not chosen for the editor.
    assert participant_rows(html) == [
        ("Benjamin Netanyahu", False, "actor", "in this passage"),
        ("White House", False, "actor", ""),
    ]


SEED_SENTENCE = (
    "Israel and the US are set to reconvene a joint meeting on Iran next month, mere days "
    "after the White House canceled it, according to Axios, citing five officials from both "
    "nations.\n\nThe meeting, originally scheduled for last Thursday, was reportedly "
    "canceled, Axios reported."
)


def test_an_outlet_cited_in_the_sentence_is_offered_as_a_cited_source_not_an_actor(
    annotator_client,
):
    article = ArticleFactory(body=SEED_SENTENCE, published_on=date(2024, 6, 26))
    for name in ["Israel", "US", "White House", "Axios"]:
        MentionFactory(article=article, entity=EntityFactory(name=name))
    sentence = "Israel and the US are set to reconvene a joint meeting on Iran next month"
    start = SEED_SENTENCE.index(sentence)

    response = annotator_client.get(
        url("event-new", article.pk),
        {"start": start, "end": start + len(sentence), "quote": sentence},
        **HTMX,
    )

    assert participant_rows(response.content.decode()) == [
        ("Israel", False, "actor", "in this passage"),
        ("US", False, "actor", "in this passage"),
        ("White House", False, "actor", "in this passage"),
        ("Axios", False, "other", "cited source"),
    ]


def test_an_entity_both_cited_and_named_in_the_sentence_is_in_the_passage(annotator_client):
    body = "Axios moved its office to Washington, Axios reported."
    article = ArticleFactory(body=body)
    axios = EntityFactory(name="Axios")
    MentionFactory(article=article, entity=axios)
    MentionFactory(article=article, entity=axios, start=38, end=43, quote="Axios")
    response = annotator_client.get(
        url("event-new", article.pk), {"start": 0, "end": 36, "quote": body[:36]}, **HTMX
    )
    assert participant_rows(response.content.decode()) == [
        ("Axios", False, "actor", "in this passage")
    ]


def test_editing_shows_the_events_participants_ticked_and_its_passage_first(
    annotator_client, annotator, article, cancelled
):
    netanyahu, white_house = EntityFactory(name="Benjamin Netanyahu"), EntityFactory(name="WH")
    MentionFactory(article=article, entity=white_house, quote_text="White House")
    MentionFactory(article=article, entity=netanyahu)
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="x",
        created_by=annotator,
        participants=[(white_house, "target")],
        **_span("The meeting"),
    )
    form = annotator_client.get(url("event-edit", article.pk, event.pk), **HTMX)
    assert participant_rows(form.content.decode()) == [
        ("Benjamin Netanyahu", False, "actor", "in this passage"),
        ("WH", True, "target", ""),
    ]


def test_after_a_failed_save_the_editors_choices_are_kept(annotator_client, article):
    netanyahu = EntityFactory(name="Benjamin Netanyahu")
    MentionFactory(article=article, entity=netanyahu)
    response = annotator_client.post(
        url("event-create", article.pk),
        {
            **passage("The meeting"),
            "headline": "",
            "event_type": "nonsense",
            "participant": [netanyahu.pk],
            f"role-{netanyahu.pk}": "target",
        },
        **HTMX,
    )
    assert response.status_code == 422
    assert participant_rows(response.content.decode()) == [
        ("Benjamin Netanyahu", True, "target", "in this passage")
    ]


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


def placed_event(article, event_type, date: str, headline: str, *, participants=()) -> Event:
    event = Event.objects.create(
        article=article,
        start=0,
        end=3,
        quote="The",
        event_type=event_type,
        headline=headline,
        date=date,
    )
    for entity in participants:
        Participant.objects.create(event=event, entity=entity, role="actor")
    return event


def test_a_new_events_place_is_where_the_events_list_shows_it(article, cancelled):
    for value in ["2024-07-24", "2024", "", "2024-07-11/2024-07-20", "2024-07", "2024-07", ""]:
        placed_event(article, cancelled, value, value or "undated")
    Event.objects.create(  # an orphan is not listed
        article=article, quote="gone", event_type=cancelled, headline="orphan", date="2023"
    )
    listed = event_reads.article_events(article)
    for position, event in enumerate(listed):
        following = listed[position + 1].pk if position + 1 < len(listed) else None
        assert event_reads.event_place(event) == (len(listed), following), event.date


def record_cancelled_meeting(client, article, cancelled):
    return client.post(
        url("event-create", article.pk),
        {
            **passage(
                "The meeting, originally scheduled for last Thursday, was reportedly canceled"
            ),
            "headline": "Meeting cancelled",
            "event_type": cancelled.pk,
            "date": "last Thursday",
        },
        **HTMX,
    )


def test_an_event_recorded_beside_others_swaps_in_its_item_alone_in_its_place(
    annotator_client, article, cancelled
):
    placed_event(article, cancelled, "2024-06-01", "Talks announced")
    later = placed_event(article, cancelled, "2024-07-24", "Netanyahu addresses Congress")
    response = record_cancelled_meeting(annotator_client, article, cancelled)
    html = response.content.decode()
    assert response.status_code == 200, html
    new = Event.objects.get(headline="Meeting cancelled")
    assert 'id="events-panel"' not in html  # the list isn't sent again
    assert "Talks announced" not in html and "Netanyahu addresses Congress" not in html
    insert = re.search(r'<ol hx-swap-oob="([^"]+)"[^>]*>\s*<li id="event-(\d+)"', html)
    assert insert.groups() == (f"beforebegin:#event-{later.pk}", str(new.pk))
    assert "20 June 2024" in html and "Meeting cancelled" in html
    assert '<span class="count" id="event-count" hx-swap-oob="true">3</span>' in html
    assert 'id="p-0"' in html and 'id="my-drafts"' in html


def test_an_event_later_than_the_others_goes_last(annotator_client, article, cancelled):
    placed_event(article, cancelled, "2024-06-01", "Talks announced")
    html = record_cancelled_meeting(annotator_client, article, cancelled).content.decode()
    assert '<ol hx-swap-oob="beforeend:#event-list"' in html
    assert '<span class="count" id="event-count" hx-swap-oob="true">2</span>' in html


def test_recording_an_event_reads_as_much_whatever_the_events_around_it(
    annotator_client, article, cancelled
):
    people = [EntityFactory() for _ in range(3)]

    def queries_with(events: int) -> int:
        Event.objects.filter(article=article).delete()
        for n in range(events):
            placed_event(article, cancelled, f"2024-07-{n + 1:02d}", f"e{n}", participants=people)
        with CaptureQueriesContext(connection) as queries:
            response = record_cancelled_meeting(annotator_client, article, cancelled)
        assert response.status_code == 200
        return len(queries)

    assert queries_with(2) == queries_with(20)


def test_the_events_panel_is_read_again_in_the_same_queries_whatever_it_lists(
    annotator_client, article, cancelled, django_assert_num_queries
):
    people = [EntityFactory() for _ in range(3)]
    for n, count in enumerate((2, 18)):
        for m in range(count):
            placed_event(
                article, cancelled, f"2024-0{n + 5}-{m + 1:02d}", f"e{n}-{m}", participants=people
            )
        with django_assert_num_queries(6):
            response = annotator_client.get(url("events-panel", article.pk), **HTMX)
        html = response.content.decode()
        shown = re.findall(r'<li id="event-(\d+)"', html)
        assert shown == [str(event.pk) for event in event_reads.article_events(article)]
        assert f'<span class="count" id="event-count">{len(shown)}</span>' in html
        assert "hx-swap-oob" not in html


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


def test_edit_and_delete_in_place(annotator_client, annotator, article, cancelled):
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="Old",
        created_by=annotator,
        **_span("The meeting"),
    )
    form = annotator_client.get(url("event-edit", article.pk, event.pk), **HTMX)
    assert b'value="Old"' in form.content
    assert b'<input type="hidden" name="version" value="1">' in form.content
    annotator_client.post(
        url("event-edit", article.pk, event.pk),
        {"headline": "New", "event_type": cancelled.pk, "date": "2024-07", "version": 1},
        **HTMX,
    )
    event.refresh_from_db()
    assert event.headline == "New" and event.date_display == "July 2024"
    assert event.version == 2
    response = annotator_client.post(
        url("event-delete", article.pk, event.pk), {"version": 2}, **HTMX
    )
    assert b"Deleted the event" in response.content
    assert not Event.objects.exists()


def oob_pieces(html: str) -> list[str]:
    """The out-of-band pieces of an answer about the events list, in order."""
    return re.findall(
        r'<li id="event-\d+" hx-swap-oob="delete">|<ol hx-swap-oob="[^"]+"[^>]*><li id="event-\d+"'
        r'|<section id="events-panel"|<span class="count" id="event-count" hx-swap-oob="true">\d+',
        re.sub(r">\s+<", "><", html),
    )


def test_an_edit_moves_its_event_to_its_new_date_and_sends_no_other(
    annotator_client, annotator, article, cancelled
):
    first = placed_event(article, cancelled, "2024-06-01", "Talks announced")
    edited = placed_event(article, cancelled, "2024-05-01", "Old headline")
    last = placed_event(article, cancelled, "2024-07-24", "Netanyahu addresses Congress")
    Event.objects.filter(pk=edited.pk).update(created_by=annotator)
    response = annotator_client.post(
        url("event-edit", article.pk, edited.pk),
        {
            "headline": "Meeting cancelled",
            "event_type": cancelled.pk,
            "date": "2024-06-20",
            "version": 1,
        },
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200, html
    assert oob_pieces(html) == [
        f'<li id="event-{edited.pk}" hx-swap-oob="delete">',
        f'<ol hx-swap-oob="beforebegin:#event-{last.pk}" '
        f'data-events-panel="{url("events-panel", article.pk)}"><li id="event-{edited.pk}"',
        '<span class="count" id="event-count" hx-swap-oob="true">3',
    ]
    assert "Meeting cancelled" in html and "20 June 2024" in html
    assert first.headline not in html and last.headline not in html


def test_a_deleted_event_leaves_the_list_alone_and_the_last_one_its_empty_state(
    annotator_client, annotator, article, cancelled
):
    kept = placed_event(article, cancelled, "2024-06-01", "Talks announced")
    deleted = placed_event(article, cancelled, "2024-07-24", "Netanyahu addresses Congress")
    Event.objects.filter(pk__in=[kept.pk, deleted.pk]).update(created_by=annotator)
    response = annotator_client.post(
        url("event-delete", article.pk, deleted.pk), {"version": 1}, **HTMX
    )
    html = response.content.decode()
    assert oob_pieces(html) == [
        f'<li id="event-{deleted.pk}" hx-swap-oob="delete">',
        '<span class="count" id="event-count" hx-swap-oob="true">1',
    ]
    assert kept.headline not in html and 'id="p-0"' in html
    response = annotator_client.post(
        url("event-delete", article.pk, kept.pk), {"version": 1}, **HTMX
    )
    html = response.content.decode()
    assert oob_pieces(html) == ['<section id="events-panel"']
    assert "No events yet" in html


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


def test_the_locations_offered_are_the_places_the_text_names_and_only_those_are_taken(
    annotator_client, article, cancelled
):
    from curation.annotations.models import EntityKind

    place = EntityKind.objects.get(slug="place")
    washington = EntityFactory(name="Washington", kind=place)
    doha = EntityFactory(name="Doha", kind=place)
    elsewhere = EntityFactory(name="Tehran", kind=place)  # named in another article only
    gone = EntityFactory(name="Beirut", kind=place)  # its mention lost its words
    person = EntityFactory(name="Benjamin Netanyahu")
    for entity, words in ((washington, "White House"), (washington, "July"), (doha, "July")):
        MentionFactory(article=article, entity=entity, quote_text=words)
    MentionFactory(article=article, entity=person, quote_text="Benjamin Netanyahu")
    MentionFactory(
        article=ArticleFactory(body=BODY + " Also."), entity=elsewhere, quote_text="July"
    )
    orphan = MentionFactory(article=article, entity=gone, quote_text="July")
    type(orphan).objects.filter(pk=orphan.pk).update(start=None, end=None)
    form = annotator_client.get(
        url("event-new", article.pk), passage("The meeting"), **HTMX
    ).content.decode()
    select = re.search(r'<select name="location".*?</select>', form, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]+)</option>", select) == ["None", "Doha", "Washington"]

    data = {**passage("The meeting"), "headline": "Cancelled", "event_type": cancelled.pk}
    for refused in (elsewhere, gone, person):
        response = annotator_client.post(
            url("event-create", article.pk), {**data, "location": refused.pk}, **HTMX
        )
        assert response.status_code == 422
        assert "Select a valid choice" in response.content.decode()
    assert not Event.objects.exists()
    response = annotator_client.post(
        url("event-create", article.pk), {**data, "location": doha.pk}, **HTMX
    )
    assert response.status_code == 200
    assert Event.objects.get().location == doha


def test_a_save_reads_neither_the_articles_mentions_nor_its_places(
    article, cancelled, django_assert_num_queries
):
    """The form checks the one place sent, if any: an article can name a thousand."""
    from curation.annotations.models import EntityKind
    from curation.annotations.views.events import EventFormContext

    doha = EntityFactory(name="Doha", kind=EntityKind.objects.get(slug="place"))
    MentionFactory(article=article, entity=doha, quote_text="July")
    choices = EventFormContext(article, span=(0, 11))
    data = {"headline": "Cancelled", "event_type": str(cancelled.pk), "date": "2024-06-20"}
    with django_assert_num_queries(0):
        assert choices.form(data).is_valid()
    with django_assert_num_queries(1):
        form = choices.form({**data, "location": str(doha.pk)})
        assert form.is_valid() and form.cleaned_data["location"] == doha
    assert {"mentions", "passage", "current"}.isdisjoint(vars(choices))


def test_participants_that_are_not_entities_are_left_out(annotator_client, article, cancelled):
    real = EntityFactory(name="Real")
    posted = {"participant": ["²", "9" * 30, "x", "-3", "0", str(real.pk + 1000), str(real.pk)]}
    data = {**passage("The meeting"), "headline": "Cancelled", "event_type": cancelled.pk}
    response = annotator_client.post(url("event-create", article.pk), {**data, **posted}, **HTMX)
    assert response.status_code == 200
    assert [(p.entity, p.role) for p in Event.objects.get().participants.all()] == [(real, "actor")]


@pytest.mark.parametrize(
    ("posted", "field", "message"),
    [
        (
            {"date_start": str(10**20), "date_end": str(10**20 + 5)},
            None,
            "the date&#x27;s place in the text garbled. Close it, select the passage again",
        ),
        ({"date_start": "x", "date_end": "3"}, None, "the date&#x27;s place in the text garbled"),
        ({"date_text": "x" * 201}, None, "the date&#x27;s place in the text garbled"),
        ({"event_type": "999999"}, "event_type", "No single event type is called “999999”."),
        (
            {"headline": "x" * 10_000},
            "headline",
            "A headline is one line of up to 300 characters; this one has 10000.",
        ),
        ({"date": "2" * 1000}, "date", "A date is at most 60 characters; this one has 1000."),
        ({"notes": "x" * 2001}, "notes", "Notes are up to 2,000 characters; these have 2001."),
    ],
)
def test_odd_input_to_the_event_form_is_refused_with_a_message(
    annotator_client, article, cancelled, posted, field, message
):
    data = {**passage("The meeting"), "headline": "Cancelled", "event_type": cancelled.pk, **posted}
    response = annotator_client.post(url("event-create", article.pk), data, **HTMX)
    html = response.content.decode()
    assert response.status_code == 422
    assert html.count(message) == 1
    if field:  # shown at the field the editor can correct
        assert message in html.split(f'id="id_{field}"')[1].split('class="field')[0]
    else:  # the desk filled that field in: the message is at the top of the form
        assert message in html.split('<div class="error" role="alert">')[1].split("</div>")[0]
    assert not Event.objects.exists()


def test_the_longest_headline_and_notes_are_saved(annotator_client, article, cancelled):
    data = {
        **passage("The meeting"),
        "headline": "h" * 300,
        "notes": "n" * 2000,
        "event_type": cancelled.pk,
    }
    response = annotator_client.post(url("event-create", article.pk), data, **HTMX)
    assert response.status_code == 200
    event = Event.objects.get()
    assert (len(event.headline), len(event.notes)) == (300, 2000)


def test_the_form_states_the_limits_of_the_headline_and_notes(annotator_client, article):
    html = annotator_client.get(
        url("event-new", article.pk), passage("The meeting"), **HTMX
    ).content.decode()
    assert "One line, in your own words: up to 300 characters." in html
    assert "Optional: up to 2,000 characters." in html
    assert re.search(r'<input type="text" name="headline"[^>]* maxlength="300"', html)
    assert re.search(r'<textarea name="notes"[^>]* maxlength="2000"', html)
    # The hints are what the fields are described by.
    assert 'aria-describedby="id_headline_helptext"' in html
    assert '<p class="hint" id="id_headline_helptext">' in html
    assert '<p class="hint" id="id_notes_helptext">Optional: up to 2,000 characters.</p>' in html


def test_the_services_refuse_a_headline_or_notes_over_the_limit(article, cancelled):
    editor = UserFactory(role="annotator")
    common = {"article": article, "event_type": cancelled, "created_by": editor}
    with pytest.raises(services.AnnotationError, match="up to 300 characters; this one has 301"):
        services.event_create(**common, **_span("The meeting"), headline="x" * 301)
    with pytest.raises(services.AnnotationError, match="up to 2,000 characters; these have 2001"):
        services.event_create(**common, **_span("The meeting"), headline="x", notes="n" * 2001)
    event = services.event_create(**common, **_span("The meeting"), headline="x")
    with pytest.raises(services.AnnotationError, match="these have 2001"):
        services.event_update(
            event=event,
            changed_by=editor,
            expected_version=1,
            event_type=cancelled,
            headline="x",
            date="",
            notes="n" * 2001,
        )
    event.refresh_from_db()
    assert Event.objects.count() == 1 and event.notes == ""


def test_admin_validation_refuses_notes_over_the_limit(article, cancelled):
    from django.core.exceptions import ValidationError

    event = Event(
        article=article,
        start=0,
        end=3,
        quote="The",
        event_type=cancelled,
        headline="x",
        notes="n" * 2001,
    )
    with pytest.raises(ValidationError, match="notes"):
        event.full_clean()


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
    annotator_client, annotator, article, cancelled
):
    gone, somewhere = EntityFactory(name="Gone"), EntityFactory(name="Somewhere")
    event = services.event_create(
        article=article,
        event_type=cancelled,
        headline="x",
        created_by=annotator,
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
    from curation.annotations.event_reads import article_events

    for value in ["2024", "2024-01", "2024-01-01"]:
        placed_event(article, cancelled, value, value)
    assert [e.date for e in article_events(article)] == ["2024-01-01", "2024-01", "2024"]


def test_the_nearest_date_in_the_sentence_comes_first(annotator_client, article):
    response = annotator_client.get(
        url("event-new", article.pk), passage("expected to occur"), **HTMX
    )
    assert 'value="mid-July 2024"' in response.content.decode()


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
