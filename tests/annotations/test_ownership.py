"""Ownership, states and versions where an item is changed: relinking and removing a
mention, editing and deleting an event, editing an entity, and merging entities.

An annotator changes only their own drafts and rejected items; anyone else gets 403 with
the reason. A change made against an older version (or from a form that names none) gets
409 saying so, and the stored item stays as it was."""

import pytest
from django.urls import reverse

from curation.annotations import workflow
from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention, Status
from curation.annotations.views.common import REFUSAL_HEADER
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = "Israel and Iran met in Doha. The meeting was cancelled on Monday."


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


@pytest.fixture
def work(annotator):
    """The annotator's mention of Iran and their event, both drafts at version 1."""
    article = ArticleFactory(body=BODY)
    iran = EntityFactory(name="Iran", kind=EntityKind.objects.get(slug="place"))
    mention = MentionFactory(article=article, entity=iran, created_by=annotator)
    start = BODY.index("The meeting")
    event = Event.objects.create(
        article=article,
        start=start,
        end=start + len("The meeting was cancelled"),
        quote="The meeting was cancelled",
        event_type=EventType.objects.get(slug="reject-meeting-cancelled"),
        headline="Meeting cancelled",
        created_by=annotator,
    )
    return article, mention, event


def put_in(item, status: str):
    type(item).objects.filter(pk=item.pk).update(status=status)
    item.refresh_from_db()
    return item


def stored(item):
    return type(item).objects.get(pk=item.pk)


def changes(work, version=None):
    """Each change of an item: (name, the request's method, url and data, the item)."""
    article, mention, event = work
    qatar = EntityFactory(name="Qatar")
    versioned = {} if version is None else {"version": version}
    edit = {"headline": "Talks called off", "event_type": event.event_type.slug, "date": ""}
    return {
        "relink": (
            "post",
            url("mention-edit", article.pk, mention.pk),
            # "Iran" becomes an alias of Qatar too: confirmed, as the question would be
            {"entity": qatar.pk, "confirmed": "on", **versioned},
            mention,
        ),
        "remove": ("post", url("mention-delete", article.pk, mention.pk), versioned, mention),
        "event form": ("get", url("event-edit", article.pk, event.pk), {}, event),
        "event edit": (
            "post",
            url("event-edit", article.pk, event.pk),
            {**edit, **versioned},
            event,
        ),
        "event delete": ("post", url("event-delete", article.pk, event.pk), versioned, event),
    }


CHANGES = ["relink", "remove", "event form", "event edit", "event delete"]
WRITES = [change for change in CHANGES if change != "event form"]


def snapshot(item) -> dict:
    fields = ["version", "status", "created_by_id", "updated_at"]
    fields += ["entity_id"] if isinstance(item, Mention) else ["headline", "event_type_id"]
    return {field: getattr(stored(item), field) for field in fields}


# --- 403: someone else's draft, and the author's own once it is out of their hands ----------


