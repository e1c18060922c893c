"""Suggestions from taggers in the workspace: shown dashed with their origin, accepted
(the mention or event is the editor's own draft) or dismissed (and not suggested again)."""

import pytest
from django.urls import reverse

from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention
from curation.annotations.pre_annotations import (
    EventItem,
    MentionItem,
    Placement,
    suggested_events_create,
    suggested_mentions_create,
)
from curation.annotations.suggested import Decision, SuggestedEvent, SuggestedMention
from tests.factories import ArticleFactory, EntityFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = "Hezbollah fired rockets at dawn.\n\nIsrael answered, Reuters said."
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def tagger():
    return UserFactory(username="spacy-bot", role="annotator")


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def suggest(article, tagger, *items: MentionItem) -> list[SuggestedMention]:
    results = suggested_mentions_create(
        article=article, items=items, origin="spacy-3.8 en_core_web_lg", created_by=tagger
    )
    assert all(result.status == "created" for result in results), results
    return [SuggestedMention.objects.get(pk=result.id) for result in results]


def quoted(text: str, **fields) -> MentionItem:
    return MentionItem(Placement(quote=text), **fields)


def url(name, *args):
    return reverse(f"annotations:{name}", args=args)


def test_the_workspace_shows_them_dashed_with_their_origin(annotator_client, article, tagger):
    (israel,) = suggest(article, tagger, quoted("Israel", label="GPE"))
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert f'data-tagged="{israel.pk}"' in html
    assert 'class="seg sug tagged k-place"' in html
    assert "Israel (Place), suggested by spacy-3.8 en_core_web_lg" in html
    assert 'id="tagged-panel"' in html and "From taggers" in html


def test_a_marked_mention_hides_the_suggestion_under_it(annotator_client, article, tagger):
    entity = EntityFactory(name="Israel", kind=EntityKind.objects.get(slug="place"))
    (israel,) = suggest(article, tagger, quoted("Israel", entity=entity.pk))
    start = BODY.index("Israel")
    Mention.objects.create(
        article=article, entity=entity, start=start, end=start + 6, quote="Israel"
    )
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert f'data-tagged="{israel.pk}"' not in html  # the mention is what shows


