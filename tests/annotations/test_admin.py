import pytest
from django.test import Client
from django.urls import reverse

from curation.annotations.models import (
    Alias,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Participant,
)
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db


def a_mention():
    entity = EntityFactory()
    return MentionFactory(entity=entity, article=ArticleFactory(body=f"{entity.name} said."))


@pytest.fixture
def admin_client_() -> Client:
    client = Client()
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def an_event(mention: Mention) -> Event:
    event = Event.objects.create(
        article=mention.article,
        start=mention.start,
        end=mention.end,
        quote=mention.quote,
        event_type=EventType.objects.get(slug="assault"),
        headline="Strike reported",
    )
    Participant.objects.create(event=event, entity=mention.entity)
    return event


@pytest.mark.parametrize("model", [EntityKind, Entity, Mention, EventType, Event])
def test_changelists_list_their_rows(admin_client_, model):
    an_event(a_mention())
    response = admin_client_.get(reverse(f"admin:annotations_{model._meta.model_name}_changelist"))
    assert response.status_code == 200
    listed = response.context["cl"].result_list
    assert {row.pk for row in listed} == set(model.objects.values_list("pk", flat=True)[:100])
    assert len(listed) >= 1


def entity_change(entity, aliases: list[str]) -> dict:
    data = {
        "name": entity.name,
        "kind": entity.kind_id,
        "description": "",
        "wikidata_id": "",
        "aliases-TOTAL_FORMS": str(len(aliases)),
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for n, text in enumerate(aliases):
        data[f"aliases-{n}-text"] = text
    return data


def test_duplicate_aliases_in_the_inline_are_a_form_error(admin_client_):
    hezbollah = EntityFactory(name="Hezbollah")
    response = admin_client_.post(
        reverse("admin:annotations_entity_change", args=[hezbollah.pk]),
        entity_change(hezbollah, ["Hizbollah", "HIZBOLLAH", "hezbollah"]),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "is the same name as “Hizbollah”" in html
    assert "the entity&#x27;s own name" in html
    assert not Alias.objects.exists()


def test_an_alias_in_the_inline_is_saved_with_its_normalised_form(admin_client_):
    hezbollah = EntityFactory(name="Hezbollah")
    admin_client_.post(
        reverse("admin:annotations_entity_change", args=[hezbollah.pk]),
        entity_change(hezbollah, ["Hizb’allah"]),
    )
    assert Alias.objects.get().normalised == "hizb'allah"


def test_a_mentions_entity_and_state_are_read_only_in_admin(admin_client_):
    """States change only through the review queue (workflow), never in admin."""
    mention = a_mention()
    other = EntityFactory()
    admin_client_.post(
        reverse("admin:annotations_mention_change", args=[mention.pk]),
        {"entity": other.pk, "status": "approved"},
    )
    mention.refresh_from_db()
    assert mention.entity != other and mention.status == "draft"


def test_searching_entities_by_alias_does_not_inflate_counts(admin_client_):
    hezbollah = EntityFactory(name="Hezbollah")
    Alias.objects.create(entity=hezbollah, text="Hizbollah")
    Alias.objects.create(entity=hezbollah, text="Hizballah")
    MentionFactory(entity=hezbollah, article=ArticleFactory(body="Hezbollah fired."))
    response = admin_client_.get(reverse("admin:annotations_entity_changelist"), {"q": "hiz"})
    [row] = response.context["cl"].result_list
    assert row.mention_count == 1 == Mention.objects.count()


def test_a_kinds_colour_is_edited_in_the_list(admin_client_):
    kinds = list(EntityKind.objects.order_by("order", "name"))
    data = {
        "form-TOTAL_FORMS": str(len(kinds)),
        "form-INITIAL_FORMS": str(len(kinds)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for n, entity_kind in enumerate(kinds):
        data |= {
            f"form-{n}-id": str(entity_kind.pk),
            f"form-{n}-colour": "#123456" if entity_kind.slug == "group" else entity_kind.colour,
            f"form-{n}-order": str(entity_kind.order),
        }
    response = admin_client_.post(reverse("admin:annotations_entitykind_changelist"), data)
    assert response.status_code == 302
    assert EntityKind.objects.get(slug="group").colour == "#123456"
    assert EntityKind.objects.get(slug="person").colour == "#d9822b"


def test_a_kind_with_a_bad_colour_is_refused(admin_client_):
    response = admin_client_.post(
        reverse("admin:annotations_entitykind_add"),
        {"name": "Vessel", "slug": "vessel", "description": "", "colour": "navy", "order": "6"},
    )
    assert response.status_code == 200
    assert "Use a colour like #1f5fbf." in response.content.decode()
    assert not EntityKind.objects.filter(slug="vessel").exists()
    admin_client_.post(
        reverse("admin:annotations_entitykind_add"),
        {"name": "Vessel", "slug": "vessel", "description": "", "colour": "#000080", "order": "6"},
    )
    assert EntityKind.objects.get(slug="vessel").colour == "#000080"


def test_an_entity_edited_in_admin_is_saved_with_its_aliases_and_who_did_it(admin_client_):
    entity = EntityFactory(name="Hizbollah")
    response = admin_client_.post(
        reverse("admin:annotations_entity_change", args=[entity.pk]),
        entity_change(entity, ["Hizballah"]) | {"name": "Hezbollah", "wikidata_id": "Q41053"},
    )
    assert response.status_code == 302
    entity.refresh_from_db()
    assert (entity.name, entity.wikidata_id) == ("Hezbollah", "Q41053")
    assert list(entity.aliases.values_list("text", flat=True)) == ["Hizballah"]
    assert entity.history.latest().history_user.username == "boss"


def test_an_event_type_is_added_under_a_top_level_category_only(admin_client_):
    consult = EventType.objects.get(slug="consult")
    response = admin_client_.post(
        reverse("admin:annotations_eventtype_add"),
        {"name": "phone call", "slug": "phone-call", "colour": "#336699", "parent": consult.pk},
    )
    assert response.status_code == 302
    call = EventType.objects.get(slug="phone-call")
    assert (call.parent, str(call)) == (consult, f"{consult.name} › phone call")

    too_deep = admin_client_.post(
        reverse("admin:annotations_eventtype_add"),
        {"name": "video call", "slug": "video-call", "colour": "#336699", "parent": call.pk},
    )
    assert too_deep.status_code == 200
    assert "Choose a top-level category as the parent." in too_deep.content.decode()
    assert not EventType.objects.filter(slug="video-call").exists()


def test_an_events_headline_and_participants_are_edited_in_admin(admin_client_):
    mention = a_mention()
    event = an_event(mention)
    [participant] = event.participants.all()
    other = EntityFactory(name="Gallant")
    response = admin_client_.post(
        reverse("admin:annotations_event_change", args=[event.pk]),
        {
            "event_type": event.event_type_id,
            "headline": "Strike confirmed",
            "notes": "",
            "date": "2024-07",
            "date_text": "",
            "location": "",
            "status": "submitted",
            "participants-TOTAL_FORMS": "2",
            "participants-INITIAL_FORMS": "1",
            "participants-MIN_NUM_FORMS": "0",
            "participants-MAX_NUM_FORMS": "1000",
            "participants-0-id": participant.pk,
            "participants-0-event": event.pk,
            "participants-0-entity": mention.entity_id,
            "participants-0-role": "target",
            "participants-1-event": event.pk,
            "participants-1-entity": other.pk,
            "participants-1-role": "actor",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    # The state is not the admin's to set; the edit is a new version.
    assert (event.headline, event.date, event.status, event.version) == (
        "Strike confirmed",
        "2024-07",
        "draft",
        2,
    )
    assert str(event.date_lower) == "2024-07-01" and str(event.date_upper) == "2024-07-31"
    assert set(event.participants.values_list("entity__name", "role")) == {
        ("Gallant", "actor"),
        (mention.entity.name, "target"),
    }


# --- history -------------------------------------------------------------------------------


def history_page(client: Client, model, pk: int) -> str:
    response = client.get(reverse(f"admin:annotations_{model._meta.model_name}_history", args=[pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_events_admin_history_shows_readable_changes_and_the_reason(admin_client_):
    from curation.annotations import services, workflow

    author = UserFactory(username="annie", role="annotator")
    reviewer = UserFactory(username="rita", role="reviewer")
    event = an_event(a_mention())
    Event.objects.filter(pk=event.pk).update(created_by=author)
    event.refresh_from_db()
    workflow.submit(event, by=author, expected_version=1)
    workflow.reject(event, by=reviewer, reason="Wrong <b>date</b>", expected_version=2)
    services.event_update(
        event=Event.objects.get(pk=event.pk),
        changed_by=author,
        expected_version=3,
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Strike confirmed",
        date="2024-07-11/2024-07-20",
    )
    html = history_page(admin_client_, Event, event.pk)
    assert "rejected: Wrong &lt;b&gt;date&lt;/b&gt;" in html  # the reason column, escaped
    assert "<strong>Headline:</strong>\n                    Strike reported" in html
    assert "Strike confirmed" in html
    assert "<strong>Date:</strong>" in html and "mid-July 2024" in html  # a date in words
    assert "ASSAULT" in html and "CONSULT › meeting" in html  # the type by its name
    assert "Submitted" in html and "Rejected" in html  # statuses by their labels
    assert "Version" not in html and "Updated at" not in html  # bookkeeping left out


def test_a_mentions_admin_history_names_the_entities(admin_client_):
    from curation.annotations import services

    mention = a_mention()
    survivor = EntityFactory(name="Hezbollah")
    services.entity_merge(survivor=survivor, merged=mention.entity, merged_by=None)
    html = history_page(admin_client_, Mention, mention.pk)
    assert f"{mention.entity.name} merged into Hezbollah" in html  # the reason, with names
    assert f"{mention.entity.name} (Person)" in html and "Hezbollah (Person)" in html
    # The Object column says what the mention was then, though that entity is gone.
    assert f"“{mention.quote}” as {mention.entity.name}" in html
    [before, after] = mention.history.order_by("history_id")
    for record, entity_then in [(before, mention.entity.name), (after, "Hezbollah")]:
        # Each record's own page, too, names the entity it pointed at then.
        url = reverse(
            "admin:annotations_mention_simple_history", args=[mention.pk, record.history_id]
        )
        page = admin_client_.get(url)
        assert page.status_code == 200
        assert f"View {mention.quote} → {entity_then} as it was" in page.content.decode()


def test_a_merged_entitys_admin_history_is_still_shown(admin_client_):
    from curation.annotations import services

    gone, survivor = EntityFactory(name="Hizbollah"), EntityFactory(name="Hezbollah")
    services.entity_merge(survivor=survivor, merged=gone, merged_by=None)
    html = history_page(admin_client_, Entity, gone.pk)
    assert "merged into Hezbollah" in html


def test_a_change_in_admin_is_recorded_as_made_there(admin_client_):
    entity = EntityFactory(name="Hizbollah")
    admin_client_.post(
        reverse("admin:annotations_entity_change", args=[entity.pk]),
        entity_change(entity, []) | {"name": "Hezbollah"},
    )
    record = entity.history.latest()
    assert (record.history_user.username, record.history_change_reason) == (
        "boss",
        "edited in admin",
    )
    html = history_page(admin_client_, Entity, entity.pk)
    assert "edited in admin" in html and "<strong>Name:</strong>" in html


def test_editing_an_approved_event_in_admin_sends_it_back_to_review(admin_client_):
    from curation.annotations.models import Event, EventType

    article = ArticleFactory(body="Israel struck a target. Then it stopped.")
    event = Event.objects.create(
        article=article,
        start=0,
        end=22,
        quote=article.body[:22],
        event_type=EventType.objects.get(slug="consult-meeting"),
        headline="Strike",
    )
    Event.objects.filter(pk=event.pk).update(status="approved")
    response = admin_client_.post(
        reverse("admin:annotations_event_change", args=[event.pk]),
        {
            "event_type": event.event_type_id,
            "headline": "Strike confirmed",
            "notes": "",
            "date": "",
            "date_text": "",
            "participants-TOTAL_FORMS": "0",
            "participants-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert (event.headline, event.status) == ("Strike confirmed", "submitted")
    assert event.history.latest().history_change_reason == "edited after approval: back to review"
