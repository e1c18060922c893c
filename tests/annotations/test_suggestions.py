"""Suggestions: a text that names several entities is offered as all of them, never as
one; Accept all leaves those to the editor, in a constant number of queries."""

import json
import re

import pytest
from django.db import IntegrityError
from django.urls import reverse

from curation.annotations import known_names, selectors, services
from curation.annotations.errors import AnnotationError
from curation.annotations.models import Alias, DismissedSuggestion, EntityKind, Mention
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
BODY = "Axios reported the meeting.\n\nHezbollah denied it, Axios said."


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


def kind(slug: str) -> EntityKind:
    return EntityKind.objects.get(slug=slug)


@pytest.fixture
def axios_twice():
    """The outlet Axios, and Hezbollah, which was given "Axios" as an alias by a slip."""
    article = ArticleFactory(body=BODY)
    outlet = EntityFactory(name="Axios", kind=kind("organisation"))
    hezbollah = EntityFactory(name="Hezbollah", kind=kind("group"))
    Alias.objects.create(entity=hezbollah, text="Axios")
    return article, outlet, hezbollah


def test_a_text_that_names_two_entities_is_suggested_as_both(axios_twice):
    article, outlet, hezbollah = axios_twice
    suggestions = selectors.suggestions_for(article, [])
    axios = [s for s in suggestions if s.text == "Axios"]
    assert len(axios) == 2
    for suggestion in axios:
        assert suggestion.ambiguous and suggestion.entity is None
        assert suggestion.entities == (outlet, hezbollah)
        assert suggestion.label == "Axios (Organisation) or Hezbollah (Group)"
        assert suggestion.key == f"{suggestion.start}-{suggestion.end}-{outlet.pk}.{hezbollah.pk}"
    [single] = [s for s in suggestions if s.text == "Hezbollah"]
    assert single.entity == hezbollah and not single.ambiguous


def test_the_page_shows_an_ambiguous_suggestion_with_its_choices(annotator_client, axios_twice):
    article, outlet, hezbollah = axios_twice
    html = annotator_client.get(url("workspace", article.pk), {"suggest": "1"}).content.decode()
    [first, *_] = re.findall(r'<span class="seg sug ambiguous"[^>]*>Axios</span>', html)
    assert 'data-sug-label="Axios (Organisation) or Hezbollah (Group)"' in first
    choices = re.search(r'data-sug-choices="([^"]*)"', first)[1].replace("&quot;", '"')
    assert json.loads(choices) == [
        [outlet.pk, "Axios (Organisation)"],
        [hezbollah.pk, "Hezbollah (Group)"],
    ]
    assert "3 suggestions (dashed); 2 need a choice" in html
    assert "Accept the 1 suggestion that names one entity?" in html


def test_namesakes_of_the_same_kind_are_told_apart_by_id(axios_twice):
    article, outlet, _ = axios_twice
    second = EntityFactory(name="Axios", kind=kind("organisation"))
    [suggestion, _] = [s for s in selectors.suggestions_for(article, []) if s.text == "Axios"]
    assert [label for _, label in suggestion.choices][:2] == [
        f"Axios (Organisation, #{outlet.pk})",
        f"Axios (Organisation, #{second.pk})",
    ]


def test_markup_in_an_entity_name_is_escaped_in_the_choices(annotator_client):
    article = ArticleFactory(body="The <b>Bold</b> group met.")
    EntityFactory(name="<b>Bold</b>", kind=kind("group"))
    other = EntityFactory(name="Bold Ones", kind=kind("group"))
    Alias.objects.create(entity=other, text="<b>Bold</b>")
    html = annotator_client.get(url("workspace", article.pk), {"suggest": "1"}).content.decode()
    segment = re.search(r'<span class="seg sug ambiguous".*?</span>', html)[0]
    assert "<b>" not in segment and "&lt;b&gt;Bold&lt;/b&gt;" in segment


def test_accepting_an_ambiguous_suggestion_as_the_one_chosen(annotator_client, axios_twice):
    article, outlet, hezbollah = axios_twice
    response = annotator_client.post(
        url("suggestion-accept", article.pk),
        {"start": 0, "end": 5, "quote": "Axios", "entity": outlet.pk},
        **HTMX,
    )
    assert "Marked “Axios” as Axios." in response.content.decode()
    assert Mention.objects.get().entity == outlet


def test_not_this_on_an_ambiguous_suggestion_dismisses_it_as_each(annotator_client, axios_twice):
    article, outlet, hezbollah = axios_twice
    response = annotator_client.post(
        url("suggestion-dismiss", article.pk),
        {"start": 0, "end": 5, "quote": "Axios", "entity": [outlet.pk, hezbollah.pk]},
        **HTMX,
    )
    html = response.content.decode()
    assert "“Axios” won&#x27;t be suggested as Axios or Hezbollah here again." in html
    assert sorted(DismissedSuggestion.objects.values_list("entity_id", "normalised")) == [
        (outlet.pk, "axios"),
        (hezbollah.pk, "axios"),
    ]
    assert [s.text for s in selectors.suggestions_for(article, [])] == ["Hezbollah"]
    assert "1 suggestion (dashed)." in html  # the status, out of band


