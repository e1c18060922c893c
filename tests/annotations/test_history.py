"""The History panel: annotations.history (entries people can read from simple-history's
records), its views with their permissions, constant queries, and escaping."""

from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from simple_history.models import HistoricalRecords

from curation.annotations import history, services, workflow
from curation.annotations.models import Entity, EntityKind, Event, EventType, Mention
from tests.factories import ArticleFactory, UserFactory

BODY = (
    "Hezbollah fired rockets at Haifa on Sunday, Israel said. "
    "Hizbollah denied it. Gallant spoke in Tel Aviv."
)
MARKUP = '<script>alert("x")</script><b>bold</b>'


# --- values as people read them (no database) --------------------------------------------


def test_nobody_is_the_desk():
    assert history.who(None) == "the desk"
    assert history.who(SimpleNamespace(get_username=lambda: "rita")) == "rita"


def test_a_short_text_is_shown_whole_on_one_line():
    assert history.shorten("Strike\n  reported") == "Strike reported"


def test_a_long_text_is_cut_at_a_word():
    text = "word " * 100
    shown = history.shorten(text, 50)
    assert shown.endswith("word…") and len(shown) <= 50


def test_a_long_text_that_changed_in_the_middle_shows_the_change():
    start, end = "It began quietly. " * 12, " And so it ended." * 12
    before, after = history.shorten_pair(
        start + "Hezbollah fired rockets at Haifa" + end,
        start + "Hezbollah fired drones at Haifa" + end,
    )
    assert "rockets" in before and "drones" in after
    assert "rockets" not in after and "drones" not in before
    assert before.startswith("…") and before.endswith("…")
    assert len(before) <= history.LONG_TEXT + 2 and len(after) <= history.LONG_TEXT + 2


def test_short_texts_are_compared_whole():
    assert history.shorten_pair("Strike reported", "Strike confirmed") == (
        "Strike reported",
        "Strike confirmed",
    )


def test_merge_reasons_name_the_entities():
    def labels(*ids):
        return [{12: "Hizbollah", 7: "Hezbollah"}[pk] for pk in ids]

    assert (
        history.readable_reason("entity 12 merged into 7", labels)
        == "Hizbollah merged into Hezbollah"
    )
    assert history.readable_reason("merged into entity 7", labels) == "merged into Hezbollah"
    assert history.readable_reason("rejected: too  vague", labels) == "rejected: too vague"


# --- building histories ----------------------------------------------------------------------


@contextmanager
def acting_as(user):
    """What HistoryRequestMiddleware does for a request: changes are credited to ``user``."""
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        del HistoricalRecords.context.request


@pytest.fixture
def author(db):
    return UserFactory(username="annie", role="annotator")


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", role="reviewer")


@pytest.fixture
def article(db):
    return ArticleFactory(body=BODY)


def organisation(name: str) -> Entity:
    return Entity.objects.create(name=name, kind=EntityKind.objects.get(slug="organisation"))


def at(text: str) -> dict:
    start = BODY.index(text)
    return {"start": start, "end": start + len(text)}


def stored(item):
    return type(item).objects.get(pk=item.pk)


def new_event(article, author, **fields) -> Event:
    with acting_as(author):
        return services.event_create(
            article=article,
            **at("Hezbollah fired rockets at Haifa"),
            event_type=EventType.objects.get(slug="assault"),
            headline=fields.pop("headline", "Strike reported"),
            created_by=author,
            participants=fields.pop("participants", []),
            **fields,
        )


def edit_event(event, by, **fields) -> Event:
    event = stored(event)
    current = {
        "event_type": event.event_type,
        "headline": event.headline,
        "date": event.date,
        "participants": [(p.entity, p.role) for p in event.participants.all()],
    }
    with acting_as(by):
        return services.event_update(
            event=event, changed_by=by, expected_version=event.version, **(current | fields)
        )


def texts(entries) -> list[str]:
    """Each entry as one line, the way the panel reads."""
    lines = []
    for entry in entries:
        line = f"{entry.who} {entry.summary}"
        if entry.reason:
            line += f" / {entry.reason}"
        for change in entry.changes:
            line += (
                f" / {change.label}: {change.after}"
                if change.before is None
                else f" / {change.label}: {change.before or '(none)'} → {change.after or '(none)'}"
            )
        lines.append(line)
    return lines


# --- an event's history ------------------------------------------------------------------------


