"""Names, aliases, article text and headlines are user content: every page that shows them
must escape them. Each payload here is an HTML tag that would run script if a template
printed it raw (``|safe``, ``mark_safe``); each page must show its escaped form and never
the tag itself."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from curation.annotations.models import Alias, EntityKind, Event, EventType, Participant
from tests.factories import ArticleFactory, EntityFactory, MentionFactory, UserFactory

pytestmark = pytest.mark.django_db

NAME = "<img src=x onerror=alert(1)>"
ALIAS = "<img src=x onerror=alert(2)>"
CONTEXT = "<img src=x onerror=alert(3)>"
HEADLINE = "<img src=x onerror=alert(4)>"
PLACE = "<img src=x onerror=alert(5)>"
REASON = "<img src=x onerror=alert(6)>"
REVIEWER = "<img src=x onerror=alert(7)>"


@pytest.fixture
def marked_up(annotator):
    """An article whose text, entity names, alias and event headline are all payloads,
    and the annotator's event was rejected with a payload for a reason, by a reviewer
    whose name is one."""
    article = ArticleFactory(body=f"{CONTEXT} {NAME} in {PLACE} today.")
    entity = EntityFactory(name=NAME)
    Alias.objects.create(entity=entity, text=ALIAS)
    reviewer = UserFactory(username="reviewer", first_name=REVIEWER, role="reviewer")
    MentionFactory(
        article=article,
        entity=entity,
        created_by=annotator,
        status="rejected",
        review_note=REASON,
        reviewed_by=reviewer,
    )
    place = EntityFactory(name=PLACE, kind=EntityKind.objects.get(slug="place"))
    MentionFactory(article=article, entity=place)
    event = Event.objects.create(
        article=article,
        start=0,
        end=len(article.body),
        quote=article.body,
        event_type=EventType.objects.get(slug="assault"),
        headline=HEADLINE,
        location=place,
        created_by=annotator,
        status="rejected",
        review_note=REASON,
        reviewed_by=reviewer,
    )
    Participant.objects.create(event=event, entity=entity, role="target")
    return article, entity, event


def assert_escaped(html: str, *payloads: str) -> None:
    for payload in payloads:
        assert payload not in html, f"{payload} is not escaped"
        assert escape(payload) in html, f"{payload} is missing"


def test_the_entity_page_escapes_its_name_aliases_and_the_text_around_mentions(
    annotator_client, marked_up
):
    _, entity, _ = marked_up
    html = annotator_client.get(entity.get_absolute_url()).content.decode()
    assert_escaped(html, NAME, ALIAS, CONTEXT)


def test_the_entity_directory_escapes_names(annotator_client, marked_up):
    html = annotator_client.get(reverse("annotations:entities")).content.decode()
    assert_escaped(html, NAME, PLACE)


def test_the_autocomplete_escapes_names_and_the_query(annotator_client, marked_up):
    address = reverse("annotations:entity-autocomplete")
    assert_escaped(annotator_client.get(address, {"q": "onerror"}).content.decode(), NAME, PLACE)
    assert_escaped(annotator_client.get(address, {"q": ALIAS}).content.decode(), NAME)
    assert_escaped(annotator_client.get(address, {"q": HEADLINE}).content.decode(), HEADLINE)


def test_the_merge_page_escapes_its_candidates(reviewer_client, marked_up):
    _, entity, _ = marked_up
    other = EntityFactory(name="Hezbollah")
    html = reviewer_client.get(
        reverse("annotations:entity-merge", args=[other.pk]), {"q": "onerror"}
    ).content.decode()
    assert_escaped(html, NAME, PLACE)


def test_the_workspace_escapes_names_text_and_events(annotator_client, marked_up):
    article, _, _ = marked_up
    html = annotator_client.get(reverse("annotations:workspace", args=[article.pk])).content
    # The side panel's names, the marked text, and the events panel's headline,
    # participants, and the reason of its rejection and who gave it.
    assert_escaped(html.decode(), NAME, PLACE, CONTEXT, HEADLINE, REASON, REVIEWER)


def test_the_mention_popover_escapes_the_rejection_and_who_gave_it(annotator_client, marked_up):
    article, entity, _ = marked_up
    mention = entity.mentions.get()
    html = annotator_client.get(
        reverse("annotations:mention-edit", args=[article.pk, mention.pk])
    ).content.decode()
    assert_escaped(html, NAME, REASON, REVIEWER)


def test_the_event_form_escapes_the_headline_passage_and_participants(annotator_client, marked_up):
    article, _, event = marked_up
    html = annotator_client.get(
        reverse("annotations:event-edit", args=[article.pk, event.pk])
    ).content.decode()
    assert_escaped(html, HEADLINE, NAME, PLACE, CONTEXT)


def test_the_name_clash_warning_escapes_the_names(annotator_client, marked_up):
    _, entity, _ = marked_up
    other = EntityFactory(name="Hezbollah")
    response = annotator_client.post(
        reverse("annotations:alias-add", args=[other.pk]),
        {"text": ALIAS},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "is already an alias of" in html
    assert_escaped(html, NAME, ALIAS)