@pytest.mark.parametrize("change", CHANGES)
def test_another_annotators_draft_is_refused_with_the_reason(work, colleague_client, change):
    method, address, data, item = changes(work, version=1)[change]
    before = snapshot(item)

    response = getattr(colleague_client, method)(address, data, **HTMX)

    assert response.status_code == 403
    assert response[REFUSAL_HEADER] == "1"  # static/js/desk.js shows it in place
    what = "mention" if isinstance(item, Mention) else "event"
    doing = "delete" if change in ("remove", "event delete") else "change"
    assert (
        f"You can&#x27;t {doing} this {what}: it is draft, and only its author (while it is "
        f"a draft or rejected) or a reviewer can {doing} it."
    ) in response.content.decode()
    assert snapshot(item) == before


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.APPROVED])
@pytest.mark.parametrize("change", CHANGES)
def test_the_author_is_refused_once_the_item_is_submitted_or_approved(
    work, annotator_client, change, status
):
    method, address, data, item = changes(work, version=1)[change]
    put_in(item, status)
    before = snapshot(item)

    response = getattr(annotator_client, method)(address, data, **HTMX)

    assert response.status_code == 403
    assert f"it is {status}" in response.content.decode()
    assert snapshot(item) == before


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REJECTED])
@pytest.mark.parametrize("change", CHANGES)
def test_the_author_changes_their_draft_or_rejected_item(work, annotator_client, change, status):
    method, address, data, item = changes(work, version=1)[change]
    put_in(item, status)
    response = getattr(annotator_client, method)(address, data, **HTMX)
    assert response.status_code == 200, response.content.decode()


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("change", CHANGES)
def test_a_reviewer_changes_anyones_item_in_any_state(work, reviewer_client, change, status):
    method, address, data, item = changes(work, version=1)[change]
    put_in(item, status)
    response = getattr(reviewer_client, method)(address, data, **HTMX)
    assert response.status_code == 200, response.content.decode()
    if change in ("remove", "event delete"):
        assert not type(item).objects.filter(pk=item.pk).exists()


def test_a_reviewers_edit_of_an_approved_event_sends_it_back_to_review(
    work, reviewer_client, reviewer
):
    article, _, event = work
    workflow.approve(put_in(event, Status.SUBMITTED), by=reviewer, expected_version=1)
    response = reviewer_client.post(
        url("event-edit", article.pk, event.pk),
        {"headline": "Talks called off", "event_type": event.event_type.slug, "version": 2},
        **HTMX,
    )
    assert response.status_code == 200
    event = stored(event)
    assert (event.status, event.headline, event.version) == (
        Status.SUBMITTED,
        "Talks called off",
        3,
    )
    record = event.history.latest()
    assert record.history_user == reviewer
    assert record.history_change_reason == "edited after approval: back to review"
    assert event.history.filter(status=Status.APPROVED).exists()  # the approved version
    # the events list says so
    assert 'class="badge st-badge st-submitted">Submitted</span>' in response.content.decode()


def test_a_reviewers_relink_of_an_approved_mention_sends_it_back_to_review(work, reviewer_client):
    article, mention, _ = work
    put_in(mention, Status.APPROVED)
    qatar = EntityFactory(name="Qatar")
    response = reviewer_client.post(
        url("mention-edit", article.pk, mention.pk),
        {"entity": qatar.pk, "confirmed": "on", "version": 1},
        **HTMX,
    )
    assert response.status_code == 200
    assert (stored(mention).status, stored(mention).entity) == (Status.SUBMITTED, qatar)
    assert "st-submitted" in response.content.decode()  # the segment, swapped


# --- 409: stale versions, and forms that name none ------------------------------------------


def someone_else_changed(item, colleague):
    """Another save of the item, as a reviewer's edit would leave it: version 2, with a
    history record saying who."""
    item = stored(item)
    item.version += 1
    item._history_user = colleague
    item.save()
    return snapshot(item)


@pytest.mark.parametrize("change", WRITES)
def test_a_change_made_against_an_older_version_is_refused_and_says_who(
    work, annotator_client, colleague, change
):
    colleague.first_name, colleague.last_name = "Colin", "Reed"
    colleague.save()
    method, address, data, item = changes(work, version=1)[change]
    after_theirs = someone_else_changed(item, colleague)

    response = getattr(annotator_client, method)(address, data, **HTMX)

    assert response.status_code == 409
    html = response.content.decode()
    what = "mention" if isinstance(item, Mention) else "event"
    assert f"This {what} was changed by Colin Reed at " in html
    assert "Reload to see their version, then make your change again." in html
    assert snapshot(item) == after_theirs
    if change == "event edit":
        # the form is still there, with what the editor typed, to copy from
        assert 'value="Talks called off"' in html