@pytest.fixture
def reviewed_event(article, author, reviewer):
    """An event that was created, submitted, rejected with a reason, corrected, submitted,
    approved, then edited by its reviewer (back to review)."""
    hezbollah, israel = organisation("Hezbollah"), organisation("Israel")
    event = new_event(article, author, participants=[(hezbollah, "actor")], date="2024-06")
    workflow.submit(stored(event), by=author, expected_version=1)
    workflow.reject(
        stored(event), by=reviewer, reason="The date is the report's.", expected_version=2
    )
    edit_event(
        event,
        author,
        headline="Strike confirmed",
        date="2024-06-16",
        participants=[(israel, "target")],
    )
    workflow.submit(stored(event), by=author, expected_version=4)
    workflow.approve(stored(event), by=reviewer, expected_version=5)
    edit_event(event, reviewer, event_type=EventType.objects.get(slug="consult-meeting"))
    return event


def test_an_events_history_reads_newest_first_with_its_participants(reviewed_event):
    found = history.event_history(reviewed_event.pk)
    assert (found.label, found.gone, found.article_id) == (
        "Strike confirmed",
        False,
        reviewed_event.article_id,
    )
    assert texts(found.entries) == [
        "rita changed the event / edited after approval: back to review"
        " / Type: ASSAULT → CONSULT › meeting / Status: Approved → Submitted",
        "rita approved the event / Status: Submitted → Approved",
        "annie submitted the event / Status: Rejected → Submitted",
        "annie added Israel (target)",
        "annie removed Hezbollah (actor)",
        "annie changed the event / Headline: Strike reported → Strike confirmed"
        " / Date: June 2024 → 16 June 2024",
        "rita rejected the event / rejected: The date is the report's."
        " / Status: Submitted → Rejected",
        "annie submitted the event / Status: Draft → Submitted",
        "annie added Hezbollah (actor)",
        "annie created the event / Headline: Strike reported / Type: ASSAULT"
        " / Date: June 2024 / Evidence: Hezbollah fired rockets at Haifa",
    ]
    assert [entry.action for entry in found.entries][-1] == "created"
    assert all(entry.when for entry in found.entries)


def test_a_deleted_events_history_stays_readable(reviewed_event, reviewer):
    with acting_as(reviewer):
        services.event_delete(
            event=stored(reviewed_event), deleted_by=reviewer, expected_version=None
        )
    found = history.event_history(reviewed_event.pk)
    assert found.gone
    assert texts(found.entries)[:2] == [
        "rita deleted the event",
        "rita removed Israel (target)",
    ]
    assert history.event_history(reviewed_event.pk + 1000) is None


def test_a_long_history_is_paged_newest_first(article, author, reviewer):
    event = new_event(article, author)
    for n in range(1, history.PAGE_SIZE + 5):
        edit_event(event, reviewer, headline=f"Headline {n}")
    first = history.event_history(event.pk)
    assert len(first.entries) == history.PAGE_SIZE and first.has_older
    assert first.entries[0].changes[0].after == f"Headline {history.PAGE_SIZE + 4}"
    second = history.event_history(event.pk, page=2)
    assert not second.has_older
    assert len(second.entries) == history.PAGE_SIZE + 5 - history.PAGE_SIZE
    assert second.entries[-1].action == "created"
    assert second.entries[0].changes[0].before == "Headline 3"


# --- mentions, merges and entities -------------------------------------------------------------


@pytest.fixture
def merged(article, author, reviewer):
    """Hizbollah (with a mention) merged into Hezbollah by the reviewer."""
    hezbollah, hizbollah = organisation("Hezbollah"), organisation("Hizbollah")
    with acting_as(author):
        mention = services.mention_create(
            article=article, **at("Hizbollah"), entity=hizbollah, created_by=author
        )
        services.alias_add(entity=hizbollah, text="Hizballah")
    with acting_as(reviewer):
        services.entity_merge(survivor=hezbollah, merged=hizbollah, merged_by=reviewer)
    return SimpleNamespace(mention=mention, survivor=hezbollah, gone=hizbollah, old_id=hizbollah.pk)


def test_a_mentions_history_names_the_entities_of_a_merge(merged):
    found = history.mention_history(merged.mention.pk)
    assert found.label == "“Hizbollah” as Hezbollah"
    assert texts(found.entries) == [
        "rita changed the mention / Hizbollah merged into Hezbollah"
        " / Entity: Hizbollah (Organisation) → Hezbollah (Organisation)",
        "annie created the mention / Entity: Hizbollah (Organisation) / Text: Hizbollah",
    ]