def test_accepting_makes_the_editor_s_own_draft_of_the_entity_named(
    annotator_client, annotator, article, tagger
):
    hezbollah = EntityFactory(name="Hezbollah", kind=EntityKind.objects.get(slug="group"))
    (suggestion,) = suggest(article, tagger, quoted("Hezbollah", entity=hezbollah.pk))
    response = annotator_client.post(
        url("tagged-mention", article.pk, suggestion.pk), {"action": "accept"}, **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Marked “Hezbollah” as Hezbollah." in html
    assert 'id="tagged-panel"' in html and 'hx-swap-oob="true"' in html
    mention = Mention.objects.get()
    assert (mention.entity, mention.created_by, mention.status) == (hezbollah, annotator, "draft")
    suggestion.refresh_from_db()
    assert suggestion.decision == Decision.ACCEPTED
    assert (suggestion.decided_by, suggestion.mention) == (annotator, mention)
    assert mention.history.first().history_user == annotator


def test_accepting_a_name_finds_the_entity_or_makes_one(annotator_client, article, tagger):
    known = EntityFactory(name="Reuters", kind=EntityKind.objects.get(slug="organisation"))
    reuters, israel = suggest(
        article, tagger, quoted("Reuters", label="ORG"), quoted("Israel", label="GPE")
    )
    for suggestion in (reuters, israel):
        response = annotator_client.post(
            url("tagged-mention", article.pk, suggestion.pk), {"action": "accept"}, **HTMX
        )
        assert response.status_code == 200, response.content
    assert Mention.objects.get(quote="Reuters").entity == known
    made = Mention.objects.get(quote="Israel").entity
    assert (made.name, made.kind.slug) == ("Israel", "place")


def test_a_name_the_desk_knows_twice_asks_which(annotator_client, article, tagger):
    first = EntityFactory(name="Israel", kind=EntityKind.objects.get(slug="place"))
    second = EntityFactory(name="Israel", kind=EntityKind.objects.get(slug="organisation"))
    (suggestion,) = suggest(article, tagger, quoted("Israel", label="GPE"))
    target = url("tagged-mention", article.pk, suggestion.pk)
    asked = annotator_client.post(target, {"action": "accept"}, **HTMX).content.decode()
    assert "more than one “Israel”" in asked
    assert f'value="{first.pk}"' in asked and f'value="{second.pk}"' in asked
    assert not Mention.objects.exists()
    annotator_client.post(target, {"action": "accept", "entity": second.pk}, **HTMX)
    assert Mention.objects.get().entity == second


def test_dismissing_keeps_it_dismissed_and_the_tagger_cannot_bring_it_back(
    annotator_client, annotator, article, tagger
):
    (suggestion,) = suggest(article, tagger, quoted("Israel", label="GPE"))
    response = annotator_client.post(
        url("tagged-mention", article.pk, suggestion.pk), {"action": "dismiss"}, **HTMX
    )
    assert "Dismissed “Israel”" in response.content.decode()
    suggestion.refresh_from_db()
    assert (suggestion.decision, suggestion.decided_by) == (Decision.DISMISSED, annotator)
    again = suggested_mentions_create(
        article=article,
        items=[quoted("Israel", label="GPE")],
        origin=suggestion.origin,
        created_by=tagger,
    )
    assert again[0].status == "already"
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert f'data-tagged="{suggestion.pk}"' not in html
    assert not Mention.objects.exists()


def test_a_suggestion_decided_already_is_refused_with_who_decided(
    annotator_client, article, tagger
):
    (suggestion,) = suggest(article, tagger, quoted("Israel", label="GPE"))
    other = UserFactory(username="bea", role="annotator")
    from curation.annotations.pre_annotation_review import suggested_dismiss

    suggested_dismiss(suggestion=suggestion, dismissed_by=other)
    response = annotator_client.post(
        url("tagged-mention", article.pk, suggestion.pk), {"action": "accept"}, **HTMX
    )
    assert response.status_code == 422
    assert "bea already dismissed this suggestion" in response.content.decode()


def test_someone_without_a_role_can_do_nothing_with_them(stranger_client, article, tagger):
    (suggestion,) = suggest(article, tagger, quoted("Israel", label="GPE"))
    target = url("tagged-mention", article.pk, suggestion.pk)
    assert stranger_client.post(target, {"action": "accept"}).status_code == 403
    assert SuggestedMention.objects.get().decision == Decision.OPEN


def test_an_accepted_event_is_the_editor_s_draft_with_its_participants(
    annotator_client, annotator, article, tagger
):
    hezbollah = EntityFactory(name="Hezbollah")
    gone = EntityFactory(name="Gone")
    results = suggested_events_create(
        article=article,
        items=[
            EventItem(
                Placement(quote="Hezbollah fired rockets at dawn"),
                "assault",
                "Hezbollah fires rockets",
                "2024-06",
                participants=[(hezbollah.pk, "actor"), (gone.pk, "target")],
            )
        ],
        origin="event-tagger",
        created_by=tagger,
    )
    suggestion = SuggestedEvent.objects.get(pk=results[0].id)
    gone.delete()
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert "Event: <span hx-disable>Hezbollah fires rockets</span>" in html
    popover = annotator_client.get(url("tagged-event", article.pk, suggestion.pk)).content.decode()
    assert "event-tagger" in popover and "Accept" in popover
    response = annotator_client.post(
        url("tagged-event", article.pk, suggestion.pk), {"action": "accept"}, **HTMX
    )
    assert "Recorded: Hezbollah fires rockets" in response.content.decode()
    event = Event.objects.get()
    assert (event.created_by, event.status, event.date) == (annotator, "draft", "2024-06")
    assert event.event_type == EventType.objects.get(slug="assault")
    assert [(p.entity, p.role) for p in event.participants.all()] == [(hezbollah, "actor")]
    suggestion.refresh_from_db()
    assert (suggestion.decision, suggestion.event) == (Decision.ACCEPTED, event)


def test_a_correction_that_moves_the_words_hides_the_suggestion(annotator_client, article, tagger):
    (suggestion,) = suggest(article, tagger, quoted("Israel", label="GPE"))
    type(article).objects.filter(pk=article.pk).update(body="Israel" + BODY)
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    assert f'data-tagged="{suggestion.pk}"' not in html
    assert Entity.objects.count() == 0