@pytest.mark.parametrize("change", WRITES)
def test_a_change_from_a_form_without_a_version_is_refused_with_reload(
    work, annotator_client, change
):
    method, address, data, item = changes(work, version=None)[change]
    before = snapshot(item)
    response = getattr(annotator_client, method)(address, data, **HTMX)
    assert response.status_code == 409
    what = "mention" if isinstance(item, Mention) else "event"
    assert (
        f"This page is older than the {what} it shows, so your change was not saved. Reload "
        "the page, then make your change again."
    ) in response.content.decode()
    assert snapshot(item) == before


@pytest.mark.parametrize("change", WRITES)
def test_without_a_version_someone_who_may_not_change_it_still_hears_why(
    work, colleague_client, change
):
    method, address, data, item = changes(work, version=None)[change]
    response = getattr(colleague_client, method)(address, data, **HTMX)
    assert response.status_code == 403


@pytest.mark.parametrize("version", ["", "abc", "²", "-1", "1" * 12])
def test_a_garbled_version_is_a_missing_one(work, annotator_client, version):
    article, mention, _ = work
    response = annotator_client.post(
        url("mention-delete", article.pk, mention.pk), {"version": version}, **HTMX
    )
    assert response.status_code == 409
    assert "older than the mention it shows" in response.content.decode()
    assert Mention.objects.filter(pk=mention.pk).exists()


def test_an_entity_edit_against_an_older_version_is_refused(annotator_client, colleague):
    entity = EntityFactory(name="Hizbollah")
    form = annotator_client.get(url("entity-edit", entity.pk), **HTMX).content.decode()
    assert '<input type="hidden" name="version" value="1">' in form
    data = {"name": "Hezbollah", "kind": entity.kind_id, "description": "", "wikidata_id": ""}
    theirs = Entity.objects.get(pk=entity.pk)
    theirs.description, theirs.version, theirs._history_user = "Lebanese party", 2, colleague
    theirs.save()

    response = annotator_client.post(url("entity-edit", entity.pk), {**data, "version": 1}, **HTMX)

    assert response.status_code == 409
    html = response.content.decode()
    assert f"This entity was changed by {colleague.username} at " in html
    assert 'value="Hezbollah"' in html  # the form, with what was typed
    entity.refresh_from_db()
    assert (entity.name, entity.description, entity.version) == ("Hizbollah", "Lebanese party", 2)
    assert not entity.aliases.exists()

    without = annotator_client.post(url("entity-edit", entity.pk), data)
    assert without.status_code == 409 and b"<html" in without.content
    assert "older than the entity it shows" in without.content.decode()
    entity.refresh_from_db()
    assert entity.name == "Hizbollah"

    saved = annotator_client.post(url("entity-edit", entity.pk), {**data, "version": 2}, **HTMX)
    assert saved.status_code == 200
    entity.refresh_from_db()
    assert (entity.name, entity.version) == ("Hezbollah", 3)


# --- merging needs a reviewer ---------------------------------------------------------------


def test_merging_entities_is_for_reviewers(annotator_client, reviewer_client):
    merged, survivor = EntityFactory(name="Hizbollah"), EntityFactory(name="Hezbollah")
    page = annotator_client.get(merged.get_absolute_url()).content.decode()
    assert "Merge into another…" not in page and "/merge/" not in page
    assert annotator_client.get(url("entity-merge", merged.pk)).status_code == 403
    refused = annotator_client.post(url("entity-merge", merged.pk), {"survivor": survivor.pk})
    assert refused.status_code == 403
    assert Entity.objects.count() == 2

    page = reviewer_client.get(merged.get_absolute_url()).content.decode()
    assert f'href="{url("entity-merge", merged.pk)}">Merge into another…' in page
    assert reviewer_client.get(url("entity-merge", merged.pk)).status_code == 200
    done = reviewer_client.post(url("entity-merge", merged.pk), {"survivor": survivor.pk})
    assert done.status_code == 302
    assert list(Entity.objects.all()) == [survivor]
