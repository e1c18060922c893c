import re

import pytest
from django.test import Client
from django.urls import reverse

from curation.annotations import selectors
from curation.annotations.models import (
    Alias,
    DismissedSuggestion,
    Entity,
    EntityKind,
    Event,
    EventType,
    Mention,
    Status,
)
from tests.factories import ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Israel and Iran traded threats. Iranian officials met Hezbollah.\n\n"
    "Hizbollah fired rockets. Netanyahu spoke; Benjamin Netanyahu left."
)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article():
    return ArticleFactory(body=BODY)


def url(name: str, *args) -> str:
    return reverse(f"annotations:{name}", args=args)


def span_of(text: str, occurrence: int = 0) -> dict:
    start = [m.start() for m in re.finditer(re.escape(text), BODY)][occurrence]
    return {"start": start, "end": start + len(text), "quote": text}


# --- permissions -------------------------------------------------------------------------


def endpoints(article, mention, entity, alias):
    """(method, url) for every annotations endpoint."""
    return [
        ("get", url("workspace", article.pk)),
        ("get", url("mention-new", article.pk) + "?start=0&end=6"),
        ("post", url("mention-create", article.pk)),
        ("get", url("mention-edit", article.pk, mention.pk)),
        ("post", url("mention-edit", article.pk, mention.pk)),
        ("post", url("mention-delete", article.pk, mention.pk)),
        ("post", url("mention-state", article.pk, mention.pk)),
        ("post", url("drafts-submit", article.pk)),
        ("post", url("suggestion-accept", article.pk)),
        ("post", url("suggestions-accept-all", article.pk)),
        ("post", url("suggestion-dismiss", article.pk)),
        ("get", url("entities")),
        ("get", url("entity-autocomplete") + "?q=Is"),
        ("get", url("entity", entity.pk)),
        ("get", url("entity-edit", entity.pk)),
        ("post", url("entity-edit", entity.pk)),
        ("post", url("alias-add", entity.pk)),
        ("post", url("alias-delete", entity.pk, alias.pk)),
        ("get", url("entity-merge", entity.pk)),
        ("post", url("entity-merge", entity.pk)),
    ]


@pytest.fixture
def fixtures(article):
    entity = EntityFactory(name="Israel")
    mention = MentionFactory(article=article, entity=entity)
    alias = Alias.objects.create(entity=entity, text="Jerusalem")
    return article, mention, entity, alias


def test_anonymous_visitors_are_sent_to_login_everywhere(fixtures):
    for method, address in endpoints(*fixtures):
        response = getattr(Client(), method)(address)
        assert response.status_code == 302, address
        assert response["Location"].startswith(reverse("login")), address


def test_users_without_a_role_are_refused_everywhere(fixtures, stranger_client):
    for method, address in endpoints(*fixtures):
        assert getattr(stranger_client, method)(address).status_code == 403, address