def test_a_merged_entitys_history_says_where_it_went(merged):
    found = history.entity_history(merged.old_id)
    assert found.gone and found.gone_to == "Hezbollah" and found.gone_to_id == merged.survivor.pk
    assert texts(found.entries)[0] == "rita deleted the entity / merged into Hezbollah"
    assert "annie added the alias “Hizballah”" in texts(found.entries)


def test_the_survivors_history_lists_what_was_merged_into_it(merged):
    found = history.entity_history(merged.survivor.pk)
    lines = texts(found.entries)
    assert "rita merged Hizbollah (Organisation) into this entity" in lines
    [merge] = [entry for entry in found.entries if entry.summary.startswith("merged")]
    assert merge.elsewhere == reverse("annotations:entity-history", args=[merged.old_id])
    # The aliases the merge brought say why they came.
    assert "rita added the alias “Hizbollah” / Hizbollah merged into Hezbollah" in lines
    assert "rita added the alias “Hizballah” / Hizbollah merged into Hezbollah" in lines
    assert lines[-1] == "the desk created the entity / Name: Hezbollah / Kind: Organisation"


def test_a_reopened_and_a_withdrawn_mention(article, author, reviewer):
    with acting_as(author):
        mention = services.mention_create(
            article=article, **at("Gallant"), entity=organisation("Gallant"), created_by=author
        )
    workflow.submit(stored(mention), by=author, expected_version=1)
    workflow.withdraw(stored(mention), by=author, expected_version=2)
    workflow.submit(stored(mention), by=author, expected_version=3)
    workflow.approve(stored(mention), by=reviewer, expected_version=4)
    workflow.reopen(stored(mention), by=reviewer, reason="Not a name", expected_version=5)
    assert texts(history.mention_history(mention.pk).entries)[:3] == [
        "rita reopened the mention / reopened: Not a name / Status: Approved → Submitted",
        "rita approved the mention / Status: Submitted → Approved",
        "annie submitted the mention / Status: Draft → Submitted",
    ]
    assert "annie withdrew the mention / Status: Submitted → Draft" in texts(
        history.mention_history(mention.pk).entries
    )


def test_a_bulk_approval_is_credited_to_the_reviewer(article, author, reviewer):
    with acting_as(author):
        mention = services.mention_create(
            article=article, **at("Gallant"), entity=organisation("Gallant"), created_by=author
        )
    workflow.submit_drafts([stored(mention)], by=author)
    workflow.approve_many([stored(mention)], by=reviewer, versions_seen={mention.pk: 2})
    assert texts(history.mention_history(mention.pk).entries)[:2] == [
        "rita approved the mention / Status: Submitted → Approved",
        "annie submitted the mention / Status: Draft → Submitted",
    ]


def test_entity_edits_show_labels_and_kinds(author):
    entity = organisation("Hizbollah")
    with acting_as(author):
        services.entity_update(
            entity=stored(entity),
            changes={
                "name": "Hezbollah",
                "kind": EntityKind.objects.get(slug="group"),
                "wikidata_id": "Q41053",
            },
            changed_by=author,
        )
    lines = texts(history.entity_history(entity.pk).entries)
    assert lines[:2] == [
        "annie added the alias “Hizbollah”",
        "annie changed the entity / Name: Hizbollah → Hezbollah / Kind: Organisation → Group"
        " / Wikidata id: (none) → Q41053",
    ]


# --- the views ----------------------------------------------------------------------------------


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def a_mention(article, author):
    with acting_as(author):
        return services.mention_create(
            article=article, **at("Gallant"), entity=organisation("Gallant"), created_by=author
        )


def urls(event, mention, entity) -> list[str]:
    return [
        reverse("annotations:event-history", args=[event.pk]),
        reverse("annotations:mention-history", args=[mention.pk]),
        reverse("annotations:entity-history", args=[entity.pk]),
    ]


def test_anonymous_visitors_are_sent_to_log_in(reviewed_event, a_mention):
    for url in urls(reviewed_event, a_mention, a_mention.entity):
        response = client_for(None).get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_without_a_role_the_history_is_forbidden(reviewed_event, a_mention, stranger):
    for url in urls(reviewed_event, a_mention, a_mention.entity):
        assert client_for(stranger).get(url).status_code == 403