def test_dismissed_as_one_of_them_it_is_suggested_as_the_other(axios_twice):
    article, outlet, hezbollah = axios_twice
    services.suggestion_dismiss(article=article, entity=outlet, text="Axios", dismissed_by=None)
    axios = [s for s in selectors.suggestions_for(article, []) if s.text == "Axios"]
    assert [s.entity for s in axios] == [hezbollah, hezbollah]


def test_a_dismissal_with_an_unknown_entity_is_refused(annotator_client, axios_twice):
    article, *_ = axios_twice
    response = annotator_client.post(
        url("suggestion-dismiss", article.pk),
        {"start": 0, "end": 5, "quote": "Axios", "entity": 999999},
        **HTMX,
    )
    assert response.status_code == 422
    assert "That suggestion is out of date. Press Suggest again." in response.content.decode()
    assert not DismissedSuggestion.objects.exists()


# --- Accept all ------------------------------------------------------------------------------


def test_accept_all_leaves_ambiguous_suggestions_to_the_editor(annotator_client, axios_twice):
    article, outlet, hezbollah = axios_twice
    response = annotator_client.post(url("suggestions-accept-all", article.pk), **HTMX)
    html = response.content.decode()
    assert "Accepted 1; 2 need a choice." in html
    assert list(Mention.objects.values_list("quote", "entity")) == [("Hezbollah", hezbollah.pk)]
    assert "2 suggestions (dashed); 2 need a choice" in html
    assert "Accept all</button>" not in html  # nothing left that needs no choice


def article_with_suggestions(count: int):
    words = [f"Name{n}" for n in range(count)]
    article = ArticleFactory(body=" and ".join(words) + " met.")
    for word in words:
        EntityFactory(name=word)
    return article


@pytest.mark.parametrize("count", [2, 30])
def test_accept_all_runs_a_constant_number_of_queries(
    annotator_client, annotator, count, django_assert_num_queries
):
    article = article_with_suggestions(count)
    known_names.gazetteer()  # built once per change of names, not per request
    # session, user, permissions; the article; its mentions, the names' fingerprint
    # (3), the dismissals, the suggested entities; a savepoint, the aliases among the
    # texts, the lock on the entities, the mentions already there, the insert of the
    # mentions (giving their ids), the insert of their history, the release; the
    # text after: its token, the mentions counted (the editor's drafts among them), the
    # mentions, the fingerprint (3), the dismissals, the events, the kinds, the mentions
    # and events taggers suggested; the entity rows, not in the cache yet, then kept
    # there (the text is not kept while suggestions are shown)
    with django_assert_num_queries(34):
        response = annotator_client.post(url("suggestions-accept-all", article.pk), **HTMX)
    assert f"Accepted {count} suggestions." in response.content.decode()
    assert Mention.objects.filter(article=article).count() == count
    assert Mention.history.filter(history_type="+", history_user=annotator).count() == count


def test_accept_all_skips_what_was_marked_meanwhile(annotator, monkeypatch):
    article = article_with_suggestions(3)
    suggestions = selectors.suggestions_for(article, [])
    first = suggestions[0]
    MentionFactory(article=article, entity=first.entity, quote_text=first.text)

    def one_by_one(**kwargs):
        raise AssertionError("the batch should have left out what is marked already")

    monkeypatch.setattr(services, "mention_create", one_by_one)
    result = services.suggestions_accept(
        article=article, suggestions=suggestions, created_by=annotator
    )
    assert result.accepted == 2
    assert Mention.objects.count() == 3
    # outside a request too, the history says who accepted them
    assert Mention.history.filter(history_type="+", history_user=annotator).count() == 2


def test_accept_all_that_the_database_refuses_writes_nothing_and_says_why(annotator, monkeypatch):
    article = article_with_suggestions(3)
    suggestions = selectors.suggestions_for(article, [])

    def refused(*args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed: mention_unique_span_entity")

    monkeypatch.setattr(services, "insert_rows_with_keys", refused)
    with pytest.raises(AnnotationError, match="at the same moment. Press Suggest again."):
        services.suggestions_accept(article=article, suggestions=suggestions, created_by=annotator)
    assert not Mention.objects.exists()


def test_accept_all_learns_a_text_that_is_no_longer_a_name_of_its_entity(annotator):
    """Names can change between Suggest and Accept all: such a text becomes an alias, as
    when it is marked by hand."""
    article = ArticleFactory(body="Hizbollah fired.")
    hezbollah = EntityFactory(name="Hezbollah")
    alias = Alias.objects.create(entity=hezbollah, text="Hizbollah")
    suggestions = selectors.suggestions_for(article, [])
    alias.delete()
    result = services.suggestions_accept(
        article=article, suggestions=suggestions, created_by=annotator
    )
    assert result.accepted == 1
    assert Alias.objects.get(entity=hezbollah).text == "Hizbollah"


# --- the entity search -------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 40])
def test_the_entity_search_runs_a_constant_number_of_queries(
    annotator_client, count, django_assert_num_queries
):
    for n in range(count):
        entity = EntityFactory(name=f"Hezbollah {n}", kind=kind("group"))
        Alias.objects.create(entity=entity, text=f"Hizbollah {n}")
    # session, user, permissions, the matches with their kinds
    with django_assert_num_queries(4):
        response = annotator_client.get(url("entity-autocomplete"), {"q": "hezb"}, **HTMX)
    assert response.content.decode().count("Hezbollah ") == min(count, 8)