def test_every_write_needs_a_csrf_token(fixtures, annotator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(annotator)
    for method, address in endpoints(*fixtures):
        if method == "post":
            assert client.post(address).status_code == 403, address
    assert Mention.objects.count() == 1 and Alias.objects.count() == 1


# --- the workspace -----------------------------------------------------------------------


def test_the_workspace_renders_overlapping_mentions_and_escapes_the_text(annotator_client):
    article = ArticleFactory(body="<b>Benjamin Netanyahu</b> spoke.")
    person = EntityFactory(name="Benjamin Netanyahu")
    surname = EntityFactory(name="Netanyahu")
    MentionFactory(article=article, entity=person)
    MentionFactory(article=article, entity=surname)

    html = annotator_client.get(url("workspace", article.pk)).content.decode()

    assert "<b>Benjamin" not in html and "&lt;b&gt;" in html
    assert re.search(
        r'<span class="seg m k-person st-draft deep"[^>]* data-s="12"[^>]*>Netanyahu</span>', html
    )
    text = re.sub(r"<[^>]+>", "", html.split('id="workspace-text"')[1].split("</p>")[0])
    assert "&lt;b&gt;Benjamin Netanyahu&lt;/b&gt; spoke." in text.replace("\n", "")


@pytest.mark.parametrize("mentions", [2, 60])
def test_the_workspace_runs_a_constant_number_of_queries(
    annotator_client, mentions, django_assert_num_queries
):
    words = [f"Name{n}" for n in range(mentions)]
    article = ArticleFactory(body=" ".join(words) + ".")
    kinds = list(EntityKind.objects.all())
    meeting = EventType.objects.get(slug="consult-meeting")
    for n, word in enumerate(words):
        mention = MentionFactory(
            article=article,
            quote_text=word,
            entity=EntityFactory(name=word, kind=kinds[n % len(kinds)]),
        )
        if n % 2:  # and half as many events, each with a participant
            event = Event.objects.create(
                article=article,
                start=mention.start,
                end=mention.end,
                quote=word,
                event_type=meeting,
                headline=f"Met {word}",
                date="2024-06-20",
            )
            event.participants.create(entity=mention.entity)
    # session, user, the permissions (one query); the article; its text's token; its
    # mentions counted; its events and their participants (the editor's drafts are
    # counted among them; none of them an orphan, so no query reads the orphans); the
    # kinds; the mentions and events taggers suggested; the rendered text and entity rows
    # from the cache, then, not found, built from the mentions with their entities and
    # kinds and kept there (5 each)
    with django_assert_num_queries(23):
        first = annotator_client.get(url("workspace", article.pk))
    # the second time they are found, and the mentions are not read
    with django_assert_num_queries(12):
        response = annotator_client.get(url("workspace", article.pk))
    html = response.content.decode()
    assert _text_and_entity_rows(html) == _text_and_entity_rows(first.content.decode())
    assert html.count('data-m="') == mentions
    assert (
        len(re.findall(r'<li id="event-\d+" class="event-item st-draft type-\d+"', html))
        == mentions // 2
    )


def article_naming(count: int):
    """An article naming ``count`` entities: the n-th entity 1 + n % 3 times."""
    words = [f"Name{n:03}" for n in range(count) for _ in range(1 + n % 3)]
    article = ArticleFactory(body=" ".join(words) + ".")
    entities = [EntityFactory(name=f"Name{n:03}") for n in range(count)]
    starts = [match.start() for match in re.finditer(r"Name\d+", article.body)]
    for start, word in zip(starts, words, strict=True):
        MentionFactory(
            article=article, quote_text=word, start=start, entity=entities[int(word[4:])]
        )
    return article


def panel_names(html: str) -> list[str]:
    return re.findall(r'<span class="name" hx-disable>(Name\d+)</span>', html)


def test_the_panel_lists_the_most_mentioned_entities_until_asked_for_all(
    annotator_client, monkeypatch
):
    monkeypatch.setattr(selectors, "PANEL_ROWS", 5)
    article = article_naming(12)
    html = annotator_client.get(url("workspace", article.pk)).content.decode()
    # three mentions each, then two, by name
    assert panel_names(html) == ["Name002", "Name005", "Name008", "Name011", "Name001"]
    more = re.search(r'<p class="entity-more" id="entity-more">(.*?)</p>', html)[1]
    assert "Show the other 7 entities</button>" in more
    assert f'hx-get="{url("entity-rows", article.pk)}"' in more

    listed = annotator_client.get(url("entity-rows", article.pk), HTTP_HX_REQUEST="true")
    rows = listed.content.decode()
    assert panel_names(rows) == panel_names(html) + [
        "Name004", "Name007", "Name010", "Name000", "Name003", "Name006", "Name009",
    ]  # fmt: skip
    assert '<ul class="entity-counts" id="entity-counts" data-all data-from="5">' in rows
    assert '<p class="entity-more" id="entity-more" hidden hx-swap-oob="true"></p>' in rows


def whole_panel_answer(client, name: str, article, *, all_asked: bool) -> str:
    """The answer to a POST that swaps the whole panel, from a page that listed every
    row (``all_asked``: workspace.js's header) or its first rows."""
    headers = {"HTTP_X_ENTITY_ROWS": "all"} if all_asked else {}
    response = client.post(url(name, article.pk), HTTP_HX_REQUEST="true", **headers)
    html = response.content.decode()
    assert response.status_code == 200, html
    return html


@pytest.mark.parametrize("all_asked", [False, True])
def test_a_whole_panel_swapped_in_lists_as_many_rows_as_the_page_did(
    annotator_client, annotator, monkeypatch, all_asked
):
    """Submitting every draft swaps the whole panel: a page that asked for every row
    keeps them (workspace.js says so in a header), and keeps saying so (``data-all``)."""
    monkeypatch.setattr(selectors, "PANEL_ROWS", 5)
    article = article_naming(12)
    Mention.objects.filter(article=article).update(created_by=annotator, status=Status.DRAFT)
    html = whole_panel_answer(annotator_client, "drafts-submit", article, all_asked=all_asked)
    assert "Submitted 24 drafts for review" in html
    assert len(panel_names(html)) == (12 if all_asked else 5)
    assert ('id="entity-counts" data-all>' in html) == all_asked
    assert ("Show the other 7 entities" in html) != all_asked


@pytest.mark.parametrize("all_asked", [False, True])
def test_accepting_every_suggestion_lists_as_many_rows_as_the_page_did(
    annotator_client, monkeypatch, all_asked
):
    monkeypatch.setattr(selectors, "PANEL_ROWS", 5)
    article = article_naming(12)
    Mention.objects.filter(article=article, entity__name="Name011").first().delete()
    html = whole_panel_answer(
        annotator_client, "suggestions-accept-all", article, all_asked=all_asked
    )
    assert "Accepted 1 suggestion." in html
    assert len(panel_names(html)) == (12 if all_asked else 5)
    assert ('id="entity-counts" data-all>' in html) == all_asked


def test_a_panel_that_lists_every_entity_offers_no_more(annotator_client, monkeypatch):
    monkeypatch.setattr(selectors, "PANEL_ROWS", 5)
    html = annotator_client.get(url("workspace", article_naming(5).pk)).content.decode()
    assert len(panel_names(html)) == 5
    assert '<p class="entity-more" id="entity-more" hidden></p>' in html


@pytest.mark.parametrize("count", [3, 40])
def test_every_row_of_the_panel_costs_a_constant_number_of_queries(
    annotator_client, count, django_assert_num_queries
):
    article = article_naming(count)
    # session, user, permissions; the article; the rows (one aggregate)
    with django_assert_num_queries(5):
        response = annotator_client.get(url("entity-rows", article.pk), HTTP_HX_REQUEST="true")
    assert len(panel_names(response.content.decode())) == count


def test_creating_a_mention_swaps_only_the_touched_paragraph_and_the_panel(
    annotator_client, article, django_assert_max_num_queries
):
    hezbollah = EntityFactory(name="Hezbollah")
    with django_assert_max_num_queries(18):
        response = annotator_client.post(
            url("mention-create", article.pk),
            {**span_of("Hezbollah"), "entity": hezbollah.pk},
            **HTMX,
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="p-0" hx-disable data-start="0"' in html and 'id="p-1"' not in html
    # the paragraph, the mention count, the "nothing marked yet" hint, now hidden, and
    # the editor's drafts; the entity's row goes into the side panel's list
    assert html.count('hx-swap-oob="true"') == 4
    assert re.search(r"Submit all my drafts <span class=\"count\">1</span>", html)
    row = f'<div hx-swap-oob="beforeend:#entity-counts"><li id="entity-row-{hezbollah.pk}">'
    assert row in html
    assert "Marked “Hezbollah” as Hezbollah." in html
    assert Mention.objects.get().quote == "Hezbollah"


def test_creating_a_new_entity_from_the_popover(annotator_client, article, annotator):
    place = EntityKind.objects.get(slug="place")
    annotator_client.post(
        url("mention-create", article.pk),
        {**span_of("Iran"), "create": "on", "name": "Iran", "kind": place.pk},
        **HTMX,
    )
    iran = Entity.objects.get(name="Iran")
    assert iran.kind == place and iran.created_by == annotator
    assert Mention.objects.get().entity == iran


def test_enter_in_the_search_box_takes_the_first_match(annotator_client, article):
    EntityFactory(name="Hezbollah")
    annotator_client.post(
        url("mention-create", article.pk), {**span_of("Hizbollah"), "q": "hezb"}, **HTMX
    )
    mention = Mention.objects.get()
    assert mention.entity.name == "Hezbollah"
    assert list(mention.entity.aliases.values_list("text", flat=True)) == ["Hizbollah"]


def test_a_mismatched_quote_explains_itself(annotator_client, article):
    response = annotator_client.post(
        url("mention-create", article.pk),
        {"start": 0, "end": 6, "quote": "Iranx", "entity": EntityFactory().pk},
        **HTMX,
    )
    assert response.status_code == 422
    assert b"doesn" in response.content and not Mention.objects.exists()


def test_the_popover_snaps_a_selection_to_whole_words(annotator_client, article):
    start = BODY.index("srael")
    response = annotator_client.get(
        url("mention-new", article.pk), {"start": start, "end": start + 3, "quote": "sra"}
    )
    assert "Mark “Israel” as…" in response.content.decode()
    assert 'name="start" value="0"' in response.content.decode()


def test_relink_and_delete_from_the_popover(annotator_client, annotator, article):
    mention = MentionFactory(
        article=article, entity=EntityFactory(name="Iran"), quote_text="Iran", created_by=annotator
    )
    other = EntityFactory(name="Islamic Republic of Iran")
    popover = annotator_client.get(url("mention-edit", article.pk, mention.pk), **HTMX)
    assert b"Remove mention" in popover.content
    assert popover.content.decode().count('<input type="hidden" name="version" value="1">') == 3

    # "Iran" is another entity's name: relinking it would make it an alias of both.
    question = annotator_client.post(
        url("mention-edit", article.pk, mention.pk), {"entity": other.pk, "version": 1}, **HTMX
    )
    html = question.content.decode()
    assert "“Iran” is already the name of Iran" in html
    # going on from the question is still checked against the version first shown
    assert html.count('<input type="hidden" name="version" value="1">') == 2
    mention.refresh_from_db()
    assert mention.entity.name == "Iran"
    annotator_client.post(
        url("mention-edit", article.pk, mention.pk),
        {"entity": other.pk, "confirmed": "on", "version": 1},
        **HTMX,
    )
    mention.refresh_from_db()
    assert mention.entity == other and mention.version == 2

    response = annotator_client.post(
        url("mention-delete", article.pk, mention.pk), {"version": 2}, **HTMX
    )
    assert b"Removed the mention" in response.content
    assert not Mention.objects.exists()


def test_a_mention_of_another_article_is_not_found(annotator_client, article):
    mention = MentionFactory(article=article, entity=EntityFactory(name="Iran"), quote_text="Iran")
    other = ArticleFactory()
    response = annotator_client.post(url("mention-delete", other.pk, mention.pk))
    assert response.status_code == 404
    assert Mention.objects.exists()


def test_autocomplete_finds_names_and_aliases(annotator_client):
    hezbollah = EntityFactory(name="Hezbollah")
    Alias.objects.create(entity=hezbollah, text="Hizbollah")
    EntityFactory(name="Hamas")
    html = annotator_client.get(url("entity-autocomplete"), {"q": "hizb"}).content.decode()
    assert "Hezbollah" in html and "Hamas" not in html
    assert f'value="{hezbollah.pk}"' in html


# --- suggestions -------------------------------------------------------------------------


def test_suggestions_respect_word_boundaries_and_existing_mentions(annotator_client, article):
    iran = EntityFactory(name="Iran")
    hezbollah = EntityFactory(name="Hezbollah")
    Alias.objects.create(entity=hezbollah, text="Hizbollah")
    MentionFactory(article=article, entity=hezbollah, quote_text="Hezbollah")

    response = annotator_client.get(url("workspace", article.pk), {"suggest": "1"})

    suggestions = response.context["suggestions"]
    assert [(s.text, s.entity) for s in suggestions] == [("Iran", iran), ("Hizbollah", hezbollah)]
    assert b'data-sug="' in response.content


def test_accepting_and_dismissing_suggestions(annotator_client, article):
    iran = EntityFactory(name="Iran")
    israel = EntityFactory(name="Israel")
    annotator_client.post(
        url("suggestion-accept", article.pk), {**span_of("Iran"), "entity": iran.pk}, **HTMX
    )
    assert Mention.objects.get().entity == iran

    response = annotator_client.post(
        url("suggestion-dismiss", article.pk), {**span_of("Israel"), "entity": israel.pk}, **HTMX
    )
    assert "won&#x27;t be suggested as Israel here again" in response.content.decode()
    assert DismissedSuggestion.objects.get().normalised == "israel"
    again = annotator_client.get(url("workspace", article.pk), {"suggest": "1"})
    assert again.context["suggestions"] == []


def test_accept_all(annotator_client, article):
    EntityFactory(name="Netanyahu")
    EntityFactory(name="Benjamin Netanyahu")
    response = annotator_client.post(url("suggestions-accept-all", article.pk), **HTMX)
    assert "Accepted 2 suggestions." in response.content.decode()
    assert sorted(Mention.objects.values_list("quote", flat=True)) == [
        "Benjamin Netanyahu",
        "Netanyahu",
    ]


def test_the_gazetteer_is_rebuilt_when_an_alias_changes(annotator_client, article):
    hezbollah = EntityFactory(name="Hezbollah")
    first = annotator_client.get(url("workspace", article.pk), {"suggest": "1"})
    assert [s.text for s in first.context["suggestions"]] == ["Hezbollah"]
    Alias.objects.create(entity=hezbollah, text="Hizbollah")
    second = annotator_client.get(url("workspace", article.pk), {"suggest": "1"})
    assert [s.text for s in second.context["suggestions"]] == ["Hezbollah", "Hizbollah"]


# --- the entity directory ----------------------------------------------------------------


@pytest.mark.parametrize("entities", [3, 60])
def test_the_directory_runs_a_constant_number_of_queries(
    annotator_client, entities, django_assert_num_queries
):
    article = ArticleFactory(body=" ".join(f"E{n}" for n in range(entities)))
    for n in range(entities):
        MentionFactory(article=article, entity=EntityFactory(name=f"E{n}"))
    # session, user, permissions; count; the page with kinds and counts; kind options
    with django_assert_num_queries(6):
        response = annotator_client.get(url("entities"))
    rows = response.context["table"].page.object_list
    assert len(rows) == min(entities, 50)
    assert all(row.record.mention_count == 1 for row in rows)


def test_directory_filters_by_kind_and_searches_aliases(annotator_client):
    group = EntityKind.objects.get(slug="group")
    hezbollah = EntityFactory(name="Hezbollah", kind=group)
    Alias.objects.create(entity=hezbollah, text="Hizbollah")
    EntityFactory(name="Gallant")
    names = lambda response: [row.record.name for row in response.context["table"].page]  # noqa: E731
    assert names(annotator_client.get(url("entities"), {"kind": group.pk})) == ["Hezbollah"]
    assert names(annotator_client.get(url("entities"), {"q": "hizbo"})) == ["Hezbollah"]


def test_the_entity_page_shows_aliases_and_mentions_in_context(annotator_client, article):
    hezbollah = EntityFactory(name="Hezbollah")
    mention = MentionFactory(article=article, entity=hezbollah)
    html = annotator_client.get(url("entity", hezbollah.pk)).content.decode()
    assert "officials met <mark>Hezbollah</mark>." in html
    assert f"/articles/{article.pk}/annotate/#m-{mention.pk}" in html


def test_adding_an_alias_on_the_entity_page(annotator_client):
    hezbollah = EntityFactory(name="Hezbollah")
    response = annotator_client.post(url("alias-add", hezbollah.pk), {"text": "Hizbollah"}, **HTMX)
    assert b"Hizbollah" in response.content and b"<html" not in response.content
    again = annotator_client.post(url("alias-add", hezbollah.pk), {"text": "hizbollah"}, **HTMX)
    assert again.status_code == 422 and b"already has that name" in again.content


def test_merging_from_the_entity_page(reviewer_client, article):
    survivor, merged = EntityFactory(name="Hezbollah"), EntityFactory(name="Hizbollah")
    MentionFactory(article=article, entity=merged)
    candidates = reviewer_client.get(url("entity-merge", merged.pk), {"q": "hez"}, **HTMX)
    assert f'value="{survivor.pk}"'.encode() in candidates.content
    response = reviewer_client.post(url("entity-merge", merged.pk), {"survivor": survivor.pk})
    assert response.status_code == 302 and response["Location"] == survivor.get_absolute_url()
    assert Mention.objects.get().entity == survivor


def test_creating_a_mention_costs_the_same_queries_however_many_there_are(annotator_client):
    def queries_to_create_one(existing: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        words = [f"Word{n}" for n in range(existing + 1)]
        article = ArticleFactory(body=" ".join(words) + ".")
        for word in words[:existing]:
            MentionFactory(article=article, quote_text=word, entity=EntityFactory(name=word))
        target = EntityFactory(name="Target")
        start = article.body.index(words[-1])
        with CaptureQueriesContext(connection) as captured:
            response = annotator_client.post(
                url("mention-create", article.pk),
                {"start": start, "end": start + len(words[-1]), "entity": target.pk},
                **HTMX,
            )
        assert response.status_code == 200
        return len(captured)

    assert queries_to_create_one(2) == queries_to_create_one(40)


# --- found in review ---------------------------------------------------------------------


def test_the_create_endpoint_snaps_to_whole_words_too(annotator_client, article):
    iran = EntityFactory(name="Iran")
    annotator_client.post(
        url("mention-create", article.pk),
        {"start": 0, "end": 2, "quote": "Is", "entity": iran.pk},
        **HTMX,
    )
    assert Mention.objects.get().quote == "Israel"


def test_create_and_mark_is_all_or_nothing(annotator_client, article):
    place = EntityKind.objects.get(slug="place")
    response = annotator_client.post(
        url("mention-create", article.pk),
        {
            "start": 0,
            "end": 6,
            "quote": "Tehran",
            "create": "on",
            "name": "Tehran",
            "kind": place.pk,
        },
        **HTMX,
    )
    assert response.status_code == 422
    assert not Entity.objects.filter(name="Tehran").exists()


def test_a_double_submitted_new_entity_is_created_once(annotator_client, article):
    place = EntityKind.objects.get(slug="place")
    answers = [
        annotator_client.post(
            url("mention-create", article.pk),
            {**span_of("Iran", occurrence), "create": "on", "name": "Iran", "kind": place.pk},
            **HTMX,
        )
        for occurrence in (0, 1)
    ]
    assert Entity.objects.filter(name="Iran").count() == 1
    assert Mention.objects.count() == 1
    # The second time, the desk offers the entity the first one made.
    assert "The desk already knows “Iran”" in answers[1].content.decode()


def test_autocomplete_ranks_before_it_cuts(annotator_client, article):
    for n in range(40):
        EntityFactory(name=f"A{n:02d} iran thing")
    iran = EntityFactory(name="Iran")
    hezbollah = EntityFactory(name="Hezbollah")
    Alias.objects.create(entity=hezbollah, text="Party of God")
    html = annotator_client.get(url("entity-autocomplete"), {"q": "iran"}).content.decode()
    assert html.index(f'value="{iran.pk}"') < html.index("A00 iran thing")
    annotator_client.post(
        url("mention-create", article.pk), {**span_of("Iran"), "q": "iran"}, **HTMX
    )
    assert Mention.objects.get().entity == iran
    assert not Alias.objects.filter(text="Iran").exists()


def test_a_dismissal_checks_its_span(annotator_client, article):
    response = annotator_client.post(
        url("suggestion-dismiss", article.pk),
        {"start": 5000, "end": 5004, "entity": EntityFactory().pk},
        **HTMX,
    )
    assert response.status_code == 422
    assert not DismissedSuggestion.objects.exists()


def test_a_shorter_name_beside_a_mark_is_still_suggested(annotator_client):
    article = ArticleFactory(body="Prime Minister Benjamin Netanyahu spoke.")
    office = EntityFactory(name="Prime Minister")
    person = EntityFactory(name="Benjamin Netanyahu")
    EntityFactory(name="Prime Minister Benjamin Netanyahu")
    MentionFactory(article=article, entity=person)
    response = annotator_client.get(url("workspace", article.pk), {"suggest": "1"})
    assert [(s.text, s.entity) for s in response.context["suggestions"]] == [
        ("Prime Minister", office)
    ]


def test_the_gazetteer_is_cached_until_a_name_changes():
    from curation.annotations import known_names

    iran = EntityFactory(name="Iran")
    first = known_names.gazetteer()
    assert known_names.gazetteer() is first
    iran.name = "Islamic Republic of Iran"
    iran.save()
    renamed = known_names.gazetteer()
    assert renamed is not first
    assert [m.text for m in renamed.find("The Islamic Republic of Iran said.")] == [
        "Islamic Republic of Iran"
    ]
    iran.delete()
    assert known_names.gazetteer().find("The Islamic Republic of Iran said.") == []


def test_a_change_while_suggesting_sends_the_suggestion_count(annotator_client, article):
    iran = EntityFactory(name="Iran")
    EntityFactory(name="Hezbollah")
    response = annotator_client.post(
        url("suggestion-accept", article.pk), {**span_of("Iran"), "entity": iran.pk}, **HTMX
    )
    html = response.content.decode()
    assert 'id="workspace-text"' not in html  # not the whole text: its changed parts
    assert '<span id="suggest-status" class="suggest-status" hx-swap-oob="true">' in html
    assert "1 suggestion (dashed)" in html


def test_the_entity_page_runs_a_constant_number_of_queries(
    annotator_client, django_assert_num_queries
):
    for mentions in (2, 30):
        entity = EntityFactory()
        article = ArticleFactory(body=" ".join([entity.name] * mentions))
        for n in range(mentions):
            start = n * (len(entity.name) + 1)
            Mention.objects.create(
                article=article,
                entity=entity,
                start=start,
                end=start + len(entity.name),
                quote=entity.name,
            )
        # session, user, permissions, the entity, its aliases, its mentions, their total
        with django_assert_num_queries(7):
            response = annotator_client.get(url("entity", entity.pk))
        assert len(response.context["mentions"]) == mentions


def test_renaming_an_entity_in_place_keeps_the_old_name_as_an_alias(annotator_client, annotator):
    entity = EntityFactory(name="Hizbollah")
    form = annotator_client.get(url("entity-edit", entity.pk), **HTMX)
    assert b'name="wikidata_id"' in form.content and b"<html" not in form.content
    assert b'<input type="hidden" name="version" value="1">' in form.content

    response = annotator_client.post(
        url("entity-edit", entity.pk),
        {
            "name": "Hezbollah",
            "kind": EntityKind.objects.get(slug="group").pk,
            "description": "Lebanese Shia party and militia",
            "wikidata_id": "Q41053",
            "version": 1,
        },
        **HTMX,
    )

    assert response.status_code == 200
    assert b'id="entity-name" hx-disable hx-swap-oob="true">Hezbollah' in response.content
    entity.refresh_from_db()
    assert (entity.name, entity.kind.slug, entity.wikidata_id) == ("Hezbollah", "group", "Q41053")
    assert entity.version == 2
    assert list(entity.aliases.values_list("text", flat=True)) == ["Hizbollah"]
    assert entity.history.latest().history_user == annotator


def test_a_bad_wikidata_id_is_explained(annotator_client):
    entity = EntityFactory(name="Iran")
    response = annotator_client.post(
        url("entity-edit", entity.pk),
        {
            "name": "Iran",
            "kind": entity.kind_id,
            "description": "",
            "wikidata_id": "794",
            "version": 1,
        },
        **HTMX,
    )
    assert response.status_code == 422
    assert b"A Wikidata id is Q followed by digits" in response.content
    without_htmx = annotator_client.post(
        url("entity-edit", entity.pk), {"name": "", "kind": entity.kind_id}
    )
    assert without_htmx.status_code == 422 and b"<html" in without_htmx.content


def _text_and_entity_rows(html: str) -> tuple[str, str]:
    text = html.split('id="workspace-text"')[1].split('id="workspace-side"')[0]
    rows = html.split('id="entity-counts"')[1].split("</ul>")[0]
    return text, rows