def test_reading_a_mentions_or_events_history_needs_the_right_to_read_articles(
    reviewed_event, a_mention
):
    # Someone who may see entities and events but not read the articles they quote.
    from django.contrib.auth.models import Permission

    user = UserFactory(username="outsider")
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_entity", "view_event", "view_mention"])
    )
    event_url, mention_url, entity_url = urls(reviewed_event, a_mention, a_mention.entity)
    assert client_for(user).get(event_url).status_code == 403
    assert client_for(user).get(mention_url).status_code == 403
    assert client_for(user).get(entity_url).status_code == 200


@pytest.mark.parametrize("role", ["annotator", "reviewer", "curator", "admin"])
def test_every_role_reads_the_history(role, reviewed_event, a_mention):
    user = UserFactory(username=f"a-{role}", role=role)
    for url in urls(reviewed_event, a_mention, a_mention.entity):
        assert client_for(user).get(url).status_code == 200


def test_the_panel_is_a_fragment_for_htmx_and_a_page_without(reviewed_event, author):
    url = reverse("annotations:event-history", args=[reviewed_event.pk])
    fragment = client_for(author).get(url, HTTP_HX_REQUEST="true")
    page = client_for(author).get(url)
    assert "<html" not in fragment.content.decode() and "<html" in page.content.decode()
    for response in (fragment, page):
        html = response.content.decode()
        assert "rejected: The date is the report&#x27;s." in html
        assert (
            '<strong class="history-who">rita</strong> <span class="history-summary">rejected the event</span>'
            in html
        )
        assert "<del>Strike reported</del>" in html and "<ins>Strike confirmed</ins>" in html
        assert '<time datetime="' in html
    assert "History of the event “Strike confirmed”" in page.content.decode()


def test_show_older_loads_the_next_page(article, author, reviewer):
    event = new_event(article, author)
    for n in range(1, history.PAGE_SIZE + 3):
        edit_event(event, reviewer, headline=f"Headline {n}")
    url = reverse("annotations:event-history", args=[event.pk])
    first = client_for(author).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert f'hx-get="{url}?page=2"' in first and f'href="{url}?page=2"' in first
    older = client_for(author).get(f"{url}?page=2", HTTP_HX_REQUEST="true").content.decode()
    assert "<section" not in older  # entries to add to the list shown, not a second panel
    assert 'annie</strong> <span class="history-summary">created the event' in older
    assert "Show older" not in older
    plain = client_for(author).get(f"{url}?page=2").content.decode()
    assert "The newest changes" in plain and "created the event" in plain


@pytest.mark.parametrize("number", ["0", "-1", "x", "99999999999"])
def test_an_odd_page_number_shows_the_newest(number, reviewed_event, author):
    url = reverse("annotations:event-history", args=[reviewed_event.pk])
    response = client_for(author).get(url, {"page": number})
    assert response.status_code == 200 and response.context["history"].page == 1


def test_a_deleted_items_history_is_read_by_id_and_an_unknown_id_is_not_found(
    reviewed_event, a_mention, reviewer, author
):
    with acting_as(reviewer):
        services.event_delete(
            event=stored(reviewed_event), deleted_by=reviewer, expected_version=None
        )
        services.mention_delete(
            mention=stored(a_mention), deleted_by=reviewer, expected_version=None
        )
    for name, pk, what in [
        ("event-history", reviewed_event.pk, "event"),
        ("mention-history", a_mention.pk, "mention"),
    ]:
        response = client_for(author).get(reverse(f"annotations:{name}", args=[pk]))
        assert response.status_code == 200
        assert f"This {what} was deleted." in response.content.decode()
        missing = client_for(author).get(reverse(f"annotations:{name}", args=[pk + 1000]))
        assert missing.status_code == 404


def test_a_merged_entitys_history_links_to_where_it_went(merged, author):
    url = reverse("annotations:entity-history", args=[merged.old_id])
    html = client_for(author).get(url).content.decode()
    survivor_url = reverse("annotations:entity", args=[merged.survivor.pk])
    assert f'This entity was merged into <a href="{survivor_url}">Hezbollah</a>.' in html
    assert "merged into Hezbollah" in html
    # The survivor's history links back to the history of what was merged into it.
    survivor = client_for(author).get(
        reverse("annotations:entity-history", args=[merged.survivor.pk])
    )
    assert f'(<a href="{url}">its history</a>)' in survivor.content.decode()


