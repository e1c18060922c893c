"""Edit and approve (``e``): an event's headline, type, date and notes, or the entity a
mention names, corrected in the row and approved in one go."""

import pytest

from curation.annotations.models import Alias, EventType, Mention, Participant, Status
from tests.review.work import article, event, mention, person

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def edit_url(item) -> str:
    return f"/review/{item._meta.model_name}/{item.pk}/edit/"


def stored(item):
    return type(item).objects.get(pk=item.pk)


@pytest.fixture
def waiting_event(annotator):
    item = event(by=annotator)
    Participant.objects.create(event=item, entity=person("White House"), role="actor")
    return item


def event_edit(item, **changes) -> dict:
    return {
        "version": item.version,
        "headline": item.headline,
        "event_type": str(item.event_type),
        "date": item.date,
        "notes": item.notes,
    } | changes


def test_the_edit_form_opens_in_the_row_with_the_date_in_words(reviewer_client, waiting_event):
    response = reviewer_client.get(edit_url(waiting_event), **HX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith(f'<tr id="row-event-{waiting_event.pk}"')
    assert f'hx-post="/review/event/{waiting_event.pk}/edit/"' in page
    assert 'name="date" value="20 June 2024"' in page
    assert 'name="headline" value="White House cancels the meeting"' in page and "autofocus" in page
    assert '<option value="REJECT › meeting cancelled or postponed">' in page


def test_saving_an_edited_event_approves_it_and_keeps_its_participants(
    reviewer, reviewer_client, waiting_event
):
    response = reviewer_client.post(
        edit_url(waiting_event),
        event_edit(
            waiting_event,
            headline="White House calls off the Iran meeting",
            event_type="CONSULT › visit",
            date="mid-July 2024",
            notes="Rescheduled, says Axios.",
        ),
        **HX,
    )
    assert response.status_code == 200, response.content.decode()
    assert (
        "Saved and approved the event “White House calls off the Iran meeting” (mid-July 2024)."
    ) in response.content.decode()
    saved = stored(waiting_event)
    assert saved.status == Status.APPROVED and saved.reviewed_by == reviewer
    assert saved.headline == "White House calls off the Iran meeting"
    assert saved.event_type == EventType.objects.get(slug="consult-visit")
    assert saved.date == "2024-07-11/2024-07-20"
    assert saved.notes == "Rescheduled, says Axios."
    assert [(p.entity.name, p.role) for p in saved.participants.all()] == [("White House", "actor")]
    reasons = list(
        saved.history.order_by("history_id").values_list("history_change_reason", flat=True)
    )
    assert reasons[-1] == "approved"
    assert saved.history.order_by("history_id")[len(reasons) - 2].headline == (
        "White House calls off the Iran meeting"
    )


def test_a_date_that_cant_be_read_shows_the_error_and_changes_nothing(
    reviewer_client, waiting_event
):
    response = reviewer_client.post(
        edit_url(waiting_event), event_edit(waiting_event, date="the week after next-ish"), **HX
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert 'class="edit-form row-form"' in page  # the form stays open
    assert 'aria-invalid="true"' in page
    saved = stored(waiting_event)
    assert saved.status == Status.SUBMITTED and saved.date == "2024-06-20"


def test_an_empty_headline_is_refused(reviewer_client, waiting_event):
    response = reviewer_client.post(
        edit_url(waiting_event), event_edit(waiting_event, headline=""), **HX
    )
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert stored(waiting_event).headline == "White House cancels the meeting"


def test_editing_a_stale_version_is_409_and_keeps_the_other_change(
    reviewer_client, waiting_event, second_reviewer
):
    from curation.annotations import services

    current = stored(waiting_event)
    services.event_update(
        event=current,
        changed_by=second_reviewer,
        expected_version=None,
        event_type=current.event_type,
        headline="Changed meanwhile",
        date=current.date,
    )
    response = reviewer_client.post(
        edit_url(waiting_event), event_edit(waiting_event, headline="Mine"), **HX
    )
    assert response.status_code == 409
    assert "This event was changed by ruth" in response.content.decode()
    saved = stored(waiting_event)
    assert saved.headline == "Changed meanwhile" and saved.status == Status.SUBMITTED


def test_the_reviewers_own_event_cant_be_edited_and_approved(reviewer, reviewer_client):
    own = event(by=reviewer)
    response = reviewer_client.get(edit_url(own), **HX)
    assert response.status_code == 403
    assert "This event is yours: another reviewer approves it." in response.content.decode()
    response = reviewer_client.post(edit_url(own), event_edit(own, headline="Mine"), **HX)
    assert response.status_code == 403
    assert stored(own).headline == "White House cancels the meeting"


# --- mentions ----------------------------------------------------------------------------


@pytest.fixture
def mislinked(annotator):
    """The text "Netanyahu" marked as the White House by mistake."""
    on = article(body="Officials said Netanyahu would travel to Washington next week.")
    return mention(by=annotator, on=on, text="Netanyahu", entity=person("White House"))


def test_relinking_a_mention_by_name_then_approving_it(reviewer, reviewer_client, mislinked):
    netanyahu = person("Benjamin Netanyahu")
    response = reviewer_client.get(edit_url(mislinked), **HX)
    assert 'name="q"' in response.content.decode()
    assert 'hx-get="/entities/autocomplete/"' in response.content.decode()
    response = reviewer_client.post(
        edit_url(mislinked), {"version": mislinked.version, "q": "Benjamin Net"}, **HX
    )
    assert response.status_code == 200, response.content.decode()
    assert "Approved the mention “Netanyahu”, now as Benjamin Netanyahu." in (
        response.content.decode()
    )
    saved = stored(mislinked)
    assert saved.entity == netanyahu and saved.status == Status.APPROVED
    assert saved.reviewed_by == reviewer
    assert Alias.objects.filter(entity=netanyahu, text="Netanyahu").exists()


def test_relinking_to_a_chosen_entity(reviewer_client, mislinked):
    netanyahu = person("Benjamin Netanyahu")
    response = reviewer_client.post(
        edit_url(mislinked), {"version": mislinked.version, "entity": netanyahu.pk}, **HX
    )
    assert response.status_code == 200
    assert stored(mislinked).entity == netanyahu


def test_relinking_to_nothing_found_asks_for_an_entity(reviewer_client, mislinked):
    response = reviewer_client.post(
        edit_url(mislinked), {"version": mislinked.version, "q": "Nobody by that name"}, **HX
    )
    assert response.status_code == 422
    assert "Choose the entity this text names" in response.content.decode()
    assert stored(mislinked).status == Status.SUBMITTED


def test_a_name_of_another_entity_is_asked_about_before_it_becomes_an_alias(
    reviewer_client, annotator
):
    on = article(body="The White House said the meeting was off.")
    white_house = person("White House")
    item = mention(by=annotator, on=on, text="White House", entity=white_house)
    other = person("Executive Office")
    response = reviewer_client.post(
        edit_url(item), {"version": item.version, "entity": other.pk}, **HX
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "White House" in page and "Link to Executive Office anyway, and approve" in page
    assert stored(item).entity == white_house
    response = reviewer_client.post(
        edit_url(item), {"version": item.version, "entity": other.pk, "confirmed": "1"}, **HX
    )
    assert response.status_code == 200
    assert stored(item).entity == other and stored(item).status == Status.APPROVED


@pytest.mark.parametrize("to", ["White House", "Benjamin Netanyahu"])
def test_relinking_a_stale_mention_is_409(to, reviewer_client, mislinked):
    """Whether the entity changes or stays (a mere approval), a stale version is refused."""
    person("Benjamin Netanyahu")
    Mention.objects.filter(pk=mislinked.pk).update(version=9)
    response = reviewer_client.post(
        edit_url(mislinked), {"version": mislinked.version, "q": to}, **HX
    )
    assert response.status_code == 409
    assert "Reload to see their version" in response.content.decode()
    saved = stored(mislinked)
    assert saved.status == Status.SUBMITTED and saved.entity.name == "White House"