def test_the_history_escapes_markup_in_a_headline_a_name_and_a_reason(article, author, reviewer):
    event = new_event(
        article, author, headline=MARKUP, participants=[(organisation(MARKUP), "actor")]
    )
    workflow.submit(stored(event), by=author, expected_version=1)
    workflow.reject(stored(event), by=reviewer, reason=MARKUP, expected_version=2)
    url = reverse("annotations:event-history", args=[event.pk])
    for response in [
        client_for(author).get(url),
        client_for(author).get(url, HTTP_HX_REQUEST="true"),
    ]:
        html = response.content.decode()
        assert "<script>alert" not in html and "<b>bold</b>" not in html
        escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"
        assert f"<dd>{escaped}</dd>" in html  # the headline it was created with
        assert f"rejected: {escaped}</p>" in html  # the reason
        assert f"added {escaped} (actor)</span>" in html  # a participant's name


def test_the_history_is_only_read(reviewed_event, author):
    url = reverse("annotations:event-history", args=[reviewed_event.pk])
    assert client_for(author).post(url).status_code == 405


# --- constant queries ---------------------------------------------------------------------------


def event_with_changes(article, author, reviewer, changes: int) -> Event:
    """An event with ``changes`` edits, each changing its headline, type and participants."""
    a, b = organisation("Hezbollah"), organisation("Israel")
    types = [EventType.objects.get(slug="assault"), EventType.objects.get(slug="consult")]
    event = new_event(article, author, participants=[(a, "actor")])
    for n in range(changes):
        edit_event(
            event,
            reviewer,
            headline=f"Headline {n}",
            event_type=types[n % 2],
            participants=[([b, a][n % 2], "actor")],
        )
    return event


def mention_with_changes(article, author, reviewer, changes: int) -> Mention:
    """A mention relinked ``changes`` times between two entities."""
    a, b = organisation("Gallant"), organisation("Yoav Gallant")
    with acting_as(author):
        mention = services.mention_create(
            article=article, **at("Gallant"), entity=a, created_by=author
        )
    for n in range(changes):
        with acting_as(reviewer):
            services.mention_relink(
                mention=stored(mention),
                entity=[b, a][n % 2],
                changed_by=reviewer,
                expected_version=None,
                learn_alias=False,
            )
    return mention


def entity_with_changes(author, changes: int) -> Entity:
    """An entity renamed ``changes`` times (each former name becomes an alias), its kind
    changing each time."""
    entity = organisation("Name 0")
    kinds = [EntityKind.objects.get(slug="group"), EntityKind.objects.get(slug="organisation")]
    for n in range(1, changes + 1):
        with acting_as(author):
            services.entity_update(
                entity=stored(entity),
                changes={"name": f"Name {n}", "kind": kinds[n % 2]},
                changed_by=author,
            )
    return entity


# Per panel: the item's records; for an event its participants' records, for an entity
# its aliases' records and the entities merged into it; then one query per kind of
# object named (entities, event types, entity kinds).
# A mention or an event also reads its re-anchorings by corrections of the article.
QUERIES = {"mention": 3, "event": 5, "entity": 5}


@pytest.mark.parametrize("changes", [2, 30])
def test_a_panel_takes_the_same_queries_however_long_the_history(
    changes, article, author, reviewer, django_assert_num_queries
):
    event = event_with_changes(article, author, reviewer, changes)
    mention = mention_with_changes(article, author, reviewer, changes)
    entity = entity_with_changes(author, changes)
    with django_assert_num_queries(QUERIES["event"]):
        found = history.event_history(event.pk)
    assert len(found.entries) == min(3 * changes + 2, history.PAGE_SIZE)
    with django_assert_num_queries(QUERIES["mention"]):
        found = history.mention_history(mention.pk)
    assert len(found.entries) == min(changes + 1, history.PAGE_SIZE)
    with django_assert_num_queries(QUERIES["entity"]):
        found = history.entity_history(entity.pk)
    assert len(found.entries) == min(2 * changes + 1, history.PAGE_SIZE)


@pytest.mark.parametrize("changes", [2, 30])
def test_a_panels_response_takes_the_same_queries_however_long_the_history(
    changes, article, author, reviewer, django_assert_num_queries
):
    panels = [
        ("event", event_with_changes(article, author, reviewer, changes)),
        ("mention", mention_with_changes(article, author, reviewer, changes)),
        ("entity", entity_with_changes(author, changes)),
    ]
    client = client_for(author)
    for what, item in panels:
        # The session, the user and their permissions (their own and their groups', in one
        # query), then
        # the panel's own queries.
        with django_assert_num_queries(3 + QUERIES[what]):
            response = client.get(
                reverse(f"annotations:{what}-history", args=[item.pk]), HTTP_HX_REQUEST="true"
            )
        assert response.status_code == 200
        assert ("Show older changes" in response.content.decode()) == (changes == 30)
